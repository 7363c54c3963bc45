# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
#
# cmake -DPROGRAM=<retort-cli> -P nowidgets.cmake: fails when the program loads QtWidgets, so that
# retort-cli keeps running on servers without a widget stack.
execute_process(COMMAND ldd ${PROGRAM} OUTPUT_VARIABLE libraries RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "ldd ${PROGRAM} failed (${status})")
endif()
if(NOT libraries MATCHES "libQt6Core")
    message(FATAL_ERROR "ldd ${PROGRAM} shows no QtCore, so this check would prove nothing:\n${libraries}")
endif()
if(libraries MATCHES "libQt6Widgets")
    message(FATAL_ERROR "${PROGRAM} links QtWidgets:\n${libraries}")
endif()
message(STATUS "${PROGRAM} does not link QtWidgets")

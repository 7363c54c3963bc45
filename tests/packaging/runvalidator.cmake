# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
#
# Runs a validator: cmake -DTOOL=path -DPACKAGE=debian-package -DARGUMENTS='a|b|c' -P runvalidator.cmake
# (arguments separated by |, which add_test passes through unlike ;)
# Fails, saying what to install, when the tool was not found, instead of being skipped.
if(NOT TOOL OR TOOL MATCHES "NOTFOUND$")
    message(FATAL_ERROR "The validator was not found: install the ${PACKAGE} package (packaging/setup-debian.sh does), then configure again.")
endif()
string(REPLACE "|" ";" arguments "${ARGUMENTS}")
execute_process(COMMAND ${TOOL} ${arguments} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${TOOL} failed (${status}); its messages are above.")
endif()

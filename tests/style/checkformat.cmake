# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
# Fails when a C++ source is not formatted by the committed .clang-format:
#   cmake -DCLANG_FORMAT=/usr/bin/clang-format -DSOURCE_DIR=<repo> -P checkformat.cmake
if(NOT CLANG_FORMAT)
    message(FATAL_ERROR "clang-format was not found; install it (packaging/setup-debian.sh does).")
endif()
file(GLOB_RECURSE sources LIST_DIRECTORIES false
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
    ${SOURCE_DIR}/model/*.cpp ${SOURCE_DIR}/model/*.h
    ${SOURCE_DIR}/widgets/*.cpp ${SOURCE_DIR}/widgets/*.h
    ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
list(FILTER sources EXCLUDE REGEX "/tests/fuzz/corpus/|/tests/data/")
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources}
    RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    string(REGEX MATCHALL "[^\n]*: error: code should be clang-formatted[^\n]*" findings "${errors}")
    list(JOIN findings "\n" findings)
    message(FATAL_ERROR "Not clang-formatted (run clang-format -i on these files):\n${findings}")
endif()
list(LENGTH sources count)
message(STATUS "${count} sources are clang-formatted")

# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
# Fails when a translation is not complete for the sources as they are: lupdate runs on a copy of
# each .ts, and any unfinished, vanished or obsolete entry afterwards is a string someone added,
# changed or removed without updating the translations (`cmake --build build --target
# update_translations`, then translate what Linguist shows as unfinished).
#   cmake -DLUPDATE=<lupdate> -DSOURCE_DIR=<repo> -DWORK_DIR=<dir> -DTS_FILES=a.ts|b.ts
#         -DPLURALS_TS_FILE=<en.ts> -P checktranslations.cmake
file(GLOB_RECURSE sources LIST_DIRECTORIES false
    ${SOURCE_DIR}/model/*.cpp ${SOURCE_DIR}/widgets/*.cpp ${SOURCE_DIR}/app/*.cpp)
string(REPLACE "|" ";" ts_files "${TS_FILES}")
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(problems "")
foreach(ts IN LISTS ts_files PLURALS_TS_FILE)
    get_filename_component(name ${ts} NAME)
    set(copy ${WORK_DIR}/${name})
    file(COPY_FILE ${ts} ${copy})
    set(options)
    if(ts STREQUAL PLURALS_TS_FILE)
        # English only needs its plural forms, as in translations/CMakeLists.txt.
        set(options -pluralonly -I ${SOURCE_DIR}/model)
    endif()
    execute_process(COMMAND ${LUPDATE} -silent ${options} ${sources} -ts ${copy}
        RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}:\n${output}")
    endif()
    file(READ ${copy} content)
    # One list entry per message (a ; in a text would split CMake's list: it becomes a comma).
    string(REPLACE ";" "," content "${content}")
    string(REPLACE "</message>" ";" messages "${content}")
    foreach(message IN LISTS messages)
        if(message MATCHES "<translation type=\"(unfinished|vanished|obsolete)\"")
            set(state ${CMAKE_MATCH_1})
            string(REGEX MATCH "<source>([^<]*)</source>" source "${message}")
            string(APPEND problems "\n  ${name}, ${state}: ${CMAKE_MATCH_1}")
        endif()
    endforeach()
endforeach()
if(problems)
    message(FATAL_ERROR "Translations out of date with the sources (run `cmake --build build --target update_translations`, translate, commit):${problems}")
endif()
message(STATUS "Every translation is complete: ${TS_FILES} ${PLURALS_TS_FILE}")

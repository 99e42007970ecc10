# CTest fixture: make tests/web/node_modules match package-lock.json. Uses the
# npm cache first (--prefer-offline) and skips the install when the locked
# packages are already there, so an offline rerun still works.
set(dir "${CMAKE_CURRENT_LIST_DIR}")
set(stamp "${dir}/node_modules/.package-lock.json")
if(EXISTS "${stamp}" AND EXISTS "${dir}/node_modules/playwright-core/package.json"
   AND EXISTS "${dir}/node_modules/axe-core/axe.min.js"
   AND NOT "${dir}/package-lock.json" IS_NEWER_THAN "${stamp}")
    message(STATUS "node_modules up to date")
    return()
endif()
find_program(NPM npm REQUIRED)
execute_process(COMMAND ${NPM} ci --prefix "${dir}" --no-audit --no-fund --prefer-offline
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "npm ci failed (${rc}): the web tests need playwright-core and axe-core")
endif()

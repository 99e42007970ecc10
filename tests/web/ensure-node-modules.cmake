# CTest fixture: install the web tests' npm packages (package-lock.json) into
# the build tree, never the source tree. Uses the npm cache first
# (--prefer-offline) and skips the install when the locked packages are there,
# so an offline rerun still works. Usage: cmake -DSRC=dir -DDEST=dir -P this
foreach(var SRC DEST)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "ensure-node-modules.cmake needs -D${var}=...")
    endif()
endforeach()
file(MAKE_DIRECTORY "${DEST}")
set(stamp "${DEST}/node_modules/.package-lock.json")
if(EXISTS "${stamp}" AND EXISTS "${DEST}/node_modules/playwright-core/package.json"
   AND EXISTS "${DEST}/node_modules/axe-core/axe.min.js"
   AND EXISTS "${DEST}/node_modules/badge-maker/package.json"
   AND NOT "${SRC}/package-lock.json" IS_NEWER_THAN "${stamp}")
    message(STATUS "node_modules up to date")
    return()
endif()
file(COPY "${SRC}/package.json" "${SRC}/package-lock.json" DESTINATION "${DEST}")
find_program(NPM npm REQUIRED)
execute_process(COMMAND ${NPM} ci --prefix "${DEST}" --no-audit --no-fund --prefer-offline
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "npm ci failed (${rc}): the web tests need playwright-core, axe-core and badge-maker")
endif()

# Steps of the consumer tests, run with `cmake -DSTEP=... -P run.cmake`. Any failure is fatal.
#   STEP=install    cmake --install BUILD_DIR into a fresh PREFIX
#   STEP=cmake      configure + build app/ with find_package(webclean) against PREFIX, run it
#   STEP=pkgconfig  compile app/main.cpp with `pkg-config --cflags --libs --static webclean`, run it
cmake_minimum_required(VERSION 3.22)

function(run)
  list(JOIN ARGN " " shown)
  message(STATUS "+ ${shown}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${shown}")
  endif()
endfunction()

# Run the built consumer; a shared libwebclean is found in the prefix.
function(run_consumer exe)
  run(${CMAKE_COMMAND} -E env "LD_LIBRARY_PATH=${PREFIX}/${LIBDIR}" ${exe})
endfunction()

separate_arguments(extra_flags UNIX_COMMAND "${EXTRA_FLAGS}")

if(STEP STREQUAL "install")
  file(REMOVE_RECURSE ${PREFIX})
  run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX} --config ${BUILD_TYPE})
  foreach(f ${LIBDIR}/cmake/webclean/webcleanConfig.cmake ${LIBDIR}/pkgconfig/webclean.pc
            include/webclean/webclean.hpp include/webclean/version.hpp)
    if(NOT EXISTS ${PREFIX}/${f})
      message(FATAL_ERROR "not installed: ${PREFIX}/${f}")
    endif()
  endforeach()

elseif(STEP STREQUAL "cmake")
  set(out ${WORK_DIR}/cmake-build)
  file(REMOVE_RECURSE ${out})
  run(${CMAKE_COMMAND} -S ${APP_DIR} -B ${out} -G ${GENERATOR}
      -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
      -DCMAKE_CXX_COMPILER=${CXX}
      -DCMAKE_PREFIX_PATH=${PREFIX}
      -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON
      "-DCMAKE_CXX_FLAGS=${EXTRA_FLAGS}"
      "-DCMAKE_EXE_LINKER_FLAGS=${EXTRA_FLAGS}")
  run(${CMAKE_COMMAND} --build ${out} --config ${BUILD_TYPE})
  run_consumer(${out}/webclean_consumer)

elseif(STEP STREQUAL "pkgconfig")
  set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
  execute_process(COMMAND ${PKG_CONFIG} --cflags --libs --static webclean
                  OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pkg-config --cflags --libs --static webclean failed (${rc})")
  endif()
  message(STATUS "pkg-config: ${flags}")
  separate_arguments(flags UNIX_COMMAND "${flags}")
  set(exe ${WORK_DIR}/pkgconfig-consumer)
  file(REMOVE ${exe})
  # The headers need C++17, which not every compiler defaults to (clang 14 does not).
  run(${CXX} -std=c++17 ${extra_flags} ${APP_DIR}/main.cpp -o ${exe} ${flags})
  run_consumer(${exe})

else()
  message(FATAL_ERROR "unknown STEP '${STEP}'")
endif()

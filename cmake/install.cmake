# Install rules, the CMake package (webclean::webclean) and the pkg-config file (webclean.pc).
# Included from the top-level CMakeLists.txt when WEBCLEAN_INSTALL is ON, after the targets exist.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(WEBCLEAN_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/webclean)
set(WEBCLEAN_PKGCONFIG_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# ---------------------------------------------------------------------------------------------
# Link dependencies of the library: the one list to extend when src/ gains a dependency.
#
# A static libwebclean carries its PRIVATE link dependencies into the export as
# $<LINK_ONLY:...>, so a consumer has to find each of them again. webcleanConfig.cmake does that
# with the calls generated here, and webclean.pc lists the matching pkg-config modules under
# Requires.private.
#
#   webclean_dependency(TARGETS <imported targets as written in target_link_libraries>
#                       [FIND_PACKAGE <find_dependency arguments...>]
#                       [PKG_CONFIG <prefix> <module>]   # recreates PkgConfig::<prefix>
#                       [PC_MODULES <pkg-config modules for Requires.private...>]
#                       [PC_LIBS <linker flags for Libs.private...>])
#
# PC_LIBS is for a library whose own .pc file does not work with --static on Debian (libcurl's
# Libs.private names -dev packages that are not installed): webclean.pc then links the shared
# library by name instead.
#
# An entry is written out only when the library really links one of its TARGETS, so a
# dependency can be declared before src/ uses it.
# ---------------------------------------------------------------------------------------------
get_target_property(_webclean_links webclean LINK_LIBRARIES)
if(NOT _webclean_links)
  set(_webclean_links "")
endif()

set(WEBCLEAN_CONFIG_DEPENDENCIES "")
set(WEBCLEAN_PC_REQUIRES_PRIVATE "")
set(WEBCLEAN_PC_LIBS_PRIVATE "")
set(_webclean_declared_targets "")

function(webclean_dependency)
  cmake_parse_arguments(PARSE_ARGV 0 dep "" "" "TARGETS;FIND_PACKAGE;PKG_CONFIG;PC_MODULES;PC_LIBS")
  set(declared ${_webclean_declared_targets} ${dep_TARGETS})
  set(_webclean_declared_targets "${declared}" PARENT_SCOPE)
  set(used OFF)
  foreach(target IN LISTS dep_TARGETS)
    if(target IN_LIST _webclean_links)
      set(used ON)
    endif()
  endforeach()
  if(NOT used)
    return()
  endif()
  set(code "${WEBCLEAN_CONFIG_DEPENDENCIES}")
  if(dep_FIND_PACKAGE)
    list(JOIN dep_FIND_PACKAGE " " args)
    string(APPEND code "find_dependency(${args})\n")
  endif()
  if(dep_PKG_CONFIG)
    list(GET dep_PKG_CONFIG 0 prefix)
    list(GET dep_PKG_CONFIG 1 module)
    string(APPEND code "_webclean_pkg_target(${prefix} ${module})\n")
  endif()
  set(WEBCLEAN_CONFIG_DEPENDENCIES "${code}" PARENT_SCOPE)
  set(requires ${WEBCLEAN_PC_REQUIRES_PRIVATE} ${dep_PC_MODULES})
  set(WEBCLEAN_PC_REQUIRES_PRIVATE "${requires}" PARENT_SCOPE)
  set(libs ${WEBCLEAN_PC_LIBS_PRIVATE} ${dep_PC_LIBS})
  set(WEBCLEAN_PC_LIBS_PRIVATE "${libs}" PARENT_SCOPE)
endfunction()

webclean_dependency(TARGETS PkgConfig::GUMBO    PKG_CONFIG GUMBO gumbo       PC_MODULES gumbo)
webclean_dependency(TARGETS PkgConfig::UCHARDET PKG_CONFIG UCHARDET uchardet PC_MODULES uchardet)
webclean_dependency(TARGETS ICU::uc ICU::i18n   FIND_PACKAGE ICU COMPONENTS uc i18n
                    PC_MODULES icu-uc icu-i18n)
webclean_dependency(TARGETS ZLIB::ZLIB          FIND_PACKAGE ZLIB            PC_MODULES zlib)
webclean_dependency(TARGETS md4c::md4c-html md4c::md4c FIND_PACKAGE md4c     PC_MODULES md4c-html)
webclean_dependency(TARGETS nlohmann_json::nlohmann_json FIND_PACKAGE nlohmann_json 3)  # headers only
webclean_dependency(TARGETS CURL::libcurl       FIND_PACKAGE CURL            PC_LIBS -lcurl)
webclean_dependency(TARGETS pugixml::pugixml pugixml pugixml::shared pugixml::static
                    FIND_PACKAGE pugixml PC_MODULES pugixml)
webclean_dependency(TARGETS PkgConfig::ZSTD     PKG_CONFIG ZSTD libzstd      PC_MODULES libzstd)
webclean_dependency(TARGETS Threads::Threads    FIND_PACKAGE Threads)

# A linked imported target with no entry above would break find_package(webclean) for users of
# the static library (the consumer tests in tests/consumer/ fail too): say so at configure time.
foreach(lib IN LISTS _webclean_links)
  if(TARGET ${lib})
    get_target_property(_imported ${lib} IMPORTED)
    if(_imported AND NOT lib IN_LIST _webclean_declared_targets)
      message(WARNING "webclean links ${lib}, but cmake/install.cmake has no webclean_dependency() "
                      "entry for it: add one, or find_package(webclean) fails for static users.")
    endif()
  endif()
endforeach()
list(JOIN WEBCLEAN_PC_REQUIRES_PRIVATE " " WEBCLEAN_PC_REQUIRES_PRIVATE)
list(JOIN WEBCLEAN_PC_LIBS_PRIVATE " " WEBCLEAN_PC_LIBS_PRIVATE)

get_target_property(_webclean_type webclean TYPE)
if(_webclean_type STREQUAL "STATIC_LIBRARY")
  set(WEBCLEAN_STATIC_LIBRARY ON)
else()
  set(WEBCLEAN_STATIC_LIBRARY OFF)
endif()

# ---------------------------------------------------------------------------------------------
# Targets, headers, CLI
# ---------------------------------------------------------------------------------------------
set_target_properties(webclean PROPERTIES EXPORT_NAME webclean)

install(TARGETS webclean
  EXPORT webcleanTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT webclean_development
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT webclean_runtime
          NAMELINK_COMPONENT webclean_development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT webclean_runtime)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/webclean
                  ${PROJECT_BINARY_DIR}/include/webclean
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT webclean_development
  FILES_MATCHING PATTERN "*.hpp")

if(WEBCLEAN_BUILD_CLI AND TARGET webclean_cli)
  if(NOT WEBCLEAN_STATIC_LIBRARY)
    # Let the installed CLI find the installed shared library wherever the prefix is.
    file(RELATIVE_PATH _webclean_bin_to_lib
         /prefix/${CMAKE_INSTALL_BINDIR} /prefix/${CMAKE_INSTALL_LIBDIR})
    set_target_properties(webclean_cli PROPERTIES INSTALL_RPATH "$ORIGIN/${_webclean_bin_to_lib}")
  endif()
  install(TARGETS webclean_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
          COMPONENT webclean_runtime)
endif()

# ---------------------------------------------------------------------------------------------
# CMake package: find_package(webclean) -> webclean::webclean
# ---------------------------------------------------------------------------------------------
install(EXPORT webcleanTargets
  NAMESPACE webclean::
  FILE webcleanTargets.cmake
  DESTINATION ${WEBCLEAN_CMAKE_INSTALL_DIR}
  COMPONENT webclean_development)

configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/webcleanConfig.cmake.in
  ${PROJECT_BINARY_DIR}/webcleanConfig.cmake
  INSTALL_DESTINATION ${WEBCLEAN_CMAKE_INSTALL_DIR})
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/webcleanConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/webcleanConfig.cmake
              ${PROJECT_BINARY_DIR}/webcleanConfigVersion.cmake
  DESTINATION ${WEBCLEAN_CMAKE_INSTALL_DIR}
  COMPONENT webclean_development)

# ---------------------------------------------------------------------------------------------
# pkg-config: relocatable (paths relative to the .pc file), so `cmake --install --prefix X`
# gives a working file for any X.
# ---------------------------------------------------------------------------------------------
function(_webclean_pc_path out dir)
  if(IS_ABSOLUTE "${dir}")
    set(${out} "${dir}" PARENT_SCOPE)
  else()
    set(${out} "\${prefix}/${dir}" PARENT_SCOPE)
  endif()
endfunction()
if(IS_ABSOLUTE "${WEBCLEAN_PKGCONFIG_INSTALL_DIR}")
  set(WEBCLEAN_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _webclean_pc_up /prefix/${WEBCLEAN_PKGCONFIG_INSTALL_DIR} /prefix)
  string(REGEX REPLACE "/$" "" _webclean_pc_up "${_webclean_pc_up}")
  set(WEBCLEAN_PC_PREFIX "\${pcfiledir}/${_webclean_pc_up}")
endif()
_webclean_pc_path(WEBCLEAN_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
_webclean_pc_path(WEBCLEAN_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")

configure_file(${PROJECT_SOURCE_DIR}/cmake/webclean.pc.in ${PROJECT_BINARY_DIR}/webclean.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/webclean.pc
  DESTINATION ${WEBCLEAN_PKGCONFIG_INSTALL_DIR}
  COMPONENT webclean_development)

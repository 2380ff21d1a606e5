# Install rules and the package consumers find (fmt's model): headers,
# libraries and helpdesk-server under the GNU directories; the libraries
# exported as helpdesk::<component> for find_package(helpdesk), from the
# install tree and from the build tree; helpdesk.pc for pkg-config.
# Included last by the top CMakeLists.txt, so every target already exists.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(helpdesk_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/helpdesk)

# Each library is a component, exported without the helpdesk_ prefix.
set(helpdesk_components)
set(helpdesk_library_targets)
foreach(component core sql sqlite postgres open_store smtp webhook tz server c)
  if(TARGET helpdesk_${component})
    list(APPEND helpdesk_components ${component})
    list(APPEND helpdesk_library_targets helpdesk_${component})
    set_target_properties(helpdesk_${component} PROPERTIES EXPORT_NAME ${component})
  endif()
endforeach()
# The wire layer has no public headers, but the static helpdesk::server
# needs its archive when a consumer links.
if(TARGET helpdesk_wire AND TARGET helpdesk_server)
  list(APPEND helpdesk_library_targets helpdesk_wire)
endif()

install(TARGETS ${helpdesk_library_targets} EXPORT helpdesk-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET helpdesk-server)
  install(TARGETS helpdesk-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# The public headers, less those of the components that were not built.
set(helpdesk_header_excludes)
foreach(pair "c:c\\.h" "sqlite:adapters/sqlite\\.hpp" "postgres:adapters/postgres\\.hpp"
             "open_store:adapters/open_store\\.hpp"
             "smtp:adapters/smtp\\.hpp" "webhook:adapters/webhook\\.hpp" "tz:adapters/time_zones\\.hpp"
             "server:server\\.hpp")
  string(REPLACE ":" ";" pair "${pair}")
  list(GET pair 0 component)
  list(GET pair 1 header)
  if(NOT component IN_LIST helpdesk_components)
    list(APPEND helpdesk_header_excludes REGEX "/include/helpdesk/${header}$" EXCLUDE)
  endif()
endforeach()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/helpdesk DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h" ${helpdesk_header_excludes})

# find_dependency() lines for the third-party packages of the built
# components: static libraries export even their PRIVATE links, so a
# consumer needs those targets too.
set(helpdesk_openssl_components Crypto)
set(helpdesk_boost_components)
# The C ABI library links Boost.JSON (shared) itself.
if(TARGET helpdesk_smtp OR TARGET helpdesk_webhook OR TARGET helpdesk_server OR TARGET helpdesk_c)
  list(APPEND helpdesk_boost_components json)
endif()
if(TARGET helpdesk_server)
  list(APPEND helpdesk_boost_components url)
  list(APPEND helpdesk_openssl_components SSL)
endif()
list(JOIN helpdesk_openssl_components " " helpdesk_openssl_components)
list(JOIN helpdesk_boost_components " " helpdesk_boost_components)
set(HELPDESK_CONFIG_DEPENDENCIES "find_dependency(OpenSSL 3 COMPONENTS ${helpdesk_openssl_components})\n")
if(TARGET helpdesk_sqlite)
  string(APPEND HELPDESK_CONFIG_DEPENDENCIES "find_dependency(SQLite3)\n")
endif()
if(TARGET helpdesk_postgres)
  string(APPEND HELPDESK_CONFIG_DEPENDENCIES "find_dependency(PostgreSQL)\n")
endif()
if(TARGET helpdesk_smtp OR TARGET helpdesk_webhook)
  string(APPEND HELPDESK_CONFIG_DEPENDENCIES "find_dependency(CURL)\n")
endif()
if(TARGET helpdesk_tz)
  string(APPEND HELPDESK_CONFIG_DEPENDENCIES "find_dependency(date)\n")
endif()
if(helpdesk_boost_components)
  string(APPEND HELPDESK_CONFIG_DEPENDENCIES
    "find_dependency(Boost 1.81 COMPONENTS ${helpdesk_boost_components})\n")
endif()
if(TARGET helpdesk_server)
  string(APPEND HELPDESK_CONFIG_DEPENDENCIES "find_dependency(Threads)\n")
endif()

# The same config file serves the build tree (beside the build-tree export)
# and the install tree.
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/helpdesk-config.cmake.in
  ${PROJECT_BINARY_DIR}/helpdesk-config.cmake INSTALL_DESTINATION ${helpdesk_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/helpdesk-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
export(EXPORT helpdesk-targets NAMESPACE helpdesk:: FILE ${PROJECT_BINARY_DIR}/helpdesk-targets.cmake)
install(EXPORT helpdesk-targets NAMESPACE helpdesk:: DESTINATION ${helpdesk_cmake_dir})
install(FILES ${PROJECT_BINARY_DIR}/helpdesk-config.cmake ${PROJECT_BINARY_DIR}/helpdesk-config-version.cmake
  DESTINATION ${helpdesk_cmake_dir})

# pkg-config: the core, with the SQLite store when it was built. A static
# library's dependencies must reach the consumer's link line, so they are
# Requires; a shared one hides them behind Requires.private.
set(HELPDESK_PC_LIBS "-l$<TARGET_FILE_BASE_NAME:helpdesk_core>")
set(HELPDESK_PC_DEPENDENCIES "libcrypto")
set(HELPDESK_PC_DESCRIPTION "Embeddable help-desk engine")
if(TARGET helpdesk_sqlite)
  set(HELPDESK_PC_LIBS "-l$<TARGET_FILE_BASE_NAME:helpdesk_sqlite> -l$<TARGET_FILE_BASE_NAME:helpdesk_sql> -l$<TARGET_FILE_BASE_NAME:helpdesk_core>")
  set(HELPDESK_PC_DEPENDENCIES "sqlite3 libcrypto")
  string(APPEND HELPDESK_PC_DESCRIPTION " with its SQLite store")
endif()
if(BUILD_SHARED_LIBS)
  set(HELPDESK_PC_REQUIRES "")
  set(HELPDESK_PC_REQUIRES_PRIVATE "${HELPDESK_PC_DEPENDENCIES}")
else()
  set(HELPDESK_PC_REQUIRES "${HELPDESK_PC_DEPENDENCIES}")
  set(HELPDESK_PC_REQUIRES_PRIVATE "")
endif()
# Relative to the .pc file's own folder when the layout allows, so that
# `cmake --install --prefix` elsewhere (or DESTDIR) still gives a working file.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(HELPDESK_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  # One ".." per folder of <libdir>/pkgconfig.
  string(REGEX REPLACE "[^/]+" ".." helpdesk_pc_up "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
  set(HELPDESK_PC_PREFIX "\${pcfiledir}/${helpdesk_pc_up}")
endif()
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(HELPDESK_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(HELPDESK_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
configure_file(${CMAKE_CURRENT_LIST_DIR}/helpdesk.pc.in ${PROJECT_BINARY_DIR}/helpdesk.pc.configured @ONLY)
# The library names come from the targets' OUTPUT_NAME, known at generation.
file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/helpdesk.pc INPUT ${PROJECT_BINARY_DIR}/helpdesk.pc.configured)
install(FILES ${PROJECT_BINARY_DIR}/helpdesk.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

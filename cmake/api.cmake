# The embedding API (include/capy, src/api) and its installed package.
# Included by CMakeLists.txt after the core (capy_core) and the hosts
# (capy_host) are defined.
#
# Libraries:
#   capy_api     static, the API's own objects (what the unit tests link)
#   capy_shared  libcapy.so: core + hosts + API; exports only CAPY_API symbols
#   capy_static  libcapy.a: the same objects as one archive (its users link
#                GMP, PCRE2, utf8proc, libcrypto and zlib themselves)
# Installed: include/capy/*.h, both libraries, a CMake package
# (find_package(capy) -> capy::capy, capy::capy_static) and pkg-config files
# (capy.pc for the shared library, capy-static.pc for the archive).

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

option(CAPY_TSAN "Build with ThreadSanitizer (only the threads test is meant to be built this way)" OFF)
if(CAPY_TSAN)
  if(CAPY_SANITIZE)
    message(FATAL_ERROR "CAPY_TSAN and CAPY_SANITIZE cannot be combined")
  endif()
  target_compile_options(capy_core PUBLIC -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(capy_core PUBLIC -fsanitize=thread)
endif()

option(CAPY_SHARED "Build libcapy.so (compiles the core as position-independent code)" ON)

# Everything that goes into libcapy.so is position independent, and only
# the API's CAPY_API declarations are visible outside the library. With
# hidden visibility -fPIC code makes direct calls and PC-relative data
# accesses just as the default -fPIE code does, so the capy executable, which
# links the same archive, runs as fast (docs/embedding.md, "Building and
# linking", records the comparison).
set(_capy_lib_targets capy_core)
if(TARGET capy_host)
  list(APPEND _capy_lib_targets capy_host)
endif()
set_target_properties(${_capy_lib_targets} PROPERTIES
  POSITION_INDEPENDENT_CODE ${CAPY_SHARED}
  CXX_VISIBILITY_PRESET hidden
  C_VISIBILITY_PRESET hidden
  VISIBILITY_INLINES_HIDDEN ON)
if(CAPY_SHARED)
  # Thread-locals (the native stack limit, small per-thread caches) are read
  # on hot paths: the initial-exec model keeps each read a single load from
  # %fs instead of a call to __tls_get_addr. libcapy.so uses a few dozen
  # bytes of static TLS, well within what the C library reserves for
  # libraries loaded with dlopen (the CPython module is one).
  foreach(_t ${_capy_lib_targets})
    target_compile_options(${_t} PRIVATE -ftls-model=initial-exec)
  endforeach()
endif()

file(GLOB CAPY_API_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/api/*.cc)
list(FILTER CAPY_API_SOURCES EXCLUDE REGEX ".*_test\\.cc$")

add_library(capy_api_objects OBJECT ${CAPY_API_SOURCES})
set_target_properties(capy_api_objects PROPERTIES
  POSITION_INDEPENDENT_CODE ${CAPY_SHARED}
  CXX_VISIBILITY_PRESET hidden
  VISIBILITY_INLINES_HIDDEN ON)
# Public types are capy::api::X; the core's are capy::X: inside src/api the
# short public aliases (capy::Isolate = capy::api::Isolate) are left out.
target_compile_definitions(capy_api_objects PRIVATE CAPY_API_NO_ALIASES=1)
target_compile_options(capy_api_objects PRIVATE ${CAPY_WARNINGS} $<$<BOOL:${CAPY_SHARED}>:-ftls-model=initial-exec>)
target_link_libraries(capy_api_objects PUBLIC capy_core)
if(TARGET capy_host)
  target_link_libraries(capy_api_objects PUBLIC capy_host)
endif()

add_library(capy_api STATIC $<TARGET_OBJECTS:capy_api_objects>)
target_link_libraries(capy_api PUBLIC ${_capy_lib_targets})
target_include_directories(capy_api PUBLIC ${CMAKE_SOURCE_DIR}/include)

# libcapy.so
if(CAPY_SHARED)
  add_library(capy_shared SHARED $<TARGET_OBJECTS:capy_api_objects>)
  target_link_libraries(capy_shared PRIVATE ${_capy_lib_targets})
  target_link_options(capy_shared PRIVATE -Wl,--exclude-libs,ALL -Wl,--no-undefined)
  target_include_directories(capy_shared INTERFACE
    $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  set_target_properties(capy_shared PROPERTIES
    OUTPUT_NAME capy
    EXPORT_NAME capy
    VERSION ${PROJECT_VERSION}
    SOVERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
  set(_capy_installed_libs capy_shared capy_static)
else()
  set(_capy_installed_libs capy_static)
  # The CPython module is a shared object too: it needs the PIC core.
  set(CAPY_PYTHON OFF)
endif()

# libcapy.a: one archive of every object (the core's, the hosts', the API's).
set(_capy_static_objects $<TARGET_OBJECTS:capy_api_objects> $<TARGET_OBJECTS:capy_core>)
if(TARGET capy_host)
  list(APPEND _capy_static_objects $<TARGET_OBJECTS:capy_host>)
endif()
add_library(capy_static STATIC ${_capy_static_objects})
add_dependencies(capy_static ${_capy_lib_targets})
set(CAPY_STATIC_DEPS gmp pcre2-8 utf8proc crypto z pthread m)
target_link_libraries(capy_static INTERFACE
  $<BUILD_INTERFACE:PkgConfig::UTF8PROC> $<BUILD_INTERFACE:PkgConfig::PCRE2>
  $<BUILD_INTERFACE:PkgConfig::LIBCRYPTO> $<BUILD_INTERFACE:ZLIB::ZLIB> $<BUILD_INTERFACE:${GMP_LIBRARY}>
  $<INSTALL_INTERFACE:${CAPY_STATIC_DEPS}>)
target_include_directories(capy_static INTERFACE
  $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
set_target_properties(capy_static PROPERTIES OUTPUT_NAME capy EXPORT_NAME capy_static)

# --- installation -------------------------------------------------------------------
# Everything below is the install component "capy":
#   cmake --install build --prefix /opt/capy [--component capy]
install(DIRECTORY ${CMAKE_SOURCE_DIR}/include/capy DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT capy
        FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")
install(TARGETS ${_capy_installed_libs} EXPORT capyTargets COMPONENT capy
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS capy COMPONENT capy RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
set(CAPY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/capy)
install(EXPORT capyTargets NAMESPACE capy:: DESTINATION ${CAPY_CMAKE_DIR} COMPONENT capy)
configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/capyConfig.cmake.in
  ${CMAKE_BINARY_DIR}/capyConfig.cmake INSTALL_DESTINATION ${CAPY_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/capyConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/capyConfig.cmake ${CMAKE_BINARY_DIR}/capyConfigVersion.cmake
        DESTINATION ${CAPY_CMAKE_DIR} COMPONENT capy)

# The pkg-config files are relocatable: their prefix is found from where they
# are installed (${pcfiledir}), so --prefix at install time works.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(CAPY_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(CAPY_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  file(RELATIVE_PATH _capy_pc_up "/root/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/root")
  string(REGEX REPLACE "/$" "" _capy_pc_up "${_capy_pc_up}")
  set(CAPY_PC_PREFIX "\${pcfiledir}/${_capy_pc_up}")
  set(CAPY_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(CAPY_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(CAPY_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
list(TRANSFORM CAPY_STATIC_DEPS PREPEND "-l" OUTPUT_VARIABLE _capy_static_flags)
string(JOIN " " CAPY_PC_STATIC_LIBS ${_capy_static_flags})
configure_file(${CMAKE_SOURCE_DIR}/cmake/capy.pc.in ${CMAKE_BINARY_DIR}/capy.pc @ONLY)
configure_file(${CMAKE_SOURCE_DIR}/cmake/capy-static.pc.in ${CMAKE_BINARY_DIR}/capy-static.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/capy.pc ${CMAKE_BINARY_DIR}/capy-static.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT capy)

# --- tests ----------------------------------------------------------------------------
# tests/unit/api_*_test.cc are part of capy_unit_tests (defined after this
# file is included): link the API into it once it exists.
function(_capy_api_link_tests)
  if(TARGET capy_unit_tests)
    target_link_libraries(capy_unit_tests PRIVATE capy_api)
  endif()
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL _capy_api_link_tests)

# The API's tests on their own, for sanitizer builds that need nothing else:
#   cmake -DCAPY_TSAN=ON ... && ninja capy_api_thread_tests     (scripts/tsan.sh)
#   cmake -DCAPY_SANITIZE=ON ... && ninja capy_api_tests        (every api_*_test.cc)
file(GLOB CAPY_API_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/api_*_test.cc)
if(CAPY_TESTS AND CAPY_API_TEST_SOURCES)
  find_package(GTest REQUIRED)
  add_executable(capy_api_tests EXCLUDE_FROM_ALL ${CAPY_API_TEST_SOURCES})
  target_compile_options(capy_api_tests PRIVATE ${CAPY_WARNINGS})
  target_link_libraries(capy_api_tests PRIVATE capy_api GTest::gtest GTest::gtest_main)
  if(EXISTS ${CMAKE_SOURCE_DIR}/tests/unit/api_threads_test.cc)
    add_executable(capy_api_thread_tests EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/tests/unit/api_threads_test.cc)
    target_compile_options(capy_api_thread_tests PRIVATE ${CAPY_WARNINGS})
    target_link_libraries(capy_api_thread_tests PRIVATE capy_api GTest::gtest GTest::gtest_main)
  endif()
endif()

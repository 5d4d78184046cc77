# libFuzzer targets (fuzz/), built only with -DCAPY_FUZZ=ON and clang:
#
#   cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Release \
#         -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
#         -DCAPY_FUZZ=ON -DCAPY_WERROR=OFF -DCAPY_TESTS=OFF
#   ninja -C build-fuzz fuzz_parse fuzz_compile fuzz_exec fuzz_api
#
# Every target is instrumented for libFuzzer's coverage feedback and built
# with AddressSanitizer and UndefinedBehaviorSanitizer (any UB report aborts).
# The targets do not link capy_core: each links only the instrumented
# libraries it needs, so a short CI run of the front-end targets does not wait
# for the whole interpreter to compile:
#
#   capy_fuzz_front   src/support, src/syntax, src/compiler  (fuzz_parse, fuzz_compile)
#   capy_fuzz_core    the rest of capy_core's sources         (fuzz_exec)
#   capy_fuzz_api     src/api and src/host                    (fuzz_api)
#
# scripts/fuzz.sh configures, builds and runs them; docs/fuzzing.md explains
# how to run them for hours and turn a finding into a regression test.
option(CAPY_FUZZ "Build the libFuzzer targets in fuzz/ (clang only)" OFF)

if(CAPY_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR NOT CMAKE_C_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CAPY_FUZZ needs clang: configure with -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++")
  endif()

  # -fsanitize-address-use-after-return=never: the collector scans the native
  # stack for roots, which must hold the real frames, not ASan's fake stacks.
  set(CAPY_FUZZ_COMPILE_FLAGS
      -fsanitize=fuzzer-no-link,address,undefined
      -fno-sanitize-recover=undefined
      -fsanitize-address-use-after-return=never
      -fno-omit-frame-pointer -g)
  set(CAPY_FUZZ_LINK_FLAGS -fsanitize=fuzzer,address,undefined)

  # The same sources as capy_core, split in two.
  set(CAPY_FUZZ_FRONT_SOURCES ${CAPY_CORE_SOURCES})
  list(FILTER CAPY_FUZZ_FRONT_SOURCES INCLUDE REGEX ".*/src/(support|syntax|compiler)/.*")
  set(CAPY_FUZZ_REST_SOURCES ${CAPY_CORE_SOURCES})
  list(FILTER CAPY_FUZZ_REST_SOURCES EXCLUDE REGEX ".*/src/(support|syntax|compiler)/.*")

  # Both libraries take capy_core's include directories, definitions and
  # dependencies, so they stay in step with CMakeLists.txt.
  get_target_property(_capy_core_includes capy_core INCLUDE_DIRECTORIES)
  get_target_property(_capy_core_defs capy_core COMPILE_DEFINITIONS)
  get_target_property(_capy_core_libs capy_core INTERFACE_LINK_LIBRARIES)

  add_library(capy_fuzz_front STATIC ${CAPY_FUZZ_FRONT_SOURCES})
  add_library(capy_fuzz_core STATIC ${CAPY_FUZZ_REST_SOURCES})
  add_dependencies(capy_fuzz_core capy_module_tables)
  target_link_libraries(capy_fuzz_core PUBLIC capy_fuzz_front)
  foreach(lib capy_fuzz_front capy_fuzz_core)
    target_include_directories(${lib} PUBLIC ${_capy_core_includes})
    if(_capy_core_defs)
      target_compile_definitions(${lib} PUBLIC ${_capy_core_defs})
    endif()
    if(_capy_core_libs)
      target_link_libraries(${lib} PUBLIC ${_capy_core_libs})
    endif()
    target_compile_options(${lib} PRIVATE ${CAPY_WARNINGS})
    target_compile_options(${lib} PUBLIC ${CAPY_FUZZ_COMPILE_FLAGS})
  endforeach()

  # The embedding API (src/api) and the POSIX host (src/host), instrumented
  # the same way, for fuzz_api.
  if(CAPY_API_SOURCES)
    add_library(capy_fuzz_api STATIC ${CAPY_API_SOURCES} ${CAPY_HOST_SOURCES})
    target_compile_definitions(capy_fuzz_api PRIVATE CAPY_API_NO_ALIASES=1)
    target_compile_options(capy_fuzz_api PRIVATE ${CAPY_WARNINGS})
    target_link_libraries(capy_fuzz_api PUBLIC capy_fuzz_core)
  endif()

  # One executable per fuzz/fuzz_<name>.cc. fuzz_parse and fuzz_compile need
  # only the front end; the others need the whole core.
  file(GLOB CAPY_FUZZ_TARGET_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/fuzz/fuzz_*.cc)
  set(CAPY_FUZZ_TARGETS)
  foreach(src ${CAPY_FUZZ_TARGET_SOURCES})
    get_filename_component(name ${src} NAME_WE)
    if(name STREQUAL "fuzz_api" AND NOT TARGET capy_fuzz_api)
      continue()
    endif()
    add_executable(${name} ${src})
    target_compile_options(${name} PRIVATE ${CAPY_WARNINGS})
    target_link_options(${name} PRIVATE ${CAPY_FUZZ_LINK_FLAGS})
    if(name STREQUAL "fuzz_parse" OR name STREQUAL "fuzz_compile")
      target_link_libraries(${name} PRIVATE capy_fuzz_front)
    elseif(name STREQUAL "fuzz_api")
      target_link_libraries(${name} PRIVATE capy_fuzz_api)
    else()
      target_link_libraries(${name} PRIVATE capy_fuzz_core)
    endif()
    list(APPEND CAPY_FUZZ_TARGETS ${name})
  endforeach()
  add_custom_target(capy_fuzz DEPENDS ${CAPY_FUZZ_TARGETS})
endif()

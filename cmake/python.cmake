# The capy module for CPython (python/): the extension capy._capy, built on
# the public embedding API, staged with its Python files as an importable
# package in ${CMAKE_BINARY_DIR}/python/capy.
#
#   cmake -S . -B build-python [-DPython3_EXECUTABLE=/usr/bin/python3]
#   ninja -C build-python capy_python
#   PYTHONPATH=build-python/python python3 -c 'import capy; print(capy.run("6 * 7"))'
#
# The module is built for the interpreter FindPython3 finds (the first
# python3 on PATH) unless Python3_EXECUTABLE names one. `pip install ./python`
# drives this same build through python/_capy_build_backend.py.
#
# The module links capy_api statically: cmake/api.cmake builds the core and
# the API as position-independent code with hidden visibility, and only
# PyInit__capy leaves the shared object.
#
# On by default when the interpreter's headers are found (python3-dev);
# -DCAPY_PYTHON=OFF leaves the module out, and -DCAPY_PYTHON_REQUIRED=ON
# makes a missing prerequisite an error (pip's build and scripts/python.sh).
option(CAPY_PYTHON "Build the capy module for CPython (python/)" ON)
option(CAPY_PYTHON_REQUIRED "Fail the configuration when the module cannot be built" OFF)

if(CAPY_PYTHON)
  find_package(Python3 COMPONENTS Interpreter Development.Module)
  if(NOT TARGET capy_api)
    message(STATUS "capy module for CPython: not built (the embedding API is not part of this build)")
  elseif(NOT Python3_Development.Module_FOUND)
    message(STATUS "capy module for CPython: not built (no headers for ${Python3_EXECUTABLE}; "
                   "on Debian: apt-get install python3-dev)")
  else()
    set(CAPY_PYTHON_BUILD ON)
  endif()
endif()
if(CAPY_PYTHON_REQUIRED AND NOT CAPY_PYTHON_BUILD)
  message(FATAL_ERROR "CAPY_PYTHON_REQUIRED: the capy module for CPython cannot be built (see above)")
endif()

if(CAPY_PYTHON_BUILD)
  message(STATUS "capy module for CPython: for ${Python3_EXECUTABLE} (${Python3_VERSION}, ${Python3_SOABI})")
  set(CAPY_PYTHON_STAGE ${CMAKE_BINARY_DIR}/python/capy)
  file(MAKE_DIRECTORY ${CAPY_PYTHON_STAGE})

  Python3_add_library(capy_python MODULE WITH_SOABI python/src/capy_module.cc)
  set_target_properties(capy_python PROPERTIES
    OUTPUT_NAME _capy
    LIBRARY_OUTPUT_DIRECTORY ${CAPY_PYTHON_STAGE}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_compile_options(capy_python PRIVATE ${CAPY_WARNINGS})
  target_link_libraries(capy_python PRIVATE capy_api)
  if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    # Only PyInit__capy is exported: capy's own symbols stay private to the
    # module, whatever else the interpreter loads.
    target_link_options(capy_python PRIVATE -Wl,--exclude-libs,ALL)
  endif()

  # A shared object links with undefined symbols (the interpreter provides
  # Python's): importing the module right after the link finds any other.
  # (With the sanitizers the interpreter needs their runtime preloaded.)
  set(_capy_import_env PYTHONPATH=${CMAKE_BINARY_DIR}/python PYTHONDONTWRITEBYTECODE=1)
  if(CAPY_SANITIZE)
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so
                    OUTPUT_VARIABLE _capy_libasan OUTPUT_STRIP_TRAILING_WHITESPACE)
    list(APPEND _capy_import_env LD_PRELOAD=${_capy_libasan} ASAN_OPTIONS=detect_leaks=0)
  endif()
  if(NOT CAPY_TSAN AND NOT CMAKE_CROSSCOMPILING)
    add_custom_command(TARGET capy_python POST_BUILD
      COMMAND ${CMAKE_COMMAND} -E env ${_capy_import_env}
              ${Python3_EXECUTABLE} -c "import capy._capy"
      COMMENT "Importing the capy module"
      VERBATIM)
  endif()

  # The package's Python files, linked (not copied) into the staged package,
  # so that edits show at once in a build directory used as PYTHONPATH or by
  # an editable install.
  file(GLOB CAPY_PYTHON_FILES CONFIGURE_DEPENDS
       ${CMAKE_SOURCE_DIR}/python/capy/*.py ${CMAKE_SOURCE_DIR}/python/capy/*.pyi
       ${CMAKE_SOURCE_DIR}/python/capy/py.typed)
  foreach(file ${CAPY_PYTHON_FILES})
    get_filename_component(name ${file} NAME)
    file(CREATE_LINK ${file} ${CAPY_PYTHON_STAGE}/${name} SYMBOLIC)
  endforeach()
endif()

/* capy/config.h: version and symbol export macros shared by the C API
 * (capy/capy.h) and the C++ API (capy/capy.hpp). */
#ifndef CAPY_CONFIG_H
#define CAPY_CONFIG_H

#define CAPY_VERSION_MAJOR 0
#define CAPY_VERSION_MINOR 1
#define CAPY_VERSION_PATCH 0
#define CAPY_VERSION_STRING "0.1.0"

/* The library is built with hidden visibility: only declarations marked
 * CAPY_API are exported from libcapy. */
#if defined(_WIN32)
#  define CAPY_API
#elif defined(__GNUC__) || defined(__clang__)
#  define CAPY_API __attribute__((visibility("default")))
#else
#  define CAPY_API
#endif

#endif /* CAPY_CONFIG_H */

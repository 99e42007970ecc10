# Debian's libcpp-httplib-dev ships a compiled library with a pkg-config file
# but no CMake package. This module gives it the upstream target name,
# httplib::httplib, with the same feature defines the library was built with
# (they change the class layout, so they must match).
find_path(httplib_INCLUDE_DIR httplib.h)
find_library(httplib_LIBRARY NAMES cpp-httplib)
if(httplib_INCLUDE_DIR AND EXISTS "${httplib_INCLUDE_DIR}/httplib.h")
    file(STRINGS "${httplib_INCLUDE_DIR}/httplib.h" _httplib_version_line
         REGEX "#define CPPHTTPLIB_VERSION \"[0-9.]+\"")
    string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" httplib_VERSION "${_httplib_version_line}")
endif()
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(httplib
    REQUIRED_VARS httplib_LIBRARY httplib_INCLUDE_DIR
    VERSION_VAR httplib_VERSION)
if(httplib_FOUND AND NOT TARGET httplib::httplib)
    find_package(OpenSSL REQUIRED)
    find_package(Threads REQUIRED)
    add_library(httplib::httplib UNKNOWN IMPORTED)
    set_target_properties(httplib::httplib PROPERTIES
        IMPORTED_LOCATION "${httplib_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${httplib_INCLUDE_DIR}"
        INTERFACE_COMPILE_DEFINITIONS
            "CPPHTTPLIB_OPENSSL_SUPPORT;CPPHTTPLIB_ZLIB_SUPPORT;CPPHTTPLIB_BROTLI_SUPPORT"
        INTERFACE_LINK_LIBRARIES "OpenSSL::SSL;OpenSSL::Crypto;Threads::Threads")
endif()
mark_as_advanced(httplib_INCLUDE_DIR httplib_LIBRARY)

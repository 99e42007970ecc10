# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE).
# The .deb installs into /usr (Debian policy: never /usr/local); the Linux
# archives into /usr/local, unpacked with `tar -C / -xzf ...`. DESTDIR staging
# keeps CMAKE_INSTALL_PREFIX equal to that run-time prefix while installing,
# and the systemd unit's ExecStart is written from it
# (systemd/install-unit.cmake.in).
if(CPACK_GENERATOR STREQUAL "DEB")
    # CPackDeb puts the project's summary before every component's description;
    # the components' descriptions start with their own summary line.
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
    set(CPACK_SET_DESTDIR ON)
    set(CPACK_INSTALL_PREFIX "/usr")
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
elseif(CPACK_GENERATOR STREQUAL "TGZ")
    set(CPACK_SET_DESTDIR ON)
    # The archive holds usr/local/...: with DESTDIR staging the archive
    # generators take the paths as installed.
    set(CPACK_INSTALL_PREFIX "/usr/local")
endif()

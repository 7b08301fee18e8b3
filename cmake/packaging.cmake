# SPDX-License-Identifier: MIT
# packaging.cmake - `cpack -G DEB` (or plain `cpack`) in the build tree makes
# kvm-tui_<version>_<arch>.deb: the files `cmake --install` puts under /usr,
# with the control fields a Debian tool's package has.

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kvm-tui)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "terminal console for a virtual machine on Linux KVM, for teaching")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"kvm-tui runs a small guest in a real virtual machine on Linux KVM and shows,
in a terminal, what it does: its serial console, its registers, every VM exit
with its decoded detail and statistics of the exits, with keys to pause,
single-step, run to the next exit, slow down and reset it. It is made for
learning and teaching hardware virtualization, on a laptop or a projector.

It ships short guests that are lessons in assembly (serial output, MMIO, mode
switches, a triple fault, the PIT's interrupts, the keyboard controller, the
CMOS clock, the PC speaker). A run can be recorded and replayed anywhere,
without KVM.")
set(CPACK_PACKAGE_CONTACT "kvm-tui maintainers <maintainers@users.noreply.b-seed-b9f6be4f.example>")
set(KVMTUI_DEB_MAINTAINER "${CPACK_PACKAGE_CONTACT}" CACHE STRING "The Maintainer field of the .deb")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${KVMTUI_DEB_MAINTAINER}")
# A virtual machine monitor, as qemu-system-x86 and kvmtool are filed.
set(CPACK_DEBIAN_PACKAGE_SECTION otherosfs)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Debian packages carry stripped binaries; file modes of the control files
# as dpkg expects them.
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

# Dependencies: dpkg-shlibdeps (dpkg-dev, which build-essential brings) reads
# the libraries the binary links and their symbol versions, as debhelper's
# ${shlibs:Depends} would. Without it, the same list by hand, for the
# libraries kvm-tui links: ncursesw and its tinfo, zstd, libseccomp, the C library.
find_program(DPKG_SHLIBDEPS dpkg-shlibdeps)
if(DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6 (>= 2.34), libncursesw6 (>= 6), libtinfo6 (>= 6), libzstd1 (>= 1.4.0), libseccomp2 (>= 2.5.0)")
endif()

# cpack packs what the last build made, as cmake --install does, without
# building first: by default it would run the build ("preinstall" depends on
# "all"), which in pkg.deb would relink binaries other tests are running.
# (This also makes `make install` install without building; build first.)
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

include(CPack)

# SPDX-License-Identifier: MIT
# The shipped guests, assembled from guests/<name>.S into guests/<name>.bin in
# the source tree, so `kvm-tui guests/hello.bin` works from the repository root
# after a build (the images are git-ignored). Beside each NAME.bin the build
# leaves NAME.elf (git-ignored too): the same code linked at the same
# addresses, with the DWARF line table the code view's source lines come
# from (src/debuginfo).
#
# bootsector.ld: a 512-byte PC boot sector loaded at 0x7c00 (the link fails if
# the guest outgrows 510 bytes); flat.ld: a flat image loaded at 0.
set(KVMTUI_BOOT_SECTOR_GUESTS
  minimal    # one HLT
  hello      # "Hello, KVM!" on COM1: 12 IO exits + 1 HLT
  echo       # polls the UART and echoes what you type; 'q' quits
  count      # a counter, a few lines per second, forever
  mmio       # touches memory no RAM backs: MMIO exits
  triple     # a deliberate triple fault: SHUTDOWN
  protected  # real mode -> 32-bit protected mode, prints from 32-bit code
  long       # real mode -> 64-bit long mode, prints from 64-bit code
  timer      # PIT at 100 Hz, IRQ 0 handler, sleeps in HLT: a line a second
  tick       # PIT at a chosen rate: how late each interrupt arrives, for benchmarks
  keyboard   # IRQ 1 handler: each scan code from the 8042 and its key; Esc quits
  uartirq    # echo on COM1's receive interrupt, IRQ 4, instead of polling
  rtc        # the date and time from the CMOS clock, BCD and binary
  speaker    # a scale on the PC speaker: PIT channel 2 and port 61h, HLT between ticks
  bioshello  # "Hello from the BIOS!" with int 10h teletype: one exit per BIOS call
  screen     # colours and CP437 drawn straight into VGA text memory: no exits
  keys       # int 16h: each key read from the BIOS with its scan code; Esc quits
  clock      # int 1Ah: the CMOS clock's date and time, once a second
  flood      # N bytes as fast as it can, then debug-exit (benchmarks)
)
set(KVMTUI_FLAT_GUESTS)
# disk.ld: a boot sector and the sectors it loads (an image larger than 512
# bytes, so kvm-tui takes it as a disk).
set(KVMTUI_DISK_GUESTS
  loader     # loads its stage 2 from its own disk with int 13h, then runs it
)

set(KVMTUI_GUEST_IMAGES)
foreach(g ${KVMTUI_BOOT_SECTOR_GUESTS})
  kvmtui_guest(${g}
    SOURCE ${CMAKE_CURRENT_SOURCE_DIR}/${g}.S
    OUTPUT ${CMAKE_SOURCE_DIR}/guests/${g}.bin
    LDSCRIPT ${CMAKE_CURRENT_SOURCE_DIR}/bootsector.ld
    FORMAT bin)
  list(APPEND KVMTUI_GUEST_IMAGES ${CMAKE_SOURCE_DIR}/guests/${g}.bin)
endforeach()
foreach(g ${KVMTUI_DISK_GUESTS})
  kvmtui_guest(${g}
    SOURCE ${CMAKE_CURRENT_SOURCE_DIR}/${g}.S
    OUTPUT ${CMAKE_SOURCE_DIR}/guests/${g}.bin
    LDSCRIPT ${CMAKE_CURRENT_SOURCE_DIR}/disk.ld
    FORMAT bin)
  list(APPEND KVMTUI_GUEST_IMAGES ${CMAKE_SOURCE_DIR}/guests/${g}.bin)
endforeach()
foreach(g ${KVMTUI_FLAT_GUESTS})
  kvmtui_guest(${g}
    SOURCE ${CMAKE_CURRENT_SOURCE_DIR}/${g}.S
    OUTPUT ${CMAKE_SOURCE_DIR}/guests/${g}.bin
    LDSCRIPT ${CMAKE_CURRENT_SOURCE_DIR}/flat.ld
    FORMAT bin)
  list(APPEND KVMTUI_GUEST_IMAGES ${CMAKE_SOURCE_DIR}/guests/${g}.bin)
endforeach()

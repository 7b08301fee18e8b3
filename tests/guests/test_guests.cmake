# SPDX-License-Identifier: MIT
# Guests only the tests use, built into ${CMAKE_BINARY_DIR}/tests/guests/:
#   seed_hello, seed_minimal  the seed project's programs, verbatim (flat at 0)
#   elf32_hello, elf64_hello  ELF executables at 1 MiB (the ELF loader, modes),
#                             written without an extension
#   elf32_split               ELF32, data at 0x7c00 and code at 1 MiB: two
#                             segments on either side of the PC memory hole
#   spin                      real mode, loops forever with no exits
#   ports                     wild port write, unclaimed port reads, UART SCR,
#                             debugcon
#   rep_outsb, rep_insb       string I/O: the IO exit's count
#   pic_hello                 position independent (--load-addr / --entry)
#   uart_irq                  echo from COM1's receive interrupt, HLT between
#                             bytes (a boot sector: the IVT is at 0)
#   kbc_reset                 "boot", then the 8042's reset pulse, forever
#   rtc_tick                  the CMOS clock's 1024 Hz periodic interrupt wakes HLT
#   masked_hlt                HLT with interrupts on and every PIC line masked
set(KVMTUI_TEST_GUEST_DIR ${CMAKE_BINARY_DIR}/tests/guests)
set(KVMTUI_GUEST_LD_DIR ${CMAKE_SOURCE_DIR}/guests)

# name, linker script, format
set(KVMTUI_TEST_GUESTS
  "seed_hello|${CMAKE_CURRENT_SOURCE_DIR}/seed.ld|bin"
  "seed_minimal|${CMAKE_CURRENT_SOURCE_DIR}/seed.ld|bin"
  "elf32_hello|${CMAKE_CURRENT_SOURCE_DIR}/elf.ld|elf32"
  "elf64_hello|${CMAKE_CURRENT_SOURCE_DIR}/elf.ld|elf64"
  "elf32_split|${CMAKE_CURRENT_SOURCE_DIR}/elf_split.ld|elf32"
  "spin|${KVMTUI_GUEST_LD_DIR}/flat.ld|bin"
  "ports|${KVMTUI_GUEST_LD_DIR}/flat.ld|bin"
  "rep_outsb|${KVMTUI_GUEST_LD_DIR}/flat.ld|bin"
  "rep_insb|${KVMTUI_GUEST_LD_DIR}/flat.ld|bin"
  "pic_hello|${KVMTUI_GUEST_LD_DIR}/flat.ld|bin"
  "uart_irq|${KVMTUI_GUEST_LD_DIR}/bootsector.ld|bin"
  "kbc_reset|${KVMTUI_GUEST_LD_DIR}/bootsector.ld|bin"
  "rtc_tick|${KVMTUI_GUEST_LD_DIR}/bootsector.ld|bin"
  "masked_hlt|${KVMTUI_GUEST_LD_DIR}/bootsector.ld|bin"
)

foreach(entry ${KVMTUI_TEST_GUESTS})
  string(REPLACE "|" ";" fields "${entry}")
  list(GET fields 0 name)
  list(GET fields 1 ldscript)
  list(GET fields 2 format)
  # ELF executables are named like executables: no extension (the .elf
  # next to them is the linker's intermediate file of the same content).
  if(format STREQUAL "bin")
    set(out ${name}.bin)
  else()
    set(out ${name})
  endif()
  kvmtui_guest(${name}
    SOURCE ${CMAKE_CURRENT_SOURCE_DIR}/${name}.S
    OUTPUT ${KVMTUI_TEST_GUEST_DIR}/${out}
    LDSCRIPT ${ldscript}
    FORMAT ${format})
endforeach()

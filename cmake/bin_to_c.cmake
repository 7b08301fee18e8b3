# SPDX-License-Identifier: MIT
# bin_to_c.cmake - a binary file as a C array, for the BIOS ROM built into kvm-tui.
# cmake -DINPUT=file.bin -DOUTPUT=file.c -DSYMBOL=name -DSIZE=bytes -P bin_to_c.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" digits)
math(EXPR bytes "${digits} / 2")
if(NOT bytes EQUAL SIZE)
  message(FATAL_ERROR "${INPUT} is ${bytes} bytes, expected ${SIZE}")
endif()
string(REGEX REPLACE "([0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f])" "\\1\n" hex "${hex}")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," hex "${hex}")
file(WRITE "${OUTPUT}" "/* Generated from ${INPUT} by cmake/bin_to_c.cmake: do not edit. */\n#include <stdint.h>\nconst uint8_t ${SYMBOL}[${SIZE}] = {\n${hex}};\n")

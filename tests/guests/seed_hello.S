# SPDX-License-Identifier: MIT
.code16
.section .text
.global _start

_start:
    mov $message, %si       # SI = pointer to message

print_loop:
    lodsb                   # Load byte from [SI] into AL, increment SI
    test %al, %al           # Check if null terminator
    jz done

    mov $0x3f8, %dx         # DX = UART port
    out %al, (%dx)          # Send character to port

    jmp print_loop

done:
    hlt

.section .rodata
message:
    .asciz "Hello, KVM!\n"

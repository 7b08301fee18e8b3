# SPDX-License-Identifier: MIT
.code16
.section .text
.global _start

_start:
    hlt                     # Halt CPU

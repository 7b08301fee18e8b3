/* SPDX-License-Identifier: MIT */
/* bios_kbd.h - the keyboard's state as a PC BIOS keeps it in the BIOS data
 * area: the shift flags (0x417, 0x418, 0x496) and the type-ahead buffer
 * (head 0x41A, tail 0x41C, 16 words at 0x41E). Shared by the keyboard
 * interrupt (bios_keyboard_irq.c), which fills it, and int 16h
 * (bios_keyboard.c), which empties it. Guests read and even write these
 * bytes directly (a program that clears 0x41A = 0x41C to flush type-ahead),
 * so they are the only copy: nothing of the keyboard is kept on the host.
 */
#ifndef KVMTUI_BIOS_KBD_H
#define KVMTUI_BIOS_KBD_H

#include <stdbool.h>
#include <stdint.h>

#include "bios_mem.h"

/* 0x417: the states a program asks for with int 16h 02h. */
#define KBD_F0_RSHIFT 0x01
#define KBD_F0_LSHIFT 0x02
#define KBD_F0_CTRL 0x04   /* either Ctrl */
#define KBD_F0_ALT 0x08    /* either Alt */
#define KBD_F0_SCROLL 0x10 /* Scroll Lock on */
#define KBD_F0_NUM 0x20    /* Num Lock on */
#define KBD_F0_CAPS 0x40   /* Caps Lock on */
#define KBD_F0_INSERT 0x80 /* insert mode on */
#define KBD_F0_SHIFTS (KBD_F0_RSHIFT | KBD_F0_LSHIFT)

/* 0x418: keys held down. The lock keys' bits are the same as their states'
 * in 0x417, which is how the IBM BIOS lays them out. */
#define KBD_F1_LCTRL 0x01
#define KBD_F1_LALT 0x02
#define KBD_F1_SYSREQ 0x04
#define KBD_F1_PAUSE 0x08
#define KBD_F1_SCROLL 0x10
#define KBD_F1_NUM 0x20
#define KBD_F1_CAPS 0x40
#define KBD_F1_INSERT 0x80

/* 0x496: the AT's extra keyboard state. */
#define KBD_F3_E1 0x01     /* the last code was E1 (the Pause key's prefix) */
#define KBD_F3_E0 0x02     /* the last code was E0: the next one is an extended key */
#define KBD_F3_RCTRL 0x04
#define KBD_F3_RALT 0x08
#define KBD_F3_101KEY 0x10 /* an enhanced (101/102-key) keyboard */

/* The buffer as offsets from 0x400 (in segment 0x40, as the BIOS
 * addresses it). One slot always stays free, so head == tail means empty
 * and 16 slots hold 15 keys. */
bool bios_kbd_put(struct bios_mem *m, uint16_t key);        /* false: full, dropped */
bool bios_kbd_peek(const struct bios_mem *m, uint16_t *key); /* false: empty */
void bios_kbd_drop(struct bios_mem *m);                     /* forgets the oldest key */
void bios_kbd_clear(struct bios_mem *m);                    /* empties the buffer */

#endif

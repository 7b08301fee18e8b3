/* SPDX-License-Identifier: MIT */
/* kbc_internal.h - what the keyboard controller's files share, not for
 * other users. */
#ifndef KVMTUI_KBC_INTERNAL_H
#define KVMTUI_KBC_INTERNAL_H

#include "kbc8042.h"

/* A byte for the output buffer, ahead of typed keys (a command's reply);
 * aux: it comes from the aux port. Dropped if KBC_REPLY_SIZE are waiting:
 * only a guest that never reads can fill that. */
void kbc_reply(struct kbc8042 *k, uint8_t byte, bool aux);

/* The PS/2 keyboard (kbc_keyboard.c). */
void kbc_keyboard_power_on(struct kbc_keyboard *kbd);
void kbc_keyboard_write(struct kbc8042 *k, uint8_t byte);

#endif

/* SPDX-License-Identifier: MIT */
/* kbd_feed.h - typed keys from the console into the 8042, on the vCPU thread.
 *
 * The console puts keys into the seam's keyboard queue (key_stream.h); the
 * vCPU takes them before each run and hands each to the controller as a
 * key (kbc_key: its set 1 make and break codes, with Shift and Ctrl as the
 * character needs). The 8042 has a one-byte output buffer and a short
 * queue behind it; a key that does not fit whole is held here and offered
 * again after the guest has read some codes, so nothing typed is lost
 * however slowly the guest reads. The console's queue (4096 bytes) is the
 * backlog behind that; when it is full the console waits too.
 */
#ifndef KVMTUI_KBD_FEED_H
#define KVMTUI_KBD_FEED_H

#include <stdbool.h>
#include <stdint.h>

#include "input_queue.h"
#include "kbc8042.h"
#include "key_stream.h"

struct kbd_feed {
	struct input_queue *from;
	struct key_stream_decoder decoder;
	uint32_t held[2];  /* decoded keys the 8042 had no room for yet, oldest first */
	unsigned n_held;
};

void kbd_feed_init(struct kbd_feed *f, struct input_queue *from);
/* Moves keys into the controller while it has room. Cheap when nothing
 * waits (no lock): it runs before every KVM_RUN. */
void kbd_feed_pump(struct kbd_feed *f, struct kbc8042 *kbc);
/* Forgets a held or half-decoded key (a reset; the queue is emptied apart). */
void kbd_feed_reset(struct kbd_feed *f);
/* The controller's key for a key from the stream (pure). */
uint32_t kbd_feed_kbc_key(uint32_t stream_key);

#endif

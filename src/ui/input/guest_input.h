/* SPDX-License-Identifier: MIT */
/* guest_input.h - bytes typed for the guest that its input queue (COM1's,
 * or the 8042's) has not taken yet.
 *
 * The seam's input queue is bounded; a key is never dropped, so whatever
 * does not fit waits here and is offered again on the next loop. Pure apart
 * from input_queue_offer.
 */
#ifndef KVMTUI_GUEST_INPUT_H
#define KVMTUI_GUEST_INPUT_H

#include <stddef.h>
#include <stdint.h>

#include "key_stream.h"
#include "seam.h"

struct guest_input {
	uint8_t *buf;
	size_t len, cap;
	enum input_target target; /* which of the seam's queues it feeds */
};

void guest_input_init(struct guest_input *g, enum input_target target);
void guest_input_free(struct guest_input *g);
/* Queues bytes behind any still pending. -1 only if memory ran out. */
int guest_input_add(struct guest_input *g, const uint8_t *bytes, size_t n);
/* Offers what is pending to the queue; returns how many bytes remain. */
size_t guest_input_flush(struct guest_input *g, struct seam *seam);
size_t guest_input_pending(const struct guest_input *g);
void guest_input_clear(struct guest_input *g);

#endif

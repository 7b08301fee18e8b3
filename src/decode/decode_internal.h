/* SPDX-License-Identifier: MIT */
/* decode_internal.h - the per-device halves of the port decoder.
 *
 * Each takes one byte access (the first byte of a wider one, as the
 * devices act on it) and returns the text's length; they share the
 * decoder's shadow. Private to src/decode.
 */
#ifndef KVMTUI_DECODE_INTERNAL_H
#define KVMTUI_DECODE_INTERNAL_H

#include "port_decoder.h"

struct decode_access {
	uint16_t port;
	bool is_write;
	uint8_t value;
	char *buf;
	size_t len;
};

size_t decode_pic_access(struct port_decoder *d, const struct decode_access *a);
void decode_pic_reset(struct decode_pic pic[2]);
/* An interrupt went in: it is in service until its EOI. */
void decode_pic_injected(struct decode_pic pic[2], unsigned irq);

size_t decode_pit_access(struct port_decoder *d, const struct decode_access *a);
void decode_pit_reset(struct decode_pit pit[3]);

size_t decode_cmos_access(struct port_decoder *d, const struct decode_access *a);
size_t decode_kbc_access(struct port_decoder *d, const struct decode_access *a);

/* snprintf's count, cut to what the buffer holds (0 for an empty buffer). */
size_t decode_fitted(int n, size_t len);

#endif

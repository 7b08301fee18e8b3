/* SPDX-License-Identifier: MIT */
/* gdb_packet.c - framing, checksums, escapes, run-length (gdb_packet.h). */
#include "gdb_packet.h"

#include "gdb_hex.h"

#define INTERRUPT_BYTE 0x03
#define ESCAPE '}'
#define RUN '*'
#define ESCAPE_XOR 0x20
/* A run count n means n - 29 repeats: '#' (6) and '$' (7) may not be
 * counts, so the longest run is '~' (126 - 29 = 97). */
#define RUN_BIAS 29

void gdb_rx_init(struct gdb_rx *rx)
{
	rx->state = GDB_RX_IDLE;
	rx->len = 0;
	rx->sum = 0;
	rx->too_long = false;
}

static void start_packet(struct gdb_rx *rx)
{
	rx->state = GDB_RX_BODY;
	rx->len = 0;
	rx->sum = 0;
	rx->too_long = false;
}

static enum gdb_rx_event between_packets(struct gdb_rx *rx, uint8_t byte)
{
	switch (byte) {
	case '$':
		start_packet(rx);
		return GDB_RX_NONE;
	case '+':
		return GDB_RX_ACK;
	case '-':
		return GDB_RX_NAK;
	case INTERRUPT_BYTE:
		return GDB_RX_INTERRUPT;
	default:
		return GDB_RX_NONE; /* noise */
	}
}

static enum gdb_rx_event in_body(struct gdb_rx *rx, uint8_t byte)
{
	if (byte == '$') {
		start_packet(rx); /* the previous one was cut off */
	} else if (byte == '#') {
		rx->state = GDB_RX_SUM_HI;
	} else {
		rx->sum = (uint8_t)(rx->sum + byte);
		if (rx->len < GDB_PACKET_MAX)
			rx->raw[rx->len++] = byte;
		else
			rx->too_long = true;
	}
	return GDB_RX_NONE;
}

static enum gdb_rx_event checksum_digit(struct gdb_rx *rx, uint8_t byte)
{
	int d = gdb_hex_digit((char)byte);
	if (d < 0) {
		rx->state = GDB_RX_IDLE;
		return GDB_RX_BAD_CHECKSUM;
	}
	if (rx->state == GDB_RX_SUM_HI) {
		rx->sum_hi = (uint8_t)d;
		rx->state = GDB_RX_SUM_LO;
		return GDB_RX_NONE;
	}
	rx->state = GDB_RX_IDLE;
	if ((uint8_t)(rx->sum_hi << 4 | d) != rx->sum)
		return GDB_RX_BAD_CHECKSUM;
	return rx->too_long ? GDB_RX_TOO_LONG : GDB_RX_PACKET;
}

enum gdb_rx_event gdb_rx_feed(struct gdb_rx *rx, uint8_t byte)
{
	switch (rx->state) {
	case GDB_RX_IDLE:
		return between_packets(rx, byte);
	case GDB_RX_BODY:
		return in_body(rx, byte);
	default:
		return checksum_digit(rx, byte);
	}
}

long gdb_packet_decode(const uint8_t *raw, size_t n, bool binary, uint8_t *out, size_t cap)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		uint8_t c = raw[i];
		if (c == RUN && !binary) {
			if (len == 0 || i + 1 >= n || raw[i + 1] < RUN_BIAS + 3)
				return -1;
			size_t repeats = (size_t)(raw[++i] - RUN_BIAS);
			if (repeats > cap - len)
				return -1;
			for (size_t r = 0; r < repeats; r++, len++)
				out[len] = out[len - 1];
			continue;
		}
		if (c == ESCAPE) {
			if (i + 1 >= n)
				return -1;
			c = raw[++i] ^ ESCAPE_XOR;
		}
		if (len >= cap)
			return -1;
		out[len++] = c;
	}
	return (long)len;
}

static bool needs_escape(uint8_t c)
{
	return c == '#' || c == '$' || c == ESCAPE || c == RUN;
}

size_t gdb_packet_frame(const uint8_t *payload, size_t n, uint8_t *out, size_t cap)
{
	size_t len = 0;
	uint8_t sum = 0;
	if (cap < 4)
		return 0;
	out[len++] = '$';
	for (size_t i = 0; i < n; i++) {
		uint8_t c = payload[i];
		bool esc = needs_escape(c);
		if (len + (esc ? 2 : 1) + 3 > cap)
			return 0;
		if (esc) {
			out[len++] = ESCAPE;
			sum = (uint8_t)(sum + ESCAPE);
			c ^= ESCAPE_XOR;
		}
		out[len++] = c;
		sum = (uint8_t)(sum + c);
	}
	static const char digits[] = "0123456789abcdef";
	out[len++] = '#';
	out[len++] = (uint8_t)digits[sum >> 4];
	out[len++] = (uint8_t)digits[sum & 15];
	return len;
}

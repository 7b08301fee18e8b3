/* SPDX-License-Identifier: MIT */
/* gdb_packet.h - the remote protocol's framing: "$payload#cs".
 *
 * Received bytes go through gdb_rx_feed one at a time. Between packets gdb
 * sends '+' (ack), '-' (resend, please) and 0x03 (interrupt the target);
 * other bytes there are line noise and are ignored. A packet's checksum is
 * the sum of the payload bytes modulo 256, as two hex digits.
 *
 * Payloads are capped at GDB_PACKET_MAX bytes (advertised to gdb as
 * PacketSize, so it never sends more). A longer one is not stored but its
 * checksum is still followed to its end, so the stub can ack it and answer
 * with an error instead of asking gdb to resend it for ever. A '$' inside a
 * packet starts a new one: the old one was cut off.
 *
 * Decoding a payload: "}x" stands for x ^ 0x20 (how '#', '$', '}' and '*'
 * travel), and "x*n" for x repeated n - 29 more times (run-length, what
 * stubs send; gdb may too). Binary packets (X) are never run-length
 * encoded (gdb may send a raw '*' in them), so the caller says which.
 */
#ifndef KVMTUI_GDB_PACKET_H
#define KVMTUI_GDB_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GDB_PACKET_MAX 4096
/* The most a framed reply of GDB_PACKET_MAX payload bytes can take:
 * '$', every byte escaped, '#', two checksum digits. */
#define GDB_FRAME_MAX (2 * GDB_PACKET_MAX + 4)

enum gdb_rx_event {
	GDB_RX_NONE,         /* nothing yet (inside a packet, or noise) */
	GDB_RX_PACKET,       /* a whole packet with a good checksum: rx->raw[0..len) */
	GDB_RX_BAD_CHECKSUM, /* a whole packet that arrived damaged: answer '-' */
	GDB_RX_TOO_LONG,     /* a whole packet over GDB_PACKET_MAX, checksum good */
	GDB_RX_ACK,          /* '+' */
	GDB_RX_NAK,          /* '-': send the last reply again */
	GDB_RX_INTERRUPT,    /* 0x03 */
};

struct gdb_rx {
	enum { GDB_RX_IDLE, GDB_RX_BODY, GDB_RX_SUM_HI, GDB_RX_SUM_LO } state;
	uint8_t sum;      /* running sum of the payload */
	uint8_t sum_hi;   /* first checksum digit's value */
	bool too_long;
	size_t len;
	uint8_t raw[GDB_PACKET_MAX];
};

void gdb_rx_init(struct gdb_rx *rx);
enum gdb_rx_event gdb_rx_feed(struct gdb_rx *rx, uint8_t byte);

/* Undoes escapes (and run-length unless binary) of raw[0..n) into
 * out[0..cap). The length, or -1 if malformed ('}' or '*' at the end, '*'
 * with nothing before it, a count below 3) or longer than cap. */
long gdb_packet_decode(const uint8_t *raw, size_t n, bool binary, uint8_t *out, size_t cap);

/* Frames payload[0..n) as "$...#cs" into out, escaping '#', '$', '}' and
 * '*'. The framed length, or 0 if it does not fit in cap. */
size_t gdb_packet_frame(const uint8_t *payload, size_t n, uint8_t *out, size_t cap);

#endif

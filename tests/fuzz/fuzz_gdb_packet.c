/* SPDX-License-Identifier: MIT */
/* fuzz_gdb_packet.c - the GDB stub's packet parser and command dispatch
 * (src/gdb) over the pretend machine of tests/tools/gdb_fake.h.
 *
 * A debugger port takes whatever a client sends. The first byte picks the
 * set-up (bits 0-1: the description, auto/i386/x86-64; bit 2: the target
 * refuses software breakpoints; bit 3: its registers cannot be read); the
 * rest is what "gdb" sends, fed in pieces whose sizes the input also
 * picks, with the stops the fake reports delivered between them. Rules:
 * the output never exceeds its room, every packet the stub sends has a
 * good checksum, and once gdb is gone the target runs without a single
 * breakpoint of gdb's left in it. The seeds are packets real gdb 13 sent
 * (set debug remote 1) in tests/integration/test_gdb_stub.sh's session.
 */
#include <stdlib.h>

#include "fuzz_input.h"
#include "gdb_fake.h"
#include "gdb_packet.h"
#include "gdb_session.h"

static struct gdb_fake fake;
static struct gdb_session *sess;
static struct gdb_stop pending;
static bool has_pending;

static void notify(void *arg, const struct gdb_stop *stop)
{
	(void)arg;
	pending = *stop;
	has_pending = true;
}

static void deliver(void)
{
	if (has_pending) {
		has_pending = false;
		gdb_session_stopped(sess, &pending);
	}
}

/* What the stub sent must read back as good packets and acks. */
static void check_output(void)
{
	static struct gdb_rx rx;
	size_t n;
	const uint8_t *out = gdb_session_output(sess, &n);
	if (n > GDB_OUT_CAP)
		fuzz_fail("%zu bytes of output, room for %d", n, GDB_OUT_CAP);
	gdb_rx_init(&rx);
	for (size_t i = 0; i < n; i++) {
		enum gdb_rx_event ev = gdb_rx_feed(&rx, out[i]);
		if (ev == GDB_RX_BAD_CHECKSUM || ev == GDB_RX_TOO_LONG)
			fuzz_fail("the stub sent a bad packet (event %d at byte %zu)", ev, i);
	}
	gdb_session_output_sent(sess, n);
}

static void set_up(uint8_t flags)
{
	if (!fake.mem && !gdb_fake_init(&fake))
		fuzz_fail("out of memory");
	gdb_fake_reset(&fake);
	fake.notify = notify;
	fake.budget = 500; /* a continue that runs this long spins */
	fake.no_sw_breaks = flags & 4;
	has_pending = false;
	gdb_session_init(sess, &gdb_fake_ops, &fake, (enum gdb_arch_choice)((flags & 3) % 3));
	gdb_session_attach(sess);
	fake.fail_regs = flags & 8;
	deliver();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!sess && !(sess = calloc(1, sizeof *sess)))
		fuzz_fail("out of memory");
	struct fuzz_in in = fuzz_in_init(data, size);
	set_up(fuzz_u8(&in));
	while (!fuzz_in_empty(&in)) {
		size_t got;
		const uint8_t *piece = fuzz_take(&in, in.n > 64 ? 64 : in.n, &got);
		size_t used = 0;
		while (used < got) {
			size_t n = gdb_session_feed(sess, piece + used, got - used);
			deliver();
			check_output();
			if (n == 0)
				break; /* attaching: the rest would wait */
			used += n;
		}
	}
	gdb_session_disconnected(sess);
	deliver();
	if (sess->state == GDB_SESSION_FINISHED && !sess->guest_gone && fake.point_count)
		fuzz_fail("gdb is gone but %zu of its breakpoints stay", fake.point_count);
	return 0;
}

/* SPDX-License-Identifier: MIT */
/* test_gdb_stub.c - the GDB stub's protocol (src/gdb) against the pretend
 * machine of tests/tools/gdb_fake.h, no sockets: framing, every command,
 * stop replies, errors, and letting the target go. */
#include <stdlib.h>

#include "check.h"
#include "gdb_fake.h"
#include "gdb_hex.h"
#include "gdb_packet.h"
#include "gdb_regs.h"
#include "gdb_session.h"
#include "gdb_tdesc.h"

static struct gdb_fake fake;
static struct gdb_session *sess;
static struct gdb_stop pending;
static bool has_pending;
static char out[GDB_OUT_CAP + 1];
static char reply[GDB_OUT_CAP + 1];

static void notify(void *arg, const struct gdb_stop *stop)
{
	(void)arg;
	pending = *stop;
	has_pending = true;
}

/* Stops the fake reported go to the session, as the server would. */
static void deliver(void)
{
	if (has_pending) {
		has_pending = false;
		gdb_session_stopped(sess, &pending);
	}
}

static const char *take_output(void)
{
	size_t n;
	const uint8_t *o = gdb_session_output(sess, &n);
	memcpy(out, o, n);
	out[n] = 0;
	gdb_session_output_sent(sess, n);
	return out;
}

static const char *feed(const void *bytes, size_t n)
{
	CHECK_EQ(gdb_session_feed(sess, bytes, n), n);
	deliver();
	return take_output();
}

static const char *feed_str(const char *s)
{
	return feed(s, strlen(s));
}

/* Sends one packet; the reply's payload ("" if none came). */
static const char *ask_bytes(const void *payload, size_t n)
{
	uint8_t frame[GDB_FRAME_MAX];
	size_t len = gdb_packet_frame(payload, n, frame, sizeof frame);
	const char *o = feed(frame, len);
	reply[0] = 0;
	if (o[0] != '+' || o[1] != '$')
		return reply;
	const char *hash = strrchr(o, '#');
	long got = gdb_packet_decode((const uint8_t *)o + 2, (size_t)(hash - o - 2), false, (uint8_t *)reply,
				     sizeof reply - 1);
	reply[got < 0 ? 0 : got] = 0;
	return reply;
}

/* Frames a payload as given (escapes and run-lengths in it stay). */
static const char *feed_unescaped(const char *payload)
{
	char frame[256];
	uint8_t sum = 0;
	for (const char *p = payload; *p; p++)
		sum = (uint8_t)(sum + (uint8_t)*p);
	snprintf(frame, sizeof frame, "$%s#%02x", payload, sum);
	return feed_str(frame);
}

static const char *ask(const char *payload)
{
	return ask_bytes(payload, strlen(payload));
}

static void fresh(void)
{
	gdb_fake_free(&fake);
	gdb_fake_init(&fake);
	fake.notify = notify;
	gdb_session_init(sess, &gdb_fake_ops, &fake, GDB_ARCH_CHOICE_AUTO);
	gdb_session_attach(sess);
	CHECK_EQ(sess->state, GDB_SESSION_ATTACHING);
	CHECK_EQ(gdb_session_feed(sess, (const uint8_t *)"$?#3f", 5), 0); /* held back */
	deliver();
	CHECK_EQ(sess->state, GDB_SESSION_STOPPED);
	CHECK_EQ(sess->arch, GDB_ARCH_I8086);
	CHECK_CONTAINS(ask("qSupported:multiprocess+;swbreak+;hwbreak+"), "PacketSize=1000");
}

static void test_queries(void)
{
	fresh();
	CHECK_CONTAINS(ask("qSupported"), "qXfer:features:read+");
	CHECK_STR(ask("?"), "T02thread:1;");
	CHECK_STR(ask("qAttached"), "1");
	CHECK_STR(ask("qC"), "QC1");
	CHECK_STR(ask("qfThreadInfo"), "m1");
	CHECK_STR(ask("qsThreadInfo"), "l");
	CHECK_STR(ask("Hg0"), "OK");
	CHECK_STR(ask("Hc-1"), "OK");
	CHECK_STR(ask("Hg1"), "OK");
	CHECK_STR(ask("Hg2"), "E16");
	CHECK_STR(ask("H"), "E01");
	CHECK_STR(ask("T1"), "OK");
	CHECK_STR(ask("T2"), "E16");
	CHECK_STR(ask("qFoo"), "");
	CHECK_STR(ask("!"), "");
	CHECK_STR(ask("vMustReplyEmpty"), "");
	CHECK_STR(ask("R00"), "");
	CHECK_STR(ask("Z9,0,1"), "");
}

static void test_tdesc(void)
{
	fresh();
	char xml[GDB_TDESC_MAX] = "";
	for (unsigned off = 0;; off += 0x100) {
		char q[64];
		snprintf(q, sizeof q, "qXfer:features:read:target.xml:%x,100", off);
		const char *r = ask(q);
		CHECK(r[0] == 'm' || r[0] == 'l');
		strcat(xml, r + 1);
		if (r[0] != 'm' || off > GDB_TDESC_MAX)
			break;
	}
	CHECK_CONTAINS(xml, "<architecture>i8086</architecture>");
	CHECK_CONTAINS(xml, "<reg name=\"eip\" bitsize=\"32\" type=\"code_ptr\" regnum=\"8\"/>");
	CHECK_CONTAINS(xml, "</target>");
	CHECK_STR(ask("qXfer:features:read:target.xml:ffff,100"), "E01");
	CHECK_STR(ask("qXfer:features:read:other.xml:0,100"), "E16");
	CHECK_STR(ask("qXfer:features:read:target.xml:0"), "E01");
	char big[GDB_TDESC_MAX];
	CHECK(gdb_tdesc_xml(GDB_ARCH_X86_64, big, sizeof big) > 0);
	CHECK_CONTAINS(big, "<architecture>i386:x86-64</architecture>");
	CHECK_CONTAINS(big, "name=\"org.gnu.gdb.i386.segments\"");
	CHECK(gdb_tdesc_xml(GDB_ARCH_I386, big, sizeof big) > 0);
	CHECK_CONTAINS(big, "<architecture>i386</architecture>");
	CHECK_EQ(gdb_tdesc_xml(GDB_ARCH_I386, big, 100), 0);
}

static void test_registers(void)
{
	fresh();
	const char *g = ask("g");
	CHECK_EQ(strlen(g), 2 * gdb_regs_size(GDB_ARCH_I386));
	CHECK(strncmp(g + 2 * 4 * 8, "007c0000", 8) == 0);  /* eip, little-endian */
	CHECK(strncmp(g + 2 * 4 * 16, "xxxxxxxxxxxxxxxxxxxx", 20) == 0); /* st0 */
	CHECK_STR(ask("p8"), "007c0000");
	CHECK_STR(ask("p4"), "00700000");
	CHECK_STR(ask("p10"), "xxxxxxxxxxxxxxxxxxxx");
	CHECK_STR(ask("p26"), "10000000"); /* cr0 */
	CHECK_STR(ask("p999"), "E16");
	CHECK_STR(ask("pzz"), "E01");
	CHECK_STR(ask("p8,"), "E01");
	CHECK_STR(ask("P0=34120000"), "OK");
	CHECK_EQ(fake.cpu.gpr[GPR_RAX], 0x1234);
	CHECK_STR(ask("P10=00000000000000000000"), "E16");
	CHECK_STR(ask("P0=3412"), "E01");
	CHECK_STR(ask("P0=zz120000"), "E01");
	CHECK_STR(ask("Pd=00100000"), "OK"); /* es = 0x1000 in real mode */
	CHECK_EQ(fake.cpu.seg[SEG_ES].selector, 0x1000);
	CHECK_EQ(fake.cpu.seg[SEG_ES].base, 0x10000);
	char G[1024];
	snprintf(G, sizeof G, "G%s", ask("g"));
	memcpy(G + 1 + 2 * 4 * 3, "78563412", 8); /* ebx */
	CHECK_STR(ask(G), "OK");
	CHECK_EQ(fake.cpu.gpr[GPR_RBX], 0x12345678);
	CHECK_EQ(fake.cpu.gpr[GPR_RAX], 0x1234);
	CHECK_STR(ask("G00"), "E01");
	fake.fail_regs = true;
	CHECK_STR(ask("g"), "E01");
	CHECK_STR(ask("P0=00000000"), "E01");
	fake.fail_regs = false;
}

static void test_memory(void)
{
	fresh();
	CHECK_STR(ask("m7c00,8"), "904040aa9040ebfe");
	CHECK_STR(ask("mffffe,8"), "0000");  /* a short read: what there is */
	CHECK_STR(ask("m100000,1"), "E0e");
	CHECK_STR(ask("m7c00,0"), "");
	CHECK_STR(ask("m7c00"), "E01");
	CHECK_STR(ask("m7c00,1x"), "E01");
	CHECK_STR(ask("m11111111111111111,1"), "E01");
	CHECK_EQ(strlen(ask("m0,100000")), GDB_PACKET_MAX);  /* capped to a packet */
	CHECK_STR(ask("M600,2:5a5b"), "OK");
	CHECK_EQ(fake.mem[0x600], 0x5a);
	CHECK_EQ(fake.mem[0x601], 0x5b);
	CHECK_STR(ask("M600,2:5a"), "E01");
	CHECK_STR(ask("M600,1:zz"), "E01");
	CHECK_STR(ask("Mfffff,2:0102"), "E0e");
	/* X: '#', '}' escaped, '*' raw (gdb may send it so in binary data) */
	static const char x[] = { 'X', '7', '0', '0', ',', '3', ':', '}', '#' ^ 0x20, '}', '}' ^ 0x20, '*', 0 };
	CHECK_STR(feed_unescaped(x), "+$OK#9a");
	CHECK_EQ(fake.mem[0x700], '#');
	CHECK_EQ(fake.mem[0x701], '}');
	CHECK_EQ(fake.mem[0x702], '*');
	CHECK_STR(ask("X700,0:"), "OK");
	CHECK_STR(ask("X700,2:a"), "E01");
	CHECK_STR(ask("Xfffff,2:ab"), "E0e");
	/* run-length in what gdb sends: a*" is a and 5 more */
	CHECK_STR(feed_unescaped("M600,4:a*\"aa"), "+$OK#9a");
	CHECK_EQ(fake.mem[0x603], 0xaa);
	CHECK_STR(feed_unescaped("m*"), "+$E01#a6");
}

static void test_run_control(void)
{
	fresh();
	CHECK_STR(ask("Z0,7c05,1"), "OK");
	CHECK_STR(ask("Z0,7c05,1"), "OK"); /* idempotent */
	CHECK_EQ(fake.point_count, 1);
	CHECK_STR(ask("c"), "T05swbreak:;thread:1;");
	CHECK_EQ(fake.cpu.rip, 0x7c05);
	CHECK_STR(ask("s"), "T05thread:1;");
	CHECK_EQ(fake.cpu.rip, 0x7c06);
	CHECK_STR(ask("z0,7c05,1"), "OK");
	CHECK_STR(ask("z0,7c05,1"), "OK");
	CHECK_EQ(fake.point_count, 0);
	CHECK_STR(ask("Z1,7c02,1"), "OK");
	CHECK_STR(ask("c7c00"), "T05hwbreak:;thread:1;");
	CHECK_EQ(fake.cpu.rip, 0x7c02);
	CHECK_STR(ask("z1,7c02,1"), "OK");
	CHECK_STR(ask("Z2,501,1"), "OK"); /* the first run's stosb wrote 500 */
	CHECK_STR(ask("vCont;c:1"), "T05watch:501;thread:1;");
	CHECK_EQ(fake.cpu.rip, 0x7c04);
	CHECK_STR(ask("z2,501,1"), "OK");
	CHECK_STR(ask("Z3,500,1"), "OK");
	CHECK_STR(ask("Z4,500,1"), "OK");
	CHECK_STR(ask("Z2,600,1"), "OK");
	CHECK_STR(ask("Z1,600,1"), "OK");
	CHECK_STR(ask("Z1,601,1"), "E16"); /* the fifth debug register */
	CHECK_STR(ask("Z1,601"), "E01");
	CHECK_STR(ask("vCont?"), "vCont;c;C;s;S");
	CHECK_STR(ask("vCont;s:1;c"), "T05thread:1;");
	CHECK_STR(ask("vCont;s:2;c"), ""); /* thread 2 is not ours: c, and it spins */
	CHECK_EQ(sess->state, GDB_SESSION_RUNNING);
	CHECK_STR(feed_str("\x03"), "$T02thread:1;#d4");
	CHECK_STR(ask("vCont;x"), "E01");
	CHECK_STR(ask("vCont"), "E01");
	CHECK_STR(ask("vCont;c:2"), "E01");
	CHECK_STR(ask("S05;7c00"), "T05thread:1;");
	CHECK_EQ(fake.cpu.rip, 0x7c01);
	CHECK_STR(ask("C05"), "");  /* spins: no stop */
	CHECK_EQ(sess->state, GDB_SESSION_RUNNING);
	CHECK_STR(ask("g"), "E01"); /* not while it runs */
	CHECK_STR(feed_str("\x03"), "$T02thread:1;#d4");
	CHECK_EQ(sess->state, GDB_SESSION_STOPPED);
	CHECK_STR(feed_str("\x03"), ""); /* stopped already: nothing to interrupt */
	CHECK_STR(ask("cxyz"), "E01");
	CHECK_STR(ask("Cxyz"), "E01");
	fake.mem[0x7c06] = 0xf4; /* hlt: exit with AL */
	fake.cpu.gpr[GPR_RAX] = 7;
	CHECK_STR(ask("c"), "W07");
	CHECK_STR(ask("?"), "W07");
}

static void test_framing(void)
{
	fresh();
	CHECK_STR(feed_str("$g#00"), "-");
	CHECK_STR(feed_str("$g#zz"), "-");
	CHECK_STR(feed_str("xyz\r\n+$?#3f"), "+$T02thread:1;#d4");
	CHECK_STR(feed_str("-"), "$T02thread:1;#d4"); /* resent */
	CHECK_STR(feed_str("$m7c00$?#3f"), "+$T02thread:1;#d4"); /* cut off, then whole */
	CHECK_STR(feed_str("$?#3"), "");
	CHECK_STR(feed_str("f"), "+$T02thread:1;#d4");
	char *big = malloc(GDB_PACKET_MAX + 100);
	big[0] = '$';
	memset(big + 1, 'a', GDB_PACKET_MAX + 10);
	uint8_t sum = (uint8_t)('a' * (GDB_PACKET_MAX + 10));
	snprintf(big + 1 + GDB_PACKET_MAX + 10, 4, "#%02x", sum);
	CHECK_STR(feed(big, GDB_PACKET_MAX + 14), "+$E01#a6");
	free(big);
	/* '-' without end: output is held to its room, the rest waits */
	static uint8_t naks[20000];
	memset(naks, '-', sizeof naks);
	size_t used = gdb_session_feed(sess, naks, sizeof naks);
	size_t pending_out;
	gdb_session_output(sess, &pending_out);
	CHECK(used < sizeof naks);
	CHECK(pending_out <= GDB_OUT_CAP);
	take_output();
	/* the packet helpers */
	uint8_t frame[16], dec[16];
	CHECK_EQ(gdb_packet_frame((const uint8_t *)"#$}*", 4, frame, sizeof frame), 12);
	CHECK(memcmp(frame, "$}\x03}\x04}]}\x0a#", 10) == 0);
	CHECK_EQ(gdb_packet_frame((const uint8_t *)"#$}*", 4, frame, 8), 0);
	CHECK_EQ(gdb_packet_decode((const uint8_t *)"a}", 2, false, dec, sizeof dec), -1);
	CHECK_EQ(gdb_packet_decode((const uint8_t *)"*a", 2, false, dec, sizeof dec), -1);
	CHECK_EQ(gdb_packet_decode((const uint8_t *)"a*", 2, false, dec, sizeof dec), -1);
	CHECK_EQ(gdb_packet_decode((const uint8_t *)"a*\x1f", 3, false, dec, sizeof dec), -1);
	CHECK_EQ(gdb_packet_decode((const uint8_t *)"a*~", 3, false, dec, sizeof dec), -1); /* 98 > 16 */
	CHECK_EQ(gdb_packet_decode((const uint8_t *)"a*~", 3, true, dec, sizeof dec), 3);
	const char *p = "ffffffffffffffff", *q = "10000000000000000";
	uint64_t v;
	CHECK(gdb_hex_parse_u64(&p, p + 16, &v) && v == UINT64_MAX);
	CHECK(!gdb_hex_parse_u64(&q, q + 17, &v));
}

static void test_letting_go(void)
{
	fresh();
	CHECK_STR(ask("Z0,7c05,1"), "OK");
	CHECK_STR(ask("Z2,600,1"), "OK");
	unsigned resumes = fake.resumes;
	gdb_session_disconnected(sess);
	CHECK_EQ(fake.point_count, 0);
	CHECK_EQ(fake.resumes, resumes + 1);
	CHECK_EQ(sess->state, GDB_SESSION_FINISHED);

	fresh(); /* gone while running with breakpoints: interrupt, then let go */
	CHECK_STR(ask("Z0,7000,1"), "OK");
	CHECK_STR(ask("c"), "");
	gdb_session_disconnected(sess);
	CHECK_EQ(sess->state, GDB_SESSION_DETACHING);
	deliver();
	CHECK_EQ(sess->state, GDB_SESSION_FINISHED);
	CHECK_EQ(fake.point_count, 0);

	fresh();
	CHECK_STR(ask("Z0,7c05,1"), "OK");
	CHECK_STR(ask("D"), "OK");
	CHECK_EQ(sess->state, GDB_SESSION_FINISHED);
	CHECK_EQ(fake.point_count, 0);
	CHECK_EQ(gdb_session_feed(sess, (const uint8_t *)"$g#67", 5), 5); /* ignored */

	fresh();
	CHECK_STR(feed_str("$k#6b"), "+");
	CHECK_EQ(fake.kills, 1);
	CHECK_EQ(sess->state, GDB_SESSION_FINISHED);

	fresh();
	fake.no_sw_breaks = true;
	CHECK_STR(ask("Z0,7c05,1"), ""); /* gdb then writes int3 itself */
}

static void test_modes(void)
{
	struct cpu_state cpu = { 0 };
	CHECK_EQ(gdb_arch_for(&cpu), GDB_ARCH_I8086);
	cpu.cr0 = 1;
	cpu.seg[SEG_CS].db = 1;
	CHECK_EQ(gdb_arch_for(&cpu), GDB_ARCH_I386);
	cpu.efer = 0x500;
	cpu.seg[SEG_CS].l = 1;
	CHECK_EQ(gdb_arch_for(&cpu), GDB_ARCH_X86_64);
	gdb_fake_free(&fake);
	gdb_fake_init(&fake);
	fake.notify = notify;
	fake.cpu.efer = 0x500;
	fake.cpu.cr0 = 0x80000011;
	fake.cpu.seg[SEG_CS].l = 1;
	fake.cpu.gpr[GPR_R15] = 0x1122334455667788;
	gdb_session_init(sess, &gdb_fake_ops, &fake, GDB_ARCH_CHOICE_AUTO);
	gdb_session_attach(sess);
	deliver();
	CHECK_EQ(sess->arch, GDB_ARCH_X86_64);
	CHECK_STR(ask("pf"), "8877665544332211");
	CHECK_STR(ask("p10"), "007c000000000000");
	CHECK_EQ(strlen(ask("g")), 2 * gdb_regs_size(GDB_ARCH_X86_64));
	CHECK_STR(ask("c1234"), "");
	CHECK_EQ(sess->state, GDB_SESSION_RUNNING);
}

int main(void)
{
	sess = calloc(1, sizeof *sess);
	gdb_fake_init(&fake);
	test_queries();
	test_tdesc();
	test_registers();
	test_memory();
	test_run_control();
	test_framing();
	test_letting_go();
	test_modes();
	gdb_fake_free(&fake);
	free(sess);
	return check_done();
}

/* SPDX-License-Identifier: MIT */
/* test_options.c - the command line: sizes, addresses, every option, errors. */
#include <stdlib.h>

#include "check.h"
#include "exit_status.h"
#include "options.h"
#include "run_outcome.h"

static int parse(struct cli_options *o, char *err, int argc, char **argv)
{
	return cli_parse(argc, argv, o, err, 256);
}

#define ARGV(...) ((char *[]){ "kvm-tui", __VA_ARGS__, NULL })
#define ARGC(...) ((int)(sizeof((char *[]){ "kvm-tui", __VA_ARGS__ }) / sizeof(char *)))
#define PARSE(o, err, ...) parse(o, err, ARGC(__VA_ARGS__), ARGV(__VA_ARGS__))

static void test_sizes(void)
{
	uint64_t v = 0;
	CHECK(parse_size("16M", &v) == 0 && v == 16ull << 20);
	CHECK(parse_size("512K", &v) == 0 && v == 512ull << 10);
	CHECK(parse_size("1G", &v) == 0 && v == 1ull << 30);
	CHECK(parse_size("2g", &v) == 0 && v == 2ull << 30);
	CHECK(parse_size("64MiB", &v) == 0 && v == 64ull << 20);
	CHECK(parse_size("32", &v) == 0 && v == 32ull << 20); /* bare: MiB, like QEMU -m */
	CHECK(parse_size("0", &v) != 0);
	CHECK(parse_size("-1M", &v) != 0);
	CHECK(parse_size("12X", &v) != 0);
	CHECK(parse_size("M", &v) != 0);
	CHECK(parse_size("", &v) != 0);
	CHECK(parse_size("99999999999999999999G", &v) != 0);
}

static void test_addresses(void)
{
	uint64_t v = 0;
	CHECK(parse_address("0x7c00", &v) == 0 && v == 0x7c00);
	CHECK(parse_address("4096", &v) == 0 && v == 4096);
	CHECK(parse_address("0", &v) == 0 && v == 0);
	CHECK(parse_address("zz", &v) != 0);
	CHECK(parse_address("0x10q", &v) != 0);
	CHECK(parse_address("-5", &v) != 0);
	/* decimal or 0x hex, never octal: a leading zero is only a zero */
	CHECK(parse_address("0777", &v) == 0 && v == 777);
	CHECK(parse_address("0X7C00", &v) == 0 && v == 0x7c00);
	CHECK(parse_address("0x", &v) != 0);
	CHECK(parse_address("0x-5", &v) != 0);
	CHECK(parse_address("0x 5", &v) != 0);
	CHECK(parse_address("7c00", &v) != 0);
	CHECK(parse_address("0b101", &v) != 0);
	CHECK(parse_address("0xffffffffffffffff", &v) == 0 && v == UINT64_MAX);
	CHECK(parse_address("0x10000000000000000", &v) != 0);
}

static void test_good_lines(void)
{
	struct cli_options o;
	char err[256] = "";
	CHECK_EQ(PARSE(&o, err, "--headless", "--mem", "32M", "--mode", "long", "--load-addr", "0x1000",
		       "--entry", "0x1010", "--trace", "t.json", "--stats", "--timeout", "1.5",
		       "--max-exits", "100", "--paused", "g.bin"), 0);
	CHECK(o.headless);
	CHECK_EQ(o.vm.mem_size, 32ull << 20);
	CHECK_EQ(o.vm.mode, GUEST_MODE_LONG);
	CHECK(o.vm.has_load_addr && o.vm.load_addr == 0x1000);
	CHECK(o.vm.has_entry && o.vm.entry == 0x1010);
	CHECK_STR(o.trace_path, "t.json");
	CHECK(o.stats);
	CHECK(o.timeout_s > 1.49 && o.timeout_s < 1.51);
	CHECK_EQ(o.vm.max_exits, 100);
	CHECK(o.vm.start_paused);
	CHECK_STR(o.guest, "g.bin");

	CHECK_EQ(PARSE(&o, err, "hello"), 0);
	CHECK_EQ(o.vm.mem_size, VM_DEFAULT_MEM);
	CHECK_EQ(o.vm.mode, GUEST_MODE_AUTO);
	CHECK_EQ(PARSE(&o, err, "--theme", "projector", "--no-color", "hello"), 0);
	CHECK_STR(o.theme, "projector");
	CHECK(o.no_color);
	CHECK_EQ(PARSE(&o, err, "--help"), 0);
	CHECK(o.help);
	CHECK_EQ(PARSE(&o, err, "-V"), 0);
	CHECK(o.version);
	CHECK_EQ(PARSE(&o, err, "--list-themes"), 0);
	CHECK(o.list_themes);
}

static void test_bad_lines(void)
{
	struct cli_options o;
	char err[256] = "";
	CHECK(PARSE(&o, err, "--frobnicate", "g.bin") != 0);
	CHECK_CONTAINS(err, "--frobnicate");
	CHECK(PARSE(&o, err, "--mem", "lots", "g.bin") != 0);
	CHECK_CONTAINS(err, "--mem");
	/* a size out of range is a bad command line too, with the range given */
	char *absurd[] = { "0", "1K", "63K", "4097K", "65G", "1024G" };
	for (size_t i = 0; i < sizeof(absurd) / sizeof(absurd[0]); i++) {
		CHECK(PARSE(&o, err, "--mem", absurd[i], "g.bin") != 0);
		CHECK_CONTAINS(err, "64K to 64G in whole 4 KiB pages");
	}
	CHECK_EQ(PARSE(&o, err, "--mem", "64K", "g.bin"), 0);
	CHECK_EQ(PARSE(&o, err, "--mem", "64G", "g.bin"), 0);
	CHECK(PARSE(&o, err, "--mode", "turbo", "g.bin") != 0);
	CHECK_CONTAINS(err, "real, protected, paged or long");
	CHECK(PARSE(&o, err, "--timeout", "-3", "g.bin") != 0);
	CHECK(PARSE(&o, err, "--max-exits", "0", "g.bin") != 0);
	CHECK(PARSE(&o, err, "--headless") != 0);
	CHECK_CONTAINS(err, "no guest");
	CHECK(PARSE(&o, err, "a.bin", "b.bin") != 0);
	CHECK_CONTAINS(err, "b.bin");
	CHECK(PARSE(&o, err, "-x", "g.bin") != 0);
	CHECK_CONTAINS(err, "-x");
}

/* Each parse starts afresh: glibc's getopt keeps where it was inside a
 * cluster of short options ("-qh" stopped at q), and optind = 1 alone does
 * not clear that, so the next parse would see a stray -h. */
static void test_reparse(void)
{
	struct cli_options o;
	char err[256] = "";
	CHECK(PARSE(&o, err, "-qh", "g.bin") != 0);
	CHECK_CONTAINS(err, "-q");
	CHECK_EQ(PARSE(&o, err, "--headless", "g.bin"), 0);
	CHECK(!o.help);
	CHECK(o.headless);
	CHECK_STR(o.guest, "g.bin");
}

/* Options after the guest work as with GNU tools; "--" ends the options,
 * so a guest may be named "-odd"; a second guest is still refused. */
static void test_options_after_guest(void)
{
	struct cli_options o;
	char err[256] = "";
	CHECK_EQ(PARSE(&o, err, "hello", "--headless", "--mem", "32M"), 0);
	CHECK_STR(o.guest, "hello");
	CHECK(o.headless);
	CHECK_EQ(o.vm.mem_size, 32ull << 20);
	CHECK_EQ(PARSE(&o, err, "--stats", "hello", "--timeout", "2"), 0);
	CHECK_STR(o.guest, "hello");
	CHECK(o.stats && o.timeout_s > 1.9);
	CHECK_EQ(PARSE(&o, err, "--headless", "--", "-odd"), 0);
	CHECK_STR(o.guest, "-odd");
	CHECK(PARSE(&o, err, "a.bin", "--headless", "b.bin") != 0);
	CHECK_STR(err, "one guest at a time ('b.bin' is extra)");
	CHECK(PARSE(&o, err, "a.bin", "--", "b.bin") != 0);
	CHECK_CONTAINS(err, "'b.bin' is extra");
	CHECK(PARSE(&o, err, "--replay", "r.rec", "hello") != 0);
	CHECK_CONTAINS(err, "give no guest ('hello' is extra)");
	CHECK(PARSE(&o, err, "hello", "--replay", "r.rec") != 0);
	CHECK_CONTAINS(err, "give no guest ('hello' is extra)");
	CHECK(PARSE(&o, err, "hello", "--frobnicate") != 0);
	CHECK_CONTAINS(err, "--frobnicate");
	setenv("POSIXLY_CORRECT", "1", 1); /* no permutation there, and it still works */
	CHECK_EQ(PARSE(&o, err, "hello", "--headless"), 0);
	CHECK(o.headless);
	unsetenv("POSIXLY_CORRECT");
}

/* --trace, --stats and --timeout are the headless console's: refused in
 * the TUI, not silently ignored. */
static void test_console_options(void)
{
	struct cli_options o;
	char err[256] = "";
	CHECK_EQ(PARSE(&o, err, "--trace", "t.json", "g.bin"), 0);
	CHECK(cli_check_console(&o, err, sizeof(err)) != 0);
	CHECK_CONTAINS(err, "--trace works only with --headless");
	o.headless = true; /* --headless, or no terminal */
	CHECK_EQ(cli_check_console(&o, err, sizeof(err)), 0);
	CHECK_EQ(PARSE(&o, err, "--stats", "g.bin"), 0);
	CHECK(cli_check_console(&o, err, sizeof(err)) != 0);
	CHECK_CONTAINS(err, "--stats");
	CHECK_EQ(PARSE(&o, err, "--timeout", "2", "g.bin"), 0);
	CHECK(cli_check_console(&o, err, sizeof(err)) != 0);
	CHECK_CONTAINS(err, "--timeout");
	CHECK_EQ(PARSE(&o, err, "--max-exits", "5", "--paused", "g.bin"), 0);
	CHECK_EQ(cli_check_console(&o, err, sizeof(err)), 0); /* the engine's: both consoles */
}

/* --keyboard: where typed input goes; uart unless asked, a live VM's only. */
static void test_keyboard(void)
{
	struct cli_options o;
	char err[256] = "";
	CHECK_EQ(PARSE(&o, err, "--headless", "g.bin"), 0);
	CHECK_EQ(o.keyboard, INPUT_TO_UART);
	CHECK_EQ(PARSE(&o, err, "--headless", "--keyboard", "kbc", "g.bin"), 0);
	CHECK_EQ(o.keyboard, INPUT_TO_KBC);
	CHECK_EQ(PARSE(&o, err, "--keyboard", "kbc", "--keyboard", "uart", "g.bin"), 0);
	CHECK_EQ(o.keyboard, INPUT_TO_UART);
	CHECK_EQ(cli_check_console(&o, err, sizeof(err)), 0); /* the TUI starts there too */
	CHECK(PARSE(&o, err, "--keyboard", "ps2", "g.bin") != 0);
	CHECK_STR(err, "bad value for --keyboard: 'ps2' (kbc or uart)");
	CHECK(PARSE(&o, err, "--keyboard", "kbcx", "g.bin") != 0);
	CHECK(PARSE(&o, err, "--keyboard", "", "g.bin") != 0);
	CHECK(PARSE(&o, err, "g.bin", "--keyboard") != 0); /* a missing value */
	CHECK(PARSE(&o, err, "--replay", "r.rec", "--keyboard", "kbc") != 0);
	CHECK_CONTAINS(err, "--keyboard has no meaning in a replay");
}

/* --irqchip: user by default, kernel on request, anything else refused;
 * a replay has no interrupt controller to choose (the recording fixed it). */
static void test_irqchip(void)
{
	struct cli_options o;
	char err[256] = "";
	CHECK_EQ(PARSE(&o, err, "g.bin"), 0);
	CHECK_EQ(o.vm.irqchip, VM_IRQCHIP_USER);
	CHECK_EQ(PARSE(&o, err, "--irqchip", "kernel", "--headless", "g.bin"), 0);
	CHECK_EQ(o.vm.irqchip, VM_IRQCHIP_KERNEL);
	CHECK_EQ(PARSE(&o, err, "--irqchip", "user", "g.bin"), 0);
	CHECK_EQ(o.vm.irqchip, VM_IRQCHIP_USER);
	CHECK(PARSE(&o, err, "--irqchip", "KVM", "g.bin") != 0);
	CHECK_STR(err, "bad value for --irqchip: 'KVM' (user or kernel)");
	CHECK(PARSE(&o, err, "--irqchip", "", "g.bin") != 0);
	CHECK(PARSE(&o, err, "g.bin", "--irqchip") != 0);
	CHECK(PARSE(&o, err, "--replay", "x.rec", "--irqchip", "kernel") != 0);
	CHECK_CONTAINS(err, "--irqchip has no meaning in a replay");
	CHECK_STR(vm_irqchip_name(VM_IRQCHIP_KERNEL), "kernel");
	CHECK_STR(vm_irqchip_label(VM_IRQCHIP_USER), "user");
	CHECK_STR(vm_irqchip_label(VM_IRQCHIP_KERNEL), "kernel (KVM's PIC, PIT)");
}

static void test_outcomes(void)
{
	char why[256];
	struct event e = { .reason = EXIT_SHUTDOWN, .rip = 0x7c41 };
	CHECK_EQ(run_outcome_status(VCPU_HALTED, 0), STATUS_HALTED);
	CHECK_EQ(run_outcome_status(VCPU_DEBUG_EXIT, 33), 33);
	CHECK_EQ(run_outcome_status(VCPU_DEBUG_EXIT, (0x80 << 1) | 1), 1); /* 8 bits, as exit(3) */
	CHECK_EQ(run_outcome_status(VCPU_SHUTDOWN, 0), STATUS_SHUTDOWN);
	CHECK_EQ(run_outcome_status(VCPU_FAIL_ENTRY, 0), STATUS_FAIL_ENTRY);
	CHECK_EQ(run_outcome_status(VCPU_INTERNAL_ERROR, 0), STATUS_INTERNAL_ERROR);
	CHECK_EQ(run_outcome_status(VCPU_EXIT_LIMIT, 0), STATUS_MAX_EXITS);
	CHECK_EQ(run_outcome_status(VCPU_ERROR, 0), STATUS_VCPU_ERROR);
	CHECK(run_outcome_explain(VCPU_SHUTDOWN, &e, why, sizeof(why)));
	CHECK_CONTAINS(why, "triple-faulted");
	CHECK_CONTAINS(why, "0x7c41");
	CHECK(!run_outcome_explain(VCPU_HALTED, &e, why, sizeof(why)));
	struct event ie = { .reason = EXIT_INTERNAL_ERROR, .rip = 0x10 };
	ie.u.internal.suberror = 1;
	ie.u.internal.insn_len = 2;
	ie.u.internal.insn[0] = 0x0f;
	ie.u.internal.insn[1] = 0xa2;
	CHECK(run_outcome_explain(VCPU_INTERNAL_ERROR, &ie, why, sizeof(why)));
	CHECK_CONTAINS(why, "emulation failed");
	CHECK_CONTAINS(why, "bytes 0f a2");
	/* A damaged length (a recording) shows at most the 15 bytes there are. */
	ie.u.internal.insn_len = 200;
	CHECK(run_outcome_explain(VCPU_INTERNAL_ERROR, &ie, why, sizeof(why)));
	const char *bytes = strstr(why, "; bytes ");
	CHECK(bytes && (strlen(bytes + 8) + 1) / 3 == 15);
}

/* The BIOS's options: --bios/--no-bios, disks, the boot drive, the screen dump. */
static void test_bios_options(void)
{
	struct cli_options o;
	char err[256] = "";
	CHECK_EQ(PARSE(&o, err, "g.bin"), 0);
	CHECK_EQ(o.vm.bios, VM_BIOS_AUTO);
	CHECK_EQ(PARSE(&o, err, "--bios", "g.bin"), 0);
	CHECK_EQ(o.vm.bios, VM_BIOS_ON);
	CHECK_EQ(PARSE(&o, err, "--bios", "--no-bios", "g.bin"), 0);
	CHECK_EQ(o.vm.bios, VM_BIOS_OFF);
	CHECK_EQ(PARSE(&o, err, "--disk", "a.img", "--disk", "b.img", "--disk-write", "g.bin"), 0);
	CHECK_EQ(o.vm.ndisks, 2);
	CHECK_STR(o.vm.disks[0], "a.img");
	CHECK_STR(o.vm.disks[1], "b.img");
	CHECK(o.vm.disk_write);
	CHECK(PARSE(&o, err, "--disk", "a", "--disk", "b", "--disk", "c", "g.bin") != 0);
	CHECK_CONTAINS(err, "at most 2 disks");
	/* No guest: the first disk boots. */
	CHECK_EQ(PARSE(&o, err, "--disk", "os.img", "--disk", "data.img"), 0);
	CHECK_STR(o.guest, "os.img");
	CHECK_EQ(o.vm.ndisks, 1);
	CHECK_STR(o.vm.disks[0], "data.img");
	static const struct { char *text; uint8_t drive; } drives[] = {
		{ "a", 0x00 }, { "B", 0x01 }, { "c", 0x80 }, { "d", 0x81 }, { "00h", 0x00 },
		{ "81H", 0x81 }, { "0x80", 0x80 }, { "128", 0x80 },
	};
	for (size_t i = 0; i < sizeof drives / sizeof drives[0]; i++) {
		CHECK_EQ(PARSE(&o, err, "--boot", drives[i].text, "g.bin"), 0);
		CHECK(o.vm.has_boot_drive);
		CHECK_EQ(o.vm.boot_drive, drives[i].drive);
	}
	CHECK(PARSE(&o, err, "--boot", "e", "g.bin") != 0);
	CHECK_STR(err, "bad value for --boot: 'e' (a drive: 00h, 01h, 80h, 81h, or a, b, c, d)");
	CHECK(PARSE(&o, err, "--boot", "82h", "g.bin") != 0);
	CHECK(PARSE(&o, err, "--no-bios", "--disk", "a.img", "g.bin") != 0);
	CHECK_CONTAINS(err, "--disk needs the BIOS");
	CHECK(PARSE(&o, err, "--no-bios", "--boot", "a", "g.bin") != 0);
	CHECK_CONTAINS(err, "--boot needs the BIOS");
	CHECK(PARSE(&o, err, "--no-bios", "--screen-dump", "s.txt", "g.bin") != 0);
	CHECK_CONTAINS(err, "--screen-dump needs the BIOS");
	CHECK_EQ(PARSE(&o, err, "--screen-dump", "s.txt", "g.bin"), 0);
	CHECK_STR(o.screen_dump_path, "s.txt");
	CHECK(o.vm.needs_text_screen); /* vm_create refuses a machine without the BIOS, before KVM */
	CHECK(cli_check_console(&o, err, sizeof(err)) != 0);
	CHECK_CONTAINS(err, "--screen-dump works only with --headless");
	CHECK(PARSE(&o, err, "--replay", "r.rec", "--disk", "a.img") != 0);
	CHECK_CONTAINS(err, "--disk has no meaning in a replay");
	/* a recording holds no text screen: said at once, not after the replay */
	CHECK(PARSE(&o, err, "--replay", "r.rec", "--screen-dump", "s.txt") != 0);
	CHECK_STR(err, "--screen-dump has no meaning in a replay (a recording holds no text screen)");
}

int main(void)
{
	test_sizes();
	test_addresses();
	test_good_lines();
	test_bad_lines();
	test_reparse();
	test_options_after_guest();
	test_console_options();
	test_keyboard();
	test_bios_options();
	test_irqchip();
	test_outcomes();
	return check_done();
}

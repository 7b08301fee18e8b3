/* SPDX-License-Identifier: MIT */
/* options.c - parsing the command line with getopt_long. */
#include "options.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	OPT_HEADLESS = 256, OPT_MEM, OPT_MODE, OPT_LOAD_ADDR, OPT_ENTRY, OPT_TRACE, OPT_STATS,
	OPT_TIMEOUT, OPT_MAX_EXITS, OPT_THEME, OPT_LIST_THEMES, OPT_NO_COLOR, OPT_PAUSED,
	OPT_RECORD, OPT_REPLAY, OPT_SPEED, OPT_LOOP,
	OPT_KEYBOARD, OPT_IRQCHIP, OPT_BIOS, OPT_NO_BIOS, OPT_DISK, OPT_DISK_WRITE, OPT_BOOT,
	OPT_SCREEN_DUMP,
	OPT_DUMP,
	OPT_BREAK,
	OPT_GDB,
	OPT_SYNTAX,
	OPT_SANDBOX, OPT_NO_SANDBOX,
};

static const struct option long_options[] = {
	{ "headless", no_argument, NULL, OPT_HEADLESS },
	{ "mem", required_argument, NULL, OPT_MEM },
	{ "mode", required_argument, NULL, OPT_MODE },
	{ "load-addr", required_argument, NULL, OPT_LOAD_ADDR },
	{ "entry", required_argument, NULL, OPT_ENTRY },
	{ "trace", required_argument, NULL, OPT_TRACE },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "max-exits", required_argument, NULL, OPT_MAX_EXITS },
	{ "theme", required_argument, NULL, OPT_THEME },
	{ "list-themes", no_argument, NULL, OPT_LIST_THEMES },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "paused", no_argument, NULL, OPT_PAUSED },
	{ "record", required_argument, NULL, OPT_RECORD },
	{ "replay", required_argument, NULL, OPT_REPLAY },
	{ "speed", required_argument, NULL, OPT_SPEED },
	{ "loop", no_argument, NULL, OPT_LOOP },
	{ "keyboard", required_argument, NULL, OPT_KEYBOARD },
	{ "irqchip", required_argument, NULL, OPT_IRQCHIP },
	{ "bios", no_argument, NULL, OPT_BIOS },
	{ "no-bios", no_argument, NULL, OPT_NO_BIOS },
	{ "disk", required_argument, NULL, OPT_DISK },
	{ "disk-write", no_argument, NULL, OPT_DISK_WRITE },
	{ "boot", required_argument, NULL, OPT_BOOT },
	{ "screen-dump", required_argument, NULL, OPT_SCREEN_DUMP },
	{ "dump", required_argument, NULL, OPT_DUMP },
	{ "break", required_argument, NULL, OPT_BREAK },
	{ "gdb", required_argument, NULL, OPT_GDB },
	{ "syntax", required_argument, NULL, OPT_SYNTAX },
	{ "sandbox", no_argument, NULL, OPT_SANDBOX },
	{ "no-sandbox", no_argument, NULL, OPT_NO_SANDBOX },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

void cli_usage_line(FILE *out)
{
	fprintf(out, "usage: kvm-tui [--headless] [--mem SIZE] [--mode MODE] [options] GUEST\n"
		     "       kvm-tui --replay FILE [--speed X] [--loop] [options]\n"
		     "Try 'kvm-tui --help' for more.\n");
}

void cli_help(FILE *out)
{
	fputs("usage: kvm-tui [options] GUEST\n"
	      "       kvm-tui --replay FILE [options]\n"
	      "Run GUEST (a flat binary, a boot sector or an ELF file, or the name of an\n"
	      "installed guest such as 'hello') in a KVM virtual machine and watch it,\n"
	      "or replay a recording of such a run (no KVM needed).\n"
	      "\n"
	      "Machine:\n"
	      "  --mem SIZE          guest memory, e.g. 16M (default), 512K, 1G\n"
	      "  --mode MODE         start mode: real (default), protected, paged, long;\n"
	      "                      ELF32 images start in protected, ELF64 in long mode\n"
	      "  --load-addr ADDR    load a flat image or boot sector at ADDR\n"
	      "  --entry ADDR        start executing at ADDR\n"
	      "                      (ADDR: decimal, or hex with 0x: 31744 or 0x7c00)\n"
	      "  --paused            start paused (then s steps, r runs)\n"
	      "  --irqchip CHIP      the PC's interrupt controller and timer: user (the\n"
	      "                      default: kvm-tui's own 8259 PIC and 8254 PIT) or kernel\n"
	      "                      (KVM's: their port exits and HLT stay in the kernel)\n"
	      "  --bios, --no-bios   the PC BIOS (int 10h, 13h, 16h, ...): on by default for a\n"
	      "                      disk image or with --disk, off otherwise (a boot sector\n"
	      "                      that calls the BIOS needs --bios)\n"
	      "  --disk FILE         a disk image for int 13h (twice for two drives); a\n"
	      "                      floppy size is drive 00h, anything else 80h\n"
	      "  --disk-write        let the guest's disk writes reach the files (without\n"
	      "                      it they stay in memory and are dropped at exit)\n"
	      "  --boot DRIVE        boot from drive 00h, 01h, 80h or 81h (also a, b, c, d)\n"
	      "\n"
	      "Console:\n"
	      "  --headless          no UI: guest serial output to stdout, stdin to the guest\n"
	      "  --trace FILE        every exit to FILE, one JSON object a line (headless)\n"
	      "  --stats             print exit counts and exits/s at the end (headless)\n"
	      "  --timeout SECONDS   stop after SECONDS, status 124 (headless)\n"
	      "  --max-exits N       stop after N exits (status 14)\n"
	      "  --keyboard kbc|uart where typed input goes: uart to COM1 as bytes (the\n"
	      "                      default without the BIOS), kbc to the 8042 as scan codes\n"
	      "                      on IRQ 1 (the TUI's K); with the BIOS, by default where\n"
	      "                      the guest first reads (int 16h or COM1)\n"
	      "  --screen-dump FILE  write the final text screen to FILE as UTF-8 (headless)\n"
	      "  --dump ADDR:LEN     after the run, LEN bytes of guest memory at ADDR to stdout\n"
	      "                      in hexdump's canonical layout (headless; ADDR as the memory\n"
	      "                      view takes it: 0x7c00, b800:0, ss:sp, phys:0x1000; up to 8)\n"
	      "  --syntax intel|att  disassembly syntax of the code view (y switches)\n"
	      "  --gdb PORT          serve gdb on 127.0.0.1:PORT (-s: 1234; -gdb tcp::PORT as\n"
	      "                      QEMU): registers, memory, step, continue, ^C\n"
	      "  --break WHERE       stop there (repeatable): an exit (io, hlt, mmio), io:PORT,\n"
	      "                      in:PORT, out:PORT, mmio:[read:|write:]ADDR[:LEN], mode,\n"
	      "                      mode:pe|pg|lma, int:VECTOR; headless, the run ends with\n"
	      "                      the registers on stderr and status 16\n"
	      "\n"
	      "Record and replay:\n"
	      "  --record FILE       record what the console shows (exits, registers, text)\n"
	      "  --replay FILE       replay a recording instead of running a guest\n"
	      "  --speed X           replay pace: 1 as recorded (the UI's default), 4, 0.5,\n"
	      "                      or max (the headless default)\n"
	      "  --loop              start the replay over when it ends\n"
	      "\n"
	      "Safety:\n"
	      "  --sandbox           confine a live VM's threads to the system calls they\n"
	      "                      need (seccomp); on by default for a replay\n"
	      "  --no-sandbox        no confinement, for a replay too (if a forbidden call\n"
	      "                      stopped a run: status 16, the call named)\n"
	      "\n"
	      "Display:\n"
	      "  --theme NAME|PATH   colour theme (see --list-themes)\n"
	      "  --list-themes       list the themes found and exit\n"
	      "  --no-color          no colours (also when NO_COLOR is set)\n"
	      "  -h, --help          this help\n"
	      "  -V, --version       version\n"
	      "\n"
	      "Exit status: 0 the guest halted; odd: the guest wrote v to port 0xf4, (v<<1)|1;\n"
	      "2 bad usage; 4 could not start; 6 triple fault; 8 entry failed; 10 KVM internal\n"
	      "error; 12 host error (also: trace or stdout not writable); 14 --max-exits\n"
	      "reached; 16 the sandbox stopped a forbidden system call; 124 --timeout\n"
	      "reached; 130 interrupted.\n"
	      "Environment: KVM_TUI_DEVICE (default /dev/kvm), NO_COLOR.\n",
	      out);
}

/* Sizes take K, M or G (powers of 1024, optional "iB"/"B"); a bare number is
 * MiB, as QEMU's -m reads it. */
int parse_size(const char *text, uint64_t *out)
{
	char *end;
	errno = 0;
	if (!isdigit((unsigned char)*text))
		return -1;
	unsigned long long v = strtoull(text, &end, 10);
	if (errno || end == text)
		return -1;
	unsigned shift = 20;
	switch (toupper((unsigned char)*end)) {
	case 'K': shift = 10; end++; break;
	case 'M': shift = 20; end++; break;
	case 'G': shift = 30; end++; break;
	case '\0': break;
	default: return -1;
	}
	if (strcasecmp(end, "iB") == 0 || strcasecmp(end, "B") == 0)
		end += strlen(end);
	if (*end || v == 0 || v > (UINT64_MAX >> shift))
		return -1;
	*out = (uint64_t)v << shift;
	return 0;
}

/* Decimal, or hex after 0x; never octal: "0777" is 777, as a student who
 * pads with zeros means it, not 511 as strtoull's base 0 would read it. */
int parse_address(const char *text, uint64_t *out)
{
	char *end;
	int base = 10;
	errno = 0;
	if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
		base = 16;
		text += 2;
	}
	if (!isxdigit((unsigned char)*text) || (base == 10 && !isdigit((unsigned char)*text)))
		return -1;
	unsigned long long v = strtoull(text, &end, base);
	if (errno || *end)
		return -1;
	*out = v;
	return 0;
}

static int parse_count(const char *text, uint64_t *out)
{
	char *end;
	errno = 0;
	if (!isdigit((unsigned char)*text))
		return -1;
	unsigned long long v = strtoull(text, &end, 10);
	if (errno || *end || v == 0)
		return -1;
	*out = v;
	return 0;
}

static int parse_seconds(const char *text, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(text, &end);
	if (errno || end == text || *end || !(v > 0) || v > 1e7)
		return -1;
	*out = v;
	return 0;
}

/* A replay's pace, as a multiple of the recorded one: 1, 4, 0.5, max. */
int parse_speed(const char *text, uint32_t *thousandths)
{
	if (strcmp(text, "max") == 0) {
		*thousandths = REPLAY_SPEED_MAX;
		return 0;
	}
	char *end;
	errno = 0;
	double v = strtod(text, &end);
	if (errno || end == text || *end || !(v >= 0.001) || v > 1000000)
		return -1;
	*thousandths = (uint32_t)(v * 1000 + 0.5);
	return 0;
}

/* What vm_create accepts (vm.c checks again for other callers). */
static bool mem_size_usable(uint64_t size)
{
	return size >= VM_MIN_MEM && size <= VM_MAX_MEM && size % 4096 == 0;
}

static int bad_value(const char *opt, const char *value, const char *hint, char *err, size_t errlen)
{
	snprintf(err, errlen, "bad value for %s: '%s' (%s)", opt, value, hint);
	return -1;
}

static const char *const live_only[] = {
	[OPT_MEM - OPT_HEADLESS] = "--mem", [OPT_MODE - OPT_HEADLESS] = "--mode",
	[OPT_LOAD_ADDR - OPT_HEADLESS] = "--load-addr", [OPT_ENTRY - OPT_HEADLESS] = "--entry",
	[OPT_MAX_EXITS - OPT_HEADLESS] = "--max-exits", [OPT_RECORD - OPT_HEADLESS] = "--record",
	[OPT_KEYBOARD - OPT_HEADLESS] = "--keyboard",
	[OPT_IRQCHIP - OPT_HEADLESS] = "--irqchip",
	[OPT_BIOS - OPT_HEADLESS] = "--bios", [OPT_NO_BIOS - OPT_HEADLESS] = "--no-bios",
	[OPT_DISK - OPT_HEADLESS] = "--disk", [OPT_DISK_WRITE - OPT_HEADLESS] = "--disk-write",
	[OPT_BOOT - OPT_HEADLESS] = "--boot",
};

/* "00h"-style drive numbers as a BIOS names them, or the DOS letters. */
static int parse_drive(const char *text, uint8_t *out)
{
	static const struct { const char *name; uint8_t drive; } names[] = {
		{ "a", 0x00 }, { "b", 0x01 }, { "c", 0x80 }, { "d", 0x81 },
		{ "0x00", 0x00 }, { "0x01", 0x01 }, { "0x80", 0x80 }, { "0x81", 0x81 },
		{ "00h", 0x00 }, { "01h", 0x01 }, { "80h", 0x80 }, { "81h", 0x81 },
		{ "0", 0x00 }, { "1", 0x01 }, { "128", 0x80 }, { "129", 0x81 },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcasecmp(text, names[i].name) == 0) {
			*out = names[i].drive;
			return 0;
		}
	}
	return -1;
}

static int add_disk(struct cli_options *o, const char *arg, char *err, size_t errlen)
{
	if (o->vm.ndisks == VM_MAX_DISKS) {
		snprintf(err, errlen, "--disk: at most %d disks", VM_MAX_DISKS);
		return -1;
	}
	o->vm.disks[o->vm.ndisks++] = arg;
	return 0;
}

/* "1234", "tcp::1234", "tcp:localhost:1234", "tcp:127.0.0.1:1234": the
 * stub listens on 127.0.0.1 only, whatever host QEMU's spelling names. */
static int parse_gdb_port(const char *arg, uint16_t *port)
{
	if (strncmp(arg, "tcp:", 4) == 0) {
		const char *colon = strrchr(arg + 4, ':');
		const char *host = arg + 4;
		size_t hostlen = colon ? (size_t)(colon - host) : 0;
		if (!colon || (hostlen && strncmp(host, "localhost", hostlen) != 0 &&
				strncmp(host, "127.0.0.1", hostlen) != 0))
			return -1;
		arg = colon + 1;
	}
	char *end;
	errno = 0;
	unsigned long v = strtoul(arg, &end, 10);
	if (!isdigit((unsigned char)arg[0]) || *end || errno || v == 0 || v > 65535)
		return -1;
	*port = (uint16_t)v;
	return 0;
}

/* --break WHERE, checked now. */
static int add_break(struct cli_options *o, const char *arg, char *err, size_t errlen)
{
	if (o->nbreaks == BRK_MAX) {
		snprintf(err, errlen, "--break: at most %d breakpoints", BRK_MAX);
		return -1;
	}
	char why[192];
	if (bp_parse(arg, &o->breaks[o->nbreaks], why, sizeof(why)) ||
	    bp_supported(&o->breaks[o->nbreaks], why, sizeof(why))) {
		snprintf(err, errlen, "--break '%s': %s", arg, why);
		return -1;
	}
	o->nbreaks++;
	return 0;
}

/* --dump ADDR:LEN, checked now: a typo is a usage error, not a lost run. */
static int add_dump(struct cli_options *o, const char *arg, char *err, size_t errlen)
{
	if (o->ndumps == MEM_DUMPS_MAX) {
		snprintf(err, errlen, "--dump: at most %d ranges", MEM_DUMPS_MAX);
		return -1;
	}
	struct addr_expr e;
	uint64_t len;
	char why[96];
	if (addr_expr_parse_range(arg, &e, &len, MEM_DUMP_MAX, why, sizeof(why))) {
		snprintf(err, errlen, "--dump '%s': %s (give ADDR:LEN, LEN up to %u, e.g. 0x7c00:512, "
			 "b800:0:4000, ss:sp:32)", arg, why, MEM_DUMP_MAX);
		return -1;
	}
	o->dumps[o->ndumps].expr = e;
	o->dumps[o->ndumps].len = (uint32_t)len;
	o->dumps[o->ndumps].text = arg;
	o->ndumps++;
	return 0;
}

static int apply_option(int c, const char *arg, struct cli_options *o, char *err, size_t errlen)
{
	unsigned slot = (unsigned)(c - OPT_HEADLESS);
	if (c >= OPT_HEADLESS && slot < sizeof(live_only) / sizeof(live_only[0]) && live_only[slot])
		o->live_option = live_only[slot];
	switch (c) {
	case OPT_HEADLESS: o->headless = true; return 0;
	case OPT_MEM:
		/* Out of range is a command-line mistake like a typo: status 2 for both. */
		if (parse_size(arg, &o->vm.mem_size) || !mem_size_usable(o->vm.mem_size))
			return bad_value("--mem", arg, "64K to 64G in whole 4 KiB pages, such as 16M, "
					 "512K or 1G", err, errlen);
		return 0;
	case OPT_MODE:
		if (guest_mode_parse(arg, &o->vm.mode))
			return bad_value("--mode", arg, "real, protected, paged or long", err, errlen);
		return 0;
	case OPT_LOAD_ADDR:
		o->vm.has_load_addr = true;
		if (parse_address(arg, &o->vm.load_addr))
			return bad_value("--load-addr", arg, "decimal, or hex with 0x, such as 0x7c00", err, errlen);
		return 0;
	case OPT_ENTRY:
		o->vm.has_entry = true;
		if (parse_address(arg, &o->vm.entry))
			return bad_value("--entry", arg, "decimal, or hex with 0x, such as 0x100000", err, errlen);
		return 0;
	case OPT_TRACE: o->trace_path = arg; return 0;
	case OPT_STATS: o->stats = true; return 0;
	case OPT_TIMEOUT:
		if (parse_seconds(arg, &o->timeout_s))
			return bad_value("--timeout", arg, "seconds, e.g. 5 or 0.5", err, errlen);
		return 0;
	case OPT_MAX_EXITS:
		if (parse_count(arg, &o->vm.max_exits))
			return bad_value("--max-exits", arg, "a whole number above 0", err, errlen);
		return 0;
	case OPT_THEME: o->theme = arg; return 0;
	case OPT_LIST_THEMES: o->list_themes = true; return 0;
	case OPT_NO_COLOR: o->no_color = true; return 0;
	case OPT_PAUSED: o->vm.start_paused = true; return 0;
	case OPT_RECORD: o->vm.record_path = arg; return 0;
	case OPT_REPLAY: o->replay_path = arg; return 0;
	case OPT_SPEED:
		o->has_speed = true;
		if (parse_speed(arg, &o->replay_speed))
			return bad_value("--speed", arg, "a pace such as 1, 4, 0.25 or max", err, errlen);
		return 0;
	case OPT_LOOP: o->replay_loop = true; return 0;
	case OPT_KEYBOARD:
		if (strcmp(arg, "kbc") != 0 && strcmp(arg, "uart") != 0)
			return bad_value("--keyboard", arg, "kbc or uart", err, errlen);
		o->keyboard = arg[0] == 'k' ? INPUT_TO_KBC : INPUT_TO_UART;
		o->has_keyboard = true;
		return 0;
	case OPT_IRQCHIP:
		if (vm_irqchip_parse(arg, &o->vm.irqchip))
			return bad_value("--irqchip", arg, "user or kernel", err, errlen);
		return 0;
	case OPT_BIOS: o->vm.bios = VM_BIOS_ON; return 0;
	case OPT_NO_BIOS: o->vm.bios = VM_BIOS_OFF; return 0;
	case OPT_DISK: return add_disk(o, arg, err, errlen);
	case OPT_DISK_WRITE: o->vm.disk_write = true; return 0;
	case OPT_BOOT:
		o->vm.has_boot_drive = true;
		if (parse_drive(arg, &o->vm.boot_drive))
			return bad_value("--boot", arg, "a drive: 00h, 01h, 80h, 81h, or a, b, c, d", err, errlen);
		return 0;
	case OPT_DUMP: return add_dump(o, arg, err, errlen);
	case OPT_BREAK: return add_break(o, arg, err, errlen);
	case OPT_GDB:
		if (parse_gdb_port(arg, &o->gdb_port))
			return bad_value("--gdb", arg, "a port (1-65535), or tcp::PORT as QEMU writes it", err, errlen);
		return 0;
	case 's': o->gdb_port = 1234; return 0; /* QEMU's -s */
	case OPT_SYNTAX:
		if (strcmp(arg, "intel") != 0 && strcmp(arg, "att") != 0)
			return bad_value("--syntax", arg, "intel or att", err, errlen);
		o->syntax = arg[0] == 'a' ? DISASM_ATT : DISASM_INTEL;
		return 0;
	case OPT_SCREEN_DUMP:
		o->screen_dump_path = arg;
		o->vm.needs_text_screen = true;
		return 0;
	case OPT_SANDBOX: o->sandbox = 1; return 0;
	case OPT_NO_SANDBOX: o->sandbox = -1; return 0;
	case 'h': o->help = true; return 0;
	case 'V': o->version = true; return 0;
	default: return -1;
	}
}

/* A replay runs no guest: options that shape a live VM have no meaning. */
static int check_replay(const struct cli_options *o, char *err, size_t errlen)
{
	if (o->guest) {
		snprintf(err, errlen, "--replay plays a recording: give no guest ('%s' is extra)", o->guest);
		return -1;
	}
	if (o->screen_dump_path) {
		snprintf(err, errlen, "--screen-dump has no meaning in a replay (a recording holds no "
			 "text screen)");
		return -1;
	}
	if (o->live_option) {
		snprintf(err, errlen, "%s has no meaning in a replay (the recording fixed it)", o->live_option);
		return -1;
	}
	return 0;
}

int cli_check_console(const struct cli_options *o, char *err, size_t errlen)
{
	const char *opt = o->trace_path ? "--trace" : o->stats ? "--stats" : o->timeout_s > 0 ? "--timeout"
			  : o->screen_dump_path ? "--screen-dump" : o->ndumps ? "--dump" : NULL;
	if (o->headless || !opt)
		return 0;
	snprintf(err, errlen, "%s works only with --headless (the console shows the exits itself)", opt);
	return -1;
}

/* The words that are not options, wherever they stand ("hello --headless"
 * as well as "--headless hello"), and all words after "--". */
static void take_operand(struct cli_options *o, const char *arg, const char **extra)
{
	if (!o->guest)
		o->guest = arg;
	else if (!*extra)
		*extra = arg;
}

static int bad_option(char **argv, char *err, size_t errlen)
{
	if (optopt && optopt < 256)
		snprintf(err, errlen, "unknown option '-%c'", optopt);
	else
		snprintf(err, errlen, "unknown option or missing value: '%s'", argv[optind - 1]);
	return -1;
}

/* "kvm-tui --disk os.img" boots os.img: the first disk is the guest. */
static void guest_from_disk(struct cli_options *o)
{
	if (o->guest || !o->vm.ndisks)
		return;
	o->guest = o->vm.disks[0];
	for (unsigned i = 1; i < o->vm.ndisks; i++)
		o->vm.disks[i - 1] = o->vm.disks[i];
	o->vm.ndisks--;
}

static int check_guest(struct cli_options *o, const char *extra, char *err, size_t errlen)
{
	guest_from_disk(o);
	if (o->has_speed || o->replay_loop) {
		snprintf(err, errlen, "%s is for replays (--replay FILE)", o->has_speed ? "--speed" : "--loop");
		return -1;
	}
	if (!o->guest) {
		snprintf(err, errlen, "no guest given");
		return -1;
	}
	if (o->vm.bios == VM_BIOS_OFF && (o->vm.ndisks || o->vm.has_boot_drive || o->screen_dump_path)) {
		snprintf(err, errlen, "%s needs the BIOS: drop --no-bios",
			 o->vm.ndisks ? "--disk" : o->vm.has_boot_drive ? "--boot" : "--screen-dump");
		return -1;
	}
	if (extra) {
		snprintf(err, errlen, "one guest at a time ('%s' is extra)", extra);
		return -1;
	}
	return 0;
}

int cli_parse(int argc, char **argv, struct cli_options *o, char *err, size_t errlen)
{
	const char *extra = NULL;
	memset(o, 0, sizeof(*o));
	o->vm.mem_size = VM_DEFAULT_MEM;
	opterr = 0;
	/* 0, not 1: glibc then forgets everything from an earlier parse (a
	 * half-read "-qh" cluster, the permutation bounds); tests parse often. */
	optind = 0;
	int c;
	/* "-": each non-option comes back in place as code 1, so options may
	 * follow the guest as with GNU tools, even under POSIXLY_CORRECT. */
	/* QEMU's "-gdb tcp::1234" has one dash: getopt would read -g -d -b. */
	char *args[argc + 1];
	for (int i = 0; i < argc; i++)
		args[i] = strcmp(argv[i], "-gdb") == 0 ? (char *)"--gdb" : argv[i];
	args[argc] = NULL;
	argv = args;
	while ((c = getopt_long(argc, argv, "-hVs", long_options, NULL)) != -1) {
		if (c == '?' || c == ':')
			return bad_option(argv, err, errlen);
		if (c == 1)
			take_operand(o, optarg, &extra);
		else if (apply_option(c, optarg, o, err, errlen))
			return -1;
	}
	for (; optind < argc; optind++) /* after "--": a guest may start with '-' */
		take_operand(o, argv[optind], &extra);
	if (o->help || o->version || o->list_themes)
		return 0;
	if (o->replay_path)
		return check_replay(o, err, errlen);
	return check_guest(o, extra, err, errlen);
}

bool cli_sandbox_on(const struct cli_options *o)
{
	if (o->sandbox)
		return o->sandbox > 0;
	return o->replay_path != NULL;
}

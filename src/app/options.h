/* SPDX-License-Identifier: MIT */
/* options.h - kvm-tui's command line. */
#ifndef KVMTUI_OPTIONS_H
#define KVMTUI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "addr_expr.h"
#include "breakpoints.h"
#include "disasm.h"
#include "key_stream.h"
#include "mem_view.h"
#include "vm.h"

struct cli_options {
	struct vm_options vm;
	const char *guest;        /* as typed: a path or a name */
	bool headless;
	bool help, version, list_themes;
	bool no_color;
	bool stats;
	const char *theme;
	const char *trace_path;
	double timeout_s;         /* 0 = none */
	const char *replay_path;  /* --replay: play this recording instead of a guest */
	bool has_speed;
	uint32_t replay_speed;    /* --speed, thousandths of the recorded pace (0 = max) */
	bool replay_loop;         /* --loop */
	const char *live_option;  /* the last option given that only a live VM takes */
	enum input_target keyboard; /* --keyboard: where typed input goes first */
	bool has_keyboard;        /* --keyboard given (else: the 8042 with the BIOS, COM1 without) */
	const char *screen_dump_path; /* --screen-dump: the final text screen as UTF-8 (headless) */
	struct cli_dump {
		struct addr_expr expr;
		uint32_t len;
		const char *text;     /* as given */
	} dumps[MEM_DUMPS_MAX];       /* --dump ADDR:LEN (headless) */
	unsigned ndumps;
	enum disasm_syntax syntax;    /* --syntax: the code view's at first */
	struct breakpoint breaks[BRK_MAX]; /* --break, in the order given */
	unsigned nbreaks;
	uint16_t gdb_port;            /* --gdb, -s, -gdb tcp::PORT; 0: no gdb stub */
	int sandbox;                  /* --sandbox 1, --no-sandbox -1, 0 the default */
};

/* 0 ok; -1 usage error with the reason in err. */
int cli_parse(int argc, char **argv, struct cli_options *o, char *err, size_t errlen);
/* After the console is chosen (o->headless final): the options only the
 * headless console honours are refused in the TUI rather than ignored.
 * 0 ok; -1 with the reason in err. */
int cli_check_console(const struct cli_options *o, char *err, size_t errlen);
void cli_usage_line(FILE *out);
void cli_help(FILE *out);
/* Whether the run is sandboxed: --sandbox or --no-sandbox as given, else on
 * for a replay (verified there) and off for a live VM (opt-in for now). */
bool cli_sandbox_on(const struct cli_options *o);

/* "16M", "512K", "1G", "65536" (bytes with no suffix... see options.c) */
int parse_size(const char *text, uint64_t *out);
int parse_address(const char *text, uint64_t *out);
/* "1", "4", "0.25", "max": a replay's pace in thousandths (max = 0). */
int parse_speed(const char *text, uint32_t *thousandths);

#endif

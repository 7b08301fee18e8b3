/* SPDX-License-Identifier: MIT */
/* main.c - kvm-tui: command line, then the TUI or the headless console.
 *
 * Order matters: everything a user can get wrong (options, theme, guest file
 * or recording, KVM itself) is checked before the terminal is taken over, so
 * each mistake is one clear message on a normal terminal.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exit_status.h"
#include "git_version.h"
#include "guest_locate.h"
#include "headless.h"
#include "options.h"
#include "gdb_link.h"
#include "mem_dump.h"
#include "sandbox.h"
#include "text_screen_dump.h"
#include "theme.h"
#include "tui.h"
#include "vm.h"

/* Room for a message about a file: the longest path and then the reason,
 * which is what the user needs and, last in the line, what a short buffer
 * would cut off. */
#define ERR_LEN (PATH_MAX + 512)

struct program {
	struct cli_options opts;
	char guest_path[PATH_MAX];
	struct theme theme;
	bool use_color;
	struct seam *seam;
	struct vm *vm;
	struct headless_setup headless;
	struct text_screen_dump_file screen_dump; /* --screen-dump, open from before the VM */
	struct mem_dumps dumps;                   /* --dump, read as the guest stops */
	struct gdb_link *gdb;                     /* --gdb: the stub, bound before the VM */
};

static int handle_informational(const struct cli_options *o)
{
	if (o->help) {
		cli_help(stdout);
		return 0;
	}
	if (o->version) {
		/* "kvm-tui 0.1.0 (git 0123456789ab)", or the version alone when
		 * built outside a git checkout. */
		if (*KVMTUI_GIT_COMMIT)
			printf("kvm-tui %s (git %s)\n", KVMTUI_VERSION, KVMTUI_GIT_COMMIT);
		else
			printf("kvm-tui %s\n", KVMTUI_VERSION);
		return 0;
	}
	theme_list(stdout);
	return 0;
}

static int load_theme(struct program *p)
{
	char err[ERR_LEN];
	p->use_color = theme_use_color(p->opts.no_color); /* --no-color, NO_COLOR */
	const char *name = p->opts.theme ? p->opts.theme : "default";
	if (theme_load(name, &p->theme, err, sizeof(err)) == 0)
		return 0;
	if (!p->opts.theme) { /* no theme files installed: the built-in default */
		theme_builtin_default(&p->theme);
		return 0;
	}
	fprintf(stderr, "kvm-tui: %s\n", err);
	return -1;
}

/* A replay plays at the recorded pace on screen, as fast as it can headless
 * (it is then a conversion: to stdout, to --trace), unless --speed says. */
static void set_replay_pace(struct program *p)
{
	struct control *ctl = &p->seam->control;
	uint32_t speed = p->opts.headless ? REPLAY_SPEED_MAX : REPLAY_SPEED_REAL;
	control_set_replay_speed(ctl, p->opts.has_speed ? p->opts.replay_speed : speed);
	control_set_replay_loop(ctl, p->opts.replay_loop);
}

static struct vm *open_vm(struct program *p, char *err, size_t errlen)
{
	if (p->opts.replay_path) {
		set_replay_pace(p);
		return vm_open_replay(p->opts.replay_path, p->seam, p->opts.vm.start_paused, err, errlen);
	}
	p->opts.vm.guest_path = p->guest_path;
	p->opts.vm.guest_name = p->opts.guest;
	return vm_create(&p->opts.vm, p->seam, err, errlen);
}

/* The sandbox (src/sandbox): on for replays unless --no-sandbox, on for a
 * live VM with --sandbox. The TUI's terminal comes back before a report. */
static int arm_sandbox(const struct program *p, char *err, size_t errlen)
{
	if (!cli_sandbox_on(&p->opts))
		return 0;
	if (!sandbox_build_supports() && p->opts.sandbox == 0)
		return 0; /* a sanitizer build: off by default, silently (sandbox.h) */
	struct sandbox_plan plan = { .kvm = p->opts.replay_path == NULL };
	int rc = sandbox_arm(&plan, err, errlen);
	if (rc == SANDBOX_UNAVAILABLE && p->opts.sandbox == 0) {
		/* Only the default: one asked for with --sandbox is not dropped. */
		fprintf(stderr, "kvm-tui: %s; running without the sandbox\n", err);
		return 0;
	}
	if (rc)
		return -1;
	if (!p->opts.headless)
		sandbox_set_restore(tui_restore_terminal_now);
	return 0;
}

static void confine_console(void)
{
	sandbox_enter(SANDBOX_CONSOLE);
}

static int start_vm(struct program *p)
{
	char err[ERR_LEN];
	p->seam = seam_create(SEAM_RING_CAPACITY);
	if (!p->seam) {
		perror("kvm-tui: seam");
		return -1;
	}
	/* Before the VM: the trace file is the user's to get right, and the
	 * signal mask must be set before any thread exists. */
	if (p->opts.headless && headless_prepare(&p->opts, &p->headless, err, sizeof(err))) {
		fprintf(stderr, "kvm-tui: %s\n", err);
		return -1;
	}
	/* The screen dump's file too: written at the end, but a path that
	 * cannot be written must not cost a whole run (or hide behind no KVM). */
	if (p->opts.screen_dump_path &&
	    text_screen_dump_open(&p->screen_dump, p->opts.screen_dump_path, err, sizeof(err))) {
		fprintf(stderr, "kvm-tui: %s\n", err);
		return -1;
	}
	for (unsigned i = 0; i < p->opts.nbreaks; i++)
		bp_add(&p->seam->breaks, &p->opts.breaks[i], err, sizeof(err)); /* at most BRK_MAX: cannot fail */
	if (mem_dumps_prepare(&p->dumps, &p->opts, p->seam, err, sizeof(err))) {
		fprintf(stderr, "kvm-tui: %s\n", err);
		return -1;
	}
	/* Armed before the VM: its helper threads confine themselves as they
	 * start, the vCPU thread once set up, the console once it is. */
	if (arm_sandbox(p, err, sizeof(err))) {
		fprintf(stderr, "kvm-tui: %s\n", err);
		return -1;
	}
	/* The port too: one in use is the user's to hear about before KVM. */
	if (p->opts.gdb_port && !(p->gdb = gdb_link_open(p->seam, p->opts.gdb_port, p->opts.headless, err, sizeof(err)))) {
		fprintf(stderr, "kvm-tui: --gdb: %s\n", err);
		return -1;
	}
	p->vm = open_vm(p, err, sizeof(err));
	if (!p->vm) {
		fprintf(stderr, "kvm-tui: %s\n", err);
		return -1;
	}
	p->headless.kstats_why = vm_kstats_unavailable(p->vm);
	/* With the BIOS, a pipe's input goes where the guest reads it: int 16h
	 * and the 8042, or COM1 (headless.c). The TUI's panes say it instead:
	 * the serial pane types on COM1, the screen pane on the 8042. */
	p->headless.input_from_guest = vm_has_bios(p->vm) && !p->opts.has_keyboard;
	int rc = vm_start(p->vm); /* 0 or a negative errno */
	if (rc) {
		fprintf(stderr, "kvm-tui: cannot start the vCPU thread: %s\n", strerror(-rc));
		return -1;
	}
	/* Before the console confines itself: the stub's threads use sockets. */
	if (p->gdb && gdb_link_start(p->gdb, err, sizeof(err))) {
		fprintf(stderr, "kvm-tui: --gdb: %s\n", err);
		return -1;
	}
	return 0;
}

static void replay_config(const struct program *p, struct tui_config *cfg)
{
	const struct replay_summary *sum = vm_replay_summary(p->vm);
	if (!sum)
		return;
	cfg->guest_name = sum->guest;
	cfg->mem_size = sum->mem_size;
	cfg->replay_file = p->opts.replay_path;
	cfg->replay_exits = sum->exits;
	cfg->replay_duration_ns = sum->duration_ns;
	cfg->replay_truncated = sum->truncated;
	cfg->replay_loop = p->opts.replay_loop;
	cfg->guest_file = vm_replay_memory_from(p->vm);
}

static int run_console(struct program *p)
{
	if (p->opts.headless) {
		confine_console();
		return headless_run(p->seam, &p->opts, &p->headless);
	}
	struct tui_config cfg = {
		.guest_name = p->opts.guest,
		.image_kind = vm_image_kind(p->vm),
		.start_mode = vm_start_mode(p->vm),
		.mem_size = p->opts.vm.mem_size,
		.irqchip = vm_irqchip_shown(p->vm),
		.theme = &p->theme,
		.use_color = p->use_color,
		.keys_to = p->opts.keyboard,
		.kstats_why = vm_kstats_unavailable(p->vm),
		.syntax = p->opts.syntax,
		.guest_file = p->guest_path,
		.on_ready = confine_console,
	};
	replay_config(p, &cfg);
	return tui_run(p->seam, &cfg);
}

/* --screen-dump: the screen as the guest left it (the vCPU publishes it
 * as it stops). A file that cannot be written is an error of the run. */
static int dump_screen(struct program *p)
{
	struct text_screen screen;
	char err[ERR_LEN];
	text_screen_box_read(&p->seam->screen, &screen);
	if (text_screen_dump_write(&p->screen_dump, &screen, err, sizeof(err)) == 0)
		return 0;
	fprintf(stderr, "kvm-tui: %s\n", err);
	return -1;
}

/* The recording's last blocks are written as the vCPU stops: a failure
 * there (a full disk) is reported, and the run does not count as a success. */
static int finish(struct program *p, int status)
{
	char err[ERR_LEN];
	gdb_link_close(p->gdb); /* a connected gdb sees the connection close */
	p->gdb = NULL;
	if (vm_stop(p->vm, err, sizeof(err))) {
		fprintf(stderr, "kvm-tui: the recording is incomplete: %s\n", err);
		if (status == STATUS_HALTED || (status & 1))
			status = STATUS_VCPU_ERROR;
	}
	if (p->opts.screen_dump_path && dump_screen(p) && (status == STATUS_HALTED || status == STATUS_TIMEOUT))
		status = STATUS_VCPU_ERROR;
	if (p->dumps.n && mem_dumps_print(&p->dumps, &p->opts, stdout, stderr) && status == STATUS_HALTED)
		status = STATUS_VCPU_ERROR;
	mem_dumps_free(&p->dumps);
	const struct replay_summary *sum = vm_replay_summary(p->vm);
	if (sum && sum->truncated && p->opts.headless)
		fprintf(stderr, "kvm-tui: %s is truncated (the recorded run was killed): replayed up to its "
			"last complete block\n", p->opts.replay_path);
	vm_destroy(p->vm);
	seam_destroy(p->seam);
	return status;
}

static int locate_guest(struct program *p)
{
	if (strlen(p->opts.guest) >= sizeof(p->guest_path)) { /* never run a truncated path */
		fprintf(stderr, "kvm-tui: guest path too long: %zu bytes, and a path has at most %zu "
			"(PATH_MAX); give a shorter one\n", strlen(p->opts.guest), sizeof(p->guest_path) - 1);
		return -1;
	}
	guest_locate(p->opts.guest, p->guest_path, sizeof(p->guest_path));
	return 0;
}

int main(int argc, char **argv)
{
	static struct program p;
	char err[ERR_LEN];
	if (cli_parse(argc, argv, &p.opts, err, sizeof(err))) {
		fprintf(stderr, "kvm-tui: %s\n", err);
		cli_usage_line(stderr);
		return STATUS_USAGE;
	}
	if (p.opts.help || p.opts.version || p.opts.list_themes)
		return handle_informational(&p.opts);
	/* No terminal to draw on: behave like --headless (pipes, CI, scripts). */
	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO))
		p.opts.headless = true;
	if (cli_check_console(&p.opts, err, sizeof(err))) {
		fprintf(stderr, "kvm-tui: %s\n", err);
		cli_usage_line(stderr);
		return STATUS_USAGE;
	}
	if (!p.opts.replay_path && locate_guest(&p))
		return STATUS_SETUP;
	/* Headless draws nothing, but a bad --theme is still the user's mistake
	 * to hear about: the same command must not fail only on a terminal. */
	if ((!p.opts.headless || p.opts.theme) && load_theme(&p))
		return STATUS_SETUP;
	p.headless = (struct headless_setup){ .sigfd = -1 };
	if (start_vm(&p)) {
		gdb_link_close(p.gdb); /* its threads look at the seam: first */
		headless_discard(&p.headless);
		text_screen_dump_discard(&p.screen_dump);
		vm_destroy(p.vm);
		mem_dumps_free(&p.dumps);
		seam_destroy(p.seam);
		return STATUS_SETUP;
	}
	return finish(&p, run_console(&p));
}

/* main.c - kvm-tui: command line, then the TUI or the headless console.
 *
 * Order matters: everything a user can get wrong (options, theme, guest file,
 * KVM itself) is checked before the terminal is taken over, so each mistake
 * is one clear message on a normal terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exit_status.h"
#include "guest_locate.h"
#include "headless.h"
#include "options.h"
#include "theme.h"
#include "tui.h"
#include "vm.h"

struct program {
	struct cli_options opts;
	char guest_path[4096];
	struct theme theme;
	bool use_color;
	struct seam *seam;
	struct vm *vm;
	struct headless_setup headless;
};

static int handle_informational(const struct cli_options *o)
{
	if (o->help) {
		cli_help(stdout);
		return 0;
	}
	if (o->version) {
		printf("kvm-tui %s\n", KVMTUI_VERSION);
		return 0;
	}
	theme_list(stdout);
	return 0;
}

static int load_theme(struct program *p)
{
	char err[512];
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

static int start_vm(struct program *p)
{
	char err[1024];
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
	p->opts.vm.guest_path = p->guest_path;
	p->vm = vm_create(&p->opts.vm, p->seam, err, sizeof(err));
	if (!p->vm) {
		fprintf(stderr, "kvm-tui: %s\n", err);
		return -1;
	}
	int rc = vm_start(p->vm); /* 0 or a negative errno */
	if (rc) {
		fprintf(stderr, "kvm-tui: cannot start the vCPU thread: %s\n", strerror(-rc));
		return -1;
	}
	return 0;
}

static int run_console(struct program *p)
{
	if (p->opts.headless)
		return headless_run(p->seam, &p->opts, &p->headless);
	struct tui_config cfg = {
		.guest_name = p->opts.guest,
		.image_kind = vm_image_kind(p->vm),
		.start_mode = guest_mode_name(vm_mode(p->vm)),
		.mem_size = p->opts.vm.mem_size,
		.theme = &p->theme,
		.use_color = p->use_color,
	};
	return tui_run(p->seam, &cfg);
}

int main(int argc, char **argv)
{
	static struct program p;
	char err[512];
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
	if (strlen(p.opts.guest) >= sizeof(p.guest_path)) { /* never run a truncated path */
		fprintf(stderr, "kvm-tui: guest path too long (%zu bytes, at most %zu)\n",
			strlen(p.opts.guest), sizeof(p.guest_path) - 1);
		return STATUS_SETUP;
	}
	guest_locate(p.opts.guest, p.guest_path, sizeof(p.guest_path));
	if (!p.opts.headless && load_theme(&p))
		return STATUS_SETUP;
	p.headless = (struct headless_setup){ .sigfd = -1 };
	if (start_vm(&p)) {
		headless_discard(&p.headless);
		vm_destroy(p.vm);
		seam_destroy(p.seam);
		return STATUS_SETUP;
	}
	int status = run_console(&p);
	vm_destroy(p.vm);
	seam_destroy(p.seam);
	return status;
}

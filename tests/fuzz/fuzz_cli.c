/* SPDX-License-Identifier: MIT */
/* fuzz_cli.c - the command line (src/app/options.c): cli_parse with any
 * words, and its number readers (sizes, addresses, counts, seconds, pace).
 *
 * Command lines come from scripts and course notes as often as from hands,
 * and the numbers in them (--mem 64G, --load-addr 0x7c00, --timeout 1e7)
 * end up in sizes and deadlines. The input is argv: words separated by NUL
 * bytes (argv[0] is "kvm-tui"). getopt_long keeps state between calls, so
 * each input is parsed three times after a parse of another command line:
 * all three must agree (a leak from the earlier parse would show), and
 * what a successful parse gives must be what the rest of kvm-tui can use:
 * a usable --mem, a --timeout whose deadline stays finite, at most
 * VM_MAX_DISKS disks, a guest unless the line asks for none.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "fuzz_input.h"
#include "options.h"
#include "poll_wait.h"

#define MAX_ARGS 48
#define TEXT_MAX 2048

struct parse {
	int rc;
	struct cli_options o;
	char err[256];
};

static void parse(int argc, char **words, struct parse *p)
{
	char *argv[MAX_ARGS + 2];
	memcpy(argv, words, sizeof(char *) * (size_t)argc); /* getopt may permute its copy */
	argv[argc] = NULL;
	memset(p, 0, sizeof *p);
	p->rc = cli_parse(argc, argv, &p->o, p->err, sizeof p->err);
	if (p->rc != 0 && p->rc != -1)
		fuzz_fail("cli_parse returned %d", p->rc);
}

static bool same(const struct parse *a, const struct parse *b)
{
	return a->rc == b->rc && strcmp(a->err, b->err) == 0 &&
	       (a->rc != 0 || memcmp(&a->o, &b->o, sizeof a->o) == 0);
}

static void check_success(const struct cli_options *o)
{
	const struct vm_options *vm = &o->vm;
	if (vm->mem_size < VM_MIN_MEM || vm->mem_size > VM_MAX_MEM || vm->mem_size % 4096)
		fuzz_fail("--mem accepted as %llu bytes", (unsigned long long)vm->mem_size);
	if (vm->ndisks > VM_MAX_DISKS)
		fuzz_fail("%u disks", vm->ndisks);
	if (!(o->timeout_s >= 0) || o->timeout_s > 1e7)
		fuzz_fail("--timeout accepted as %g s", o->timeout_s);
	if (o->timeout_s > 0) {
		/* headless.c's deadline, and the first wait towards it. */
		uint64_t deadline = (uint64_t)(o->timeout_s * 1e9);
		int ms = poll_wait_ms(0, deadline);
		if (ms < 0 || ms > POLL_WAIT_MAX_MS || (deadline > 0 && ms == 0))
			fuzz_fail("--timeout %g s waits %d ms", o->timeout_s, ms);
	}
	if (!o->help && !o->version && !o->list_themes && !o->replay_path && !o->guest)
		fuzz_fail("parsed with no guest");
	char err[256];
	(void)cli_check_console(o, err, sizeof err);
}

/* The number readers on one word, as each option would use it. */
static void numbers(const char *word)
{
	uint64_t v;
	uint32_t speed;
	if (parse_size(word, &v) == 0 && (v == 0 || v % 1024))
		fuzz_fail("size '%s' read as %llu", word, (unsigned long long)v);
	if (parse_address(word, &v) == 0 && word[0] == '0' && word[1] >= '0' && word[1] <= '9' &&
	    strlen(word) < 16) {
		/* Never octal: "0777" is 777 (all digits, or it would not parse). */
		unsigned long long dec = 0;
		for (const char *p = word; *p; p++)
			dec = dec * 10 + (unsigned)(*p - '0');
		if (v != dec)
			fuzz_fail("address '%s' read as %llu", word, (unsigned long long)v);
	}
	if (parse_speed(word, &speed) == 0 && speed > 1000000000u)
		fuzz_fail("speed '%s' read as %u", word, speed);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char text[TEXT_MAX + 1];
	char *words[MAX_ARGS + 1];
	int argc = 0;

	if (size > TEXT_MAX)
		return -1; /* keeps the corpus to command lines */
	memcpy(text, data, size);
	text[size] = '\0';
	words[argc++] = (char *)"kvm-tui";
	for (size_t i = 0; i <= size && argc < MAX_ARGS;) {
		words[argc++] = text + i;
		i += strlen(text + i) + 1;
	}
	if (size == 0)
		argc = 1;

	/* A different line first: a half-read cluster and an error. */
	static char a0[] = "kvm-tui", a1[] = "-hVx", a2[] = "--mem", a3[] = "--bogus";
	char *other[] = { a0, a1, a2, a3, NULL };
	struct parse first, again, third;
	parse(4, other, &first);
	parse(argc, words, &first);
	parse(argc, words, &again);
	parse(argc, words, &third);
	if (!same(&first, &again) || !same(&again, &third))
		fuzz_fail("the same command line parsed differently after another one "
			  "(getopt state leaks): rc %d/%d/%d, '%s' / '%s' / '%s'",
			  first.rc, again.rc, third.rc, first.err, again.err, third.err);
	if (first.rc == 0)
		check_success(&first.o);
	else if (!first.err[0])
		fuzz_fail("a refused command line with no message");
	for (int i = 1; i < argc; i++)
		numbers(words[i]);
	return 0;
}

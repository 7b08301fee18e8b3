/* SPDX-License-Identifier: MIT */
/* test_exit_table.c - the one table of exit reasons: every reason kvm-tui
 * knows has a complete entry, unknown numbers get UNKNOWN, and the --trace
 * writer built on it emits valid JSON whatever bytes an event carries. */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>

#include "check.h"
#include "exit_table.h"
#include "trace_json.h"

/* enum exit_reason, member by member: the enum cannot be walked. */
#define R(x) { EXIT_##x, #x }
static const struct { unsigned nr; const char *name; } reasons[] = {
	R(UNKNOWN), R(EXCEPTION), R(IO), R(HYPERCALL), R(DEBUG), R(HLT), R(MMIO),
	R(IRQ_WINDOW_OPEN), R(SHUTDOWN), R(FAIL_ENTRY), R(INTR), R(SET_TPR), R(TPR_ACCESS),
	R(NMI), R(INTERNAL_ERROR), R(SYSTEM_EVENT), R(IOAPIC_EOI), R(HYPERV), R(X86_RDMSR),
	R(X86_WRMSR), R(X86_BUS_LOCK), R(NOTIFY), R(MEMORY_FAULT),
};
#define NREASONS (sizeof(reasons) / sizeof(reasons[0]))

static void test_every_reason_has_an_entry(void)
{
	for (size_t i = 0; i < NREASONS; i++) {
		const struct exit_info *x = exit_info(reasons[i].nr);
		CHECK(x != NULL);
		CHECK_STR(x->name, reasons[i].name);
		CHECK_STR(exit_reason_name(reasons[i].nr), x->name);
		CHECK((unsigned)x->cls < EXIT_CLASS_COUNT);
		CHECK(x->effect >= EXIT_EFFECT_CONTINUE && x->effect <= EXIT_EFFECT_ERROR);
		CHECK(x->explain && strlen(x->explain) > 20);
		if (reasons[i].nr != EXIT_UNKNOWN)
			CHECK(x != exit_info(EXIT_UNKNOWN));
	}
}

/* Every number names itself through the table, whatever exit_reason_name says. */
static void test_names_match(void)
{
	for (unsigned r = 0; r < EXIT_REASON_MAX + 8; r++) {
		CHECK_STR(exit_reason_name(r), exit_info(r)->name);
		CHECK(exit_info(r)->explain != NULL);
	}
}

static void test_unknown_numbers(void)
{
	const unsigned unknown[] = { 40, 41, EXIT_REASON_MAX - 1, EXIT_REASON_MAX, 255, 1000, ~0u };
	const struct exit_info *u = exit_info(EXIT_UNKNOWN);
	CHECK_STR(u->name, "UNKNOWN");
	CHECK_EQ(u->effect, EXIT_EFFECT_ERROR);
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		CHECK(exit_info(unknown[i]) == u);
		CHECK_STR(exit_reason_name(unknown[i]), "UNKNOWN");
	}
	CHECK_STR(exit_info(38)->name, "LOONGARCH_IOCSR"); /* not in the enum, still named */
}

/* What the vCPU loop does after each exit today: the loop will read these. */
static void test_effects(void)
{
	CHECK_EQ(exit_info(EXIT_IO)->effect, EXIT_EFFECT_CONTINUE);
	CHECK_EQ(exit_info(EXIT_MMIO)->effect, EXIT_EFFECT_CONTINUE);
	CHECK_EQ(exit_info(EXIT_INTR)->effect, EXIT_EFFECT_CONTINUE);
	CHECK_EQ(exit_info(EXIT_IRQ_WINDOW_OPEN)->effect, EXIT_EFFECT_CONTINUE);
	CHECK_EQ(exit_info(EXIT_HLT)->effect, EXIT_EFFECT_HALT);
	CHECK_EQ(exit_info(EXIT_DEBUG)->effect, EXIT_EFFECT_STEP);
	CHECK_EQ(exit_info(EXIT_SHUTDOWN)->effect, EXIT_EFFECT_SHUTDOWN);
	CHECK_EQ(exit_info(EXIT_FAIL_ENTRY)->effect, EXIT_EFFECT_FAIL_ENTRY);
	CHECK_EQ(exit_info(EXIT_INTERNAL_ERROR)->effect, EXIT_EFFECT_INTERNAL_ERROR);
	CHECK_EQ(exit_info(EXIT_SYSTEM_EVENT)->effect, EXIT_EFFECT_SYSTEM_EVENT);
	CHECK_EQ(exit_info(EXIT_X86_RDMSR)->effect, EXIT_EFFECT_ERROR); /* never enabled */
	CHECK_EQ(exit_info(EXIT_NMI)->effect, EXIT_EFFECT_ERROR);
	CHECK_EQ(exit_info(EXIT_HLT)->cls, EXIT_CLASS_HALT);
	CHECK_EQ(exit_info(EXIT_SHUTDOWN)->cls, EXIT_CLASS_ERROR);
	CHECK_EQ(exit_info(EXIT_INTR)->cls, EXIT_CLASS_OTHER);
}

/* A log line is one line; a section is whole lines. */
static void test_decoders_shape(void)
{
	struct event ev = { .kind = EVENT_EXIT };
	for (unsigned r = 0; r < EXIT_REASON_MAX; r++) {
		const struct exit_info *x = exit_info(r);
		char buf[1024];
		ev.reason = (uint8_t)r;
		if (x->line) {
			struct exit_text t = exit_text_init(buf, sizeof(buf));
			x->line(&ev, &t);
			CHECK(buf[0] != '\0' && strchr(buf, '\n') == NULL);
		}
		if (x->section) {
			struct exit_text t = exit_text_init(buf, sizeof(buf));
			x->section(&ev, &t);
			CHECK(buf[0] != '\0' && buf[strlen(buf) - 1] == '\n');
		}
	}
}

/* A small strict JSON checker: one object of unique string keys whose values
 * are strings, numbers or true/false; strings hold only printable ASCII and
 * valid escapes. Returns the value of "reason" through reason (if found). */
struct json_scan {
	const char *p;
	char keys[32][32];
	int nkeys;
};

static bool scan_string(struct json_scan *s, char *out, size_t n)
{
	size_t len = 0;
	if (*s->p++ != '"')
		return false;
	for (;;) {
		unsigned char c = (unsigned char)*s->p++;
		if (c == '"')
			break;
		if (c < 0x20 || c >= 0x7f)
			return false;
		if (c == '\\') {
			c = (unsigned char)*s->p++;
			if (c == 'u') {
				for (int i = 0; i < 4; i++)
					if (!isxdigit((unsigned char)*s->p++))
						return false;
				c = '?';
			} else if (!strchr("\"\\/bfnrt", c)) {
				return false;
			}
		}
		if (out && len + 1 < n)
			out[len++] = (char)c;
	}
	if (out && n)
		out[len] = '\0';
	return true;
}

static bool scan_value(struct json_scan *s, char *str, size_t n)
{
	if (*s->p == '"')
		return scan_string(s, str, n);
	if (strncmp(s->p, "true", 4) == 0 || strncmp(s->p, "false", 5) == 0) {
		s->p += *s->p == 't' ? 4 : 5;
		return true;
	}
	const char *start = s->p;
	while (isdigit((unsigned char)*s->p))
		s->p++;
	return s->p > start;
}

static bool json_valid(const char *text, char *reason, size_t n)
{
	struct json_scan s = { .p = text };
	if (*s.p++ != '{')
		return false;
	for (bool first = true; *s.p != '}'; first = false) {
		if (!first && *s.p++ != ',')
			return false;
		char key[32], value[64];
		if (!scan_string(&s, key, sizeof(key)) || *s.p++ != ':' || !scan_value(&s, value, sizeof(value)))
			return false;
		for (int i = 0; i < s.nkeys; i++)
			if (strcmp(s.keys[i], key) == 0)
				return false; /* a key twice: readers disagree on which wins */
		if (s.nkeys < 32)
			snprintf(s.keys[s.nkeys++], sizeof(s.keys[0]), "%s", key);
		if (strcmp(key, "reason") == 0)
			snprintf(reason, n, "%s", value);
	}
	return s.p[1] == '\0';
}

/* Bytes a guest could put in a record that JSON cannot carry as they are. */
static const uint8_t nasty[] = { '"', '\\', '\n', 0x00, 0x1b, 0x7f, 0xff, 0x80, '}', ',' };

/* The checker itself must refuse what a broken writer would produce. */
static void test_json_checker(void)
{
	char r[64];
	CHECK(json_valid("{\"reason\":\"IO\",\"n\":1,\"s\":true}", r, sizeof(r)));
	CHECK(!json_valid("{\"reason\":\"I\"O\"}", r, sizeof(r)));  /* a bare quote */
	CHECK(!json_valid("{\"reason\":\"I\nO\"}", r, sizeof(r)));  /* a raw newline */
	CHECK(!json_valid("{\"reason\":\"I\\qO\"}", r, sizeof(r))); /* a bad escape */
	CHECK(!json_valid("{\"reason\":\"\xff\"}", r, sizeof(r)));  /* not ASCII */
	CHECK(!json_valid("{\"a\":1,\"a\":2}", r, sizeof(r)));      /* a key twice */
	CHECK(!json_valid("{\"a\":1", r, sizeof(r)));                 /* unbalanced */
	CHECK(!json_valid("{\"a\":1}}", r, sizeof(r)));
}

static void test_json_every_reason(void)
{
	for (unsigned r = 0; r < EXIT_REASON_MAX; r++) {
		for (size_t k = 0; k < sizeof(nasty); k++) {
			struct event ev = { .kind = EVENT_EXIT, .reason = (uint8_t)r, .seq = r,
					    .flags = (uint8_t)(k & 3), .rip = ~0ull };
			memset(&ev.u, nasty[k], sizeof(ev.u));
			char line[1024], reason[64] = "";
			size_t len = trace_json_format(&ev, line, sizeof(line));
			CHECK(len == strlen(line) && len < sizeof(line) - 1);
			if (!json_valid(line, reason, sizeof(reason)))
				fprintf(stderr, "invalid JSON: %s\n", line);
			CHECK(json_valid(line, reason, sizeof(reason)));
			CHECK_STR(reason, exit_reason_name(r));
		}
	}
}

static void test_json_string_escapes(void)
{
	char buf[128];
	struct exit_text t = exit_text_init(buf, sizeof(buf));
	exit_json_string(&t, "k", "a\"b\\c\n\x01\xff");
	CHECK_STR(buf, ",\"k\":\"a\\\"b\\\\c\\u000a\\u0001\\u00ff\"");
	t = exit_text_init(buf, sizeof(buf));
	exit_json_hex(&t, "port", 0x3f8);
	exit_json_uint(&t, "size", 1);
	CHECK_STR(buf, ",\"port\":\"0x3f8\",\"size\":1");
}

static void test_text_truncates(void)
{
	char small[8];
	struct exit_text t = exit_text_init(small, sizeof(small));
	exit_text_printf(&t, "%s", "0123456789");
	exit_text_printf(&t, "%s", "abc");
	CHECK_STR(small, "0123456");
	CHECK_EQ(t.used, 13);
	CHECK_EQ(exit_text_length(&t), 7);
	t = exit_text_init(NULL, 0);
	exit_text_printf(&t, "x");
	CHECK_EQ(exit_text_length(&t), 0);
}

int main(void)
{
	test_every_reason_has_an_entry();
	test_names_match();
	test_unknown_numbers();
	test_effects();
	test_decoders_shape();
	test_json_checker();
	test_json_every_reason();
	test_json_string_escapes();
	test_text_truncates();
	return check_done();
}

/* SPDX-License-Identifier: MIT */
/* exit_text.c - the appending buffer and the small pieces of text the exit
 * decoders share (byte values, characters, KVM's sub-codes in words). */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "exit_decoders.h"

struct exit_text exit_text_init(char *buf, size_t len)
{
	if (len)
		buf[0] = '\0';
	return (struct exit_text){ buf, len, 0 };
}

void exit_text_printf(struct exit_text *t, const char *fmt, ...)
{
	char spill[1];
	size_t room = t->used < t->len ? t->len - t->used : 0;
	va_list ap;
	va_start(ap, fmt);
	/* With no room left, still count: callers learn the text was cut. */
	int n = vsnprintf(room ? t->buf + t->used : spill, room ? room : 1, fmt, ap);
	va_end(ap);
	if (n > 0)
		t->used += (size_t)n;
}

size_t exit_text_length(const struct exit_text *t)
{
	if (t->len == 0)
		return 0;
	return t->used < t->len ? t->used : t->len - 1;
}

void exit_char_name(unsigned char c, char *buf, size_t n)
{
	static const char *const named[] = {
		['\0'] = "\\0", ['\a'] = "\\a", ['\b'] = "\\b", ['\t'] = "\\t",
		['\n'] = "\\n", ['\v'] = "\\v", ['\f'] = "\\f", ['\r'] = "\\r",
	};
	if (c < sizeof(named) / sizeof(named[0]) && named[c])
		snprintf(buf, n, "'%s'", named[c]);
	else if (c == 0x1b)
		snprintf(buf, n, "ESC");
	else if (c == '\'' || c == '\\')
		snprintf(buf, n, "'\\%c'", c);
	else if (c >= 0x20 && c < 0x7f)
		snprintf(buf, n, "'%c'", c);
	else
		buf[0] = '\0';
}

void exit_value_hex(char *buf, size_t n, const uint8_t *data, unsigned size)
{
	uint64_t v = 0;
	if (size > 8)
		size = 8;
	for (unsigned i = size; i-- > 0;)
		v = (v << 8) | data[i];
	snprintf(buf, n, "%0*" PRIx64, (int)(size ? size * 2 : 2), v);
}

const char *exit_system_event_name(uint32_t type)
{
	switch (type) {
	case 1: return "shutdown";
	case 2: return "reset";
	case 3: return "crash";
	case 4: return "wakeup";
	case 5: return "suspend";
	case 6: return "SEV termination";
	}
	return "event";
}

const char *exit_suberror_name(uint32_t sub)
{
	switch (sub) {
	case 1: return "emulation failure";
	case 2: return "simultaneous exception";
	case 3: return "delivery event";
	case 4: return "unexpected exit reason";
	}
	return "internal error";
}

void exit_insn_hex(const struct event *ev, char *buf, size_t n)
{
	struct exit_text t = exit_text_init(buf, n);
	unsigned len = ev->u.internal.insn_len;
	/* A record from a file may claim more bytes than it holds. */
	if (len > sizeof(ev->u.internal.insn))
		len = sizeof(ev->u.internal.insn);
	for (unsigned i = 0; i < len; i++)
		exit_text_printf(&t, i ? " %02x" : "%02x", ev->u.internal.insn[i]);
}

/* trace_json.c - JSON lines for --trace. */
#include "trace_json.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

struct out {
	char *buf;
	size_t len, used;
};

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char spill[1];
	size_t room = o->used < o->len ? o->len - o->used : 0;
	int n = vsnprintf(room ? o->buf + o->used : spill, room ? room : 1, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->used += (size_t)n;
}

static uint64_t little_endian(const uint8_t *data, unsigned len)
{
	uint64_t v = 0;
	for (unsigned i = len < 8 ? len : 8; i-- > 0;)
		v = (v << 8) | data[i];
	return v;
}

static void put_io(struct out *o, const struct event *ev)
{
	unsigned bytes = ev->u.io.size * (ev->u.io.count ? ev->u.io.count : 1);
	put(o, ",\"dir\":\"%s\",\"port\":\"0x%x\",\"size\":%u,\"count\":%u,\"data\":\"0x%" PRIx64 "\"",
	    ev->u.io.dir == IO_OUT ? "out" : "in", ev->u.io.port, ev->u.io.size, ev->u.io.count,
	    little_endian(ev->u.io.data, bytes < ev->u.io.size ? bytes : ev->u.io.size));
}

static void put_insn(struct out *o, const struct event *ev)
{
	put(o, ",\"insn\":\"");
	for (unsigned i = 0; i < ev->u.internal.insn_len; i++)
		put(o, i ? " %02x" : "%02x", ev->u.internal.insn[i]);
	put(o, "\"");
}

static void put_detail(struct out *o, const struct event *ev)
{
	switch (ev->reason) {
	case EXIT_IO:
		put_io(o, ev);
		break;
	case EXIT_MMIO:
		put(o, ",\"dir\":\"%s\",\"addr\":\"0x%" PRIx64 "\",\"len\":%u,\"data\":\"0x%" PRIx64 "\"",
		    ev->u.mmio.is_write ? "write" : "read", ev->u.mmio.addr, ev->u.mmio.len,
		    little_endian(ev->u.mmio.data, ev->u.mmio.len));
		break;
	case EXIT_FAIL_ENTRY:
		put(o, ",\"hardware_reason\":\"0x%" PRIx64 "\"", ev->u.fail_entry.hardware_reason);
		break;
	case EXIT_INTERNAL_ERROR:
		put(o, ",\"suberror\":%u", ev->u.internal.suberror);
		put_insn(o, ev);
		break;
	case EXIT_DEBUG:
		put(o, ",\"exception\":%u,\"dr6\":\"0x%" PRIx64 "\"", ev->u.debug.exception, ev->u.debug.dr6);
		break;
	case EXIT_SYSTEM_EVENT:
		put(o, ",\"type\":%u", ev->u.system_event.type);
		break;
	case EXIT_X86_RDMSR:
	case EXIT_X86_WRMSR:
		put(o, ",\"index\":\"0x%x\",\"data\":\"0x%" PRIx64 "\"", ev->u.msr.index, ev->u.msr.data);
		break;
	default:
		break;
	}
}

size_t trace_json_format(const struct event *ev, char *buf, size_t len)
{
	struct out o = { .buf = buf, .len = len, .used = 0 };
	if (len == 0)
		return 0;
	buf[0] = '\0';
	put(&o, "{\"seq\":%" PRIu64 ",\"time_ns\":%" PRIu64 ",\"reason\":\"%s\",\"rip\":\"0x%" PRIx64 "\"",
	    ev->seq, ev->time_ns, exit_reason_name(ev->reason), ev->rip);
	put_detail(&o, ev);
	if (ev->flags & EVENT_F_STEP)
		put(&o, ",\"step\":true");
	put(&o, "}");
	return o.used < len ? o.used : len - 1;
}

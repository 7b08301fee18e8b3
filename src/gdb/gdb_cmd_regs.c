/* SPDX-License-Identifier: MIT */
/* gdb_cmd_regs.c - g, G, p and P: the registers in gdb's numbering
 * (gdb_regs.h), read from and written back to the target as a whole
 * struct cpu_state. */
#include <string.h>

#include "gdb_hex.h"
#include "gdb_session_internal.h"

/* One register for g and p: its bytes in hex, or 'x's when unavailable. */
static void reply_reg(struct gdb_session *s, const struct gdb_reg *reg, const struct cpu_state *cpu)
{
	uint8_t bytes[16];
	if (gdb_reg_get(reg, cpu, bytes)) {
		gdb_reply_hex(s, bytes, reg->bits / 8u);
		return;
	}
	for (unsigned i = 0; i < reg->bits / 4u; i++)
		gdb_reply_bytes(s, "x", 1);
}

static enum gdb_answer read_all(struct gdb_session *s, const struct cpu_state *cpu)
{
	size_t n;
	const struct gdb_reg *regs = gdb_regs_table(s->arch, &n);
	for (size_t i = 0; i < n; i++)
		reply_reg(s, &regs[i], cpu);
	return GDB_ANSWER_REPLY;
}

/* G: every register in order. Those the stub cannot write (x87) are
 * skipped whatever gdb sends for them, so a G after a g works. */
static enum gdb_answer write_all(struct gdb_session *s, struct cpu_state *cpu, const char *args,
				 const char *end)
{
	size_t n;
	const struct gdb_reg *regs = gdb_regs_table(s->arch, &n);
	if ((size_t)(end - args) != 2 * gdb_regs_size(s->arch)) {
		gdb_reply_error(s, GDB_E_MALFORMED);
		return GDB_ANSWER_REPLY;
	}
	for (size_t i = 0; i < n; i++) {
		uint8_t bytes[16];
		size_t len = regs[i].bits / 8u;
		if (regs[i].home != GDB_REG_ABSENT) {
			if (!gdb_hex_decode(args, len, bytes)) {
				gdb_reply_error(s, GDB_E_MALFORMED);
				return GDB_ANSWER_REPLY;
			}
			gdb_reg_set(&regs[i], cpu, bytes);
		}
		args += 2 * len;
	}
	if (s->ops->set_regs(s->target, cpu))
		gdb_reply_error(s, GDB_E_MALFORMED);
	else
		gdb_reply_text(s, "OK");
	return GDB_ANSWER_REPLY;
}

/* "N" (p) or "N=VALUE" (P): the register, or NULL with the error sent. */
static const struct gdb_reg *parse_reg(struct gdb_session *s, const char **args, const char *end)
{
	size_t n;
	uint64_t num;
	const struct gdb_reg *regs = gdb_regs_table(s->arch, &n);
	if (!gdb_arg_hex(args, end, &num)) {
		gdb_reply_error(s, GDB_E_MALFORMED);
		return NULL;
	}
	if (num >= n) {
		gdb_reply_error(s, GDB_E_INVALID);
		return NULL;
	}
	return &regs[num];
}

static enum gdb_answer write_one(struct gdb_session *s, struct cpu_state *cpu, const char *args,
				 const char *end)
{
	uint8_t bytes[16];
	const struct gdb_reg *reg = parse_reg(s, &args, end);
	if (!reg)
		return GDB_ANSWER_REPLY;
	size_t len = reg->bits / 8u;
	if (!gdb_arg_char(&args, end, '=') || (size_t)(end - args) != 2 * len ||
	    !gdb_hex_decode(args, len, bytes))
		gdb_reply_error(s, GDB_E_MALFORMED);
	else if (!gdb_reg_set(reg, cpu, bytes))
		gdb_reply_error(s, GDB_E_INVALID);
	else if (s->ops->set_regs(s->target, cpu))
		gdb_reply_error(s, GDB_E_MALFORMED);
	else
		gdb_reply_text(s, "OK");
	return GDB_ANSWER_REPLY;
}

enum gdb_answer gdb_cmd_regs(struct gdb_session *s, char cmd, const char *args, const char *end)
{
	struct cpu_state cpu;
	if (s->ops->get_regs(s->target, &cpu)) {
		gdb_reply_error(s, GDB_E_MALFORMED);
		return GDB_ANSWER_REPLY;
	}
	switch (cmd) {
	case 'g':
		return read_all(s, &cpu);
	case 'G':
		return write_all(s, &cpu, args, end);
	case 'p': {
		const struct gdb_reg *reg = parse_reg(s, &args, end);
		if (reg && args != end)
			gdb_reply_error(s, GDB_E_MALFORMED);
		else if (reg)
			reply_reg(s, reg, &cpu);
		return GDB_ANSWER_REPLY;
	}
	default:
		return write_one(s, &cpu, args, end);
	}
}

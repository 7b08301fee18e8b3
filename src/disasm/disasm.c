/* SPDX-License-Identifier: MIT */
/* disasm.c - the decoder: Capstone opened for one code size and syntax, and
 * what to do when it cannot decode (one byte as data, so a view never stops
 * or loops on bad bytes, and never reads past the buffer it was given). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <capstone/capstone.h>

#include "disasm.h"

struct disasm {
	csh cs;
	cs_insn *insn; /* Capstone's buffer for one instruction (cs_malloc) */
};

struct disasm *disasm_open(enum disasm_bits bits, enum disasm_syntax syntax)
{
	cs_mode mode;
	switch (bits) {
	case DISASM_16: mode = CS_MODE_16; break;
	case DISASM_32: mode = CS_MODE_32; break;
	case DISASM_64: mode = CS_MODE_64; break;
	default: return NULL;
	}
	if (syntax != DISASM_INTEL && syntax != DISASM_ATT)
		return NULL;
	struct disasm *d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	if (cs_open(CS_ARCH_X86, mode, &d->cs) != CS_ERR_OK) {
		free(d);
		return NULL;
	}
	/* Intel is Capstone's default; details (operand lists) stay off: the
	 * text is all a view needs, and it is several times faster. */
	if ((syntax == DISASM_ATT && cs_option(d->cs, CS_OPT_SYNTAX, CS_OPT_SYNTAX_ATT) != CS_ERR_OK) ||
	    !(d->insn = cs_malloc(d->cs))) {
		cs_close(&d->cs);
		free(d);
		return NULL;
	}
	return d;
}

void disasm_close(struct disasm *d)
{
	if (!d)
		return;
	cs_free(d->insn, 1);
	cs_close(&d->cs);
	free(d);
}

/* Capstone on buf[0..size): true with d->insn filled, or false. */
static bool decode(struct disasm *d, const uint8_t *buf, size_t size, uint64_t addr)
{
	const uint8_t *code = buf;
	return cs_disasm_iter(d->cs, &code, &size, &addr, d->insn);
}

/* Undecodable: cut off by the buffer's end if the same bytes followed by
 * zeros make a longer instruction (more bytes would tell), else bad. */
static enum disasm_status why_not(struct disasm *d, const uint8_t *buf, size_t size, uint64_t addr)
{
	if (size >= DISASM_MAX_LEN)
		return DISASM_BAD;
	uint8_t padded[DISASM_MAX_LEN] = { 0 };
	memcpy(padded, buf, size);
	if (decode(d, padded, sizeof(padded), addr) && d->insn->size > size)
		return DISASM_TRUNCATED;
	return DISASM_BAD;
}

static void set_text(struct disasm_insn *out, const char *mnemonic, const char *operands)
{
	snprintf(out->mnemonic, sizeof(out->mnemonic), "%s", mnemonic);
	snprintf(out->operands, sizeof(out->operands), "%s", operands);
	snprintf(out->text, sizeof(out->text), "%s%s%s", out->mnemonic,
		 out->operands[0] ? " " : "", out->operands);
}

size_t disasm_one(struct disasm *d, const uint8_t *buf, size_t size, uint64_t addr,
		  struct disasm_insn *out)
{
	memset(out, 0, sizeof(*out));
	out->addr = addr;
	if (size == 0)
		return 0;
	if (decode(d, buf, size, addr)) {
		out->status = DISASM_OK;
		out->len = (uint8_t)d->insn->size;
		set_text(out, d->insn->mnemonic, d->insn->op_str);
	} else {
		out->status = why_not(d, buf, size, addr);
		out->len = 1;
		char byte[8];
		snprintf(byte, sizeof(byte), "0x%02x", buf[0]);
		set_text(out, ".byte", byte);
	}
	memcpy(out->bytes, buf, out->len);
	return out->len;
}

size_t disasm_many(struct disasm *d, const uint8_t *buf, size_t size, uint64_t addr,
		   struct disasm_insn *out, size_t max)
{
	size_t n = 0, off = 0;
	while (n < max && off < size) {
		size_t len = disasm_one(d, buf + off, size - off, addr + off, &out[n++]);
		off += len;
	}
	return n;
}

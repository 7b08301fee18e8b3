/* SPDX-License-Identifier: MIT */
/* disasm_cause.c - which instruction made an exit, from the code around RIP.
 *
 * KVM reports an exit with RIP where the guest will go on, which is not
 * always the instruction that exited: an OUT or a HLT has completed (RIP is
 * past it), an IN, a string I/O instruction or an MMIO access completes
 * when the guest runs again (RIP is on it). Seen in our recordings: hello's
 * OUT at 7c1d exits with RIP 7c1e, echo's IN at 7c1d with RIP 7c1d. So the
 * search looks at both places, the likely one first, and keeps an
 * instruction only if it is the kind that makes such an exit. */
#include <stdbool.h>
#include <string.h>

#include "disasm.h"

static bool is_word(const char *m, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(m, *words) == 0)
			return true;
	return false;
}

/* The mnemonic without a rep prefix ("rep outsb" -> "outsb"). */
static const char *bare(const char *m)
{
	static const char *const prefixes[] = { "rep ", "repe ", "repne ", "repz ", "repnz ", NULL };
	for (const char *const *p = prefixes; *p; p++)
		if (strncmp(m, *p, strlen(*p)) == 0)
			return m + strlen(*p);
	return m;
}

/* Intel and AT&T spellings alike. */
static bool is_port_io(const char *m)
{
	static const char *const io[] = { "in", "inb", "inw", "inl", "ins", "insb", "insw", "insd", "insl",
					  "out", "outb", "outw", "outl", "outs", "outsb", "outsw", "outsd",
					  "outsl", NULL };
	return is_word(bare(m), io);
}

static bool fits(const struct disasm_insn *insn, const struct event *ev)
{
	if (insn->status != DISASM_OK)
		return false;
	switch (ev->reason) {
	case EXIT_IO: return is_port_io(insn->mnemonic);
	case EXIT_HLT: return strcmp(insn->mnemonic, "hlt") == 0;
	default: return true;
	}
}

/* Where KVM leaves RIP for this exit: past the instruction (true) or on it. */
static bool completed_before_exit(const struct event *ev)
{
	if (ev->reason == EXIT_HLT)
		return true;
	if (ev->reason != EXIT_IO || (ev->flags & EVENT_F_BIOS))
		return false;
	/* A string instruction is emulated: RIP stays on it until it is done.
	 * With a count of 1 it may still be one (cx = 1): then nothing before
	 * RIP fits and the second look finds it. */
	return ev->u.io.dir == IO_OUT && ev->u.io.count <= 1;
}

/* The instruction that ends exactly at rip and fits the exit, if any. */
static bool find_before(struct disasm *d, const uint8_t *win, uint64_t win_addr, uint64_t rip,
			const struct event *ev, struct disasm_insn *out)
{
	uint64_t off = rip - win_addr;
	for (uint64_t k = 1; k <= DISASM_MAX_LEN && k <= off; k++) {
		struct disasm_insn insn;
		disasm_one(d, win + off - k, (size_t)k, rip - k, &insn);
		if (insn.len == k && fits(&insn, ev)) {
			*out = insn;
			return true;
		}
	}
	return false;
}

enum disasm_cause disasm_exit_cause(struct disasm *d, const uint8_t *win, size_t size, uint64_t win_addr,
				    uint64_t rip, const struct event *ev, struct disasm_insn *out)
{
	memset(out, 0, sizeof(*out));
	if (!d || !win || rip < win_addr || rip - win_addr > size)
		return CAUSE_NONE;
	uint64_t off = rip - win_addr;
	struct disasm_insn at;
	bool have_at = off < size && disasm_one(d, win + off, size - (size_t)off, rip, &at) > 0;
	if (!have_at)
		memset(&at, 0, sizeof(at));
	if (ev->kind != EVENT_EXIT || (ev->reason != EXIT_IO && ev->reason != EXIT_HLT &&
				       ev->reason != EXIT_MMIO)) {
		/* Not made by an instruction (an interrupt window, a kick): what runs next. */
		*out = at;
		return have_at ? CAUSE_NEXT : CAUSE_NONE;
	}
	bool before_first = completed_before_exit(ev);
	for (int pass = 0; pass < 2; pass++) {
		bool before = before_first == (pass == 0);
		if (before && find_before(d, win, win_addr, rip, ev, out))
			return CAUSE_BEFORE_RIP;
		if (!before && have_at && fits(&at, ev)) {
			*out = at;
			return CAUSE_AT_RIP;
		}
	}
	*out = at;
	return have_at ? CAUSE_UNSURE : CAUSE_NONE;
}

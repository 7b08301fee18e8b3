/* SPDX-License-Identifier: MIT */
/* breakpoints.c - the breakpoint list, its words, and matching exits
 * against it (breakpoints.h). */
#include "breakpoints.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "addr_expr.h"

void bp_list_init(struct bp_list *l)
{
	memset(l, 0, sizeof(*l));
	pthread_mutex_init(&l->lock, NULL);
	atomic_init(&l->version, 0);
	atomic_init(&l->armed, 0);
	for (int i = 0; i < BRK_MAX; i++)
		atomic_init(&l->hits[i], 0);
	l->next_id = 1;
}

void bp_list_destroy(struct bp_list *l)
{
	pthread_mutex_destroy(&l->lock);
}

/* ---- words ---- */

/* A number as the address prompt reads them (0x10, 10h, 16); no registers. */
static int parse_value(const char *text, uint64_t *out, char *err, size_t errlen)
{
	struct addr_expr e;
	if (addr_expr_parse(text, &e, err, errlen))
		return -1;
	if (e.follows) {
		snprintf(err, errlen, "a number, not a register: '%s'", text);
		return -1;
	}
	static const struct cpu_state none;
	*out = addr_expr_eval(&e, &none);
	return 0;
}

static int parse_reason(const char *name, uint16_t *out)
{
	for (unsigned r = 0; r < EXIT_REASON_MAX; r++) {
		const char *known = exit_reason_name(r);
		if (strcmp(known, "UNKNOWN") != 0 && strcasecmp(known, name) == 0) {
			*out = (uint16_t)r;
			return 0;
		}
	}
	return -1;
}

/* "ADDR" or "ADDR:LEN" for MMIO ranges and watchpoints (ADDR may itself be seg:off). */
static int parse_range(const char *text, uint64_t *addr, uint64_t *len, uint64_t dflt_len, char *err,
		       size_t errlen)
{
	/* ADDR:LEN first: "0x7e00:2" is two bytes at 0x7e00, not 7e00:0002. */
	*len = dflt_len;
	struct addr_expr e;
	if (!strchr(text, ':') || addr_expr_parse_range(text, &e, len, 1ull << 32, err, errlen)) {
		*len = dflt_len;
		return parse_value(text, addr, err, errlen);
	}
	if (e.follows) {
		snprintf(err, errlen, "a number, not a register: '%s'", text);
		return -1;
	}
	static const struct cpu_state none;
	*addr = addr_expr_eval(&e, &none);
	return 0;
}

static int parse_io(const char *rest, enum brk_dir dir, struct breakpoint *bp, char *err, size_t errlen)
{
	bp->kind = BRK_PORT;
	bp->dir = (uint8_t)dir;
	if (parse_value(rest, &bp->addr, err, errlen))
		return -1;
	if (bp->addr > 0xffff) {
		snprintf(err, errlen, "ports go up to 0xffff");
		return -1;
	}
	snprintf(bp->text, sizeof(bp->text), "%s:%#" PRIx64, dir == BRK_IN_OR_READ ? "in" : dir == BRK_OUT_OR_WRITE ? "out" : "io",
		 bp->addr);
	return 0;
}

/* "read:" / "write:" before an MMIO range. */
static const char *mmio_dir(const char *rest, enum brk_dir *dir)
{
	*dir = BRK_ANY;
	if (strncmp(rest, "read:", 5) == 0) {
		*dir = BRK_IN_OR_READ;
		return rest + 5;
	}
	if (strncmp(rest, "write:", 6) == 0) {
		*dir = BRK_OUT_OR_WRITE;
		return rest + 6;
	}
	return rest;
}

static int parse_mmio(const char *rest, struct breakpoint *bp, char *err, size_t errlen)
{
	enum brk_dir dir;
	rest = mmio_dir(rest, &dir);
	bp->kind = BRK_MMIO;
	bp->dir = (uint8_t)dir;
	if (parse_range(rest, &bp->addr, &bp->len, 1, err, errlen))
		return -1;
	snprintf(bp->text, sizeof(bp->text), "mmio:%s%#" PRIx64 "%s", dir == BRK_IN_OR_READ ? "read:" : dir == BRK_OUT_OR_WRITE ? "write:" : "",
		 bp->addr, "");
	if (bp->len > 1)
		snprintf(bp->text + strlen(bp->text), sizeof(bp->text) - strlen(bp->text), ":%#" PRIx64, bp->len);
	return 0;
}

static int parse_mode(const char *rest, struct breakpoint *bp, char *err, size_t errlen)
{
	bp->kind = BRK_MODE;
	if (!rest)
		bp->mode_bits = BRK_MODE_PE | BRK_MODE_PG | BRK_MODE_LMA;
	else if (strcasecmp(rest, "pe") == 0)
		bp->mode_bits = BRK_MODE_PE;
	else if (strcasecmp(rest, "pg") == 0)
		bp->mode_bits = BRK_MODE_PG;
	else if (strcasecmp(rest, "lma") == 0)
		bp->mode_bits = BRK_MODE_LMA;
	else {
		snprintf(err, errlen, "mode changes are pe, pg or lma, not '%s'", rest);
		return -1;
	}
	snprintf(bp->text, sizeof(bp->text), "mode%s%s", rest ? ":" : "", rest ? rest : "");
	for (char *c = bp->text; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return 0;
}

static int parse_watch(const char *kind, const char *rest, struct breakpoint *bp, char *err, size_t errlen)
{
	bp->kind = BRK_WATCH;
	bp->dir = kind[0] == 'w' ? BRK_OUT_OR_WRITE : kind[0] == 'r' ? BRK_IN_OR_READ : BRK_ANY;
	if (parse_range(rest, &bp->addr, &bp->len, 1, err, errlen))
		return -1;
	if (bp->len != 1 && bp->len != 2 && bp->len != 4 && bp->len != 8) {
		snprintf(err, errlen, "a watchpoint covers 1, 2, 4 or 8 bytes (a debug register's reach)");
		return -1;
	}
	if (bp->addr % bp->len) {
		snprintf(err, errlen, "a %" PRIu64 "-byte watchpoint must be aligned to %" PRIu64, bp->len, bp->len);
		return -1;
	}
	snprintf(bp->text, sizeof(bp->text), "%.6s:%#" PRIx64 ":%" PRIu64, kind, bp->addr, bp->len);
	return 0;
}

static int parse_kind(const char *kind, const char *rest, struct breakpoint *bp, char *err, size_t errlen)
{
	if (strcasecmp(kind, "io") == 0 && rest)
		return parse_io(rest, BRK_ANY, bp, err, errlen);
	if (strcasecmp(kind, "in") == 0 && rest)
		return parse_io(rest, BRK_IN_OR_READ, bp, err, errlen);
	if (strcasecmp(kind, "out") == 0 && rest)
		return parse_io(rest, BRK_OUT_OR_WRITE, bp, err, errlen);
	if (strcasecmp(kind, "mmio") == 0 && rest)
		return parse_mmio(rest, bp, err, errlen);
	if (strcasecmp(kind, "mode") == 0)
		return parse_mode(rest, bp, err, errlen);
	if ((strcmp(kind, "int") == 0 || strcmp(kind, "vector") == 0) && rest) {
		bp->kind = BRK_VECTOR;
		if (parse_value(rest, &bp->addr, err, errlen))
			return -1;
		if (bp->addr > 0xff) {
			snprintf(err, errlen, "vectors go up to 0xff");
			return -1;
		}
		snprintf(bp->text, sizeof(bp->text), "int:%#04" PRIx64, bp->addr);
		return 0;
	}
	if ((strcmp(kind, "watch") == 0 || strcmp(kind, "rwatch") == 0 || strcmp(kind, "awatch") == 0) && rest)
		return parse_watch(kind, rest, bp, err, errlen);
	if (strcasecmp(kind, "exit") == 0 && rest)
		kind = rest, rest = NULL;
	if (!rest && parse_reason(kind, &bp->reason) == 0) {
		bp->kind = BRK_EXIT;
		snprintf(bp->text, sizeof(bp->text), "%s", exit_reason_name(bp->reason));
		for (char *c = bp->text; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		return 0;
	}
	snprintf(err, errlen, "'%s' is no breakpoint: an address (0x7c10, 0:7c10), an exit (io, hlt), "
		 "io:PORT, mmio:ADDR, mode, int:VECTOR or watch:ADDR:LEN", kind);
	return -1;
}

int bp_parse(const char *text, struct breakpoint *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	out->enabled = true;
	char buf[96];
	while (isspace((unsigned char)*text))
		text++;
	size_t len = strlen(text);
	while (len && isspace((unsigned char)text[len - 1]))
		len--;
	if (len == 0 || len >= sizeof(buf)) {
		snprintf(err, errlen, len ? "too long" : "empty");
		return -1;
	}
	memcpy(buf, text, len);
	buf[len] = 0;
	/* An address first: "0:7c10" is seg:off, not a kind and its argument. */
	if (parse_value(buf, &out->addr, err, errlen) == 0) {
		out->kind = BRK_ADDR;
		snprintf(out->text, sizeof(out->text), "%#" PRIx64, out->addr);
		return 0;
	}
	char *colon = strchr(buf, ':');
	if (colon)
		*colon = 0;
	return parse_kind(buf, colon ? colon + 1 : NULL, out, err, errlen);
}

int bp_supported(const struct breakpoint *bp, char *err, size_t errlen)
{
	if (bp->kind != BRK_ADDR && bp->kind != BRK_WATCH)
		return 0;
	snprintf(err, errlen, "%s: needs the debug registers, not yet; try io:PORT, hlt, mode", bp->text);
	return -1;
}

/* ---- the list ---- */

static void rearm(struct bp_list *l)
{
	uint32_t armed = 0;
	for (unsigned i = 0; i < l->n; i++)
		armed += l->bp[i].enabled;
	atomic_store(&l->armed, armed);
	atomic_fetch_add(&l->version, 1);
}

int bp_add(struct bp_list *l, const struct breakpoint *bp, char *err, size_t errlen)
{
	pthread_mutex_lock(&l->lock);
	if (l->n == BRK_MAX) {
		pthread_mutex_unlock(&l->lock);
		snprintf(err, errlen, "already %d breakpoints: delete one first", BRK_MAX);
		return -1;
	}
	unsigned slot = l->n++;
	l->bp[slot] = *bp;
	l->bp[slot].id = l->next_id++;
	if (l->next_id > INT32_MAX) /* ids are ints to their callers: start again, past 0 */
		l->next_id = 1;
	atomic_store(&l->hits[slot], 0);
	int id = l->bp[slot].id;
	rearm(l);
	pthread_mutex_unlock(&l->lock);
	return id;
}

static int find(const struct bp_list *l, unsigned id)
{
	for (unsigned i = 0; i < l->n; i++)
		if (l->bp[i].id == id)
			return (int)i;
	return -1;
}

int bp_remove(struct bp_list *l, unsigned id)
{
	pthread_mutex_lock(&l->lock);
	int at = find(l, id);
	if (at >= 0) {
		for (unsigned i = (unsigned)at; i + 1 < l->n; i++) {
			l->bp[i] = l->bp[i + 1];
			atomic_store(&l->hits[i], atomic_load(&l->hits[i + 1]));
		}
		l->n--;
		rearm(l);
	}
	pthread_mutex_unlock(&l->lock);
	return at >= 0 ? 0 : -1;
}

int bp_set_enabled(struct bp_list *l, unsigned id, bool on)
{
	pthread_mutex_lock(&l->lock);
	int at = find(l, id);
	if (at >= 0) {
		l->bp[at].enabled = on;
		rearm(l);
	}
	pthread_mutex_unlock(&l->lock);
	return at >= 0 ? 0 : -1;
}

unsigned bp_snapshot(struct bp_list *l, struct breakpoint *out, uint64_t *hits, unsigned max)
{
	pthread_mutex_lock(&l->lock);
	unsigned n = l->n < max ? l->n : max;
	for (unsigned i = 0; i < n; i++) {
		out[i] = l->bp[i];
		if (hits)
			hits[i] = atomic_load(&l->hits[i]);
	}
	pthread_mutex_unlock(&l->lock);
	return n;
}

void bp_describe(struct bp_list *l, unsigned id, char *out, size_t n)
{
	pthread_mutex_lock(&l->lock);
	int at = find(l, id);
	snprintf(out, n, "%s", at >= 0 ? l->bp[at].text : "");
	pthread_mutex_unlock(&l->lock);
}

/* ---- matching ---- */

unsigned bp_mode_bits(const struct cpu_state *cpu)
{
	return ((cpu->cr0 & 1) ? BRK_MODE_PE : 0) | ((cpu->cr0 >> 31 & 1) ? BRK_MODE_PG : 0) |
	       ((cpu->efer >> 10 & 1) ? BRK_MODE_LMA : 0);
}

static bool dir_fits(uint8_t want, bool in_or_read)
{
	return want == BRK_ANY || (want == BRK_IN_OR_READ) == in_or_read;
}

static bool matches(const struct breakpoint *b, const struct event *ev, unsigned prev, unsigned now)
{
	if (ev->kind == EVENT_IRQ)
		return b->kind == BRK_VECTOR && ev->u.irq.how == IRQ_INJECTED && ev->u.irq.vector == b->addr;
	if (ev->kind != EVENT_EXIT)
		return false;
	switch (b->kind) {
	case BRK_EXIT: return ev->reason == b->reason;
	case BRK_PORT:
		return ev->reason == EXIT_IO && ev->u.io.port == b->addr && dir_fits(b->dir, ev->u.io.dir == IO_IN);
	case BRK_MMIO:
		return ev->reason == EXIT_MMIO && ev->u.mmio.addr >= b->addr && ev->u.mmio.addr - b->addr < b->len &&
		       dir_fits(b->dir, !ev->u.mmio.is_write);
	case BRK_MODE: return ((prev ^ now) & b->mode_bits) != 0;
	default: return false; /* addresses and watchpoints: the debug registers say */
	}
}

int bp_match(const struct breakpoint *bp, unsigned n, const struct event *ev, unsigned prev_mode, unsigned now_mode)
{
	for (unsigned i = 0; i < n; i++)
		if (bp[i].enabled && matches(&bp[i], ev, prev_mode, now_mode))
			return (int)i;
	return -1;
}

/* SPDX-License-Identifier: MIT */
/* vcpu_memview.c - the windows onto guest memory the console asked for
 * (mem_view.h), read on the vCPU thread, where the registers that
 * addresses like ss:sp name and the memory itself are at hand. */
#include <string.h>

#include "page_walk.h"
#include "vcpu.h"

static size_t read_phys(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct cpu_backend *be = ctx;
	return be->ops->read_phys(be, addr, buf, len);
}

static void mark_readable(uint64_t *readable, uint32_t from, uint32_t n)
{
	for (uint32_t i = from; i < from + n; i++)
		readable[i / 64] |= 1ull << (i % 64);
}

/* Where the next piece comes from: its physical address and where its page
 * ends. False: that page is not mapped. */
static bool locate(uint32_t *flags, const struct cpu_state *cpu, struct cpu_backend *be, bool paged,
		   uint64_t linear, uint64_t *phys, uint64_t *page_end)
{
	if (!paged) {
		*phys = linear;
		*page_end = (linear | 0xfffull) + 1;
		return true;
	}
	if (page_walk(cpu, linear, read_phys, be, phys, page_end) == WALK_OK)
		return true;
	if (!be->memory_as_loaded)
		return false;
	/* A replay's memory holds no page tables the guest built while it
	 * ran; the lessons map memory one to one, so show that. */
	*flags |= MEM_F_IDENTITY;
	*phys = linear;
	*page_end = (linear | 0xfffull) + 1;
	return true;
}

/* Reads len bytes at addr (linear, through the page tables if paging is
 * on, or physical) into bytes, marking those read in readable (zeroed by
 * the caller). Returns the MEM_F_* flags that describe the read. */
static uint32_t read_range(struct vcpu *v, const struct cpu_state *cpu, uint64_t addr, bool physical,
			   uint8_t *bytes, uint64_t *readable, uint32_t len)
{
	struct cpu_backend *be = v->cfg.backend;
	bool paged = !physical && page_walk_enabled(cpu);
	uint32_t flags = (physical ? MEM_F_PHYSICAL : 0) | (paged ? MEM_F_PAGED : 0) |
			 (be->memory_as_loaded ? MEM_F_AS_LOADED : 0);
	if (!be->ops->read_phys || (v->cfg.replay && !be->memory_as_loaded))
		return flags | MEM_F_NO_MEMORY;
	for (uint32_t done = 0; done < len;) {
		uint64_t linear = addr + done, phys, page_end;
		bool mapped = locate(&flags, cpu, be, paged, linear, &phys, &page_end);
		uint64_t room = page_end > linear ? page_end - linear : len - done;
		uint32_t chunk = room < len - done ? (uint32_t)room : len - done;
		if (mapped)
			mark_readable(readable, done, (uint32_t)be->ops->read_phys(be, phys, bytes + done, chunk));
		done += chunk;
	}
	return flags;
}

static void fill(struct vcpu *v, const struct cpu_state *cpu, const struct mem_want *want, struct mem_window *w)
{
	struct addr_expr bare = want->expr;
	bare.disp = 0;
	memset(w, 0, sizeof(*w));
	w->anchor = addr_expr_eval(&bare, cpu);
	w->addr = addr_expr_eval(&want->expr, cpu);
	w->len = want->len;
	w->request = want->request;
	w->exits = v->seq;
	w->generation = v->generation;
	w->flags = read_range(v, cpu, w->addr, want->expr.space == ADDR_PHYSICAL, w->bytes, w->readable, w->len);
}

void vcpu_fill_dumps(struct vcpu *v)
{
	struct mem_view *mv = &v->cfg.seam->memory;
	struct cpu_state cpu;
	if (!mv->ndumps || !vcpu_read_regs(v, &cpu))
		return;
	for (unsigned i = 0; i < mv->ndumps; i++) {
		struct mem_dump *d = &mv->dumps[i];
		if (d->done)
			continue;
		d->addr = addr_expr_eval(&d->expr, &cpu);
		memset(d->readable, 0, (d->len + 63) / 64 * sizeof(uint64_t));
		d->flags = read_range(v, &cpu, d->addr, d->expr.space == ADDR_PHYSICAL, d->bytes, d->readable,
				      d->len);
		d->done = true;
	}
}

static void publish_all(struct vcpu *v, const struct cpu_state *cpu)
{
	struct mem_view *mv = &v->cfg.seam->memory;
	struct mem_want want;
	struct mem_window w;
	for (int id = 0; id < MEM_WIN_COUNT; id++) {
		if (!mem_view_get_want(mv, (enum mem_window_id)id, &want))
			continue;
		fill(v, cpu, &want, &w);
		mem_view_publish(mv, (enum mem_window_id)id, &w);
	}
}

void vcpu_publish_windows(struct vcpu *v, const struct cpu_state *cpu, bool now)
{
	if (!mem_view_wanted(&v->cfg.seam->memory))
		return;
	if (!now && vcpu_state_is_live(v->state)) {
		/* Running: a console redraws ~30 times a second at most. */
		uint64_t t = seam_now_ns();
		if (t - v->last_windows_ns < MEM_VIEW_PERIOD_NS)
			return;
		v->last_windows_ns = t;
	}
	publish_all(v, cpu);
}

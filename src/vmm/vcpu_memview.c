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

static void mark_readable(struct mem_window *w, uint32_t from, uint32_t n)
{
	for (uint32_t i = from; i < from + n; i++)
		w->readable[i / 64] |= 1ull << (i % 64);
}

/* Where the next piece of the window comes from: its physical address and
 * how many bytes of it share a page. False: that page is not mapped. */
static bool locate(struct mem_window *w, const struct cpu_state *cpu, struct cpu_backend *be, bool paged,
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
	w->flags |= MEM_F_IDENTITY;
	*phys = linear;
	*page_end = (linear | 0xfffull) + 1;
	return true;
}

static void fill(struct vcpu *v, const struct cpu_state *cpu, const struct mem_want *want, struct mem_window *w)
{
	struct cpu_backend *be = v->cfg.backend;
	struct addr_expr bare = want->expr;
	bare.disp = 0;
	memset(w, 0, sizeof(*w));
	w->anchor = addr_expr_eval(&bare, cpu);
	w->addr = addr_expr_eval(&want->expr, cpu);
	w->len = want->len;
	w->request = want->request;
	w->exits = v->seq;
	w->generation = v->generation;
	bool physical = want->expr.space == ADDR_PHYSICAL;
	bool paged = !physical && page_walk_enabled(cpu);
	w->flags = (physical ? MEM_F_PHYSICAL : 0) | (paged ? MEM_F_PAGED : 0) |
		   (be->memory_as_loaded ? MEM_F_AS_LOADED : 0);
	if (!be->ops->read_phys || (v->cfg.replay && !be->memory_as_loaded)) {
		w->flags |= MEM_F_NO_MEMORY;
		return;
	}
	for (uint32_t done = 0; done < w->len;) {
		uint64_t linear = w->addr + done, phys, page_end;
		bool mapped = locate(w, cpu, be, paged, linear, &phys, &page_end);
		uint64_t room = page_end > linear ? page_end - linear : w->len - done;
		uint32_t chunk = room < w->len - done ? (uint32_t)room : w->len - done;
		if (mapped)
			mark_readable(w, done, (uint32_t)be->ops->read_phys(be, phys, w->bytes + done, chunk));
		done += chunk;
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

/* SPDX-License-Identifier: MIT */
/* mem_view.h - windows onto guest memory, asked for by the console and
 * filled by the vCPU thread.
 *
 * The console never touches guest memory itself (it may not even be a live
 * VM: a replay's memory is the image as loaded). It says which windows it
 * wants, each an address expression and a length (addr_expr.h): the code
 * around CS:RIP for the code pane, the memory pane's address (which may
 * follow a register, ss:sp), the instruction of the exit shown in the exit
 * detail. The vCPU evaluates each against its registers whenever it
 * publishes them (at every pause, step and state change; every
 * MEM_VIEW_PERIOD_NS while the guest runs), walks the guest's page tables
 * for a linear address, copies the bytes and publishes the window through
 * a seqlock, like the registers. Nobody wanting a window costs the exit
 * path one relaxed load.
 *
 * A window is whole bytes plus a bitmap of which of them came from memory:
 * a page that is not mapped, the PC hole or past the end of RAM reads as
 * nothing (the panes show "??"), never as zeros.
 */
#ifndef KVMTUI_MEM_VIEW_H
#define KVMTUI_MEM_VIEW_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "addr_expr.h"

#define MEM_VIEW_MAX 2048                  /* bytes in one window at most */
#define MEM_VIEW_PERIOD_NS 20000000ull     /* refresh while running: 50 a second */

enum mem_window_id {
	MEM_WIN_CODE,   /* around CS:RIP: the code pane */
	MEM_WIN_DATA,   /* the memory pane's address */
	MEM_WIN_INSN,   /* one exit's instruction: the exit detail */
	MEM_WIN_GDB,    /* what a gdb client reads (--gdb) */
	MEM_WIN_COUNT
};

/* mem_window.flags */
#define MEM_F_PHYSICAL 0x01   /* the address is physical: no page walk */
#define MEM_F_PAGED 0x02      /* paging was on: pages were walked */
#define MEM_F_AS_LOADED 0x04  /* a replay: memory as the image was loaded, without the guest's writes */
#define MEM_F_NO_MEMORY 0x08  /* the backend has no memory to show (a replay without its guest) */
#define MEM_F_IDENTITY 0x10   /* a replay in a paged mode: linear taken as physical (no page tables) */

struct mem_window {
	uint64_t addr;        /* the first byte's address (linear, or physical with MEM_F_PHYSICAL) */
	uint64_t anchor;      /* the expression's value before its displacement (CS:RIP for code) */
	uint64_t exits;       /* the exit count when it was read */
	uint64_t request;     /* the request number it answers (mem_view_want's return) */
	uint32_t generation;
	uint32_t len;         /* bytes in the window */
	uint32_t flags;       /* MEM_F_* */
	uint32_t pad;
	uint64_t readable[MEM_VIEW_MAX / 64]; /* bit n of word n/64: bytes[n] is real */
	uint8_t bytes[MEM_VIEW_MAX];
};

#define MEM_WINDOW_WORDS (sizeof(struct mem_window) / sizeof(uint64_t))
_Static_assert(sizeof(struct mem_window) % sizeof(uint64_t) == 0, "a window is whole words");

static inline bool mem_window_readable(const struct mem_window *w, uint32_t i)
{
	return i < w->len && (w->readable[i / 64] >> (i % 64) & 1);
}

struct mem_window_box {
	_Alignas(64) _Atomic uint64_t seq;
	_Atomic uint64_t words[MEM_WINDOW_WORDS];
};

/* What the console asked for one window. */
struct mem_want {
	struct addr_expr expr;
	uint32_t len;         /* 1..MEM_VIEW_MAX */
	uint64_t request;     /* bumps at every change */
};

/* --dump: a range read once, as the guest stops for good (a final state,
 * or the console's quit). The console sets the list before the vCPU
 * starts and reads it after the vCPU thread has ended (vm_stop joins it):
 * no lock is needed either side. */
#define MEM_DUMP_MAX (1u << 20)
#define MEM_DUMPS_MAX 8

struct mem_dump {
	struct addr_expr expr;
	uint32_t len;          /* 1..MEM_DUMP_MAX */
	uint8_t *bytes;        /* len bytes, the console's */
	uint64_t *readable;    /* (len + 63) / 64 words, the console's: bit set = byte read */
	/* filled by the vCPU */
	bool done;
	uint64_t addr;         /* where it was read from (linear, or physical) */
	uint32_t flags;        /* MEM_F_* */
};

struct mem_view {
	struct mem_dump *dumps;   /* --dump, set before the vCPU starts */
	unsigned ndumps;
	_Atomic uint32_t wanted;  /* bit per window id: the vCPU fills those */
	pthread_mutex_t lock;     /* guards want[] */
	struct mem_want want[MEM_WIN_COUNT];
	struct mem_window_box box[MEM_WIN_COUNT];
};

void mem_view_init(struct mem_view *mv);
void mem_view_destroy(struct mem_view *mv);

/* Console side. Asks for a window (replacing what it asked before); the
 * request number it returns comes back in the window that answers it. len
 * is capped at MEM_VIEW_MAX. The vCPU fills it at its next publish: the
 * caller wakes a paused vCPU with control_notify(CTRL_PEEK). */
uint64_t mem_view_want(struct mem_view *mv, enum mem_window_id id, const struct addr_expr *expr, uint32_t len);
void mem_view_drop(struct mem_view *mv, enum mem_window_id id);
/* The latest window; returns its sequence number (0: never published, *out
 * zeroed). */
uint64_t mem_view_read(struct mem_view *mv, enum mem_window_id id, struct mem_window *out);

/* The sequence number the window has now, without copying it (a console
 * about to sleep looks whether an answer came meanwhile). */
static inline uint64_t mem_view_seq(struct mem_view *mv, enum mem_window_id id)
{
	return atomic_load_explicit(&mv->box[id].seq, memory_order_acquire) / 2;
}

/* vCPU side. Which windows are wanted (a relaxed load: the cheap check). */
static inline uint32_t mem_view_wanted(struct mem_view *mv)
{
	return atomic_load_explicit(&mv->wanted, memory_order_relaxed);
}
/* A copy of one window's request; false if it is not wanted. */
bool mem_view_get_want(struct mem_view *mv, enum mem_window_id id, struct mem_want *out);
void mem_view_publish(struct mem_view *mv, enum mem_window_id id, const struct mem_window *w);

#endif

/* SPDX-License-Identifier: MIT */
/* pc_board.c - how the PC's devices are wired: the time of day for the
 * CMOS clock, the keyboard's and the clock's lines into the PIC, the 8042's
 * reset line to the machine. (A20 is always on: KVM does not mask it, and
 * the 8042 only keeps the gate's state for guests that read it back.) */
#include <time.h>

#include "pc_irq.h"

/* The host's local time as ns since 1970-01-01 00:00 local, what a PC's
 * battery clock would hold. */
static int64_t time_of_day(void *ctx)
{
	(void)ctx;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	struct tm local;
	time_t secs = ts.tv_sec;
	long gmtoff = localtime_r(&secs, &local) ? local.tm_gmtoff : 0;
	return ((int64_t)ts.tv_sec + gmtoff) * 1000000000ll + ts.tv_nsec;
}

static void rtc_line(void *ctx, bool level)
{
	pc_irq_line(ctx, PC_IRQ_RTC, level);
}

static void keyboard_line(void *ctx, bool level)
{
	pc_irq_line(ctx, PC_IRQ_KEYBOARD, level);
}

static void reset_line(void *ctx)
{
	struct pc_irq *pc = ctx;
	if (pc->reset_machine)
		pc->reset_machine(pc->reset_ctx);
}

void pc_board_init(struct pc_irq *pc)
{
	rtc_init(&pc->rtc, pc->rtc.ram_bytes, time_of_day, pc, rtc_line, pc);
	struct kbc_callbacks cb = { .irq = keyboard_line, .a20 = NULL, .reset = reset_line, .ctx = pc };
	kbc_init(&pc->kbc, &cb);
}

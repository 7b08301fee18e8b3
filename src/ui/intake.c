/* SPDX-License-Identifier: MIT */
/* intake.c - events, snapshots and counters into the UI's state. */
#include "intake.h"

#include "reg_diff.h"
#include "screen_slot.h"

#define DRAIN_BATCH 256

/* Generations are 16 bits wide in events (they wrap; compare differences).
 * Events of an older VM can still sit in the ring after a reset was seen
 * through the control word; they belong to a console that was cleared. */
static bool intake_generation(struct tui *t, uint32_t generation)
{
	if (generation == t->generation)
		return true;
	if ((int16_t)(uint16_t)(generation - t->generation) < 0)
		return false;
	tui_state_new_generation(t, generation);
	return true;
}

/* A breakpoint paused the vCPU: a line in the exit log (its words ride in
 * the history's decode text) and a note in the status bar. */
static void note_break(struct tui *t, const struct event *ev)
{
	char text[BRK_TEXT_MAX];
	bp_describe(&t->seam->breaks, (unsigned)ev->u.state.status, text, sizeof(text));
	exit_history_push(&t->exits, ev, text);
	tui_state_message(t, seam_now_ns(), "breakpoint %d (%s) hit", (int)ev->u.state.status, text);
}

void intake_apply(struct tui *t, const struct event *ev)
{
	if (!intake_generation(t, ev->generation))
		return;
	size_t len = ev->len <= EVENT_TEXT_MAX ? ev->len : EVENT_TEXT_MAX;
	char decode[PORT_DECODE_MAX];
	const uint8_t *serial;
	size_t serial_len = event_serial_bytes(ev, &serial);
	switch (ev->kind) {
	case EVENT_EXIT:
		/* The decoder sees every exit in ring order: a CMOS read needs
		 * the index selected before it (src/decode). */
		port_decoder_feed(&t->decoder, ev, decode, sizeof(decode));
		exit_history_push(&t->exits, ev, decode);
		if (serial_len) /* COM1 output riding on its OUT exit */
			scrollback_feed(&t->serial, serial, serial_len);
		break;
	case EVENT_IRQ: /* a line of the exit log of its own, between its exits */
		port_decoder_feed(&t->decoder, ev, decode, sizeof(decode));
		irq_counts_add(&t->irqs, ev);
		exit_history_push(&t->exits, ev, NULL);
		break;
	case EVENT_UART:
		scrollback_feed(&t->serial, serial, serial_len <= EVENT_TEXT_MAX ? serial_len : EVENT_TEXT_MAX);
		break;
	case EVENT_DEBUGCON:
		scrollback_feed(&t->debugcon, ev->u.text, len);
		break;
	case EVENT_STATE:
		if (ev->u.state.state < VCPU_STATE_COUNT)
			tui_state_set_vcpu(t, (enum vcpu_state)ev->u.state.state, seam_now_ns());
		t->exit_status = ev->u.state.status;
		if (ev->u.state.state == VCPU_PAUSED && ev->u.state.status > 0)
			note_break(t, ev);
		break;
	default:
		return;
	}
	t->dirty = true;
}

size_t intake_drain(struct tui *t, size_t budget)
{
	struct event batch[DRAIN_BATCH];
	size_t done = 0;
	while (done < budget) {
		size_t want = budget - done < DRAIN_BATCH ? budget - done : DRAIN_BATCH;
		size_t n = ring_pop_batch(&t->seam->ring, batch, want);
		for (size_t i = 0; i < n; i++)
			intake_apply(t, &batch[i]);
		done += n;
		if (n < want)
			break;
	}
	return done;
}

static void intake_regs(struct tui *t)
{
	struct snapshot *snap = &t->seam->regs;
	/* The raw sequence moves on every publish: a cheap "anything new?". */
	uint64_t raw = atomic_load_explicit(&snap->seq, memory_order_acquire);
	if (raw == t->regs.raw_seq)
		return;
	t->regs.raw_seq = raw;
	struct cpu_state cpu;
	uint64_t seq = snapshot_read(snap, &cpu);
	if (seq == 0 || seq == t->regs.seq)
		return;
	uint64_t diff = 0;
	/* A new VM's registers are not "changes" from the old one's. */
	if (t->regs.seq && t->regs.cpu.valid && cpu.generation == t->regs.cpu.generation)
		diff = reg_diff(&t->regs.cpu, &cpu);
	/* Marks gather until a frame shows them, so nothing that changed since
	 * the last frame goes unmarked however often the snapshot moved. */
	t->regs.changed = t->regs.drawn ? diff : t->regs.changed | diff;
	t->regs.drawn = false;
	t->regs.cpu = cpu;
	t->regs.seq = seq;
	t->dirty = true;
}

/* The text screen is a page, not a stream: only the latest matters, read
 * when its seqlock moved (with the BIOS on, a few times a second at most). */
static void intake_screen(struct tui *t)
{
	struct text_screen_box *box = &t->seam->screen;
	uint64_t raw = atomic_load_explicit(&box->seq, memory_order_acquire);
	if (raw == t->screen.raw_seq)
		return;
	t->screen.raw_seq = raw;
	uint64_t seq = text_screen_box_read(box, &t->screen.page);
	if (seq == 0 || seq == t->screen.seq)
		return;
	t->screen.seq = seq;
	screen_slot_update(t);
	t->dirty = true;
}

static void intake_kstats(struct tui *t)
{
	struct kstats_box *box = &t->seam->kstats;
	uint64_t raw = atomic_load_explicit(&box->seq, memory_order_acquire);
	if (raw == t->kstats_raw_seq)
		return;
	t->kstats_raw_seq = raw;
	kstats_read(box, &t->kstats);
	t->dirty = true;
}

/* A new generation is taken from the control word as soon as it is
 * published, so the old VM's records still in the ring are dropped rather
 * than shown. The vCPU's state is not: it comes only from the ring's state
 * records, in order with the exits that led to it (reading it here too let
 * an older record drained afterwards set it back). */
void intake_control(struct tui *t)
{
	struct control *ctl = &t->seam->control;
	uint32_t generation = atomic_load_explicit(&ctl->generation, memory_order_acquire);
	if (generation != t->generation && (int16_t)(uint16_t)(generation - t->generation) > 0)
		tui_state_new_generation(t, generation);
}

void intake_poll(struct tui *t, uint64_t now_ns)
{
	intake_regs(t);
	intake_screen(t);
	intake_kstats(t);
	debug_views_intake(t);
	uint64_t total = counters_total(&t->seam->counters);
	if (total != t->rate.last_total)
		t->dirty = true;
	rate_history_update(&t->rate, now_ns, total);
	for (unsigned line = 0; line < IRQ_LINES; line++)
		rate_history_update(&t->irq_rate[line], now_ns, t->irqs.by_line[line]);
}

void intake_regs_drawn(struct tui *t)
{
	t->regs.drawn = true;
}

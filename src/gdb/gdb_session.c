/* SPDX-License-Identifier: MIT */
/* gdb_session.c - a connection's life: acks, packets in, replies out,
 * stops, and letting go of the target (gdb_session.h). */
#include <string.h>

#include "gdb_session_internal.h"

void gdb_session_init(struct gdb_session *s, const struct gdb_target_ops *ops, void *target,
		      enum gdb_arch_choice arch)
{
	memset(s, 0, sizeof *s);
	s->ops = ops;
	s->target = target;
	s->arch_choice = arch;
	s->arch = arch == GDB_ARCH_CHOICE_X86_64 ? GDB_ARCH_X86_64 : GDB_ARCH_I386;
	s->state = GDB_SESSION_STOPPED;
	s->last_stop.kind = GDB_STOP_INTERRUPTED;
	gdb_rx_init(&s->rx);
}

void gdb_session_attach(struct gdb_session *s)
{
	s->state = GDB_SESSION_ATTACHING;
	s->ops->interrupt(s->target);
}

/* The description is fixed for the whole connection: gdb reads it once. */
static void choose_arch(struct gdb_session *s)
{
	struct cpu_state cpu;
	if (s->arch_choice == GDB_ARCH_CHOICE_AUTO)
		s->arch = s->ops->get_regs(s->target, &cpu) == 0 ? gdb_arch_for(&cpu) : GDB_ARCH_I386;
	s->tdesc_len = gdb_tdesc_xml(s->arch, s->tdesc, sizeof s->tdesc);
}

/* Lets the target go: gdb's breakpoints out, and running again. */
static void release_target(struct gdb_session *s)
{
	s->state = GDB_SESSION_FINISHED;
	if (s->guest_gone)
		return;
	gdb_breaks_remove_all(s);
	s->ops->resume(s->target, GDB_RESUME_CONTINUE);
}

void gdb_session_stopped(struct gdb_session *s, const struct gdb_stop *stop)
{
	s->last_stop = *stop;
	if (stop->kind == GDB_STOP_EXITED || stop->kind == GDB_STOP_KILLED)
		s->guest_gone = true;
	switch (s->state) {
	case GDB_SESSION_ATTACHING:
		s->state = GDB_SESSION_STOPPED;
		choose_arch(s);
		break;
	case GDB_SESSION_RUNNING:
		s->state = GDB_SESSION_STOPPED;
		gdb_reply_reset(s);
		gdb_stop_reply(s, stop);
		gdb_reply_send(s);
		break;
	case GDB_SESSION_DETACHING:
		release_target(s);
		break;
	default:
		break; /* a stop gdb did not ask for: remembered for '?' */
	}
}

void gdb_session_disconnected(struct gdb_session *s)
{
	switch (s->state) {
	case GDB_SESSION_STOPPED:
		release_target(s);
		break;
	case GDB_SESSION_RUNNING:
		if (s->break_count == 0 || s->guest_gone) {
			s->state = GDB_SESSION_FINISHED;
			break;
		}
		s->state = GDB_SESSION_DETACHING;
		s->ops->interrupt(s->target);
		break;
	case GDB_SESSION_ATTACHING:
		s->state = GDB_SESSION_DETACHING; /* resume it once it has stopped */
		break;
	default:
		break;
	}
	s->out_len = 0;
}

static void on_packet(struct gdb_session *s)
{
	gdb_out_raw(s, "+", 1);
	bool binary = s->rx.len > 0 && s->rx.raw[0] == 'X';
	long n = gdb_packet_decode(s->rx.raw, s->rx.len, binary, s->packet, GDB_PACKET_MAX);
	gdb_reply_reset(s);
	if (n < 0) {
		gdb_reply_error(s, GDB_E_MALFORMED);
		gdb_reply_send(s);
		return;
	}
	s->packet_len = (size_t)n;
	s->packet[n] = 0;
	if (s->state != GDB_SESSION_STOPPED) {
		/* gdb waits for the stop reply before it sends more; another
		 * packet now must not touch a running target. */
		gdb_reply_error(s, GDB_E_MALFORMED);
		gdb_reply_send(s);
		return;
	}
	if (gdb_dispatch(s) == GDB_ANSWER_REPLY)
		gdb_reply_send(s);
}

static void on_event(struct gdb_session *s, enum gdb_rx_event ev)
{
	switch (ev) {
	case GDB_RX_PACKET:
		on_packet(s);
		break;
	case GDB_RX_TOO_LONG:
		gdb_out_raw(s, "+", 1);
		gdb_reply_error(s, GDB_E_MALFORMED);
		gdb_reply_send(s);
		break;
	case GDB_RX_BAD_CHECKSUM:
		gdb_out_raw(s, "-", 1);
		break;
	case GDB_RX_NAK:
		gdb_out_raw(s, s->last_frame, s->last_frame_len);
		break;
	case GDB_RX_INTERRUPT:
		if (s->state == GDB_SESSION_RUNNING)
			s->ops->interrupt(s->target);
		break;
	default:
		break;
	}
}

size_t gdb_session_feed(struct gdb_session *s, const uint8_t *in, size_t n)
{
	size_t used = 0;
	while (used < n && s->state != GDB_SESSION_ATTACHING && s->state != GDB_SESSION_FINISHED &&
	       s->state != GDB_SESSION_DETACHING && sizeof s->out - s->out_len >= 2 * GDB_FRAME_MAX)
		on_event(s, gdb_rx_feed(&s->rx, in[used++]));
	if (s->state == GDB_SESSION_FINISHED)
		used = n; /* the rest is of no use */
	return used;
}

const uint8_t *gdb_session_output(const struct gdb_session *s, size_t *len)
{
	*len = s->out_len;
	return s->out;
}

void gdb_session_output_sent(struct gdb_session *s, size_t n)
{
	if (n >= s->out_len) {
		s->out_len = 0;
		return;
	}
	memmove(s->out, s->out + n, s->out_len - n);
	s->out_len -= n;
}

void gdb_session_release(struct gdb_session *s)
{
	release_target(s);
}

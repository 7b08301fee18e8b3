/* SPDX-License-Identifier: MIT */
/* headless.c - the headless console.
 *
 * The consumer side of the seam without curses: UART bytes to stdout exactly
 * as the guest sent them, debugcon bytes and diagnostics to stderr, exits to
 * the --trace file, stdin into the guest's UART (or, --keyboard kbc, its 8042). It drains the ring in
 * batches and naps briefly while records keep coming, so a flooding guest
 * costs the vCPU no wakeup system calls; only an idle consumer sleeps on the
 * ring's eventfd.
 *
 * Output that cannot be written (a full disk, an I/O error) stops the guest
 * with one line saying so and STATUS_VCPU_ERROR: a short trace or lost
 * serial output must never look like a clean run. Only a reader that went
 * away (EPIPE: `| head`) is not an error; the guest then runs on unwatched.
 */
#include "headless.h"

#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "cp437.h"
#include "exit_status.h"
#include "input_route.h"
#include "irq_counts.h"
#include "key_stream.h"
#include "poll_wait.h"
#include "port_decoder.h"
#include "regs_report.h"
#include "run_outcome.h"
#include "speaker_tally.h"
#include "stats_report.h"
#include "term_keys.h"
#include "trace_json.h"

#define BATCH 512
/* Between drains while records keep coming. The ring holds ~90 ms of a
 * flood, so 2 ms loses nothing and spares thousands of wakeups a second. */
#define BUSY_NAP_MS 2
/* A guest that sleeps in HLT between interrupts sends a few records per
 * tick: waking for each would cost this thread more than the guest costs
 * the vCPU's (4000 wakeups a second at 1000 Hz). Its records are taken in
 * batches, a nap apart (stdin and signals still answered at once). */
#define TICKING_NAP_MS 10
/* How long an ESC from stdin waits for the rest of a sequence. */
#define ESC_ALONE_NS 50000000ull
#define ESC_ALONE_MS 50
#define BUSY_RECORDS 32 /* records in one drain that mean "busy": ~0.3 ms of a flood */

struct headless {
	struct seam *seam;
	const struct cli_options *o;
	FILE *trace;
	int sigfd;
	bool stdin_open, stdout_open;
	bool failed; /* output or polling failed: the run ends in STATUS_VCPU_ERROR */
	bool guest_asleep; /* the last record said: asleep in HLT until an interrupt */
	uint8_t in[4096];
	size_t in_len, in_off;
	enum input_target target; /* where stdin goes */
	bool target_known;        /* false: the BIOS is on and no --keyboard: the guest decides */
	struct term_keys term;   /* the 8042's keys: a terminal's escapes into keys */
	uint8_t keys[4096];      /* keys decoded from in[], as the keyboard queue takes them */
	size_t keys_len, keys_off;
	uint64_t last_stdin_ns;  /* when stdin last gave bytes: a lone ESC's wait */
	struct event last_exit;
	struct port_decoder decoder; /* device ports in words, for the trace */
	struct speaker_tally speaker; /* the speaker's notes, for --stats */
	struct irq_counts irqs;      /* for --stats; cleared by a reset, as the exit counters are */
	uint16_t irq_generation;
	bool done;
	enum vcpu_state final_state;
	int debug_status;
	int forced_status; /* timeout, signal or breakpoint; -1 if none */
	unsigned break_id; /* the breakpoint that stopped the run (STATUS_BREAK) */
	struct cpu_state break_regs;
	uint64_t end_ns;
	char out[65536];
	size_t out_len;
};

static sigset_t stop_signals(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	return set;
}

/* Ctrl-C must always stop the run: the stop signals are blocked in every
 * thread and read from a signalfd, so without a signalfd they would do
 * nothing at all. Failing to get one (EMFILE, ENOMEM) refuses to start
 * rather than run a guest that cannot be interrupted. */
static int watch_signals(struct headless_setup *s, char *err, size_t errlen)
{
	sigset_t set = stop_signals();
	signal(SIGPIPE, SIG_IGN);
	int rc = pthread_sigmask(SIG_BLOCK, &set, NULL);
	if (rc) {
		snprintf(err, errlen, "cannot block the stop signals: %s", strerror(rc));
		return -1;
	}
	s->sigfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	if (s->sigfd < 0) {
		snprintf(err, errlen, "cannot watch for Ctrl-C (signalfd: %s); not starting a guest "
			 "that could not be interrupted", strerror(errno));
		pthread_sigmask(SIG_UNBLOCK, &set, NULL);
		return -1;
	}
	return 0;
}

int headless_prepare(const struct cli_options *o, struct headless_setup *s, char *err, size_t errlen)
{
	s->sigfd = -1;
	s->trace = NULL;
	if (watch_signals(s, err, errlen))
		return -1;
	if (o->trace_path) {
		s->trace = fopen(o->trace_path, "w");
		if (!s->trace) {
			snprintf(err, errlen, "cannot write trace file %s: %s", o->trace_path, strerror(errno));
			headless_discard(s);
			return -1;
		}
	}
	return 0;
}

void headless_discard(struct headless_setup *s)
{
	if (s->trace)
		fclose(s->trace);
	if (s->sigfd >= 0)
		close(s->sigfd);
	s->trace = NULL;
	s->sigfd = -1;
}

/* 0, or the errno of the write that failed. */
static int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			struct pollfd pfd = { .fd = fd, .events = POLLOUT };
			(void)poll(&pfd, 1, 100); /* a failed wait only means trying sooner */
			continue;
		}
		if (n <= 0)
			return n < 0 ? errno : EIO;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static void stop_run(struct headless *h, int status)
{
	if (h->forced_status < 0)
		h->forced_status = status;
	control_request(&h->seam->control, CTRL_QUIT);
}

/* Says what failed ("kvm-tui: WHAT: strerror(err)"), once, and stops the
 * guest; the run's status will be STATUS_VCPU_ERROR whatever state the
 * guest ends in. */
static void fail_run(struct headless *h, int err, const char *what)
{
	if (!h->failed)
		fprintf(stderr, "kvm-tui: %s: %s%s\n", what, strerror(err),
			h->done ? "" : "; stopping the guest");
	h->failed = true;
	stop_run(h, STATUS_VCPU_ERROR);
}

static void fail_trace(struct headless *h, int err)
{
	char what[4200];
	snprintf(what, sizeof(what), "cannot write trace file %.4096s", h->o->trace_path);
	fail_run(h, err, what);
}

static void flush_out(struct headless *h)
{
	if (h->stdout_open && h->out_len) {
		int err = write_all(STDOUT_FILENO, h->out, h->out_len);
		if (err)
			h->stdout_open = false;
		if (err && err != EPIPE) /* EPIPE: the reader left; the guest runs on */
			fail_run(h, err, "cannot write the guest's output to stdout");
	}
	h->out_len = 0;
}

static void trace_line(struct headless *h, const struct event *ev, const char *decode)
{
	char line[512];
	if (!h->trace || h->failed)
		return;
	trace_json_decoded(ev, decode, line, sizeof(line));
	if (fputs(line, h->trace) == EOF || putc('\n', h->trace) == EOF)
		fail_trace(h, errno);
}

/* The trace's last buffered lines reach the file only here. */
static void trace_close(struct headless *h)
{
	if (!h->trace)
		return;
	bool ok = !ferror(h->trace) && fflush(h->trace) == 0;
	int err = errno;
	if (fclose(h->trace) != 0 && ok) {
		ok = false;
		err = errno;
	}
	h->trace = NULL;
	if (!ok && !h->failed)
		fail_trace(h, err ? err : EIO);
}

/* Every exit and interrupt goes through the decoder, in ring order, so a
 * CMOS read knows the index selected before it (src/decode), for the
 * trace's words and --stats's speaker line. Without either it is skipped:
 * nothing would read it. */
static void decode_event(struct headless *h, const struct event *ev)
{
	char decode[PORT_DECODE_MAX];
	if (!h->trace && !h->o->stats)
		return;
	port_decoder_feed(&h->decoder, ev, decode, sizeof(decode));
	if (h->o->stats)
		speaker_tally_update(&h->speaker, &h->decoder);
	trace_line(h, ev, decode);
}

static void serial_bytes(struct headless *h, const uint8_t *bytes, size_t len)
{
	if (h->out_len + len > sizeof(h->out))
		flush_out(h);
	memcpy(h->out + h->out_len, bytes, len);
	h->out_len += len;
}

/* What the guest printed through int 10h is code page 437: the controls a
 * teletype obeys (BEL, BS, LF, CR) pass as they are, every other byte as
 * the character it shows on a PC's screen, in UTF-8. */
static void teletype_bytes(struct headless *h, const uint8_t *bytes, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uint8_t ch = bytes[i];
		char utf8[4];
		bool control = ch == 7 || ch == 8 || ch == 10 || ch == 13;
		if (control || (ch >= 0x20 && ch < 0x7f))
			serial_bytes(h, &ch, 1);
		else
			serial_bytes(h, (const uint8_t *)utf8, cp437_to_utf8(ch, utf8));
	}
}

static void on_state(struct headless *h, const struct event *ev)
{
	enum vcpu_state s = ev->u.state.state;
	/* With gdb attached (--gdb) a breakpoint is gdb's stop, not the run's end. */
	if (s == VCPU_PAUSED && ev->u.state.status > 0 && h->forced_status < 0 && !h->o->gdb_port) {
		/* A breakpoint: the registers it left are published before its record. */
		h->break_id = (unsigned)ev->u.state.status;
		snapshot_read(&h->seam->regs, &h->break_regs);
		stop_run(h, STATUS_BREAK);
		return;
	}
	if (!vcpu_state_is_final(s))
		return;
	h->done = true;
	h->final_state = s;
	h->debug_status = ev->u.state.status;
	h->end_ns = ev->time_ns;
}

static void on_irq(struct headless *h, const struct event *ev)
{
	irq_counts_add(&h->irqs, ev);
	decode_event(h, ev);
}

/* With the BIOS and no --keyboard, stdin goes where the guest first reads
 * it (input_route.h). */
static void learn_target(struct headless *h, const struct event *ev)
{
	enum input_target t;
	if (input_route_from_exit(ev, &t)) {
		h->target = t;
		h->target_known = true;
	}
}

static void on_event(struct headless *h, const struct event *ev)
{
	const uint8_t *serial;
	size_t n = event_serial_bytes(ev, &serial);
	if (n)
		serial_bytes(h, serial, n);
	if (ev->generation != h->irq_generation) /* a reset: the exit counters restarted too */
		irq_counts_clear(&h->irqs);
	h->irq_generation = ev->generation;
	/* A replayed record may claim more text than it holds (len up to 255,
	 * u.text 32 bytes): never read past it, as intake.c does for the TUI. */
	size_t text_len = ev->len <= EVENT_TEXT_MAX ? ev->len : EVENT_TEXT_MAX;
	switch (ev->kind) {
	case EVENT_TELETYPE:
		teletype_bytes(h, ev->u.text, text_len);
		break;
	case EVENT_DEBUGCON:
		(void)write_all(STDERR_FILENO, ev->u.text, text_len); /* nowhere to report a failure */
		break;
	case EVENT_EXIT:
		if (!h->target_known)
			learn_target(h, ev);
		h->last_exit = *ev;
		h->end_ns = ev->time_ns;
		decode_event(h, ev);
		break;
	case EVENT_IRQ:
		on_irq(h, ev);
		break;
	case EVENT_STATE:
		on_state(h, ev);
		break;
	}
}

static size_t drain(struct headless *h)
{
	struct event batch[BATCH];
	size_t total = 0, n;
	while ((n = ring_pop_batch(&h->seam->ring, batch, BATCH)) > 0) {
		for (size_t i = 0; i < n; i++)
			on_event(h, &batch[i]);
		total += n;
		const struct event *last = &batch[n - 1];
		h->guest_asleep = last->kind == EVENT_STATE && last->u.state.state == VCPU_WAITING;
	}
	flush_out(h);
	return total;
}

/* Keys for the 8042 are code points (key_stream.h): what a terminal sends
 * for Up or F1 becomes that key, and a lone ESC waits for what follows it
 * unless stdin has ended. */
/* Keys as the keyboard queue takes them; false (nothing added) if they
 * do not fit yet. */
static bool queue_keys(struct headless *h, const uint32_t *keys, size_t n)
{
	if (h->keys_len + n * KEY_STREAM_MAX_BYTES > sizeof(h->keys))
		return false;
	for (size_t i = 0; i < n; i++)
		h->keys_len += key_stream_encode(keys[i], h->keys + h->keys_len);
	return true;
}

static void decode_keys(struct headless *h)
{
	uint32_t keys[TERM_KEYS_MAX_KEYS];
	while (h->in_off < h->in_len) {
		size_t n = term_keys_feed(&h->term, h->in[h->in_off], keys, TERM_KEYS_MAX_KEYS);
		if (!queue_keys(h, keys, n))
			return; /* the queue is full: the rest waits in in[] */
		h->in_off++;
	}
	/* An ESC that starts no sequence is the Esc key: known once stdin
	 * ends, or stays quiet for a moment (a terminal sends a sequence at once). */
	bool quiet = seam_now_ns() - h->last_stdin_ns >= ESC_ALONE_NS;
	if (term_keys_pending(&h->term) && (!h->stdin_open || quiet)) {
		size_t n = term_keys_flush(&h->term, keys, TERM_KEYS_MAX_KEYS);
		queue_keys(h, keys, n);
	}
}

static void offer(struct headless *h, struct input_queue *q, const uint8_t *bytes, size_t len, size_t *off)
{
	size_t taken = input_queue_offer(q, bytes + *off, len - *off);
	*off += taken;
	if (taken) /* a guest asleep in HLT waits for exactly this */
		control_notify(&h->seam->control, CTRL_INPUT);
}

/* stdin's bytes are what COM1 takes as they are; the 8042 (--keyboard kbc,
 * the default with the BIOS) takes keys. */
static void feed_guest(struct headless *h)
{
	if (!h->target_known)
		return; /* stdin waits (in[] fills, then the pipe) until the guest reads */
	if (h->target == INPUT_TO_KBC) {
		decode_keys(h);
		offer(h, &h->seam->keyboard, h->keys, h->keys_len, &h->keys_off);
		if (h->keys_off == h->keys_len)
			h->keys_off = h->keys_len = 0;
	} else if (h->in_off < h->in_len) {
		offer(h, &h->seam->input, h->in, h->in_len, &h->in_off);
	}
	if (h->in_off == h->in_len)
		h->in_off = h->in_len = 0;
}

static void read_stdin(struct headless *h)
{
	ssize_t n = read(STDIN_FILENO, h->in + h->in_len, sizeof(h->in) - h->in_len);
	if (n > 0) {
		h->in_len += (size_t)n;
		h->last_stdin_ns = seam_now_ns();
	}
	else if (n == 0 || (errno != EINTR && errno != EAGAIN))
		h->stdin_open = false;
}

static int poll_timeout_ms(const struct headless *h, uint64_t deadline)
{
	int ms = -1;
	if (h->target_known && (h->in_len > h->in_off || h->keys_len > h->keys_off))
		ms = 10; /* the guest's input queue was full: retry soon */
	else if (h->target_known && h->target == INPUT_TO_KBC && term_keys_pending(&h->term))
		ms = ESC_ALONE_MS; /* then a lone ESC is let go */
	if (deadline && h->forced_status < 0) {
		int left = poll_wait_ms(seam_now_ns(), deadline);
		if (ms < 0 || left < ms)
			ms = left;
	}
	return ms;
}

/* Waits for stdin, a stop signal, the ring's eventfd (only when idle:
 * the producer writes it only after ring_consumer_sleep_begin) or the
 * timeout, and handles what came. */
static void wait_for_input(struct headless *h, bool idle, int timeout_ms)
{
	struct pollfd fds[3] = {
		{ .fd = h->sigfd, .events = POLLIN },
		{ .fd = -1, .events = POLLIN },
		{ .fd = idle ? ring_wakeup_fd(&h->seam->ring) : -1, .events = POLLIN },
	};
	if (h->stdin_open && h->in_len < sizeof(h->in))
		fds[1].fd = STDIN_FILENO;
	if (poll(fds, 3, timeout_ms) < 0 && errno != EINTR) {
		fail_run(h, errno, "cannot wait for input (poll)"); /* or it would spin */
		return;
	}
	if (fds[0].revents & POLLIN) {
		struct signalfd_siginfo si;
		if (read(h->sigfd, &si, sizeof(si)) > 0)
			stop_run(h, STATUS_INTERRUPTED);
	}
	if (fds[1].revents & (POLLIN | POLLHUP | POLLERR))
		read_stdin(h);
}

static void sleep_until_something(struct headless *h, uint64_t deadline)
{
	if (ring_consumer_sleep_begin(&h->seam->ring))
		wait_for_input(h, true, poll_timeout_ms(h, deadline));
	ring_consumer_sleep_end(&h->seam->ring);
}

/* While records keep coming: a short pause between drains that still
 * answers stdin and signals at once (the guest may be waiting for input
 * while it polls the UART, which is itself a stream of exits). */
static void nap(struct headless *h, uint64_t deadline, int nap_ms)
{
	int ms = poll_timeout_ms(h, deadline);
	wait_for_input(h, false, ms >= 0 && ms < nap_ms ? ms : nap_ms);
}

static void report_break(struct headless *h)
{
	char text[BRK_TEXT_MAX];
	bp_describe(&h->seam->breaks, h->break_id, text, sizeof(text));
	fprintf(stderr, "kvm-tui: breakpoint %u (%s) hit at exit #%" PRIu64 "\n", h->break_id, text,
		h->break_regs.exits);
	regs_report(stderr, &h->break_regs);
}

static int finish(struct headless *h)
{
	char why[512];
	if (h->failed)
		return STATUS_VCPU_ERROR; /* said so when it happened */
	if (h->forced_status >= 0 && h->final_state == VCPU_QUIT) {
		if (h->forced_status == STATUS_TIMEOUT)
			fprintf(stderr, "kvm-tui: timeout after %g s, guest stopped\n", h->o->timeout_s);
		else if (h->forced_status == STATUS_INTERRUPTED)
			fprintf(stderr, "kvm-tui: interrupted, guest stopped\n");
		else if (h->forced_status == STATUS_BREAK)
			report_break(h);
		return h->forced_status;
	}
	if (run_outcome_explain(h->final_state, &h->last_exit, why, sizeof(why)))
		fprintf(stderr, "kvm-tui: %s\n", why);
	if (h->final_state == VCPU_ERROR) {
		control_error(&h->seam->control, why, sizeof(why));
		if (why[0])
			fprintf(stderr, "kvm-tui: %s\n", why);
	}
	if (h->final_state == VCPU_EXIT_LIMIT)
		fprintf(stderr, "kvm-tui: stopped after %" PRIu64 " exits (--max-exits)\n", h->last_exit.seq);
	return run_outcome_status(h->final_state, h->debug_status);
}

int headless_run(struct seam *seam, const struct cli_options *o, struct headless_setup *s)
{
	struct headless h = { .seam = seam, .o = o, .sigfd = s->sigfd, .trace = s->trace,
			      .stdin_open = true, .stdout_open = true, .forced_status = -1 };
	s->sigfd = -1;
	s->trace = NULL;
	term_keys_init(&h.term);
	h.target = o->keyboard;
	h.target_known = !s->input_from_guest;
	uint64_t deadline = o->timeout_s > 0 ? seam_now_ns() + (uint64_t)(o->timeout_s * 1e9) : 0;
	while (!h.done) {
		size_t n = drain(&h);
		feed_guest(&h);
		if (h.done)
			break;
		if (deadline && seam_now_ns() >= deadline && h.forced_status < 0)
			stop_run(&h, STATUS_TIMEOUT);
		/* Nap while the guest keeps the ring busy, or while it ticks
		 * (asleep in HLT between interrupts); otherwise a few records (a
		 * state change, a short burst) mean it may stop any moment, and
		 * the eventfd will say so at once. */
		if (n >= BUSY_RECORDS)
			nap(&h, deadline, BUSY_NAP_MS);
		else if (n > 0 && h.guest_asleep)
			nap(&h, deadline, TICKING_NAP_MS);
		else
			sleep_until_something(&h, deadline);
	}
	ring_close(&seam->ring);
	trace_close(&h);
	if (h.sigfd >= 0)
		close(h.sigfd);
	if (o->stats) {
		stats_report(stderr, &seam->counters, &h.irqs, &h.speaker, h.end_ns);
		stats_report_kstats(stderr, s->kstats_why);
	}
	return finish(&h);
}

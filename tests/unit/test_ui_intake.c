/* SPDX-License-Identifier: MIT */
/* test_ui_intake.c - the UI's model against a real seam: synthetic events go
 * through the ring into the serial pane's text and the exit log, a new
 * generation clears them, keys become control requests and guest input. */
#include "check.h"
#include "commands.h"
#include "intake.h"
#include "tui_state.h"

static struct tui t;

static void push(struct seam *s, struct event ev)
{
	CHECK(ring_try_push(&s->ring, &ev));
}

static struct event uart(uint32_t gen, const char *text)
{
	struct event ev = { .kind = EVENT_UART, .generation = gen };
	ev.len = (uint8_t)strlen(text);
	memcpy(ev.u.text, text, ev.len);
	return ev;
}

static struct event io_exit(uint32_t gen, uint64_t seq)
{
	struct event ev = { .kind = EVENT_EXIT, .reason = EXIT_IO, .generation = gen, .seq = seq };
	ev.u.io.port = 0x3f8;
	ev.u.io.size = 1;
	ev.u.io.dir = IO_OUT;
	ev.u.io.count = 1;
	return ev;
}

static const char *serial_line(size_t i)
{
	static char buf[256];
	scrollback_line_text(&t.serial, i, buf, sizeof(buf));
	return buf;
}

static void test_events(struct seam *s)
{
	push(s, uart(0, "Hello, "));
	push(s, uart(0, "KVM!\n\033[2J"));
	for (uint64_t i = 1; i <= 13; i++)
		push(s, io_exit(0, i));
	struct event st = { .kind = EVENT_STATE, .generation = 0 };
	st.u.state.state = VCPU_HALTED;
	push(s, st);
	t.dirty = false;
	CHECK_EQ(intake_drain(&t, 1000), 16);
	CHECK(t.dirty);
	CHECK_STR(serial_line(0), "Hello, KVM!");
	CHECK_STR(serial_line(1), "^[[2J");
	CHECK_EQ(exit_history_count(&t.exits), 13);
	CHECK_EQ(exit_history_at(&t.exits, 12)->seq, 13);
	CHECK_EQ(t.state, VCPU_HALTED);
	CHECK_EQ(intake_drain(&t, 1000), 0);
}

static struct event state_event(uint32_t gen, enum vcpu_state state)
{
	struct event ev = { .kind = EVENT_STATE, .generation = gen };
	ev.u.state.state = state;
	return ev;
}

/* One source of truth: the ring. The control word may already say HALTED
 * while the ring still holds the RUNNING record and exits before it; the
 * UI must go RUNNING, then HALTED, never back. */
static void test_state_from_the_ring(struct seam *s)
{
	control_set_state(&s->control, VCPU_HALTED);
	push(s, state_event(0, VCPU_RUNNING));
	push(s, io_exit(0, 1));
	intake_control(&t);
	CHECK_EQ(t.state, VCPU_HALTED); /* as test_events left it: the word is not read */
	CHECK_EQ(intake_drain(&t, 1), 1);
	CHECK_EQ(t.state, VCPU_RUNNING);
	intake_control(&t);
	CHECK_EQ(t.state, VCPU_RUNNING);
	push(s, state_event(0, VCPU_HALTED));
	CHECK_EQ(intake_drain(&t, 1000), 2);
	CHECK_EQ(t.state, VCPU_HALTED);
	intake_control(&t);
	CHECK_EQ(t.state, VCPU_HALTED);
}

static void test_budget(struct seam *s)
{
	for (uint64_t i = 14; i < 14 + 600; i++)
		push(s, io_exit(0, i));
	CHECK_EQ(intake_drain(&t, 500), 500); /* keys get their turn */
	CHECK_EQ(intake_drain(&t, 500), 100);
}

static void test_generation(struct seam *s)
{
	push(s, io_exit(1, 1));
	push(s, uart(1, "fresh"));
	intake_drain(&t, 100);
	CHECK_EQ(t.generation, 1);
	CHECK_EQ(exit_history_count(&t.exits), 1);
	CHECK_STR(serial_line(0), "fresh");
	CHECK_EQ(scrollback_lines(&t.serial), 1);
	/* a straggler of the old VM is ignored */
	push(s, uart(0, "stale"));
	intake_drain(&t, 100);
	CHECK_STR(serial_line(0), "fresh");
}

static struct event port_out(uint32_t gen, uint64_t seq, uint16_t port, uint8_t value)
{
	struct event ev = io_exit(gen, seq);
	ev.u.io.port = port;
	ev.u.io.data[0] = value;
	return ev;
}

/* Interrupts join the exit log in ring order and are counted per line; the
 * decoder sees both, so an EOI says which IRQ it ends; a new generation
 * starts the counts and the decoder over. */
static void test_interrupts(struct seam *s)
{
	struct event irq = { .kind = EVENT_IRQ, .generation = 2, .seq = 1 };
	irq.u.irq.vector = 0x08;
	push(s, port_out(2, 1, 0x43, 0x34));
	push(s, irq);
	push(s, port_out(2, 2, 0x20, 0x20));
	intake_drain(&t, 100);
	CHECK_EQ(t.generation, 2);
	CHECK_EQ(exit_history_count(&t.exits), 3);
	uint64_t first = t.exits.begin;
	CHECK_EQ(exit_history_at(&t.exits, first + 1)->kind, EVENT_IRQ);
	CHECK_STR(exit_history_decode(&t.exits, first), "PIT control: ch0 lo/hi mode 2 binary");
	CHECK_STR(exit_history_decode(&t.exits, first + 1), "");
	CHECK_STR(exit_history_decode(&t.exits, first + 2), "PIC1 OCW2 EOI (ends IRQ0)");
	CHECK_EQ(t.irqs.total, 1);
	CHECK_EQ(t.irqs.by_line[0], 1);
	tui_state_new_generation(&t, 3);
	CHECK_EQ(t.irqs.total, 0);
	push(s, port_out(3, 1, 0x20, 0x20));
	intake_drain(&t, 100);
	CHECK_STR(exit_history_decode(&t.exits, t.exits.begin), "PIC1 OCW2 EOI (nothing in service)");
}

static void test_regs(struct seam *s)
{
	struct cpu_state cpu;
	memset(&cpu, 0, sizeof(cpu));
	cpu.valid = 1;
	cpu.generation = 1;
	cpu.rip = 0x7c00;
	snapshot_publish(&s->regs, &cpu);
	intake_poll(&t, seam_now_ns());
	CHECK_EQ(t.regs.cpu.rip, 0x7c00);
	CHECK_EQ(t.regs.changed, 0);
	cpu.rip = 0x7c01;
	cpu.gpr[GPR_RAX] = 5;
	snapshot_publish(&s->regs, &cpu);
	intake_poll(&t, seam_now_ns());
	CHECK_EQ(t.regs.changed, (1ull << 0) | (1ull << 16)); /* RAX, RIP */
	/* marks gather until a frame shows them */
	cpu.gpr[GPR_RBX] = 1;
	snapshot_publish(&s->regs, &cpu);
	intake_poll(&t, seam_now_ns());
	CHECK_EQ(t.regs.changed, (1ull << 0) | (1ull << 1) | (1ull << 16));
	intake_regs_drawn(&t);
	cpu.gpr[GPR_RCX] = 1;
	snapshot_publish(&s->regs, &cpu);
	intake_poll(&t, seam_now_ns());
	CHECK_EQ(t.regs.changed, 1ull << 2);
}

static void test_commands(struct seam *s)
{
	t.state = VCPU_RUNNING;
	atomic_store(&s->control.pending, 0);
	commands_key(&t, 'p');
	CHECK_EQ(atomic_load(&s->control.pending), CTRL_PAUSE);
	atomic_store(&s->control.pending, 0);
	t.state = VCPU_PAUSED;
	commands_key(&t, ' ');
	CHECK_EQ(atomic_load(&s->control.pending), CTRL_RESUME);
	atomic_store(&s->control.pending, 0);
	commands_key(&t, '-');
	CHECK_EQ(atomic_load(&s->control.rate_limit), 10000);
	commands_key(&t, '+');
	CHECK_EQ(atomic_load(&s->control.rate_limit), 0);
	/* a stopped guest: p does nothing but say why */
	atomic_store(&s->control.pending, 0);
	t.state = VCPU_HALTED;
	commands_key(&t, 'p');
	CHECK_EQ(atomic_load(&s->control.pending) & CTRL_PAUSE, 0);
	CHECK_CONTAINS(t.message, "R resets it");

	/* zoom and back; zooming the console keeps the focus out of it */
	t.focus = PANE_EXITS;
	commands_key(&t, '1');
	CHECK_EQ(t.zoom, PANE_SERIAL);
	CHECK_EQ(t.focus, PANE_EXITS);
	commands_key(&t, '1');
	CHECK_EQ(t.zoom, PANE_COUNT);
	commands_key(&t, '2');
	CHECK_EQ(t.focus, PANE_REGS);
	commands_key(&t, 0x1b);
	CHECK_EQ(t.zoom, PANE_COUNT);
}

static void test_serial_typing(struct seam *s)
{
	layout_compute(&t.layout, 80, 24, PANE_COUNT, 12);
	t.focus = PANE_SERIAL;
	commands_key(&t, 'q'); /* to the guest, not a quit */
	commands_key(&t, '\r');
	commands_key(&t, UK_CTRL('a'));
	commands_key(&t, UK_CTRL('a'));
	CHECK(!t.quit);
	uint8_t b;
	CHECK(input_queue_take(&s->input, &b) && b == 'q');
	CHECK(input_queue_take(&s->input, &b) && b == '\r');
	CHECK(input_queue_take(&s->input, &b) && b == 1);
	CHECK(!input_queue_take(&s->input, &b));

	/* a full queue keeps the rest pending in the UI: nothing is dropped */
	uint8_t fill[INPUT_QUEUE_SIZE];
	memset(fill, 'x', sizeof(fill));
	CHECK_EQ(input_queue_offer(&s->input, fill, sizeof(fill)), INPUT_QUEUE_SIZE);
	commands_key(&t, 'A');
	commands_key(&t, 'B');
	CHECK_EQ(guest_input_pending(&t.input), 2);
	for (size_t i = 0; i < INPUT_QUEUE_SIZE; i++)
		input_queue_take(&s->input, &b);
	CHECK_EQ(guest_input_flush(&t.input, s), 0);
	CHECK(input_queue_take(&s->input, &b) && b == 'A');
	CHECK(input_queue_take(&s->input, &b) && b == 'B');

	commands_key(&t, UK_CTRL('a'));
	commands_key(&t, '\t');
	CHECK(t.focus != PANE_SERIAL);
	t.focus = PANE_SERIAL;
	commands_key(&t, UK_CTRL('a'));
	commands_key(&t, 'x');
	CHECK(t.quit);
}

/* K sends what is typed to the 8042's queue as keys, and back; bytes
 * typed before the switch stay where they were typed. */
static void test_keys_to_8042(struct seam *s)
{
	layout_compute(&t.layout, 80, 24, PANE_COUNT, 12);
	t.quit = false;
	t.focus = PANE_EXITS;
	CHECK_EQ(t.console.target, INPUT_TO_UART);
	commands_key(&t, 'K');
	CHECK_EQ(t.console.target, INPUT_TO_KBC);
	CHECK_CONTAINS(t.message, "8042");
	t.focus = PANE_SERIAL;
	commands_key(&t, 'a');
	commands_key(&t, UK_UP);
	commands_key(&t, '\r');
	uint8_t b, want[] = { 'a', 0xee, 0x80, 0x80, '\r' }; /* Up is U+E000 */
	for (size_t i = 0; i < sizeof(want); i++)
		CHECK(input_queue_take(&s->keyboard, &b) && b == want[i]);
	CHECK(!input_queue_take(&s->keyboard, &b));
	CHECK(!input_queue_take(&s->input, &b)); /* nothing went to COM1 */
	/* Ctrl-A K from the console switches back. */
	commands_key(&t, UK_CTRL('a'));
	commands_key(&t, 'K');
	CHECK_EQ(t.console.target, INPUT_TO_UART);
	commands_key(&t, UK_UP);
	CHECK_EQ(input_queue_count(&s->input), 3); /* ESC [ A */
	CHECK_EQ(input_queue_count(&s->keyboard), 0);
	input_queue_clear(&s->input);
	CHECK(!t.quit);
}

static void test_log_navigation(struct seam *s)
{
	(void)s;
	exit_history_clear(&t.exits);
	for (uint64_t i = 1; i <= 50; i++) {
		struct event ev = io_exit(t.generation, i);
		intake_apply(&t, &ev);
	}
	t.focus = PANE_EXITS;
	t.exit_view = (struct tui_exit_view){ .follow = true };
	commands_key(&t, UK_UP);
	CHECK(!t.exit_view.follow);
	CHECK_EQ(t.exit_view.selected, 49);
	commands_key(&t, UK_UP);
	CHECK_EQ(t.exit_view.selected, 48);
	commands_key(&t, UK_HOME);
	CHECK_EQ(t.exit_view.selected, 0);
	commands_key(&t, UK_UP);
	CHECK_EQ(t.exit_view.selected, 0);
	commands_key(&t, '\r');
	CHECK(t.exit_view.detail_open);
	commands_key(&t, UK_DOWN);
	CHECK_EQ(t.exit_view.selected, 1);
	commands_key(&t, 0x1b);
	CHECK(!t.exit_view.detail_open);
	commands_key(&t, UK_END);
	CHECK(t.exit_view.follow);
}

int main(void)
{
	struct seam *s = seam_create(1024);
	CHECK(s != NULL);
	static const struct tui_config cfg = { .guest_name = "test" };
	CHECK_EQ(tui_state_init(&t, s, &cfg), 0);
	test_events(s);
	test_state_from_the_ring(s);
	test_budget(s);
	test_generation(s);
	test_interrupts(s);
	test_regs(s);
	test_commands(s);
	test_serial_typing(s);
	test_keys_to_8042(s);
	test_log_navigation(s);
	tui_state_free(&t);
	seam_destroy(s);
	return check_done();
}

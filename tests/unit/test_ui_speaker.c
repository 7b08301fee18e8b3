/* SPDX-License-Identifier: MIT */
/* test_ui_speaker.c - the speaker's note in the status bar: the port
 * accesses come through a real seam into the UI's decoder; the label is
 * "♪ 440.0 Hz" or, without UTF-8, "spk 440.0 Hz"; silent, stopped and
 * reset machines show nothing. */
#include "check.h"
#include "intake.h"
#include "speaker_label.h"
#include "tui_state.h"

static struct tui t;
static uint64_t seq;

static void out(struct seam *s, uint32_t gen, uint16_t port, uint8_t value)
{
	struct event ev = { .kind = EVENT_EXIT, .reason = EXIT_IO, .generation = gen, .seq = ++seq };
	ev.u.io.port = port;
	ev.u.io.size = 1;
	ev.u.io.dir = IO_OUT;
	ev.u.io.count = 1;
	ev.u.io.data[0] = value;
	CHECK(ring_try_push(&s->ring, &ev));
}

static void state(struct seam *s, uint32_t gen, enum vcpu_state st)
{
	struct event ev = { .kind = EVENT_STATE, .generation = gen };
	ev.u.state.state = st;
	CHECK(ring_try_push(&s->ring, &ev));
}

static const char *label(bool utf8, int *cols)
{
	static char buf[SPEAKER_LABEL_MAX];
	intake_drain(&t, 1000);
	*cols = speaker_label(&t, utf8, buf, sizeof(buf));
	return buf;
}

/* Channel 2, lo/hi, mode 3, count 2712 (440.0 Hz), then gate and data on. */
static void a4(struct seam *s, uint32_t gen)
{
	out(s, gen, 0x43, 0xb6);
	out(s, gen, 0x42, 2712 & 0xff);
	out(s, gen, 0x42, 2712 >> 8);
	out(s, gen, 0x61, 0x03);
}

static void test_labels(struct seam *s)
{
	int cols = -1;
	state(s, 0, VCPU_RUNNING);
	CHECK_STR(label(true, &cols), "");
	CHECK_EQ(cols, 0);
	a4(s, 0);
	CHECK_STR(label(true, &cols), "\u266a 440.0 Hz");
	CHECK_EQ(cols, 10); /* the note is one column, three bytes */
	CHECK_STR(label(false, &cols), "spk 440.0 Hz");
	CHECK_EQ(cols, 12);
	/* Paused, the note the guest set up stays. */
	state(s, 0, VCPU_PAUSED);
	CHECK_STR(label(false, &cols), "spk 440.0 Hz");
	/* A buffer too small for it: nothing rather than half a note. */
	char small[6];
	CHECK_EQ(speaker_label(&t, true, small, sizeof(small)), 0);
	CHECK_STR(small, "");
	out(s, 0, 0x61, 0x01);
	CHECK_STR(label(true, &cols), "");
	CHECK_EQ(cols, 0);
}

static void test_stopped_and_reset(struct seam *s)
{
	int cols;
	state(s, 0, VCPU_RUNNING);
	a4(s, 0);
	CHECK_STR(label(false, &cols), "spk 440.0 Hz");
	/* A halted machine sounds no more, whatever port 61h last said. */
	state(s, 0, VCPU_HALTED);
	CHECK_STR(label(false, &cols), "");
	/* A reset seen through the control word: silent before the new VM's
	 * first record. */
	state(s, 0, VCPU_RUNNING);
	CHECK_STR(label(false, &cols), "spk 440.0 Hz");
	tui_state_new_generation(&t, 1);
	CHECK_STR(label(false, &cols), "");
	a4(s, 1);
	CHECK_STR(label(false, &cols), "spk 440.0 Hz");
}

int main(void)
{
	struct seam *s = seam_create(1024);
	CHECK(s != NULL);
	static const struct tui_config cfg = { .guest_name = "speaker" };
	CHECK_EQ(tui_state_init(&t, s, &cfg), 0);
	test_labels(s);
	test_stopped_and_reset(s);
	tui_state_free(&t);
	seam_destroy(s);
	return check_done();
}

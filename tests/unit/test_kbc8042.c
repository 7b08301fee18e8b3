/* SPDX-License-Identifier: MIT */
/* test_kbc8042.c - the 8042, its PS/2 keyboard and port 0x92 as a guest
 * driver sees them, and the scan codes a user's keys become. */
#include "check.h"
#include "kbc8042.h"

/* A fake VMM: the IRQ 1 line, the A20 gate and reset requests. */
struct vmm {
	bool irq;
	int irq_changes, irq_rises;
	bool a20;
	int a20_calls, resets;
};

static void vmm_irq(void *ctx, bool level)
{
	struct vmm *v = ctx;
	v->irq = level;
	v->irq_changes++;
	if (level)
		v->irq_rises++;
}

static void vmm_a20(void *ctx, bool on)
{
	struct vmm *v = ctx;
	v->a20 = on;
	v->a20_calls++;
}

static void vmm_reset(void *ctx)
{
	struct vmm *v = ctx;
	v->resets++;
}

static void setup(struct kbc8042 *k, struct vmm *v)
{
	struct kbc_callbacks cb = { vmm_irq, vmm_a20, vmm_reset, v };

	memset(v, 0, sizeof(*v));
	v->a20 = true;
	memset(k, 0xa5, sizeof(*k)); /* garbage: init must set everything */
	kbc_init(k, &cb);
}

/* Through the ports, as a guest does it. */
static uint8_t status(struct kbc8042 *k)
{
	return (uint8_t)kbc_cmd_pio_read(k, 0, 1);
}

static uint8_t data(struct kbc8042 *k)
{
	return (uint8_t)kbc_data_pio_read(k, 0, 1);
}

static void command(struct kbc8042 *k, uint8_t cmd)
{
	kbc_cmd_pio_write(k, 0, 1, cmd);
}

static void send(struct kbc8042 *k, uint8_t byte)
{
	kbc_data_pio_write(k, 0, 1, byte);
}

/* Everything the guest can read now, as a driver's polling loop would. */
static int drain(struct kbc8042 *k, uint8_t *out, int max)
{
	int n = 0;

	while ((status(k) & KBC_STAT_OBF) && n < max)
		out[n++] = data(k);
	return n;
}

#define CHECK_BYTES(k, ...)                                                     \
	do {                                                                    \
		const uint8_t want_[] = { __VA_ARGS__ };                        \
		uint8_t got_[64];                                               \
		int n_ = drain(k, got_, 64);                                    \
		CHECK_EQ(n_, (int)sizeof(want_));                               \
		for (int i_ = 0; i_ < n_ && i_ < (int)sizeof(want_); i_++)      \
			CHECK_EQ(got_[i_], want_[i_]);                          \
	} while (0)

static uint8_t read_command_byte(struct kbc8042 *k)
{
	command(k, 0x20);
	return data(k);
}

static void write_command_byte(struct kbc8042 *k, uint8_t value)
{
	command(k, 0x60);
	send(k, value);
}

static void test_power_on(void)
{
	struct kbc8042 k;
	struct vmm v;

	setup(&k, &v);
	CHECK_EQ(status(&k), 0x14); /* SYS, not inhibited, empty */
	CHECK(kbc_a20(&k));
	CHECK_EQ(v.a20_calls, 0);
	CHECK_EQ(v.resets, 0);
	CHECK_EQ(v.irq_changes, 0);
	CHECK(!kbc_irq_line(&k));
	CHECK_EQ(kbc_queue_space(&k), KBC_QUEUE_SIZE);

	/* 0x20: the reply fills the output buffer; CMD says 0x64 was last. */
	command(&k, 0x20);
	CHECK_EQ(status(&k), 0x1d);
	CHECK(kbc_irq_line(&k));
	CHECK_EQ(data(&k), 0x65);
	CHECK_EQ(status(&k), 0x1c);
	CHECK(!kbc_irq_line(&k));
	/* An empty buffer reads its last byte again. */
	CHECK_EQ(data(&k), 0x65);
	CHECK_EQ(status(&k), 0x1c);
	/* A data write clears CMD. */
	send(&k, 0xf4);
	CHECK_EQ(status(&k), 0x15);
	CHECK_EQ(data(&k), 0xfa);
	CHECK_EQ(kbc_read_port92(&k), 0x02);
}

static void test_command_byte(void)
{
	struct kbc8042 k;
	struct vmm v;

	setup(&k, &v);
	write_command_byte(&k, 0x00);
	CHECK_EQ(kbc_command_byte(&k), 0x00);
	CHECK_EQ(status(&k), 0x10); /* SYS follows command byte bit 2 */
	CHECK_EQ(read_command_byte(&k), 0x00);
	write_command_byte(&k, 0x47);
	CHECK_EQ(read_command_byte(&k), 0x47);
	CHECK_EQ(status(&k) & KBC_STAT_SYS, KBC_STAT_SYS);
	/* The rest of the internal RAM: 0x21-0x3f read, 0x61-0x7f write. */
	command(&k, 0x7f);
	send(&k, 0x5a);
	command(&k, 0x3f);
	CHECK_EQ(data(&k), 0x5a);
	CHECK_EQ(read_command_byte(&k), 0x47);
	/* A command waiting for data is dropped by a new command. */
	command(&k, 0x60);
	command(&k, 0xae);
	send(&k, 0xee);            /* goes to the keyboard: echo */
	CHECK_BYTES(&k, 0xee);
	CHECK_EQ(read_command_byte(&k), 0x47);
}

static void test_tests_and_enables(void)
{
	struct kbc8042 k;
	struct vmm v;

	setup(&k, &v);
	write_command_byte(&k, 0x61);
	CHECK_EQ(status(&k) & KBC_STAT_SYS, 0);
	command(&k, 0xaa);
	CHECK_BYTES(&k, 0x55);
	CHECK_EQ(status(&k) & KBC_STAT_SYS, KBC_STAT_SYS); /* self test sets it */
	command(&k, 0xab);
	CHECK_BYTES(&k, 0x00);

	command(&k, 0xad);
	CHECK_EQ(read_command_byte(&k), 0x75);
	command(&k, 0xae);
	CHECK_EQ(read_command_byte(&k), 0x65);
	command(&k, 0xa8);
	CHECK_EQ(read_command_byte(&k), 0x45);
	command(&k, 0xa7);
	CHECK_EQ(read_command_byte(&k), 0x65);
	CHECK_EQ(v.resets, 0);
	CHECK_EQ(v.a20_calls, 0);
}

static void test_output_port(void)
{
	struct kbc8042 k;
	struct vmm v;

	setup(&k, &v);
	command(&k, 0xd0);
	CHECK_BYTES(&k, 0xc3);
	/* A20 off through the output port; bit 0 high: no reset. */
	command(&k, 0xd1);
	CHECK_EQ(status(&k) & KBC_STAT_CMD, KBC_STAT_CMD);
	send(&k, 0xc1);
	CHECK(!kbc_a20(&k));
	CHECK_EQ(v.a20_calls, 1);
	CHECK(!v.a20);
	CHECK_EQ(v.resets, 0);
	command(&k, 0xd0);
	CHECK_BYTES(&k, 0xc1);
	CHECK_EQ(kbc_read_port92(&k), 0x00);
	command(&k, 0xd1);
	send(&k, 0xc3);
	CHECK(v.a20);
	CHECK_EQ(v.a20_calls, 2);
	/* Bit 0 low pulses reset; it reads back high. */
	command(&k, 0xd1);
	send(&k, 0xc2);
	CHECK_EQ(v.resets, 1);
	CHECK_EQ(v.a20_calls, 2); /* A20 did not change */
	command(&k, 0xd0);
	CHECK_BYTES(&k, 0xc3);
	/* Bits 4/5 show the output buffer, whatever was written to them. */
	command(&k, 0xd1);
	send(&k, 0xf3);
	command(&k, 0xd0);
	CHECK_BYTES(&k, 0xc3);
	kbc_key(&k, 'a');
	command(&k, 0xd0);
	CHECK_BYTES(&k, 0x1e, 0xc3 | KBC_OUT_KBD_OBF, 0x9e);
}

static void test_a20_and_reset_commands(void)
{
	struct kbc8042 k;
	struct vmm v;

	setup(&k, &v);
	command(&k, 0xdd);
	CHECK(!kbc_a20(&k));
	CHECK(!v.a20);
	CHECK_EQ(v.a20_calls, 1);
	command(&k, 0xdd);
	CHECK_EQ(v.a20_calls, 1); /* told of changes only */
	command(&k, 0xdf);
	CHECK(v.a20);
	CHECK_EQ(v.a20_calls, 2);
	CHECK_EQ(status(&k) & KBC_STAT_OBF, 0); /* no reply */

	command(&k, 0xfe);
	CHECK_EQ(v.resets, 1);
	command(&k, 0xff); /* pulses nothing */
	CHECK_EQ(v.resets, 1);
	command(&k, 0xf0); /* every even 0xf0-0xfe pulses bit 0 */
	CHECK_EQ(v.resets, 2);
	command(&k, 0xf1);
	command(&k, 0xfd);
	CHECK_EQ(v.resets, 2);
	command(&k, 0xfc);
	CHECK_EQ(v.resets, 3);
	CHECK_EQ(status(&k) & KBC_STAT_OBF, 0);
}

static void test_port92(void)
{
	struct kbc8042 k;
	struct vmm v;

	setup(&k, &v);
	CHECK_EQ(kbc_port92_pio_read(&k, 0, 1), 0x02);
	kbc_port92_pio_write(&k, 0, 1, 0x00);
	CHECK(!v.a20);
	CHECK_EQ(v.a20_calls, 1);
	CHECK_EQ(kbc_port92_pio_read(&k, 0, 1), 0x00);
	command(&k, 0xd0);
	CHECK_BYTES(&k, 0xc1); /* one gate: the output port sees it too */
	kbc_port92_pio_write(&k, 0, 1, 0x02);
	CHECK(v.a20);
	CHECK_EQ(v.a20_calls, 2);
	/* Bit 0: reset on its rising edge only. */
	kbc_port92_pio_write(&k, 0, 1, 0x03);
	CHECK_EQ(v.resets, 1);
	CHECK_EQ(v.a20_calls, 2);
	kbc_port92_pio_write(&k, 0, 1, 0x03);
	CHECK_EQ(v.resets, 1);
	kbc_port92_pio_write(&k, 0, 1, 0x02);
	kbc_port92_pio_write(&k, 0, 1, 0x03);
	CHECK_EQ(v.resets, 2);
	/* Other bits are kept; 0xdd is seen through port 0x92. */
	kbc_port92_pio_write(&k, 0, 2, 0x120a);
	CHECK_EQ(kbc_port92_pio_read(&k, 0, 1), 0x0a);
	command(&k, 0xdd);
	CHECK_EQ(kbc_port92_pio_read(&k, 0, 1), 0x08);
	CHECK_EQ(v.a20_calls, 3);
}

static void test_keyboard_replies(void)
{
	struct kbc8042 k;
	struct vmm v;

	setup(&k, &v);
	send(&k, 0xff);
	CHECK_BYTES(&k, 0xfa, 0xaa);
	send(&k, 0xf4);
	CHECK_BYTES(&k, 0xfa);
	send(&k, 0xf5);
	CHECK_BYTES(&k, 0xfa);
	CHECK(!k.kbd.scanning);
	send(&k, 0xf4);
	CHECK_BYTES(&k, 0xfa);
	CHECK(k.kbd.scanning);
	send(&k, 0xed);
	CHECK_BYTES(&k, 0xfa);
	send(&k, 0x07);
	CHECK_BYTES(&k, 0xfa);
	CHECK_EQ(k.kbd.leds, 0x07);
	/* Scan code set: 0 asks (set 2 by default), 1-3 choose. */
	send(&k, 0xf0);
	send(&k, 0x00);
	CHECK_BYTES(&k, 0xfa, 0xfa, 0x02);
	send(&k, 0xf0);
	send(&k, 0x01);
	send(&k, 0xf0);
	send(&k, 0x00);
	CHECK_BYTES(&k, 0xfa, 0xfa, 0xfa, 0xfa, 0x01);
	send(&k, 0xf2);
	CHECK_BYTES(&k, 0xfa, 0xab, 0x83);
	send(&k, 0xee);
	CHECK_BYTES(&k, 0xee);
	send(&k, 0xf3);
	send(&k, 0x20);
	CHECK_BYTES(&k, 0xfa, 0xfa);
	CHECK_EQ(k.kbd.typematic, 0x20);
	/* Defaults: set 2 and the rate again, LEDs kept. */
	send(&k, 0xf6);
	CHECK_BYTES(&k, 0xfa);
	CHECK_EQ(k.kbd.set, 2);
	CHECK_EQ(k.kbd.typematic, 0x2b);
	CHECK_EQ(k.kbd.leds, 0x07);
	/* Anything else is acknowledged. */
	send(&k, 0xf7);
	send(&k, 0xfe);
	send(&k, 0x42);
	CHECK_BYTES(&k, 0xfa, 0xfa, 0xfa);
	/* A command where a parameter was expected is a command. */
	send(&k, 0xed);
	send(&k, 0xf2);
	CHECK_BYTES(&k, 0xfa, 0xfa, 0xab, 0x83);
	CHECK_EQ(k.kbd.leds, 0x07);
	/* Reset: LEDs off, BAT passed. */
	send(&k, 0xff);
	CHECK_BYTES(&k, 0xfa, 0xaa);
	CHECK_EQ(k.kbd.leds, 0);
}

#define CHECK_KEY(key, caps, ...)                                               \
	do {                                                                    \
		const uint8_t want_[] = { __VA_ARGS__ };                        \
		uint8_t got_[KBC_KEY_MAX_BYTES];                                \
		size_t n_ = kbc_key_scancodes(key, caps, got_);                 \
		CHECK_EQ(n_, sizeof(want_));                                    \
		for (size_t i_ = 0; i_ < n_ && i_ < sizeof(want_); i_++)        \
			CHECK_EQ(got_[i_], want_[i_]);                          \
	} while (0)

static void test_scancodes(void)
{
	uint8_t out[KBC_KEY_MAX_BYTES];

	/* letters */
	CHECK_KEY('a', false, 0x1e, 0x9e);
	CHECK_KEY('q', false, 0x10, 0x90);
	CHECK_KEY('m', false, 0x32, 0xb2);
	CHECK_KEY('z', false, 0x2c, 0xac);
	CHECK_KEY('A', false, 0x2a, 0x1e, 0x9e, 0xaa);
	CHECK_KEY('a' | KBC_MOD_SHIFT, false, 0x2a, 0x1e, 0x9e, 0xaa);
	/* digits and unshifted symbols */
	CHECK_KEY('1', false, 0x02, 0x82);
	CHECK_KEY('9', false, 0x0a, 0x8a);
	CHECK_KEY('0', false, 0x0b, 0x8b);
	CHECK_KEY(' ', false, 0x39, 0xb9);
	CHECK_KEY(';', false, 0x27, 0xa7);
	CHECK_KEY('/', false, 0x35, 0xb5);
	CHECK_KEY('\\', false, 0x2b, 0xab);
	CHECK_KEY('`', false, 0x29, 0xa9);
	/* shifted symbols */
	CHECK_KEY('!', false, 0x2a, 0x02, 0x82, 0xaa);
	CHECK_KEY('@', false, 0x2a, 0x03, 0x83, 0xaa);
	CHECK_KEY(')', false, 0x2a, 0x0b, 0x8b, 0xaa);
	CHECK_KEY('_', false, 0x2a, 0x0c, 0x8c, 0xaa);
	CHECK_KEY('+', false, 0x2a, 0x0d, 0x8d, 0xaa);
	CHECK_KEY(':', false, 0x2a, 0x27, 0xa7, 0xaa);
	CHECK_KEY('"', false, 0x2a, 0x28, 0xa8, 0xaa);
	CHECK_KEY('?', false, 0x2a, 0x35, 0xb5, 0xaa);
	CHECK_KEY('{', false, 0x2a, 0x1a, 0x9a, 0xaa);
	CHECK_KEY('|', false, 0x2a, 0x2b, 0xab, 0xaa);
	CHECK_KEY('~', false, 0x2a, 0x29, 0xa9, 0xaa);
	/* special keys, and what a terminal sends for them */
	CHECK_KEY(KBC_KEY_ENTER, false, 0x1c, 0x9c);
	CHECK_KEY('\r', false, 0x1c, 0x9c);
	CHECK_KEY('\n', false, 0x1c, 0x9c);
	CHECK_KEY(KBC_KEY_BACKSPACE, false, 0x0e, 0x8e);
	CHECK_KEY(0x7f, false, 0x0e, 0x8e);
	CHECK_KEY(0x08, false, 0x0e, 0x8e);
	CHECK_KEY(KBC_KEY_ESC, false, 0x01, 0x81);
	CHECK_KEY(0x1b, false, 0x01, 0x81);
	CHECK_KEY(KBC_KEY_TAB, false, 0x0f, 0x8f);
	CHECK_KEY('\t', false, 0x0f, 0x8f);
	CHECK_KEY(KBC_KEY_UP, false, 0xe0, 0x48, 0xe0, 0xc8);
	CHECK_KEY(KBC_KEY_DOWN, false, 0xe0, 0x50, 0xe0, 0xd0);
	CHECK_KEY(KBC_KEY_LEFT, false, 0xe0, 0x4b, 0xe0, 0xcb);
	CHECK_KEY(KBC_KEY_RIGHT, false, 0xe0, 0x4d, 0xe0, 0xcd);
	CHECK_KEY(KBC_KEY_HOME, false, 0xe0, 0x47, 0xe0, 0xc7);
	CHECK_KEY(KBC_KEY_END, false, 0xe0, 0x4f, 0xe0, 0xcf);
	CHECK_KEY(KBC_KEY_PAGE_UP, false, 0xe0, 0x49, 0xe0, 0xc9);
	CHECK_KEY(KBC_KEY_PAGE_DOWN, false, 0xe0, 0x51, 0xe0, 0xd1);
	CHECK_KEY(KBC_KEY_INSERT, false, 0xe0, 0x52, 0xe0, 0xd2);
	CHECK_KEY(KBC_KEY_DELETE, false, 0xe0, 0x53, 0xe0, 0xd3);
	CHECK_KEY(KBC_KEY_F1, false, 0x3b, 0xbb);
	CHECK_KEY(KBC_KEY_F5, false, 0x3f, 0xbf);
	CHECK_KEY(KBC_KEY_F10, false, 0x44, 0xc4);
	CHECK_KEY(KBC_KEY_F11, false, 0x57, 0xd7);
	CHECK_KEY(KBC_KEY_F12, false, 0x58, 0xd8);
	/* Ctrl, Alt, Shift combinations: pressed first, released last */
	CHECK_KEY(0x03, false, 0x1d, 0x2e, 0xae, 0x9d); /* Ctrl+C from a terminal */
	CHECK_KEY('c' | KBC_MOD_CTRL, false, 0x1d, 0x2e, 0xae, 0x9d);
	CHECK_KEY(0x1a, false, 0x1d, 0x2c, 0xac, 0x9d); /* Ctrl+Z */
	CHECK_KEY(0x1d, false, 0x1d, 0x1b, 0x9b, 0x9d); /* Ctrl+] */
	CHECK_KEY(0x00, false, 0x1d, 0x2a, 0x03, 0x83, 0xaa, 0x9d); /* Ctrl+@ */
	CHECK_KEY('x' | KBC_MOD_ALT, false, 0x38, 0x2d, 0xad, 0xb8);
	CHECK_KEY('A' | KBC_MOD_CTRL, false, 0x1d, 0x2a, 0x1e, 0x9e, 0xaa, 0x9d);
	CHECK_KEY(KBC_KEY_TAB | KBC_MOD_SHIFT, false, 0x2a, 0x0f, 0x8f, 0xaa);
	CHECK_KEY(KBC_KEY_DELETE | KBC_MOD_CTRL | KBC_MOD_ALT, false,
		  0x1d, 0x38, 0xe0, 0x53, 0xe0, 0xd3, 0xb8, 0x9d);
	CHECK_KEY(KBC_KEY_F4 | KBC_MOD_ALT, false, 0x38, 0x3e, 0xbe, 0xb8);
	CHECK_KEY(KBC_KEY_UP | KBC_MOD_CTRL | KBC_MOD_ALT | KBC_MOD_SHIFT, false,
		  0x1d, 0x38, 0x2a, 0xe0, 0x48, 0xe0, 0xc8, 0xaa, 0xb8, 0x9d);
	/* The guest's Caps Lock: letters need Shift inverted, others not */
	CHECK_KEY('a', true, 0x2a, 0x1e, 0x9e, 0xaa);
	CHECK_KEY('A', true, 0x1e, 0x9e);
	CHECK_KEY('1', true, 0x02, 0x82);
	CHECK_KEY('!', true, 0x2a, 0x02, 0x82, 0xaa);
	CHECK_KEY('c' | KBC_MOD_CTRL, true, 0x1d, 0x2e, 0xae, 0x9d);
	/* Keys a US keyboard does not have */
	CHECK_EQ(kbc_key_scancodes(0xe9, false, out), 0);   /* é */
	CHECK_EQ(kbc_key_scancodes(0x2603, false, out), 0); /* ☃ */
	CHECK_EQ(kbc_key_scancodes(KBC_KEY_LAST + 1, false, out), 0);
	CHECK_EQ(kbc_key_scancodes(0x80, false, out), 0);
	/* Every printable ASCII character has a key */
	int missing = 0;
	for (uint32_t c = 0x20; c < 0x7f; c++)
		if (kbc_key_scancodes(c, false, out) == 0)
			missing++;
	CHECK_EQ(missing, 0);
}

static void test_scan_tables(void)
{
	CHECK_STR(kbc_scan_name(0x1e, false), "a");
	CHECK_STR(kbc_scan_name(0x1c, false), "Enter");
	CHECK_STR(kbc_scan_name(0x1c, true), "Keypad Enter");
	CHECK_STR(kbc_scan_name(0x48, false), "Keypad 8");
	CHECK_STR(kbc_scan_name(0x48, true), "Up");
	CHECK_STR(kbc_scan_name(0x58, false), "F12");
	CHECK(kbc_scan_name(0x55, false) == NULL);
	CHECK(kbc_scan_name(0x7f, false) == NULL);
	CHECK(kbc_scan_name(0x1e, true) == NULL);
	CHECK_EQ(kbc_set2_code(0x1e), 0x1c); /* a */
	CHECK_EQ(kbc_set2_code(0x01), 0x76); /* Esc */
	CHECK_EQ(kbc_set2_code(0x41), 0x83); /* F7, the odd one out */
	CHECK_EQ(kbc_set2_code(0x48), 0x75); /* Keypad 8, and Up after 0xe0 */
	CHECK_EQ(kbc_set2_code(0x58), 0x07); /* F12 */
	CHECK_EQ(kbc_set2_code(0x5b), 0x1f); /* Left Windows */
	CHECK_EQ(kbc_set2_code(0x80), 0);
}

static void test_keys_through_controller(void)
{
	struct kbc8042 k;
	struct vmm v;

	setup(&k, &v);
	CHECK(kbc_key(&k, 'a'));
	CHECK_EQ(status(&k), 0x15);
	CHECK_EQ(data(&k), 0x1e);
	CHECK_EQ(status(&k), 0x15);
	CHECK_EQ(data(&k), 0x9e);
	CHECK_EQ(status(&k), 0x14);
	CHECK(kbc_key(&k, 'H'));
	CHECK(kbc_key(&k, 'i'));
	CHECK(kbc_key(&k, KBC_KEY_ENTER));
	CHECK_BYTES(&k, 0x2a, 0x23, 0xa3, 0xaa, 0x17, 0x97, 0x1c, 0x9c);
	/* A key the keyboard lacks is taken and sends nothing. */
	CHECK(kbc_key(&k, 0xe9));
	CHECK_EQ(status(&k), 0x14);

	/* Translation off: the keyboard's set 2 reaches the guest. */
	write_command_byte(&k, 0x25);
	CHECK(kbc_key(&k, 'a'));
	CHECK(kbc_key(&k, KBC_KEY_UP));
	CHECK_BYTES(&k, 0x1c, 0xf0, 0x1c, 0xe0, 0x75, 0xe0, 0xf0, 0x75);
	/* ... unless the guest chose set 1. */
	send(&k, 0xf0);
	send(&k, 0x01);
	CHECK_BYTES(&k, 0xfa, 0xfa);
	CHECK(kbc_key(&k, 'a'));
	CHECK_BYTES(&k, 0x1e, 0x9e);
	/* Caps Lock on in the guest (LED): an 'a' is sent with Shift. */
	write_command_byte(&k, 0x65);
	send(&k, 0xed);
	send(&k, 0x04);
	CHECK_BYTES(&k, 0xfa, 0xfa);
	CHECK(kbc_key(&k, 'a'));
	CHECK_BYTES(&k, 0x2a, 0x1e, 0x9e, 0xaa);
}

/* The queue refuses a key it cannot hold whole, and loses nothing. */
static void test_queue_never_loses(void)
{
	struct kbc8042 k;
	struct vmm v;
	int accepted = 0;

	setup(&k, &v);
	while (kbc_key(&k, 'a') && accepted < 1000)
		accepted++;
	/* The first byte went to the output buffer: 1 + 2 * 63 queued. */
	CHECK_EQ(accepted, 64);
	CHECK_EQ(kbc_queue_space(&k), 1);
	CHECK(!kbc_key(&k, 'b'));
	CHECK_EQ(kbc_queue_space(&k), 1); /* nothing half-queued */
	CHECK_EQ(data(&k), 0x1e);         /* one read makes room for one byte... */
	CHECK_EQ(kbc_queue_space(&k), 2);
	CHECK(!kbc_key(&k, 'A'));         /* ...not for a 4-byte key */
	CHECK(kbc_key(&k, 'b'));
	CHECK_EQ(kbc_queue_space(&k), 0);

	uint8_t got[256];
	int n = drain(&k, got, 256);
	CHECK_EQ(n, 2 * 64 - 1 + 2);
	int bad = 0;
	for (int i = 0; i < 127; i++)
		if (got[i] != ((i % 2) ? 0x1e : 0x9e))
			bad++;
	CHECK_EQ(bad, 0);
	CHECK_EQ(got[127], 0x30);
	CHECK_EQ(got[128], 0xb0);
	CHECK_EQ(kbc_queue_space(&k), KBC_QUEUE_SIZE);

	/* A retry loop that keeps its key until taken delivers every key. */
	const char *text = "The quick brown fox jumps over the lazy dog! 0123456789";
	uint8_t out[1024];
	int total = 0;
	for (const char *p = text; *p;) {
		if (kbc_key(&k, (uint8_t)*p))
			p++;
		else if (total < 1000)
			out[total++] = data(&k); /* the guest reads one byte */
		else
			break;
	}
	total += drain(&k, out + total, 1024 - total);
	int expected = 0;
	for (const char *p = text; *p; p++)
		expected += (int)kbc_key_scancodes((uint8_t)*p, false, got);
	CHECK_EQ(total, expected);
	CHECK_EQ(out[0], 0x2a); /* 'T' */
	CHECK_EQ(out[1], 0x14);
	CHECK_EQ(out[total - 2], 0x0a); /* '9' */
	CHECK_EQ(out[total - 1], 0x8a);
}

static void test_irq1(void)
{
	struct kbc8042 k;
	struct vmm v;

	setup(&k, &v);
	kbc_key(&k, 'a');
	CHECK(v.irq);
	CHECK_EQ(v.irq_changes, 1);
	/* Each read: the line falls, and rises again for the next byte. */
	data(&k);
	CHECK(v.irq);
	CHECK_EQ(v.irq_changes, 3);
	CHECK_EQ(v.irq_rises, 2);
	data(&k);
	CHECK(!v.irq);
	CHECK_EQ(v.irq_changes, 4);
	CHECK(!kbc_irq_line(&k));
	/* Status reads do not touch it. */
	status(&k);
	CHECK_EQ(v.irq_changes, 4);

	/* Command byte bit 0 gates it: OBF without the line... */
	write_command_byte(&k, 0x64);
	CHECK(kbc_key(&k, 'b'));
	CHECK_EQ(status(&k) & KBC_STAT_OBF, KBC_STAT_OBF);
	CHECK(!v.irq);
	CHECK_EQ(v.irq_changes, 4);
	/* ...and enabling it with a byte waiting raises the line at once. */
	write_command_byte(&k, 0x65);
	CHECK(v.irq);
	CHECK_EQ(v.irq_changes, 5);
	write_command_byte(&k, 0x64);
	CHECK(!v.irq);
	write_command_byte(&k, 0x65);
	CHECK_BYTES(&k, 0x30, 0xb0);
	CHECK(!v.irq);

	/* Controller replies raise it too (drivers mask it around commands). */
	command(&k, 0xaa);
	CHECK(v.irq);
	CHECK_BYTES(&k, 0x55);
	CHECK(!v.irq);

	/* An aux byte (0xd3) shows in status bit 5 and is not IRQ 1. */
	command(&k, 0xd3);
	send(&k, 0x99);
	CHECK_EQ(status(&k), 0x35);
	CHECK(!v.irq);
	CHECK_EQ(data(&k), 0x99);
	CHECK_EQ(status(&k), 0x14);
	/* 0xd2: as if the keyboard sent it. */
	command(&k, 0xd2);
	send(&k, 0x42);
	CHECK_EQ(status(&k), 0x15);
	CHECK(v.irq);
	CHECK_EQ(data(&k), 0x42);
	CHECK(!v.irq);
	/* 0xd4: to the (absent) mouse: no answer. */
	command(&k, 0xd4);
	send(&k, 0xf2);
	CHECK_EQ(status(&k), 0x14);
}

/* Typed keys wait for a keyboard that may send; replies go first. */
static void test_keys_wait_and_replies_first(void)
{
	struct kbc8042 k;
	struct vmm v;

	setup(&k, &v);
	command(&k, 0xad);
	CHECK(kbc_key(&k, 'x'));
	CHECK_EQ(status(&k) & KBC_STAT_OBF, 0);
	CHECK_EQ(read_command_byte(&k), 0x75); /* the controller still answers */
	CHECK_EQ(status(&k) & KBC_STAT_OBF, 0);
	command(&k, 0xae);
	CHECK_BYTES(&k, 0x2d, 0xad);

	send(&k, 0xf5); /* keyboard: stop scanning */
	CHECK_BYTES(&k, 0xfa);
	CHECK(kbc_key(&k, 'y'));
	CHECK_EQ(status(&k) & KBC_STAT_OBF, 0);
	send(&k, 0xf4);
	CHECK_BYTES(&k, 0xfa, 0x15, 0x95);

	/* A command's reply goes ahead of the keys still queued. */
	CHECK(kbc_key(&k, 'a'));
	CHECK(kbc_key(&k, 'b'));
	send(&k, 0xf2);
	CHECK_BYTES(&k, 0x1e, 0xfa, 0xab, 0x83, 0x9e, 0x30, 0xb0);
	/* A keyboard reset keeps what the user typed. */
	CHECK(kbc_key(&k, 'z'));
	send(&k, 0xff);
	CHECK_BYTES(&k, 0x2c, 0xfa, 0xaa, 0xac);
}

static void test_reset(void)
{
	struct kbc8042 k;
	struct vmm v;

	setup(&k, &v);
	command(&k, 0xdd);
	write_command_byte(&k, 0x00);
	kbc_key(&k, 'a');
	write_command_byte(&k, 0x01);
	CHECK(v.irq);
	int a20_calls = v.a20_calls;
	kbc_reset(&k);
	CHECK(!v.irq); /* lowered */
	CHECK_EQ(status(&k), 0x14);
	CHECK_EQ(kbc_queue_space(&k), KBC_QUEUE_SIZE);
	CHECK_EQ(kbc_command_byte(&k), 0x65);
	CHECK(kbc_a20(&k));
	CHECK_EQ(v.a20_calls, a20_calls); /* a new machine: nobody to tell */
	CHECK_EQ(v.resets, 0);

	/* No callbacks at all: nothing crashes. */
	kbc_init(&k, NULL);
	kbc_key(&k, 'a');
	command(&k, 0xfe);
	command(&k, 0xdd);
	kbc_write_port92(&k, 0x01);
	CHECK_EQ(data(&k), 0x1e);
	CHECK(!kbc_a20(&k));
}

static void test_pio_adapters(void)
{
	struct kbc8042 k;
	struct vmm v;

	setup(&k, &v);
	kbc_cmd_pio_write(&k, 0, 2, 0x1220); /* low byte: 0x20 */
	CHECK_EQ(kbc_cmd_pio_read(&k, 0, 4), 0x1d);
	CHECK_EQ(kbc_data_pio_read(&k, 0, 2), 0x65);
	kbc_data_pio_write(&k, 0, 4, 0xabcdeeee);
	CHECK_EQ(kbc_data_pio_read(&k, 0, 1), 0xee);
}

static const char *describe(uint16_t port, bool is_write, uint8_t value)
{
	static char buf[128];
	size_t n = kbc_describe(port, is_write, value, buf, sizeof(buf));
	CHECK_EQ(n, strlen(buf));
	return buf;
}

static void test_describe(void)
{
	CHECK_STR(describe(0x64, false, 0x1d), "KBC status = 0x1d (OBF)");
	CHECK_STR(describe(0x64, false, 0x14), "KBC status = 0x14 (empty)");
	CHECK_STR(describe(0x64, false, 0x3d), "KBC status = 0x3d (OBF, AUX)");
	CHECK_STR(describe(0x64, false, 0x05), "KBC status = 0x05 (OBF, INHIBITED)");
	CHECK_STR(describe(0x60, false, 0x1e), "KBC read scan 0x1e 'a' make");
	CHECK_STR(describe(0x60, false, 0x9e), "KBC read scan 0x9e 'a' break");
	CHECK_STR(describe(0x60, false, 0x1c),
		  "KBC read scan 0x1c 'Enter' make ('Keypad Enter' after 0xe0)");
	CHECK_STR(describe(0x60, false, 0xc8), "KBC read scan 0xc8 'Keypad 8' break ('Up' after 0xe0)");
	CHECK_STR(describe(0x60, false, 0x5b), "KBC read scan 0x5b 'Left Windows' make (after 0xe0)");
	CHECK_STR(describe(0x60, false, 0xe0), "KBC read scan 0xe0 (extended key prefix)");
	CHECK_STR(describe(0x60, false, 0xaa),
		  "KBC read scan 0xaa 'Left Shift' break (or keyboard self test passed)");
	CHECK_STR(describe(0x60, false, 0xfa), "KBC read 0xfa (ACK)");
	CHECK_STR(describe(0x60, false, 0x55), "KBC read 0x55 (controller self test passed)");
	CHECK_STR(describe(0x60, false, 0x00), "KBC read 0x00");
	CHECK_STR(describe(0x60, true, 0xff), "KBC write data 0xff (keyboard reset)");
	CHECK_STR(describe(0x60, true, 0xed), "KBC write data 0xed (keyboard set LEDs)");
	CHECK_STR(describe(0x60, true, 0x65), "KBC write data 0x65");
	CHECK_STR(describe(0x64, true, 0xd1), "KBC command 0xd1 write output port");
	CHECK_STR(describe(0x64, true, 0xfe), "KBC command 0xfe pulse reset");
	CHECK_STR(describe(0x64, true, 0xf0), "KBC command 0xf0 pulse reset");
	CHECK_STR(describe(0x64, true, 0xf1), "KBC command 0xf1 pulse output lines");
	CHECK_STR(describe(0x64, true, 0x20), "KBC command 0x20 read command byte");
	CHECK_STR(describe(0x64, true, 0x60), "KBC command 0x60 write command byte");
	CHECK_STR(describe(0x64, true, 0x25), "KBC command 0x25 read controller RAM");
	CHECK_STR(describe(0x64, true, 0xaa), "KBC command 0xaa self test");
	CHECK_STR(describe(0x64, true, 0xdd), "KBC command 0xdd A20 off");
	CHECK_STR(describe(0x64, true, 0x10), "KBC command 0x10 not emulated");
	CHECK_STR(describe(0x92, true, 0x02), "port 92h: A20 on");
	CHECK_STR(describe(0x92, true, 0x00), "port 92h: A20 off");
	CHECK_STR(describe(0x92, true, 0x03), "port 92h: A20 on, fast reset");
	CHECK_STR(describe(0x92, false, 0x02), "port 92h read = 0x02 (A20 on)");
	CHECK_STR(describe(0x61, false, 0x00), "port 0x61 is not the keyboard controller");

	char small[8];
	CHECK_EQ(kbc_describe(0x64, true, 0xfe, small, sizeof(small)), 7);
	CHECK_STR(small, "KBC com");
	CHECK_EQ(kbc_describe(0x64, true, 0xfe, small, 0), 0);
}

int main(void)
{
	test_power_on();
	test_command_byte();
	test_tests_and_enables();
	test_output_port();
	test_a20_and_reset_commands();
	test_port92();
	test_keyboard_replies();
	test_scancodes();
	test_scan_tables();
	test_keys_through_controller();
	test_queue_never_loses();
	test_irq1();
	test_keys_wait_and_replies_first();
	test_reset();
	test_pio_adapters();
	test_describe();
	return check_done();
}

/* SPDX-License-Identifier: MIT */
/* kbc_scancodes.c - which scan codes a key sends, and what a code is called.
 *
 * Set 1 (the XT's codes, what a translating 8042 hands the guest) is the
 * base here: a make code names the key's position, its break is the same
 * with bit 7 set, and the keys the AT added twice (arrows, the editing
 * block, right Ctrl/Alt, keypad Enter and /) send 0xe0 first. The layout
 * is US: a character the user types becomes the key that makes it there,
 * with Shift held around it when the character is a shifted one.
 */
#include "kbc8042.h"

#define KBC_SC_LSHIFT 0x2a
#define KBC_SC_LCTRL 0x1d
#define KBC_SC_LALT 0x38
#define KBC_SC_BREAK 0x80
#define KBC_SC_EXTENDED 0xe0

struct kbc_keydef {
	uint8_t code;
	bool shift;    /* the character needs Shift (its base key does not) */
	bool extended; /* sent after 0xe0 */
	bool letter;   /* Caps Lock changes it */
	bool ctrl;     /* a control character: Ctrl is part of the key */
};

/* Printable ASCII on a US keyboard: code and whether Shift makes it. */
static const struct { uint8_t code; bool shift; } kbc_ascii[128] = {
	[' '] = { 0x39, false }, ['!'] = { 0x02, true }, ['"'] = { 0x28, true },
	['#'] = { 0x04, true }, ['$'] = { 0x05, true }, ['%'] = { 0x06, true },
	['&'] = { 0x08, true }, ['\''] = { 0x28, false }, ['('] = { 0x0a, true },
	[')'] = { 0x0b, true }, ['*'] = { 0x09, true }, ['+'] = { 0x0d, true },
	[','] = { 0x33, false }, ['-'] = { 0x0c, false }, ['.'] = { 0x34, false },
	['/'] = { 0x35, false }, ['0'] = { 0x0b, false }, ['1'] = { 0x02, false },
	['2'] = { 0x03, false }, ['3'] = { 0x04, false }, ['4'] = { 0x05, false },
	['5'] = { 0x06, false }, ['6'] = { 0x07, false }, ['7'] = { 0x08, false },
	['8'] = { 0x09, false }, ['9'] = { 0x0a, false }, [':'] = { 0x27, true },
	[';'] = { 0x27, false }, ['<'] = { 0x33, true }, ['='] = { 0x0d, false },
	['>'] = { 0x34, true }, ['?'] = { 0x35, true }, ['@'] = { 0x03, true },
	['['] = { 0x1a, false }, ['\\'] = { 0x2b, false }, [']'] = { 0x1b, false },
	['^'] = { 0x07, true }, ['_'] = { 0x0c, true }, ['`'] = { 0x29, false },
	['a'] = { 0x1e, false }, ['b'] = { 0x30, false }, ['c'] = { 0x2e, false },
	['d'] = { 0x20, false }, ['e'] = { 0x12, false }, ['f'] = { 0x21, false },
	['g'] = { 0x22, false }, ['h'] = { 0x23, false }, ['i'] = { 0x17, false },
	['j'] = { 0x24, false }, ['k'] = { 0x25, false }, ['l'] = { 0x26, false },
	['m'] = { 0x32, false }, ['n'] = { 0x31, false }, ['o'] = { 0x18, false },
	['p'] = { 0x19, false }, ['q'] = { 0x10, false }, ['r'] = { 0x13, false },
	['s'] = { 0x1f, false }, ['t'] = { 0x14, false }, ['u'] = { 0x16, false },
	['v'] = { 0x2f, false }, ['w'] = { 0x11, false }, ['x'] = { 0x2d, false },
	['y'] = { 0x15, false }, ['z'] = { 0x2c, false }, ['{'] = { 0x1a, true },
	['|'] = { 0x2b, true }, ['}'] = { 0x1b, true }, ['~'] = { 0x29, true },
};

/* The special keys in enum order: code, extended. */
static const struct { uint8_t code; bool extended; } kbc_special[] = {
	[KBC_KEY_ENTER - KBC_KEY_SPECIAL] = { 0x1c, false },
	[KBC_KEY_BACKSPACE - KBC_KEY_SPECIAL] = { 0x0e, false },
	[KBC_KEY_ESC - KBC_KEY_SPECIAL] = { 0x01, false },
	[KBC_KEY_TAB - KBC_KEY_SPECIAL] = { 0x0f, false },
	[KBC_KEY_UP - KBC_KEY_SPECIAL] = { 0x48, true },
	[KBC_KEY_DOWN - KBC_KEY_SPECIAL] = { 0x50, true },
	[KBC_KEY_LEFT - KBC_KEY_SPECIAL] = { 0x4b, true },
	[KBC_KEY_RIGHT - KBC_KEY_SPECIAL] = { 0x4d, true },
	[KBC_KEY_HOME - KBC_KEY_SPECIAL] = { 0x47, true },
	[KBC_KEY_END - KBC_KEY_SPECIAL] = { 0x4f, true },
	[KBC_KEY_PAGE_UP - KBC_KEY_SPECIAL] = { 0x49, true },
	[KBC_KEY_PAGE_DOWN - KBC_KEY_SPECIAL] = { 0x51, true },
	[KBC_KEY_INSERT - KBC_KEY_SPECIAL] = { 0x52, true },
	[KBC_KEY_DELETE - KBC_KEY_SPECIAL] = { 0x53, true },
	[KBC_KEY_F1 - KBC_KEY_SPECIAL] = { 0x3b, false },
	[KBC_KEY_F2 - KBC_KEY_SPECIAL] = { 0x3c, false },
	[KBC_KEY_F3 - KBC_KEY_SPECIAL] = { 0x3d, false },
	[KBC_KEY_F4 - KBC_KEY_SPECIAL] = { 0x3e, false },
	[KBC_KEY_F5 - KBC_KEY_SPECIAL] = { 0x3f, false },
	[KBC_KEY_F6 - KBC_KEY_SPECIAL] = { 0x40, false },
	[KBC_KEY_F7 - KBC_KEY_SPECIAL] = { 0x41, false },
	[KBC_KEY_F8 - KBC_KEY_SPECIAL] = { 0x42, false },
	[KBC_KEY_F9 - KBC_KEY_SPECIAL] = { 0x43, false },
	[KBC_KEY_F10 - KBC_KEY_SPECIAL] = { 0x44, false },
	[KBC_KEY_F11 - KBC_KEY_SPECIAL] = { 0x57, false },
	[KBC_KEY_F12 - KBC_KEY_SPECIAL] = { 0x58, false },
};

#define KBC_NCODES 0x5e /* set 1 makes 0x01-0x5d: the 104-key board */

/* Set 1 make code -> set 2 make code. After 0xe0 the mapping is the same
 * (Up, e0 48, is e0 75 in set 2 as keypad 8 is 75), which is why one
 * table serves both; only the Windows keys exist solely as extended. */
static const uint8_t kbc_set2[KBC_NCODES] = {
	0x00, 0x76, 0x16, 0x1e, 0x26, 0x25, 0x2e, 0x36, /* 00-07 */
	0x3d, 0x3e, 0x46, 0x45, 0x4e, 0x55, 0x66, 0x0d, /* 08-0f */
	0x15, 0x1d, 0x24, 0x2d, 0x2c, 0x35, 0x3c, 0x43, /* 10-17 */
	0x44, 0x4d, 0x54, 0x5b, 0x5a, 0x14, 0x1c, 0x1b, /* 18-1f */
	0x23, 0x2b, 0x34, 0x33, 0x3b, 0x42, 0x4b, 0x4c, /* 20-27 */
	0x52, 0x0e, 0x12, 0x5d, 0x1a, 0x22, 0x21, 0x2a, /* 28-2f */
	0x32, 0x31, 0x3a, 0x41, 0x49, 0x4a, 0x59, 0x7c, /* 30-37 */
	0x11, 0x29, 0x58, 0x05, 0x06, 0x04, 0x0c, 0x03, /* 38-3f */
	0x0b, 0x83, 0x0a, 0x01, 0x09, 0x77, 0x7e, 0x6c, /* 40-47 */
	0x75, 0x7d, 0x7b, 0x6b, 0x73, 0x74, 0x79, 0x69, /* 48-4f */
	0x72, 0x7a, 0x70, 0x71, 0x84, 0x00, 0x61, 0x78, /* 50-57 */
	0x07, 0x00, 0x00, 0x1f, 0x27, 0x2f,             /* 58-5d */
};

static const char *const kbc_names[KBC_NCODES] = {
	[0x01] = "Esc", [0x02] = "1", [0x03] = "2", [0x04] = "3", [0x05] = "4",
	[0x06] = "5", [0x07] = "6", [0x08] = "7", [0x09] = "8", [0x0a] = "9",
	[0x0b] = "0", [0x0c] = "-", [0x0d] = "=", [0x0e] = "Backspace", [0x0f] = "Tab",
	[0x10] = "q", [0x11] = "w", [0x12] = "e", [0x13] = "r", [0x14] = "t",
	[0x15] = "y", [0x16] = "u", [0x17] = "i", [0x18] = "o", [0x19] = "p",
	[0x1a] = "[", [0x1b] = "]", [0x1c] = "Enter", [0x1d] = "Left Ctrl",
	[0x1e] = "a", [0x1f] = "s", [0x20] = "d", [0x21] = "f", [0x22] = "g",
	[0x23] = "h", [0x24] = "j", [0x25] = "k", [0x26] = "l", [0x27] = ";",
	[0x28] = "'", [0x29] = "`", [0x2a] = "Left Shift", [0x2b] = "\\",
	[0x2c] = "z", [0x2d] = "x", [0x2e] = "c", [0x2f] = "v", [0x30] = "b",
	[0x31] = "n", [0x32] = "m", [0x33] = ",", [0x34] = ".", [0x35] = "/",
	[0x36] = "Right Shift", [0x37] = "Keypad *", [0x38] = "Left Alt",
	[0x39] = "Space", [0x3a] = "Caps Lock", [0x3b] = "F1", [0x3c] = "F2",
	[0x3d] = "F3", [0x3e] = "F4", [0x3f] = "F5", [0x40] = "F6", [0x41] = "F7",
	[0x42] = "F8", [0x43] = "F9", [0x44] = "F10", [0x45] = "Num Lock",
	[0x46] = "Scroll Lock", [0x47] = "Keypad 7", [0x48] = "Keypad 8",
	[0x49] = "Keypad 9", [0x4a] = "Keypad -", [0x4b] = "Keypad 4",
	[0x4c] = "Keypad 5", [0x4d] = "Keypad 6", [0x4e] = "Keypad +",
	[0x4f] = "Keypad 1", [0x50] = "Keypad 2", [0x51] = "Keypad 3",
	[0x52] = "Keypad 0", [0x53] = "Keypad .", [0x54] = "SysRq",
	[0x56] = "102nd key", [0x57] = "F11", [0x58] = "F12",
};

static const char *const kbc_ext_names[KBC_NCODES] = {
	[0x1c] = "Keypad Enter", [0x1d] = "Right Ctrl", [0x2a] = "fake Left Shift",
	[0x35] = "Keypad /", [0x37] = "Print Screen", [0x38] = "Right Alt",
	[0x46] = "Ctrl+Break", [0x47] = "Home", [0x48] = "Up", [0x49] = "Page Up",
	[0x4b] = "Left", [0x4d] = "Right", [0x4f] = "End", [0x50] = "Down",
	[0x51] = "Page Down", [0x52] = "Insert", [0x53] = "Delete",
	[0x5b] = "Left Windows", [0x5c] = "Right Windows", [0x5d] = "Menu",
};

uint8_t kbc_set2_code(uint8_t set1_make)
{
	return set1_make < KBC_NCODES ? kbc_set2[set1_make] : 0;
}

const char *kbc_scan_name(uint8_t set1_make, bool extended)
{
	if (set1_make >= KBC_NCODES)
		return NULL;
	return extended ? kbc_ext_names[set1_make] : kbc_names[set1_make];
}

/* Upper-case letters are their lower-case key with Shift. */
static bool kbc_lookup_ascii(uint32_t c, struct kbc_keydef *k)
{
	bool upper = c >= 'A' && c <= 'Z';
	uint32_t base = upper ? c - 'A' + 'a' : c;

	if (base >= 128 || !kbc_ascii[base].code)
		return false;
	k->code = kbc_ascii[base].code;
	k->shift = upper || kbc_ascii[base].shift;
	k->letter = upper || (c >= 'a' && c <= 'z');
	return true;
}

/* What a terminal sends for Enter, Tab, Backspace and Esc, else Ctrl with
 * the key of the character 0x40 above (0x01 Ctrl+A, 0x1d Ctrl+]). */
static bool kbc_lookup_control(uint32_t c, struct kbc_keydef *k)
{
	uint32_t special;

	switch (c) {
	case 0x08: case 0x7f: special = KBC_KEY_BACKSPACE; break;
	case 0x09: special = KBC_KEY_TAB; break;
	case 0x0a: case 0x0d: special = KBC_KEY_ENTER; break;
	case 0x1b: special = KBC_KEY_ESC; break;
	default:
		if (!kbc_lookup_ascii(c + 0x40, k))
			return false;
		k->letter = false;
		k->ctrl = true;
		if (c >= 0x01 && c <= 0x1a)
			k->shift = false; /* Ctrl+A, not Ctrl+Shift+A */
		return true;
	}
	k->code = kbc_special[special - KBC_KEY_SPECIAL].code;
	return true;
}

static bool kbc_lookup(uint32_t key, struct kbc_keydef *k)
{
	*k = (struct kbc_keydef){ 0 };
	if (key >= KBC_KEY_SPECIAL && key <= KBC_KEY_LAST) {
		k->code = kbc_special[key - KBC_KEY_SPECIAL].code;
		k->extended = kbc_special[key - KBC_KEY_SPECIAL].extended;
		return true;
	}
	if (key < 0x20 || key == 0x7f)
		return kbc_lookup_control(key, k);
	return kbc_lookup_ascii(key, k);
}

static size_t kbc_put_key(uint8_t *out, size_t n, uint8_t code, bool extended)
{
	if (extended)
		out[n++] = KBC_SC_EXTENDED;
	out[n++] = code;
	return n;
}

size_t kbc_key_scancodes(uint32_t key, bool caps_lock, uint8_t out[KBC_KEY_MAX_BYTES])
{
	struct kbc_keydef k;
	uint32_t mods = key & KBC_MOD_MASK;
	bool ctrl, alt, shift;
	size_t n = 0;

	if (!kbc_lookup(key & ~KBC_MOD_MASK, &k))
		return 0;
	ctrl = k.ctrl || (mods & KBC_MOD_CTRL);
	alt = mods & KBC_MOD_ALT;
	shift = k.shift || (mods & KBC_MOD_SHIFT);
	/* With the guest's Caps Lock on, Shift makes a lower-case letter. */
	if (caps_lock && k.letter && !ctrl && !alt)
		shift = !shift;
	if (ctrl)
		out[n++] = KBC_SC_LCTRL;
	if (alt)
		out[n++] = KBC_SC_LALT;
	if (shift)
		out[n++] = KBC_SC_LSHIFT;
	n = kbc_put_key(out, n, k.code, k.extended);
	n = kbc_put_key(out, n, k.code | KBC_SC_BREAK, k.extended);
	if (shift)
		out[n++] = KBC_SC_LSHIFT | KBC_SC_BREAK;
	if (alt)
		out[n++] = KBC_SC_LALT | KBC_SC_BREAK;
	if (ctrl)
		out[n++] = KBC_SC_LCTRL | KBC_SC_BREAK;
	return n;
}

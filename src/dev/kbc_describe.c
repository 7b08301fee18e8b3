/* SPDX-License-Identifier: MIT */
/* kbc_describe.c - a keyboard controller port access in a student's words.
 *
 * Pure: it sees one byte, not the controller. A byte read from 0x60 is
 * named as a set 1 scan code (what a translating controller hands over),
 * with the reply it may also be (0xaa is Left Shift's break and also "self
 * test passed"); a byte written to 0x60 may be a keyboard command or a
 * controller command's parameter, and only the first can be named.
 */
#include "kbc8042.h"

#include <stdio.h>
#include <string.h>

static size_t kbc_fitted(int n, size_t len)
{
	if (n < 0 || len == 0)
		return 0;
	return (size_t)n < len ? (size_t)n : len - 1;
}

static const char *kbc_command_name(uint8_t cmd)
{
	static const struct { uint8_t cmd; const char *name; } names[] = {
		{ 0x20, "read command byte" }, { 0x60, "write command byte" },
		{ 0xa7, "disable aux" }, { 0xa8, "enable aux" }, { 0xa9, "aux interface test" },
		{ 0xaa, "self test" }, { 0xab, "keyboard interface test" },
		{ 0xad, "disable keyboard" }, { 0xae, "enable keyboard" },
		{ 0xc0, "read input port" }, { 0xd0, "read output port" },
		{ 0xd1, "write output port" }, { 0xd2, "write keyboard output buffer" },
		{ 0xd3, "write aux output buffer" }, { 0xd4, "write to aux device" },
		{ 0xdd, "A20 off" }, { 0xdf, "A20 on" }, { 0xfe, "pulse reset" },
		{ 0xff, "no operation" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].cmd == cmd)
			return names[i].name;
	if (cmd > 0x20 && cmd < 0x40)
		return "read controller RAM";
	if (cmd > 0x60 && cmd < 0x80)
		return "write controller RAM";
	if (cmd >= 0xf0)
		return (cmd & 1) ? "pulse output lines" : "pulse reset";
	return "not emulated";
}

static const char *kbc_keyboard_command_name(uint8_t cmd)
{
	switch (cmd) {
	case 0xed: return "set LEDs";
	case 0xee: return "echo";
	case 0xf0: return "scan code set";
	case 0xf2: return "identify";
	case 0xf3: return "typematic rate";
	case 0xf4: return "enable";
	case 0xf5: return "disable";
	case 0xf6: return "set defaults";
	case 0xfe: return "resend";
	case 0xff: return "reset";
	default: return "command";
	}
}

static const char *kbc_reply_name(uint8_t byte)
{
	switch (byte) {
	case 0xfa: return "ACK";
	case 0xee: return "echo";
	case 0xfe: return "resend";
	case 0xfc: return "self test failed";
	case 0x55: return "controller self test passed";
	default: return NULL;
	}
}

static int kbc_describe_scan(uint8_t v, char *buf, size_t len)
{
	const char *reply = kbc_reply_name(v);
	const char *name = kbc_scan_name(v & 0x7f, false);
	const char *ext = kbc_scan_name(v & 0x7f, true);
	char alt[48] = "";

	if (reply)
		return snprintf(buf, len, "KBC read 0x%02x (%s)", v, reply);
	if (v == 0xe0 || v == 0xe1)
		return snprintf(buf, len, "KBC read scan 0x%02x (%s prefix)", v,
				v == 0xe0 ? "extended key" : "Pause");
	if (!name && !ext)
		return snprintf(buf, len, "KBC read 0x%02x", v);
	if (!name)
		return snprintf(buf, len, "KBC read scan 0x%02x '%s' %s (after 0xe0)", v, ext,
				(v & 0x80) ? "break" : "make");
	if (v == 0xaa)
		snprintf(alt, sizeof(alt), " (or keyboard self test passed)");
	else if (ext)
		snprintf(alt, sizeof(alt), " ('%s' after 0xe0)", ext);
	return snprintf(buf, len, "KBC read scan 0x%02x '%s' %s%s", v, name,
			(v & 0x80) ? "break" : "make", alt);
}

static int kbc_describe_status(uint8_t v, char *buf, size_t len)
{
	char list[48] = "";

	if (v & KBC_STAT_OBF)
		strcat(list, ", OBF");
	if (v & KBC_STAT_AUX_OBF)
		strcat(list, ", AUX");
	if (v & KBC_STAT_TIMEOUT)
		strcat(list, ", TIMEOUT");
	if (v & KBC_STAT_PARITY)
		strcat(list, ", PARITY");
	if (!(v & KBC_STAT_UNLOCKED))
		strcat(list, ", INHIBITED");
	return snprintf(buf, len, "KBC status = 0x%02x (%s)", v, list[0] ? list + 2 : "empty");
}

static int kbc_describe_port92(bool is_write, uint8_t v, char *buf, size_t len)
{
	const char *a20 = (v & KBC_P92_A20) ? "on" : "off";

	if (!is_write)
		return snprintf(buf, len, "port 92h read = 0x%02x (A20 %s)", v, a20);
	return snprintf(buf, len, "port 92h: A20 %s%s", a20, (v & KBC_P92_RESET) ? ", fast reset" : "");
}

size_t kbc_describe(uint16_t port, bool is_write, uint8_t value, char *buf, size_t len)
{
	int n;

	if (port == KBC_DATA_PORT && !is_write)
		n = kbc_describe_scan(value, buf, len);
	else if (port == KBC_DATA_PORT && value >= 0xed)
		n = snprintf(buf, len, "KBC write data 0x%02x (keyboard %s)", value,
			     kbc_keyboard_command_name(value));
	else if (port == KBC_DATA_PORT)
		n = snprintf(buf, len, "KBC write data 0x%02x", value);
	else if (port == KBC_STATUS_PORT && !is_write)
		n = kbc_describe_status(value, buf, len);
	else if (port == KBC_STATUS_PORT)
		n = snprintf(buf, len, "KBC command 0x%02x %s", value, kbc_command_name(value));
	else if (port == KBC_PORT92)
		n = kbc_describe_port92(is_write, value, buf, len);
	else
		n = snprintf(buf, len, "port 0x%x is not the keyboard controller", port);
	return kbc_fitted(n, len);
}

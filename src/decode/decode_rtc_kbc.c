/* SPDX-License-Identifier: MIT */
/* decode_rtc_kbc.c - the CMOS clock's and the 8042's accesses with the
 * byte before them: the CMOS index an OUT 0x70 selected, the controller
 * command a data byte belongs to. The words are rtc_describe's and
 * kbc_describe's. */
#include <stdio.h>

#include "decode_internal.h"
#include "kbc8042.h"
#include "rtc_cmos.h"

size_t decode_cmos_access(struct port_decoder *d, const struct decode_access *a)
{
	if (a->port == RTC_INDEX_PORT && a->is_write) {
		d->cmos_index = a->value & RTC_INDEX_MASK;
		d->cmos_known = true;
	}
	if (a->port == RTC_DATA_PORT && !d->cmos_known)
		return decode_fitted(snprintf(a->buf, a->len, "CMOS %s = 0x%02x (byte selected before "
					      "the records begin)", a->is_write ? "write" : "read", a->value),
				     a->len);
	return rtc_describe(a->port, a->is_write, a->value, d->cmos_index, a->buf, a->len);
}

/* Controller commands followed by a data byte (to 0x60) from the guest. */
static bool kbc_takes_param(uint8_t cmd)
{
	return (cmd >= 0x60 && cmd < 0x80) || (cmd >= 0xd1 && cmd <= 0xd4);
}

/* Controller commands whose answer the guest reads from 0x60. */
static bool kbc_answers(uint8_t cmd)
{
	return (cmd >= 0x20 && cmd < 0x40) || cmd == 0xa9 || cmd == 0xaa || cmd == 0xab ||
	       cmd == 0xc0 || cmd == 0xd0;
}

static size_t kbc_parameter(const struct decode_access *a, uint8_t cmd)
{
	size_t n = kbc_describe(a->port, a->is_write, a->value, a->buf, a->len);
	return n + decode_fitted(snprintf(a->buf + n, a->len - n, " (for command 0x%02x)", cmd),
				 a->len - n);
}

/* Not a scan code: the byte the command put in the output buffer. */
static size_t kbc_answer(const struct decode_access *a, uint8_t cmd)
{
	char command[PORT_DECODE_MAX];
	kbc_describe(KBC_STATUS_PORT, true, cmd, command, sizeof(command));
	/* "KBC command 0x20 read command byte" without its "KBC " */
	return decode_fitted(snprintf(a->buf, a->len, "KBC read 0x%02x, the answer to %s", a->value,
				      command + 4), a->len);
}

size_t decode_kbc_access(struct port_decoder *d, const struct decode_access *a)
{
	uint8_t cmd;
	if (a->port == KBC_STATUS_PORT && a->is_write) {
		d->kbc_param_for = kbc_takes_param(a->value) ? a->value : 0;
		d->kbc_reply_to = kbc_answers(a->value) ? a->value : 0;
	} else if (a->port == KBC_DATA_PORT && a->is_write && (cmd = d->kbc_param_for)) {
		d->kbc_param_for = 0;
		return kbc_parameter(a, cmd);
	} else if (a->port == KBC_DATA_PORT && !a->is_write && (cmd = d->kbc_reply_to)) {
		d->kbc_reply_to = 0;
		return kbc_answer(a, cmd);
	}
	return kbc_describe(a->port, a->is_write, a->value, a->buf, a->len);
}

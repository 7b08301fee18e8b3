/* SPDX-License-Identifier: MIT */
/* rtc_describe.c - an RTC port access in a student's words. Pure. */
#include "rtc_cmos.h"

#include <stdio.h>
#include <string.h>

static const char *const rtc_names[RTC_NBYTES] = {
	[RTC_SECONDS] = "seconds",
	[RTC_SECONDS_ALARM] = "seconds alarm",
	[RTC_MINUTES] = "minutes",
	[RTC_MINUTES_ALARM] = "minutes alarm",
	[RTC_HOURS] = "hours",
	[RTC_HOURS_ALARM] = "hours alarm",
	[RTC_DAY_OF_WEEK] = "day of week",
	[RTC_DAY_OF_MONTH] = "day of month",
	[RTC_MONTH] = "month",
	[RTC_YEAR] = "year",
	[RTC_REG_A] = "register A",
	[RTC_REG_B] = "register B",
	[RTC_REG_C] = "register C",
	[RTC_REG_D] = "register D",
	[0x0e] = "diagnostic status",
	[RTC_SHUTDOWN] = "shutdown status",
	[0x10] = "diskette types",
	[0x12] = "hard disk types",
	[RTC_EQUIPMENT] = "equipment",
	[RTC_BASE_MEM_LO] = "base memory low",
	[RTC_BASE_MEM_HI] = "base memory high",
	[RTC_EXT_MEM_LO] = "extended memory low",
	[RTC_EXT_MEM_HI] = "extended memory high",
	[RTC_CHECKSUM_HI] = "checksum high",
	[RTC_CHECKSUM_LO] = "checksum low",
	[RTC_EXT_MEM2_LO] = "extended memory low (POST)",
	[RTC_EXT_MEM2_HI] = "extended memory high (POST)",
	[RTC_CENTURY] = "century",
	[RTC_HIGH_MEM_LO] = "memory above 16M low",
	[RTC_HIGH_MEM_HI] = "memory above 16M high",
};

const char *rtc_reg_name(uint8_t index)
{
	const char *name = rtc_names[index & RTC_INDEX_MASK];

	return name ? name : "CMOS RAM";
}

/* snprintf's count, cut to what the buffer holds. */
static size_t rtc_fitted(int n, size_t len)
{
	if (n < 0 || len == 0)
		return 0;
	return (size_t)n < len ? (size_t)n : len - 1;
}

static void rtc_describe_a(uint8_t v, char *buf, size_t len)
{
	unsigned dv = (v & RTC_A_DV_MASK) >> 4, rs = v & RTC_A_RS_MASK;
	const char *uip = (v & RTC_A_UIP) ? "UIP, " : "";
	char base[24];

	if (dv == 2)
		snprintf(base, sizeof(base), "32.768 kHz");
	else if (dv >= 6)
		snprintf(base, sizeof(base), "divider reset");
	else
		snprintf(base, sizeof(base), "divider %u", dv);
	if (rs == 0)
		snprintf(buf, len, " (%s%s, no periodic)", uip, base);
	else
		snprintf(buf, len, " (%s%s, %u Hz)", uip, base, 65536u >> (rs < 3 ? rs + 7 : rs));
}

/* Appends ", name" (or just "name" first) when on. */
static void rtc_flag(char *buf, size_t len, bool on, const char *name)
{
	size_t used = strlen(buf);

	if (on && used < len)
		snprintf(buf + used, len - used, "%s%s", used ? ", " : "", name);
}

static void rtc_describe_b(uint8_t v, char *buf, size_t len)
{
	char list[48] = "";

	rtc_flag(list, sizeof(list), v & RTC_B_SET, "SET");
	rtc_flag(list, sizeof(list), v & RTC_B_PIE, "PIE");
	rtc_flag(list, sizeof(list), v & RTC_B_AIE, "AIE");
	rtc_flag(list, sizeof(list), v & RTC_B_UIE, "UIE");
	rtc_flag(list, sizeof(list), v & RTC_B_SQWE, "SQWE");
	rtc_flag(list, sizeof(list), true, (v & RTC_B_DM) ? "binary" : "BCD");
	rtc_flag(list, sizeof(list), true, (v & RTC_B_24H) ? "24 h" : "12 h");
	rtc_flag(list, sizeof(list), v & RTC_B_DSE, "DSE");
	snprintf(buf, len, " (%s)", list);
}

static void rtc_describe_c(uint8_t v, char *buf, size_t len)
{
	char list[32] = "";

	rtc_flag(list, sizeof(list), v & RTC_C_IRQF, "IRQF");
	rtc_flag(list, sizeof(list), v & RTC_C_PF, "PF");
	rtc_flag(list, sizeof(list), v & RTC_C_AF, "AF");
	rtc_flag(list, sizeof(list), v & RTC_C_UF, "UF");
	snprintf(buf, len, " (%s)", list[0] ? list : "no flags");
}

/* What a register's bits mean, for the four control registers. */
static void rtc_describe_bits(uint8_t index, uint8_t v, char *buf, size_t len)
{
	buf[0] = '\0';
	switch (index) {
	case RTC_REG_A: rtc_describe_a(v, buf, len); break;
	case RTC_REG_B: rtc_describe_b(v, buf, len); break;
	case RTC_REG_C: rtc_describe_c(v, buf, len); break;
	case RTC_REG_D: snprintf(buf, len, " (%s)", (v & RTC_D_VRT) ? "VRT" : "battery dead"); break;
	default: break;
	}
}

size_t rtc_describe(uint16_t port, bool is_write, uint8_t value, uint8_t index, char *buf,
		    size_t len)
{
	char bits[64];
	int n;

	if (port == RTC_INDEX_PORT && is_write) {
		n = snprintf(buf, len, "CMOS select 0x%02x (%s), NMI %s", value & RTC_INDEX_MASK,
			     rtc_reg_name(value), (value & RTC_NMI_MASK) ? "off" : "on");
	} else if (port == RTC_INDEX_PORT) {
		n = snprintf(buf, len, "CMOS index port read = 0x%02x (write-only)", value);
	} else if (port == RTC_DATA_PORT) {
		index &= RTC_INDEX_MASK;
		rtc_describe_bits(index, value, bits, sizeof(bits));
		n = snprintf(buf, len, "CMOS %s 0x%02x %s = 0x%02x%s", is_write ? "write" : "read",
			     index, rtc_reg_name(index), value, bits);
	} else {
		n = snprintf(buf, len, "port 0x%x is not the RTC", port);
	}
	return rtc_fitted(n, len);
}

/* SPDX-License-Identifier: MIT */
/* rtc_cmos.h - the PC's MC146818-style real-time clock and its CMOS RAM.
 *
 * Ports: 0x70 selects a byte (bits 6-0) and sets the NMI mask (bit 7 = 1
 * masks NMI); 0x71 reads or writes the selected byte. 0x70 is write-only on
 * a PC: reading it returns 0xff, the floating bus (the index and the NMI
 * mask stay queryable through rtc_index and rtc_nmi_masked).
 *
 * Time. The device reads a clock callback that returns the host's *local*
 * wall-clock time as nanoseconds since 1970-01-01 00:00:00 local time
 * (Unix time plus the UTC offset: CLOCK_REALTIME + tm_gmtoff in the VMM),
 * because a PC's RTC keeps local time. The guest's time is that plus an
 * offset the guest sets by writing the clock; nothing is ever written to
 * the host. Registers 0-9 and the century byte 0x32 are computed from it
 * at each read, in the format register B asks for (DM: BCD or binary,
 * 24/12 h with bit 7 = PM). The day of the week is derived from the date.
 *
 * Register A: UIP (bit 7) reads 1 during the last 244 us of each second,
 * the update happens at the boundary; the divider and rate bits are kept.
 * Register B: SET freezes the time registers (they then read back what
 * the guest writes); clearing SET takes them as the new time, read in the
 * format B has after that write, and starts the second afresh. Years are
 * kept within 1900-2199. A write to a time register without SET changes that
 * field at once, keeping the phase of the second. Setting SET clears UIE.
 * DSE is stored only: the host's local time already follows its DST.
 * Register C: PF, AF, UF and IRQF, computed from the clock when read;
 * reading clears them. Register D: VRT always (the battery is good).
 *
 * IRQ 8: the line is IRQF: up while C has an enabled flag, down when C is
 * read. The VMM calls rtc_next_irq8_ns to know when the line will next
 * rise and rtc_poll then, which drives the irq callback.
 *
 * The CMOS RAM bytes 0x0e-0x7f read back what was written (battery-backed),
 * except the century byte. At init they hold what a PC BIOS leaves: the
 * memory sizes from the VM's RAM, the equipment byte and the checksum. The
 * checksum is the BIOS's business afterwards: a guest write is not
 * reflected into it, as on real hardware.
 */
#ifndef KVMTUI_RTC_CMOS_H
#define KVMTUI_RTC_CMOS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RTC_INDEX_PORT 0x70
#define RTC_DATA_PORT 0x71
#define RTC_NBYTES 128

enum rtc_reg {
	RTC_SECONDS = 0x00, RTC_SECONDS_ALARM = 0x01,
	RTC_MINUTES = 0x02, RTC_MINUTES_ALARM = 0x03,
	RTC_HOURS = 0x04, RTC_HOURS_ALARM = 0x05,
	RTC_DAY_OF_WEEK = 0x06, RTC_DAY_OF_MONTH = 0x07,
	RTC_MONTH = 0x08, RTC_YEAR = 0x09,
	RTC_REG_A = 0x0a, RTC_REG_B = 0x0b, RTC_REG_C = 0x0c, RTC_REG_D = 0x0d,
	RTC_SHUTDOWN = 0x0f,
	RTC_EQUIPMENT = 0x14,
	RTC_BASE_MEM_LO = 0x15, RTC_BASE_MEM_HI = 0x16,
	RTC_EXT_MEM_LO = 0x17, RTC_EXT_MEM_HI = 0x18,
	RTC_CHECKSUM_HI = 0x2e, RTC_CHECKSUM_LO = 0x2f,
	RTC_EXT_MEM2_LO = 0x30, RTC_EXT_MEM2_HI = 0x31,
	RTC_CENTURY = 0x32,
	RTC_HIGH_MEM_LO = 0x34, RTC_HIGH_MEM_HI = 0x35,
};

#define RTC_NMI_MASK 0x80 /* port 0x70 bit 7 */
#define RTC_INDEX_MASK 0x7f

#define RTC_A_UIP 0x80
#define RTC_A_DV_MASK 0x70 /* 010 = 32.768 kHz time base */
#define RTC_A_RS_MASK 0x0f /* periodic rate; 0 = off */
#define RTC_B_SET 0x80
#define RTC_B_PIE 0x40
#define RTC_B_AIE 0x20
#define RTC_B_UIE 0x10
#define RTC_B_SQWE 0x08
#define RTC_B_DM 0x04  /* 1 = binary, 0 = BCD */
#define RTC_B_24H 0x02 /* 1 = 24 h, 0 = 12 h */
#define RTC_B_DSE 0x01
#define RTC_C_IRQF 0x80
#define RTC_C_PF 0x40
#define RTC_C_AF 0x20
#define RTC_C_UF 0x10
#define RTC_D_VRT 0x80
#define RTC_ALARM_DONT_CARE 0xc0 /* an alarm byte with both top bits set */

/* What a BIOS leaves: 32.768 kHz, 1024 Hz rate; BCD, 24 h. */
#define RTC_A_DEFAULT 0x26
#define RTC_B_DEFAULT 0x02
/* No diskette, FPU present, primary display EGA/VGA (the text screen is VGA). */
#define RTC_EQUIPMENT_DEFAULT 0x02
#define RTC_UIP_NS 244000 /* UIP leads the update by 244 us */

/* The host's local time, ns since 1970-01-01 00:00:00 local (see above). */
typedef int64_t (*rtc_clock_fn)(void *ctx);
typedef void (*rtc_irq_fn)(void *ctx, bool level);

/* The fields are the device's state; use the functions below. */
struct rtc_cmos {
	uint8_t ram[RTC_NBYTES]; /* A, B, C flags, NVRAM; 0-9 and 0x32 only while SET */
	uint8_t index;
	bool nmi_masked;
	int64_t offset_ns; /* guest time = host clock + offset */
	int64_t flags_ns;  /* guest time up to which C's flags are computed */
	bool irq_level;
	uint64_t ram_bytes;
	rtc_clock_fn clock;
	void *clock_ctx;
	rtc_irq_fn irq;
	void *irq_ctx;
};

/* ram_bytes: the guest RAM from address 0 (below 4 GiB), for the memory
 * size bytes. clock may be NULL (time stands at 1970-01-01 00:00:00),
 * irq may be NULL (IRQ 8 not wired). */
void rtc_init(struct rtc_cmos *r, uint64_t ram_bytes, rtc_clock_fn clock, void *clock_ctx,
	      rtc_irq_fn irq, void *irq_ctx);
/* A fresh start: power-on registers, NVRAM rebuilt, guest-set time forgotten
 * (a VM reset here is a new machine); keeps the callbacks and the RAM size. */
void rtc_reset(struct rtc_cmos *r);

void rtc_select(struct rtc_cmos *r, uint8_t value); /* port 0x70 write */
uint8_t rtc_read(struct rtc_cmos *r);               /* port 0x71 read */
void rtc_write(struct rtc_cmos *r, uint8_t value);  /* port 0x71 write */
uint8_t rtc_index(const struct rtc_cmos *r);
bool rtc_nmi_masked(const struct rtc_cmos *r);

/* IRQ 8: ns until the line next rises (0: it is up now; UINT64_MAX: no
 * enabled interrupt will come). rtc_poll brings the flags up to the clock
 * and moves the line. */
uint64_t rtc_next_irq8_ns(struct rtc_cmos *r);
void rtc_poll(struct rtc_cmos *r);
bool rtc_irq_line(const struct rtc_cmos *r);

/* Adapters for bus_add_pio at 0x70, length 2 (ctx is the struct rtc_cmos).
 * Wide accesses act on the first port only, low byte. */
uint32_t rtc_pio_read(void *ctx, uint16_t offset, uint8_t size);
void rtc_pio_write(void *ctx, uint16_t offset, uint8_t size, uint32_t value);

/* One access in words (pure): port 0x70 or 0x71; for 0x71, index is the
 * byte selected (rtc_index before the access). "CMOS select 0x04 (hours),
 * NMI on", "CMOS read 0x04 hours = 0x13", "CMOS write 0x0b register B =
 * 0x02 (BCD, 24 h)". Returns the text's length (at most len - 1). */
size_t rtc_describe(uint16_t port, bool is_write, uint8_t value, uint8_t index, char *buf,
		    size_t len);
/* "hours", "register B", "century", "CMOS RAM" for bytes with no name. */
const char *rtc_reg_name(uint8_t index);

#endif

/* SPDX-License-Identifier: MIT */
/* fuzz_exits.c - the exit decoder and every writer of exit records: KVM's
 * struct kvm_run to a record (src/vmm/exit_decode.c), the exit table's
 * decoders (src/seam/exit_*.c), the port decoder (src/decode), the BIOS
 * and interrupt describers (src/seam/bios_describe.c, irq_describe.c), the
 * console's exit log and report (src/ui/exit_format.c, exit_report.c) and
 * the --trace JSON writer (src/app/trace_json.c).
 *
 * Records carry guest bytes: the data of an OUT, the instruction bytes KVM
 * could not emulate, a BIOS call's registers and characters. A replay
 * reads records from a file, so every field may hold anything. The input
 * is a sequence of 64-byte records, taken as they are (a replayed record)
 * and, when bit 7 of the flags byte is set, the same bytes laid into a
 * kvm_run as exit_decode makes them (a live exit); all go in order through the port decoder and the writers
 * (support/fuzz_event.c says what must hold: a --trace line that fits and
 * is valid JSON, screen text without control bytes).
 */
#include <linux/kvm.h>
#include <stddef.h>
#include <string.h>

#include "event.h"
#include "exit_decode.h"
#include "fuzz_event.h"
#include "fuzz_input.h"

/* The kvm_run page and the PIO data page after it (KVM_PIO_PAGE_OFFSET 1),
 * where KVM's io.data_offset points. */
#define PAGE 4096
static _Alignas(64) uint8_t run_pages[3 * PAGE];

/* The record's bytes as KVM would have written them: the exit reason and
 * the union after it. KVM keeps io.size * io.count within the PIO page. */
static void live_exit(const uint8_t *bytes, struct port_decoder *d, uint64_t seq)
{
	struct kvm_run *run = (struct kvm_run *)run_pages;
	memset(run_pages, 0, sizeof run_pages);
	/* The record's reason byte, and with bit 7 of its len byte one past
	 * every reason the table knows. */
	run->exit_reason = bytes[1] | (bytes[2] & 0x80 ? 0x100u : 0);
	memcpy((uint8_t *)run + offsetof(struct kvm_run, io), bytes + 32, 32);
	memcpy(&run->s.regs.regs.rip, bytes + 24, 8);
	if (run->exit_reason == KVM_EXIT_IO) {
		run->io.data_offset = PAGE;
		if (run->io.size != 1 && run->io.size != 2 && run->io.size != 4)
			run->io.size = 1;
		if ((uint64_t)run->io.size * run->io.count > PAGE)
			run->io.count = PAGE / run->io.size;
		memcpy(run_pages + PAGE, bytes, 64);
	}
	if (run->exit_reason == KVM_EXIT_MMIO && run->mmio.len > 8)
		run->mmio.len = 8; /* KVM's MMIO exits move at most 8 bytes */
	struct event ev;
	memset(&ev, 0, sizeof ev);
	ev.seq = seq;
	exit_decode(&ev, run);
	ev.rip = exit_linear_rip(run);
	if (ev.kind != EVENT_EXIT)
		fuzz_fail("exit_decode made a record of kind %u", ev.kind);
	fuzz_event_feed(d, &ev, true);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = fuzz_in_init(data, size);
	struct port_decoder d;
	uint64_t seq = 0;

	memset(&d, 0, sizeof d); /* reset keeps started and generation: zero them first */
	port_decoder_reset(&d);
	while (!fuzz_in_empty(&in)) {
		struct event ev;
		uint8_t bytes[64];
		fuzz_bytes(&in, bytes, sizeof bytes);
		memcpy(&ev, bytes, sizeof ev);
		fuzz_event_feed(&d, &ev, true);
		if (bytes[3] & 0x80) /* a flag no record uses: the same bytes as a live exit */
			live_exit(bytes, &d, ++seq);
		/* The names every record may be shown with. */
		fuzz_text_check("exit reason name", exit_reason_name(ev.reason), false, false);
		fuzz_text_check("vCPU state name", vcpu_state_name((enum vcpu_state)ev.u.state.state),
				false, false);
	}
	return 0;
}

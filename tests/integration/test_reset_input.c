/* SPDX-License-Identifier: MIT */
/* test_reset_input.c - a reset starts the guest afresh, with no typed input
 * left over: bytes queued for the old guest must not reach the new one.
 * The echo guest is paused with "abc" waiting for it, then reset and run:
 * it must echo only what is typed afterwards. Keys queued for the 8042 go
 * the same way. Exits 77 (SKIPPED) without
 * /dev/kvm. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "kvm_skip.h"
#include "test_vm.h"

static char serial[4096];
static size_t serial_len;

/* Drains until `text` has appeared in the serial output and then `more_exits`
 * further exits have gone by (the guest had every chance to read its input). */
static bool run_until(struct seam *seam, const char *text, uint64_t more_exits)
{
	uint64_t deadline = seam_now_ns() + 30ull * 1000000000, seen_at = 0;
	struct event batch[64];
	while (seam_now_ns() < deadline) {
		size_t n = ring_pop_batch(&seam->ring, batch, 64);
		for (size_t i = 0; i < n; i++) {
			const uint8_t *bytes;
			size_t len = event_serial_bytes(&batch[i], &bytes);
			if (len && serial_len + len < sizeof(serial) - 1) {
				memcpy(serial + serial_len, bytes, len);
				serial_len += len;
				serial[serial_len] = 0;
			}
		}
		uint64_t total = counters_total(&seam->counters);
		if (!seen_at && strstr(serial, text))
			seen_at = total ? total : 1;
		if (seen_at && total >= seen_at + more_exits)
			return true;
		if (!n) {
			struct timespec ts = { 0, 200000 };
			nanosleep(&ts, NULL);
		}
	}
	return false;
}

int main(void)
{
	int skip = kvm_skip_unless_usable("a reset of a live guest needs KVM");
	if (skip)
		return skip;
	char err[1024];
	struct seam *seam;
	struct vm *vm = test_vm_live("echo", (struct vm_options){ .start_paused = true }, &seam);
	if (!vm)
		return 1;
	CHECK_EQ(input_queue_offer(&seam->input, (const uint8_t *)"abc", 3), 3);
	CHECK_EQ(input_queue_offer(&seam->keyboard, (const uint8_t *)"de", 2), 2); /* keys for the 8042 */
	control_request(&seam->control, CTRL_RESET); /* paused, it stays paused */
	uint64_t deadline = seam_now_ns() + 10ull * 1000000000;
	while (atomic_load(&seam->control.generation) == 0 && seam_now_ns() < deadline)
		;
	CHECK_EQ(atomic_load(&seam->control.generation), 1);
	CHECK_EQ(input_queue_count(&seam->input), 0);
	CHECK_EQ(input_queue_count(&seam->keyboard), 0);
	control_request(&seam->control, CTRL_RESUME);
	/* The greeting, then 200 polls of the line status register. */
	CHECK(run_until(seam, "'q' quits\r\n", 200));
	const char *after = strstr(serial, "'q' quits\r\n");
	CHECK(after && after[strlen("'q' quits\r\n")] == 0); /* nothing echoed: "abc" was dropped */
	/* What is typed now is echoed: the test can see input when there is some. */
	CHECK_EQ(input_queue_offer(&seam->input, (const uint8_t *)"xyz", 3), 3);
	CHECK(run_until(seam, "xyz", 1));
	CHECK_EQ(input_queue_offer(&seam->input, (const uint8_t *)"q", 1), 1);
	deadline = seam_now_ns() + 10ull * 1000000000;
	while (control_state(&seam->control) != VCPU_HALTED && seam_now_ns() < deadline)
		run_until(seam, "Goodbye", 0);
	CHECK_EQ(control_state(&seam->control), VCPU_HALTED);
	printf("serial: %s\n", serial);
	CHECK(vm_stop(vm, err, sizeof(err)) == 0);
	test_vm_close(vm, seam);
	return check_done();
}

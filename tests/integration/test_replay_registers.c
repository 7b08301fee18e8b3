/* SPDX-License-Identifier: MIT */
/* test_replay_registers.c - a replay ends exactly where its live run ended:
 * the same final registers (every field the console shows), the same exit
 * counts by reason, the same COM1 bytes and final state, for each lesson
 * guest recorded live under KVM. Exits 77 (SKIPPED) without /dev/kvm. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "kvm_skip.h"
#include "test_vm.h"

struct outcome {
	struct cpu_state regs;
	uint64_t counts[EXIT_REASON_MAX];
	char serial[4096];
	size_t serial_len;
	enum vcpu_state state;
	bool ended;
};

static void drain(struct seam *seam, struct outcome *o)
{
	struct event batch[128];
	size_t n;
	while ((n = ring_pop_batch(&seam->ring, batch, 128)) > 0) {
		for (size_t i = 0; i < n; i++) {
			const uint8_t *bytes;
			size_t len = event_serial_bytes(&batch[i], &bytes);
			if (len && o->serial_len + len < sizeof(o->serial)) {
				memcpy(o->serial + o->serial_len, bytes, len);
				o->serial_len += len;
			}
			if (batch[i].kind == EVENT_STATE && vcpu_state_is_final(batch[i].u.state.state)) {
				o->state = (enum vcpu_state)batch[i].u.state.state;
				o->ended = true;
			}
		}
	}
}

/* Runs the VM to its final state, then keeps what it showed. */
static bool run_to_end(struct seam *seam, struct vm *vm, struct outcome *o)
{
	memset(o, 0, sizeof(*o));
	if (!vm)
		return false;
	uint64_t deadline = seam_now_ns() + 60ull * 1000000000;
	while (!o->ended && seam_now_ns() < deadline) {
		drain(seam, o);
		struct timespec ts = { 0, 500000 };
		nanosleep(&ts, NULL);
	}
	char err[256];
	if (vm_stop(vm, err, sizeof(err)))
		fprintf(stderr, "vm_stop: %s\n", err);
	drain(seam, o);
	snapshot_read(&seam->regs, &o->regs);
	for (unsigned r = 0; r < EXIT_REASON_MAX; r++)
		o->counts[r] = counters_get(&seam->counters, r);
	test_vm_close(vm, seam);
	return o->ended;
}

static bool live(const char *guest, const char *rec, struct outcome *o)
{
	struct seam *seam;
	struct vm *vm = test_vm_live(guest, (struct vm_options){ .record_path = rec, .guest_name = guest }, &seam);
	return run_to_end(seam, vm, o);
}

static bool replay(const char *rec, struct outcome *o)
{
	struct seam *seam;
	struct vm *vm = test_vm_replay(rec, REPLAY_SPEED_MAX, &seam);
	return run_to_end(seam, vm, o);
}

static void compare(const char *guest, const struct outcome *a, const struct outcome *b)
{
	printf("%s: live %s, %llu IO exits, rip %#llx; replay %s, rip %#llx\n", guest,
	       vcpu_state_name(a->state), (unsigned long long)a->counts[EXIT_IO],
	       (unsigned long long)a->regs.rip, vcpu_state_name(b->state), (unsigned long long)b->regs.rip);
	CHECK_EQ(a->state, b->state);
	CHECK(a->regs.valid && b->regs.valid);
	CHECK(memcmp(&a->regs, &b->regs, sizeof(a->regs)) == 0);
	CHECK(memcmp(a->counts, b->counts, sizeof(a->counts)) == 0);
	CHECK_EQ(a->serial_len, b->serial_len);
	CHECK(memcmp(a->serial, b->serial, a->serial_len) == 0);
}

int main(void)
{
	int skip = kvm_skip_unless_usable("it records the guests live to compare the replay with");
	if (skip)
		return skip;
	static const char *const guests[] = { "hello", "minimal", "mmio", "protected", "long", "triple" };
	char rec[64];
	snprintf(rec, sizeof(rec), "/tmp/kvmtui-regs-%d.rec", (int)getpid());
	for (size_t i = 0; i < sizeof(guests) / sizeof(guests[0]); i++) {
		struct outcome a, b;
		CHECK(live(guests[i], rec, &a));
		CHECK(replay(rec, &b));
		compare(guests[i], &a, &b);
		unlink(rec);
	}
	return check_done();
}

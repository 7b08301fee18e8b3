/* SPDX-License-Identifier: MIT */
/* test_seam_misc.c - the small parts of the seam: names, CPU modes, exit
 * counters, the input queue and seam_create. */
#include <errno.h>
#include <linux/kvm.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "seam.h"

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000 };
	nanosleep(&t, NULL);
}

/* The name must be the KVM macro's own name: checked against the kernel's
 * header rather than a second hand-written list. */
#define KVM_NAME(x) { KVM_EXIT_##x, #x }
static const struct { unsigned nr; const char *name; } kvm_names[] = {
	KVM_NAME(UNKNOWN), KVM_NAME(EXCEPTION), KVM_NAME(IO), KVM_NAME(HYPERCALL),
	KVM_NAME(DEBUG), KVM_NAME(HLT), KVM_NAME(MMIO), KVM_NAME(IRQ_WINDOW_OPEN),
	KVM_NAME(SHUTDOWN), KVM_NAME(FAIL_ENTRY), KVM_NAME(INTR), KVM_NAME(SET_TPR),
	KVM_NAME(TPR_ACCESS), KVM_NAME(S390_SIEIC), KVM_NAME(S390_RESET), KVM_NAME(DCR),
	KVM_NAME(NMI), KVM_NAME(INTERNAL_ERROR), KVM_NAME(OSI), KVM_NAME(PAPR_HCALL),
	KVM_NAME(S390_UCONTROL), KVM_NAME(WATCHDOG), KVM_NAME(S390_TSCH), KVM_NAME(EPR),
	KVM_NAME(SYSTEM_EVENT), KVM_NAME(S390_STSI), KVM_NAME(IOAPIC_EOI), KVM_NAME(HYPERV),
	KVM_NAME(ARM_NISV), KVM_NAME(X86_RDMSR), KVM_NAME(X86_WRMSR),
	KVM_NAME(DIRTY_RING_FULL), KVM_NAME(AP_RESET_HOLD), KVM_NAME(X86_BUS_LOCK),
	KVM_NAME(XEN), KVM_NAME(RISCV_SBI), KVM_NAME(RISCV_CSR), KVM_NAME(NOTIFY),
#ifdef KVM_EXIT_LOONGARCH_IOCSR
	KVM_NAME(LOONGARCH_IOCSR),
#endif
#ifdef KVM_EXIT_MEMORY_FAULT
	KVM_NAME(MEMORY_FAULT),
#endif
};

static void test_exit_names(void)
{
	for (size_t i = 0; i < sizeof(kvm_names) / sizeof(kvm_names[0]); i++)
		CHECK_STR(exit_reason_name(kvm_names[i].nr), kvm_names[i].name);
	/* Newer than some installed headers: the numbers are ABI all the same. */
	CHECK_STR(exit_reason_name(38), "LOONGARCH_IOCSR");
	CHECK_STR(exit_reason_name(EXIT_MEMORY_FAULT), "MEMORY_FAULT");
	CHECK_STR(exit_reason_name(EXIT_IO), "IO");
	CHECK_STR(exit_reason_name(EXIT_HLT), "HLT");
	CHECK_STR(exit_reason_name(40), "UNKNOWN");
	CHECK_STR(exit_reason_name(EXIT_REASON_MAX), "UNKNOWN");
	CHECK_STR(exit_reason_name(~0u), "UNKNOWN");
}

static void test_state_names(void)
{
	CHECK_STR(vcpu_state_name(VCPU_STARTING), "STARTING");
	CHECK_STR(vcpu_state_name(VCPU_RUNNING), "RUNNING");
	CHECK_STR(vcpu_state_name(VCPU_PAUSED), "PAUSED");
	CHECK_STR(vcpu_state_name(VCPU_HALTED), "HALTED");
	CHECK_STR(vcpu_state_name(VCPU_DEBUG_EXIT), "EXITED");
	CHECK_STR(vcpu_state_name(VCPU_SHUTDOWN), "SHUTDOWN");
	CHECK_STR(vcpu_state_name(VCPU_FAIL_ENTRY), "FAIL_ENTRY");
	CHECK_STR(vcpu_state_name(VCPU_INTERNAL_ERROR), "INTERNAL_ERROR");
	CHECK_STR(vcpu_state_name(VCPU_ERROR), "ERROR");
	CHECK_STR(vcpu_state_name(VCPU_QUIT), "QUIT");
	CHECK_STR(vcpu_state_name(VCPU_EXIT_LIMIT), "EXIT_LIMIT");
	/* A state added to event.h without a name fails here. */
	for (int s = 0; s < VCPU_STATE_COUNT; s++)
		CHECK(strcmp(vcpu_state_name((enum vcpu_state)s), "UNKNOWN") != 0);
	CHECK_STR(vcpu_state_name(VCPU_STATE_COUNT), "UNKNOWN");
	CHECK_STR(vcpu_state_name((enum vcpu_state)99), "UNKNOWN");
	CHECK(!vcpu_state_is_final(VCPU_STARTING));
	CHECK(!vcpu_state_is_final(VCPU_RUNNING));
	CHECK(!vcpu_state_is_final(VCPU_PAUSED));
	CHECK(!vcpu_state_is_final(VCPU_WAITING)); /* asleep in HLT: an interrupt wakes it */
	for (int s = VCPU_HALTED; s < VCPU_STATE_COUNT; s++)
		if (s != VCPU_WAITING)
			CHECK(vcpu_state_is_final((enum vcpu_state)s));
}

static enum cpu_mode_now mode(uint64_t cr0, uint64_t efer, uint64_t rflags, int l, int db)
{
	struct cpu_state cpu = { .cr0 = cr0, .efer = efer, .rflags = rflags };
	cpu.seg[SEG_CS].l = (uint8_t)l;
	cpu.seg[SEG_CS].db = (uint8_t)db;
	return cpu_mode_of(&cpu);
}

static void test_cpu_modes(void)
{
	const uint64_t PE = 1, PG = 1ull << 31, LMA = 1ull << 10, LME = 1ull << 8;
	const uint64_t VM = 1ull << 17;
	CHECK_EQ(mode(0x10, 0, 0x2, 0, 0), MODE_REAL);
	CHECK_EQ(mode(0x10, 0, VM, 0, 1), MODE_REAL); /* VM means nothing without PE */
	CHECK_EQ(mode(PE, 0, 0, 0, 0), MODE_PROT16);
	CHECK_EQ(mode(PE, 0, 0, 0, 1), MODE_PROT32);
	CHECK_EQ(mode(PE | PG, 0, 0, 0, 1), MODE_PAGED32);
	CHECK_EQ(mode(PE | PG, LME, 0, 0, 1), MODE_PAGED32); /* enabled, not active */
	CHECK_EQ(mode(PE | PG, LME | LMA, 0, 1, 0), MODE_LONG64);
	CHECK_EQ(mode(PE | PG, LME | LMA, 0, 0, 1), MODE_COMPAT);
	CHECK_EQ(mode(PE, 0, VM, 0, 1), MODE_VM86);
	CHECK_EQ(mode(PE | PG, 0, VM, 0, 0), MODE_VM86);
	CHECK_STR(cpu_mode_name(MODE_REAL), "REAL");
	CHECK_STR(cpu_mode_name(MODE_PROT16), "PROTECTED 16");
	CHECK_STR(cpu_mode_name(MODE_PROT32), "PROTECTED 32");
	CHECK_STR(cpu_mode_name(MODE_PAGED32), "PAGED 32");
	CHECK_STR(cpu_mode_name(MODE_COMPAT), "COMPAT 32");
	CHECK_STR(cpu_mode_name(MODE_LONG64), "LONG 64");
	CHECK_STR(cpu_mode_name(MODE_VM86), "VM86");
	CHECK_EQ(cpu_mode_width(MODE_REAL), 16);
	CHECK_EQ(cpu_mode_width(MODE_PROT16), 16);
	CHECK_EQ(cpu_mode_width(MODE_VM86), 16);
	CHECK_EQ(cpu_mode_width(MODE_PROT32), 32);
	CHECK_EQ(cpu_mode_width(MODE_PAGED32), 32);
	CHECK_EQ(cpu_mode_width(MODE_COMPAT), 32);
	CHECK_EQ(cpu_mode_width(MODE_LONG64), 64);
}

static void test_counters(void)
{
	static struct exit_counters c;
	counters_reset(&c, 1234);
	CHECK_EQ(atomic_load(&c.start_ns), 1234);
	for (int i = 0; i < 13; i++)
		counters_count(&c, EXIT_IO);
	counters_count(&c, EXIT_HLT);
	counters_count(&c, 200);              /* beyond the table: UNKNOWN */
	counters_count(&c, EXIT_REASON_MAX);
	CHECK_EQ(counters_total(&c), 16);
	CHECK_EQ(counters_get(&c, EXIT_IO), 13);
	CHECK_EQ(counters_get(&c, EXIT_HLT), 1);
	CHECK_EQ(counters_get(&c, EXIT_UNKNOWN), 2);
	CHECK_EQ(counters_get(&c, 200), 0);
	uint64_t sum = 0;
	for (unsigned r = 0; r < 300; r++)
		sum += counters_get(&c, r);
	CHECK_EQ(sum, counters_total(&c));
	counters_reset(&c, 99);
	CHECK_EQ(counters_total(&c), 0);
	CHECK_EQ(counters_get(&c, EXIT_IO), 0);
	CHECK_EQ(atomic_load(&c.start_ns), 99);
}

static void test_queue_basic(void)
{
	static struct input_queue q;
	input_queue_init(&q);
	uint8_t b;
	CHECK(!input_queue_take(&q, &b));
	CHECK_EQ(input_queue_space(&q), INPUT_QUEUE_SIZE);
	static uint8_t big[INPUT_QUEUE_SIZE + 100];
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (uint8_t)(i * 7);
	CHECK_EQ(input_queue_offer(&q, big, 100), 100);
	CHECK_EQ(input_queue_count(&q), 100);
	/* Only what fits goes in: the rest is the caller's to keep. */
	CHECK_EQ(input_queue_offer(&q, big + 100, sizeof(big) - 100), INPUT_QUEUE_SIZE - 100);
	CHECK_EQ(input_queue_space(&q), 0);
	CHECK_EQ(input_queue_offer(&q, big, 1), 0);
	for (size_t i = 0; i < 50; i++) {
		CHECK(input_queue_take(&q, &b));
		CHECK_EQ(b, big[i]);
	}
	/* Wraps around the end of the buffer, order kept. */
	CHECK_EQ(input_queue_offer(&q, (const uint8_t *)"wrap", 4), 4);
	size_t n = 0, bad = 0;
	while (input_queue_take(&q, &b)) {
		uint8_t want = n + 50 < INPUT_QUEUE_SIZE ? big[n + 50] : (uint8_t)"wrap"[n + 50 - INPUT_QUEUE_SIZE];
		bad += b != want;
		n++;
	}
	CHECK_EQ(n, INPUT_QUEUE_SIZE - 50 + 4);
	CHECK_EQ(bad, 0);
	input_queue_destroy(&q);
}

struct feeder {
	struct input_queue *q;
	const uint8_t *bytes;
	size_t len;
	atomic_int done;
	bool ok;
};

static void *feeder_main(void *arg)
{
	struct feeder *f = arg;
	f->ok = input_queue_put_all(f->q, f->bytes, f->len);
	atomic_store(&f->done, 1);
	return NULL;
}

static void test_queue_feeder(void)
{
	static struct input_queue q;
	static uint8_t bytes[3 * INPUT_QUEUE_SIZE + 17];
	input_queue_init(&q);
	for (size_t i = 0; i < sizeof(bytes); i++)
		bytes[i] = (uint8_t)(i ^ (i >> 8));
	struct feeder f = { .q = &q, .bytes = bytes, .len = sizeof(bytes) };
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, feeder_main, &f), 0);
	uint64_t deadline = check_deadline_ms(10000);
	while (input_queue_count(&q) < INPUT_QUEUE_SIZE && check_before(deadline))
		;
	CHECK_EQ(input_queue_count(&q), INPUT_QUEUE_SIZE);
	CHECK_EQ(atomic_load(&f.done), 0); /* full, more to come: it must be waiting */
	size_t n = 0, bad = 0;
	uint8_t b;
	deadline = check_deadline_ms(10000); /* a feeder that gave up must not hang the test */
	while (n < sizeof(bytes) && check_now_ns() < deadline) {
		if (input_queue_take(&q, &b))
			bad += b != bytes[n++];
		else
			sched_yield();
	}
	CHECK_EQ(n, sizeof(bytes));
	if (n < sizeof(bytes))
		input_queue_close(&q); /* release a feeder still waiting, to join it */
	pthread_join(t, NULL);
	CHECK(f.ok);
	CHECK_EQ(bad, 0);
	CHECK_EQ(input_queue_count(&q), 0);
	input_queue_destroy(&q);
}

static void test_queue_close(void)
{
	static struct input_queue q;
	static uint8_t bytes[INPUT_QUEUE_SIZE + 1];
	input_queue_init(&q);
	struct feeder f = { .q = &q, .bytes = bytes, .len = sizeof(bytes), .ok = true };
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, feeder_main, &f), 0);
	/* Full with one byte to go: the feeder is waiting when the close comes
	 * (closing first would only test a put on a closed queue). */
	uint64_t deadline = check_deadline_ms(10000);
	while (input_queue_count(&q) < INPUT_QUEUE_SIZE && check_before(deadline))
		;
	CHECK_EQ(input_queue_count(&q), INPUT_QUEUE_SIZE);
	CHECK_EQ(atomic_load(&f.done), 0);
	input_queue_close(&q);
	pthread_join(t, NULL);
	CHECK(!f.ok);
	CHECK_EQ(input_queue_offer(&q, bytes, 1), 0);
	CHECK(!input_queue_put_all(&q, bytes, 1));
	uint8_t b;
	CHECK(input_queue_take(&q, &b)); /* what was queued can still be read */
	input_queue_destroy(&q);
}

static void test_seam_create(void)
{
	struct seam *s = seam_create(64);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK((uintptr_t)s % 64 == 0);
	CHECK((uintptr_t)&s->ring.tail % 64 == 0);
	CHECK_EQ(s->ring.mask, 63);
	CHECK_EQ(control_state(&s->control), VCPU_STARTING);
	CHECK_EQ(counters_total(&s->counters), 0);
	CHECK(atomic_load(&s->counters.start_ns) > 0);
	CHECK(ring_push(&s->ring, &(struct event){ .kind = EVENT_UART, .len = 1 }));
	CHECK_EQ(ring_count(&s->ring), 1);
	seam_destroy(s);
	seam_destroy(NULL);
	s = seam_create(0); /* the default capacity */
	CHECK(s && s->ring.mask == SEAM_RING_CAPACITY - 1);
	seam_destroy(s);
	errno = 0;
	CHECK(seam_create(100) == NULL);
	CHECK_EQ(errno, EINVAL);
	uint64_t a = seam_now_ns();
	sleep_ms(2);
	uint64_t b = seam_now_ns();
	CHECK(b - a >= 2000000);
	CHECK(b - a < 2000000000);
}

int main(void)
{
	test_exit_names();
	test_state_names();
	test_cpu_modes();
	test_counters();
	test_queue_basic();
	test_queue_feeder();
	test_queue_close();
	test_seam_create();
	return check_done();
}

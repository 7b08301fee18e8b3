/* SPDX-License-Identifier: MIT */
/* sandbox_allow.c - the allowlists, per thread role.
 *
 * How each entry was found: "traced" entries were seen with strace -f on
 * replays (headless and the TUI under tmux, --trace, --stats, --loop, keys,
 * resizes, quitting) and read off the code too; "from the code, not yet
 * traced on a KVM host" entries serve only a live VM (KVM_RUN, a reset's new
 * machine, the statistics fd), which could not run where the lists were
 * made: they were listed by reading src/vmm, src/dev and src/record.
 */
#include "sandbox_allow.h"

#include <linux/kvm.h>
#include <sys/ioctl.h>
#include <termios.h>

#define ANY(name) { name, SANDBOX_ANY, NULL, 0 }
#define CHECKED(name, check) { name, check, NULL, 0 }
#define IOCTLS(list) { "ioctl", SANDBOX_IOCTLS, list, sizeof(list) / sizeof(list[0]) }
#define IOCTLS_FD0(list) { "ioctl", SANDBOX_IOCTLS_FD0, list, sizeof(list) / sizeof(list[0]) }
#define IOC(req) { req, #req }
#define LIST(what, rules) { what, rules, sizeof(rules) / sizeof(rules[0]) }

/* The SIGSYS handler's terminal restore (tcsetattr on standard input): any
 * thread may be the one that trips, so every thread may do this much. */
static const struct sandbox_ioctl restore_ioctls[] = {
	IOC(TCSETS), /* tcsetattr(TCSANOW) */
	IOC(TCGETS), /* ... which glibc may precede with a tcgetattr: traced in the
		      * report's restore from the vCPU thread (TCGETS on fd 0, the
		      * cause of tui.sandbox's one-in-eight silent SIGSYS kill) */
};

/* Every thread: the C library's own needs (the allocator, locks, clocks,
 * signal return), a thread's end, and the violation report. Traced, but for
 * the entries marked "from the code". */
static const struct sandbox_rule common_rules[] = {
	ANY("futex"),           /* mutexes, condition variables, pthread_join */
	ANY("brk"),             /* malloc */
	CHECKED("mmap", SANDBOX_NO_EXEC),     /* malloc's large blocks, thread arenas */
	CHECKED("mprotect", SANDBOX_NO_EXEC), /* a thread arena growing */
	ANY("munmap"),
	ANY("madvise"),         /* free() handing pages back; a thread's stack at its end */
	ANY("mremap"),          /* from the code: realloc of a large block (a replay's block buffer) */
	ANY("clock_gettime"),   /* from the code: the vDSO's fallback */
	ANY("gettimeofday"),    /* from the code: the vDSO's fallback */
	ANY("clock_nanosleep"), /* timed waits, the ring's pause when full */
	ANY("nanosleep"),
	ANY("sched_yield"),     /* the seqlock's readers and writers */
	ANY("sysinfo"),         /* glibc's qsort sizing its buffer by the memory size */
	ANY("rt_sigreturn"),    /* the vCPU kick, SIGWINCH, ... return from handlers */
	ANY("rt_sigprocmask"),  /* pthread_sigmask, and glibc around thread exit */
	ANY("restart_syscall"), /* from the code: a wait interrupted by the kick or SIGWINCH */
	ANY("getpid"),          /* raise(), abort(): a crash must still be that crash */
	ANY("gettid"),          /* from the code: abort() */
	CHECKED("tgkill", SANDBOX_OWN_PID), /* the vCPU kick (pthread_kill), abort() */
	ANY("write"),           /* stderr (and the report itself), eventfds, stdout */
	IOCTLS_FD0(restore_ioctls),
	ANY("exit"),            /* a thread's end */
	ANY("exit_group"),
};

/* The vCPU thread in a replay as in a live VM. Traced. */
static const struct sandbox_rule vcpu_rules[] = {
	ANY("pread64"),  /* the recording's blocks (replay); disk sectors (int 13h, live) */
};

/* KVM ioctls the vCPU thread issues (src/vmm): each run and exit, the
 * register views, single-step, interrupts, the VGA's dirty pages, the
 * in-kernel irqchip and PIT, and a reset, which builds a whole new machine.
 * From the code, not yet traced on a KVM host. */
static const struct sandbox_ioctl vcpu_kvm_ioctls[] = {
	IOC(KVM_RUN), IOC(KVM_GET_REGS), IOC(KVM_SET_REGS), IOC(KVM_GET_SREGS), IOC(KVM_SET_SREGS),
	IOC(KVM_SET_GUEST_DEBUG), IOC(KVM_INTERRUPT), IOC(KVM_IRQ_LINE), IOC(KVM_GET_MP_STATE),
	IOC(KVM_GET_IRQCHIP), IOC(KVM_SET_IRQCHIP), IOC(KVM_GET_PIT2), IOC(KVM_SET_PIT2),
	IOC(KVM_GET_DIRTY_LOG),
	/* a reset (machine_build, kstats_reader_open) */
	IOC(KVM_CREATE_VM), IOC(KVM_SET_TSS_ADDR), IOC(KVM_SET_USER_MEMORY_REGION),
	IOC(KVM_CREATE_IRQCHIP), IOC(KVM_CREATE_PIT2), IOC(KVM_CREATE_VCPU), IOC(KVM_GET_LAPIC),
	IOC(KVM_SET_LAPIC), IOC(KVM_GET_SUPPORTED_CPUID), IOC(KVM_SET_CPUID2), IOC(KVM_GET_STATS_FD),
};

/* The vCPU thread's extras in a live VM. From the code, not yet traced on a
 * KVM host. */
static const struct sandbox_rule vcpu_kvm_rules[] = {
	IOCTLS(vcpu_kvm_ioctls),
	ANY("pwrite64"),       /* disk writes with --disk-write (disk.c) */
	ANY("close"),          /* a reset closes the old machine's fds (machine_teardown) */
	ANY("timer_settime"),  /* the in-kernel irqchip's wake-up alarm (vcpu_alarm.c) */
	ANY("timer_delete"),   /* ... at the thread's end */
};

/* Terminal requests: ncurses' mode changes and size after a resize, the
 * TUI's restore. Traced. */
static const struct sandbox_ioctl console_tty_ioctls[] = {
	IOC(TCGETS), IOC(TCSETS), IOC(TCSETSW), IOC(TIOCGWINSZ),
};

/* The console: the TUI or the headless loop, then the program's end (joining
 * the threads, the last dumps and files, freeing the VM). Traced. */
static const struct sandbox_rule console_rules[] = {
	ANY("read"),         /* keys, the ring's eventfd, the signalfd, the TUI's signal pipe */
	ANY("poll"),         /* the console's sleep: eventfd, stdin, the frame timer */
	CHECKED("newfstatat", SANDBOX_EMPTY_PATH), /* stdio sizing stdout's buffer (--dump) */
	ANY("close"),        /* the trace, the signalfd, the VM's fds at the end */
	ANY("ftruncate"),    /* from the code: --screen-dump rewrites its file (live only) */
	ANY("rt_sigaction"), /* the TUI puts the signal handlers back at its end */
	IOCTLS(console_tty_ioctls),
};

/* The statistics sampler: reads KVM's binary stats fd. From the code, not
 * yet traced on a KVM host. */
static const struct sandbox_rule sampler_rules[] = {
	ANY("pread64"),
};

/* The recording's writer needs nothing beyond the common list: it
 * compresses (malloc) and writes; the console closes the file. From the
 * code (--record needs a live VM), not yet traced on a KVM host. */

static const struct sandbox_list common = LIST("common", common_rules);
static const struct sandbox_list roles[SANDBOX_NROLES] = {
	[SANDBOX_VCPU] = LIST("vCPU", vcpu_rules),
	[SANDBOX_CONSOLE] = LIST("console", console_rules),
	[SANDBOX_SAMPLER] = LIST("statistics", sampler_rules),
	[SANDBOX_RECORDER] = { "recording", NULL, 0 },
};
static const struct sandbox_list vcpu_kvm = LIST("vCPU (live VM)", vcpu_kvm_rules);

size_t sandbox_allow_lists(enum sandbox_role role, bool kvm, const struct sandbox_list **out)
{
	size_t n = 0;
	out[n++] = &common;
	out[n++] = &roles[role];
	if (kvm && role == SANDBOX_VCPU)
		out[n++] = &vcpu_kvm;
	return n;
}

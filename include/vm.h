/* SPDX-License-Identifier: MIT */
/* vm.h - the engine: one KVM virtual machine with one vCPU on its own thread.
 *
 * The program builds a vm from options, starts it, and from then on talks to
 * it only through the seam (include/seam.h). A reset rebuilds the VM inside
 * the vCPU thread from the same image and options.
 */
#ifndef KVMTUI_VM_H
#define KVMTUI_VM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "seam.h"

enum guest_mode {
	GUEST_MODE_AUTO = 0,   /* from the image: ELF32 protected, ELF64 long, else real */
	GUEST_MODE_REAL,
	GUEST_MODE_PROTECTED,  /* flat 32-bit segments, no paging */
	GUEST_MODE_PAGED,      /* flat 32-bit segments, 32-bit paging, identity-mapped */
	GUEST_MODE_LONG,       /* 64-bit, identity-mapped */
};

const char *guest_mode_name(enum guest_mode mode); /* "real", "protected", ... */
int guest_mode_parse(const char *text, enum guest_mode *out); /* 0 or -1 */

/* Who is the PC's interrupt controller and timer (--irqchip). */
enum vm_irqchip {
	VM_IRQCHIP_USER = 0, /* kvm-tui's own 8259A pair, 8254 and port 61h; it injects (KVM_INTERRUPT) */
	VM_IRQCHIP_KERNEL,   /* KVM's (KVM_CREATE_IRQCHIP, KVM_CREATE_PIT2); kvm-tui raises lines (KVM_IRQ_LINE) */
};

const char *vm_irqchip_name(enum vm_irqchip chip);  /* "user", "kernel" */
int vm_irqchip_parse(const char *text, enum vm_irqchip *out); /* 0 or -1 */
/* What the console says about it: "user", "kernel (KVM's PIC, PIT)". */
const char *vm_irqchip_label(enum vm_irqchip chip);

/* Whether the machine has a BIOS (--bios, --no-bios). */
enum vm_bios_mode {
	VM_BIOS_AUTO = 0, /* on for a disk image or with --disk/--boot (boot sectors: --bios) */
	VM_BIOS_ON,
	VM_BIOS_OFF,
};

#define VM_MAX_DISKS 2

/* What vm_create decided about the BIOS, for the machine it builds. */
struct vm_bios_plan {
	bool on;
	uint8_t boot_drive;     /* DL at the boot sector's first instruction */
	uint8_t floppies;       /* drives 00h.. */
	uint8_t hard_disks;     /* drives 80h.. */
};

#define VM_DEFAULT_MEM (16ull << 20)
#define VM_MIN_MEM (64ull << 10)
#define VM_MAX_MEM (64ull << 30)

struct vm_options {
	const char *guest_path;
	uint64_t mem_size;        /* bytes; 0 = VM_DEFAULT_MEM */
	enum guest_mode mode;
	bool has_load_addr;
	uint64_t load_addr;
	bool has_entry;
	uint64_t entry;
	const char *kvm_device;   /* NULL: $KVM_TUI_DEVICE, else /dev/kvm */
	bool start_paused;        /* the vCPU waits for a resume or step first */
	uint64_t max_exits;       /* stop after this many exits (VCPU_EXIT_LIMIT); 0 = no limit */
	const char *record_path;  /* --record: write what the console shows here; NULL = no */
	const char *guest_name;   /* as the user named it, for the recording (NULL: guest_path) */
	enum vm_irqchip irqchip;  /* --irqchip: user (default) or kernel */
	enum vm_bios_mode bios;        /* --bios / --no-bios */
	const char *disks[VM_MAX_DISKS]; /* --disk FILE, in order (after the guest, if it is a disk) */
	unsigned ndisks;
	bool disk_write;          /* --disk-write: the guest's writes reach the image files */
	bool has_boot_drive;      /* --boot */
	uint8_t boot_drive;
	bool needs_text_screen;   /* --screen-dump: refused without the BIOS, before KVM */
	struct vm_bios_plan bios_plan; /* filled by vm_create */
};

/* What a recording says about itself, for the replay's title and the UI. */
struct replay_summary {
	char guest[256];
	char image_kind[32];
	char start_mode[16];
	uint64_t mem_size;
	uint64_t exits;        /* in the whole recording */
	uint64_t generations;  /* fresh starts in it (1 + the resets recorded) */
	uint64_t duration_ns;  /* of its first generation... its last exit's time */
	bool truncated;        /* ends mid-block: the recorded run was killed */
};

struct vm;

/* Opens KVM, checks it, reads and loads the guest. On failure returns NULL
 * and writes a one- or two-line explanation (what happened, what to do). */
struct vm *vm_create(const struct vm_options *opts, struct seam *seam, char *err, size_t errlen);
/* A VM that replays a recording: no KVM needed. NULL with one line in err
 * when the file is missing, not a recording, corrupt or from a newer version. */
struct vm *vm_open_replay(const char *path, struct seam *seam, bool start_paused, char *err, size_t errlen);
/* Starts the vCPU thread. 0, or -errno. */
int vm_start(struct vm *vm);
/* Stops the vCPU and finishes the recording, if any: 0, or -1 with why the
 * recording is incomplete (a full disk, ...) in err. */
int vm_stop(struct vm *vm, char *err, size_t errlen);
/* Stops the vCPU if it still runs, frees everything. */
void vm_destroy(struct vm *vm);

/* What the loader decided, for display: "flat", "boot sector", "ELF32", "ELF64". */
const char *vm_image_kind(const struct vm *vm);
/* The mode it started in: "real", "protected", "paged", "long". */
const char *vm_start_mode(const struct vm *vm);
enum guest_mode vm_mode(const struct vm *vm);
/* Whether the machine has the BIOS (and so a text screen). */
bool vm_has_bios(const struct vm *vm);
/* NULL for a live VM. */
const struct replay_summary *vm_replay_summary(const struct vm *vm);
/* A replay: the guest file its memory was loaded from, "" if it was not
 * found (no memory to show); NULL live. */
const char *vm_replay_memory_from(const struct vm *vm);
/* A live VM's interrupt controller, for display (vm_irqchip_label); NULL in
 * a replay, which has none: the recording holds what the devices did. */
const char *vm_irqchip_shown(const struct vm *vm);
/* Live: why KVM's own counters for the vCPU cannot be read (an old kernel,
 * a refused KVM_GET_STATS_FD), or NULL when they can; NULL in a replay. */
const char *vm_kstats_unavailable(const struct vm *vm);

#endif

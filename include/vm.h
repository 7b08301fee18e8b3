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
};

struct vm;

/* Opens KVM, checks it, reads and loads the guest. On failure returns NULL
 * and writes a one- or two-line explanation (what happened, what to do). */
struct vm *vm_create(const struct vm_options *opts, struct seam *seam, char *err, size_t errlen);
/* Starts the vCPU thread. 0, or -errno. */
int vm_start(struct vm *vm);
/* Asks the vCPU to quit, waits for its thread, frees everything. */
void vm_destroy(struct vm *vm);

/* What the loader decided, for display: "flat", "boot sector", "ELF32", "ELF64". */
const char *vm_image_kind(const struct vm *vm);
enum guest_mode vm_mode(const struct vm *vm);

#endif

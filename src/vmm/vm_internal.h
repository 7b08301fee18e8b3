/* SPDX-License-Identifier: MIT */
/* vm_internal.h - the engine's private state, shared by its files. */
#ifndef KVMTUI_VM_INTERNAL_H
#define KVMTUI_VM_INTERNAL_H

#include "bus.h"
#include "cpu_backend.h"
#include "debug_ports.h"
#include "guest_memory.h"
#include "loader.h"
#include "kbd_feed.h"
#include "pc_irq.h"
#include "uart16550.h"
#include "vcpu.h"
#include "vm_bios.h"
#include "vm.h"

struct rec_writer;

struct vm {
	struct vm_options opts;
	char *guest_path;
	enum guest_mode mode;
	struct seam *seam;
	struct cpu_backend *backend;
	struct vcpu vcpu;
	struct rec_writer *record;

	/* live: the image (a reset loads it again) and the devices */
	struct guest_image image;
	struct bus bus;
	struct uart16550 uart;
	struct debugcon debugcon;
	struct debug_exit debug_exit;
	struct kbd_feed kbd_feed;     /* typed keys from the console into the 8042 */
	struct pc_irq irq;            /* PIC, PIT, port 61h: a user-space interrupt controller */
	struct vm_bios bios;          /* the BIOS, its disks and the text screen (boot sectors, disks) */

	/* replay */
	bool is_replay;
	struct replay_summary replay;
	struct guest_memory replay_memory; /* the guest image as loaded, for the panes */
	char replay_memory_from[4096];     /* the file it came from; "" if none was found */
};

/* vm_devices.c */
void vm_devices_init(struct vm *vm);
void vm_devices_reset(void *vm);
/* vm_sink.c: where the backend's statistics and recorded text go */
struct backend_sink vm_sink(struct vm *vm);
/* vm_replay_memory.c: finds the recorded guest and loads it for the
 * replay's memory; without it the replay just has none. */
void vm_replay_memory_load(struct vm *vm, const char *recording);
/* vm_record.c */
int vm_record_open(struct vm *vm, char *err, size_t errlen);
/* The VM never started: closes the recording and removes its file. */
void vm_record_discard(struct vm *vm);

#endif

/* SPDX-License-Identifier: MIT */
/* vm_record.c - --record: the recording a live VM writes as it runs. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "record.h"
#include "vm_internal.h"

static void copy_text(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

int vm_record_open(struct vm *vm, char *err, size_t errlen)
{
	if (!vm->opts.record_path)
		return 0;
	struct rec_info info;
	memset(&info, 0, sizeof(info));
	copy_text(info.guest, sizeof(info.guest), vm->opts.guest_name ? vm->opts.guest_name : vm->guest_path);
	copy_text(info.image_kind, sizeof(info.image_kind), image_kind_name(vm->image.kind));
	copy_text(info.start_mode, sizeof(info.start_mode), guest_mode_name(vm->mode));
	copy_text(info.version, sizeof(info.version), KVMTUI_VERSION);
	info.mem_size = vm->opts.mem_size;
	info.created_unix = (uint64_t)time(NULL);
	vm->record = rec_writer_open(vm->opts.record_path, &info, err, errlen);
	return vm->record ? 0 : -1;
}

/* Only a header was written: a recording of a run that never started would
 * replay as an empty run and be mistaken for one. */
void vm_record_discard(struct vm *vm)
{
	char err[256];
	if (!vm->record)
		return;
	(void)rec_writer_close(vm->record, err, sizeof(err));
	vm->record = NULL;
	(void)unlink(vm->opts.record_path);
}

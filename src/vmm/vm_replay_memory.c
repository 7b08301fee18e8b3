/* SPDX-License-Identifier: MIT */
/* vm_replay_memory.c - a replay's memory: the recorded guest, loaded again.
 *
 * A recording holds exits and registers, not memory. For the code and
 * memory panes a replay loads the guest image it names into memory of the
 * recorded size, placed as a live run places it by default: what a
 * lesson's code looked like when it started. The guest's own writes (a
 * stack, a loaded second stage) are not there, and the panes say so
 * (MEM_F_AS_LOADED). The image is looked for where the recording says,
 * then beside the recording, then by name where kvm-tui finds guests, so a
 * recording made on another machine (or in another clone) still finds it.
 * No guest: the replay runs as before, with no memory to show.
 */
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "backend_replay.h"
#include "guest_locate.h"
#include "loader.h"
#include "vm_internal.h"

/* Large enough for every guest the lessons use; a recording claiming more
 * gets this much (the image must fit in it, or there is no memory). */
#define REPLAY_MEM_MAX (256ull << 20)

static bool is_file(const char *path)
{
	struct stat st;
	return path[0] && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The guest file for a recording, into out; false if none is found. */
static bool find_guest(const char *recording, const char *guest, char *out, size_t outlen)
{
	if (is_file(guest) && (size_t)snprintf(out, outlen, "%s", guest) < outlen)
		return true;
	char g[PATH_MAX], r[PATH_MAX];
	snprintf(g, sizeof(g), "%s", guest);
	snprintf(r, sizeof(r), "%s", recording);
	const char *name = basename(g);
	if (!name[0] || strcmp(name, "/") == 0 || strcmp(name, ".") == 0)
		return false;
	if ((size_t)snprintf(out, outlen, "%s/%s", dirname(r), name) < outlen && is_file(out))
		return true;
	return guest_locate(name, out, outlen) == 0 && is_file(out);
}

static size_t read_replay_memory(const void *ctx, uint64_t addr, void *buf, size_t len)
{
	return guest_memory_read(ctx, false, addr, buf, len);
}

void vm_replay_memory_load(struct vm *vm, const char *recording)
{
	char path[PATH_MAX], err[256];
	if (!find_guest(recording, vm->replay.guest, path, sizeof(path)))
		return;
	uint64_t size = vm->replay.mem_size ? vm->replay.mem_size : VM_DEFAULT_MEM;
	if (size > REPLAY_MEM_MAX)
		size = REPLAY_MEM_MAX;
	struct guest_image img;
	struct load_result load;
	if (image_read(path, size, &img, err, sizeof(err)))
		return;
	bool placed = guest_memory_alloc(&vm->replay_memory, size, err, sizeof(err)) == 0 &&
		      image_place(&img, vm->replay_memory.host, size, NULL, &load, err, sizeof(err)) == 0;
	image_free(&img);
	if (!placed) {
		guest_memory_free(&vm->replay_memory);
		return;
	}
	snprintf(vm->replay_memory_from, sizeof(vm->replay_memory_from), "%s", path);
	backend_replay_set_memory(vm->backend, read_replay_memory, &vm->replay_memory);
}

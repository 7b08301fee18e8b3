/* SPDX-License-Identifier: MIT */
/* replay_index.h - a recording read once through at open: where each recorded
 * generation starts, when each of its exits happened, and how it ends.
 *
 * Reading it all first means a corrupt file is refused before the console
 * starts, and a jump to a time finds its exit number without reading again.
 */
#ifndef KVMTUI_REPLAY_INDEX_H
#define KVMTUI_REPLAY_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "record.h"
#include "vm.h"

struct replay_generation {
	struct rec_pos start;  /* its first record */
	uint16_t number;       /* as its events carry it */
	uint64_t *exit_times;  /* ns since it began, one per exit, in order */
	size_t exits;
};

struct replay_index {
	struct replay_generation *gen;
	size_t count;
};

/* Reads the whole recording from the reader's current place (the first
 * block) and leaves it there again. 0, or -1 with one line in err. */
int replay_index_build(struct replay_index *idx, struct rec_reader *r, const char *path,
		       struct replay_summary *sum, char *err, size_t errlen);
/* Exits of generation g at or before time_ns. */
uint64_t replay_index_exits_until(const struct replay_index *idx, size_t g, uint64_t time_ns);
void replay_index_free(struct replay_index *idx);

#endif

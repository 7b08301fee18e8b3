/* SPDX-License-Identifier: MIT */
/* title_fit.h - the screen's title, fitted into the room it has.
 *
 * kvm-tui has no title line; in a replay the top edge of the screen says
 * "REPLAY file" (draw.c draws it at the right end of the top-left pane's
 * frame, which every layout has). This builds the text. Pure.
 */
#ifndef KVMTUI_TITLE_FIT_H
#define KVMTUI_TITLE_FIT_H

#include <stddef.h>

/* "PREFIX name" in at most room columns. The name is path's last
 * component, every byte that is not printable ASCII shown as '?' (one per
 * UTF-8 character): a file name must never send the terminal a control
 * sequence, and columns must be countable. Too long, the name loses its
 * middle to a '~' (its start and its extension stay); with no room for
 * even a few of its characters, PREFIX alone; then nothing. */
void title_fit(char *buf, size_t n, const char *prefix, const char *path, int room);

#endif

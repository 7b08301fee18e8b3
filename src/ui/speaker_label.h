/* SPDX-License-Identifier: MIT */
/* speaker_label.h - the PC speaker's note in the status bar.
 *
 * "♪ 440.0 Hz" while the speaker sounds ("spk 440.0 Hz" where the terminal
 * lacks UTF-8, as the arrows become words), nothing while it is silent or
 * the machine has stopped: the speaker of a halted or finished VM is not
 * sounding, whatever port 61h last said. Paused, the note stays: guest time
 * stands still, and the note is what the guest has set up.
 *
 * What sounds comes from the port decoder (src/decode), fed the ring's
 * records in order, so a replay shows the same notes. With --irqchip kernel
 * KVM runs the PIT and port 61h and no access reaches the decoder: nothing
 * is shown, rather than a guess. Pure, no curses: unit-tested.
 */
#ifndef KVMTUI_SPEAKER_LABEL_H
#define KVMTUI_SPEAKER_LABEL_H

#include <stdbool.h>
#include <stddef.h>

#include "tui_state.h"

#define SPEAKER_LABEL_MAX 24 /* room for any label, with its NUL */

/* The label for t's speaker into buf (empty when there is none); returns
 * its width in columns. */
int speaker_label(const struct tui *t, bool utf8, char *buf, size_t n);

#endif

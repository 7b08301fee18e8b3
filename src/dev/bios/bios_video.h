/* SPDX-License-Identifier: MIT */
/* bios_video.h - the video service's power-on state.
 *
 * int 10h itself is bios_video_call (bios.h). Everything it keeps lives
 * where a PC keeps it: the mode, the cursor of each page and the active
 * page in the BIOS data area, the rest in the VGA's registers (b->vga), so
 * a guest that pokes either directly sees a PC. */
#ifndef KVMTUI_BIOS_VIDEO_H
#define KVMTUI_BIOS_VIDEO_H

#include "bios.h"

/* As POST leaves the screen: mode 3 (80x25 colour text), all text memory
 * blank (0x0720), cursor at 0,0 on page 0 with shape 0x0607 (CGA lines 6-7,
 * CRTC lines 14-15), the BDA's video fields filled, the VGA's registers as
 * a mode 3 set leaves them. b->mem and b->vga must be set. vga->used is
 * left false (the guest has not used the screen yet), vga->changed true
 * (there is a blank screen to publish). */
void bios_video_init(struct bios *b);

#endif

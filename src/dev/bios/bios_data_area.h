/* SPDX-License-Identifier: MIT */
/* bios_data_area.h - where a PC BIOS keeps its variables: the BIOS data
 * area at 0x400 (IBM PC/AT layout, as Ralf Brown's list and SeaBIOS keep
 * it). Guests read these directly (the tick count, the cursor, the
 * keyboard flags), so kvm-tui keeps them where they expect. */
#ifndef KVMTUI_BIOS_DATA_AREA_H
#define KVMTUI_BIOS_DATA_AREA_H

#define BDA_COM_PORTS 0x400      /* 4 words: COM1..COM4 base ports (COM1 = 0x3f8) */
#define BDA_LPT_PORTS 0x408      /* 3 words: LPT1..LPT3 (none: 0) */
#define BDA_EBDA_SEGMENT 0x40e   /* word: extended BIOS data area's segment */
#define BDA_EQUIPMENT 0x410      /* word: int 11h's answer */
#define BDA_MEMORY_KB 0x413      /* word: base memory in KiB, int 12h's answer */
#define BDA_KBD_FLAGS0 0x417     /* byte: shift states (bit 0 right shift, 1 left shift,
				  * 2 ctrl, 3 alt, 4 scroll, 5 num, 6 caps, 7 insert active) */
#define BDA_KBD_FLAGS1 0x418     /* byte: keys held (bit 0 left ctrl, 1 left alt, ...) */
#define BDA_KBD_HEAD 0x41a       /* word: offset from 0x400 of the next key to read */
#define BDA_KBD_TAIL 0x41c       /* word: offset from 0x400 where the next key goes */
#define BDA_KBD_BUFFER 0x41e     /* 16 words: (scan code << 8) | ASCII */
#define BDA_FLOPPY_STATUS 0x441  /* byte: the last floppy operation's status */
#define BDA_VIDEO_MODE 0x449     /* byte: the current video mode (3: 80x25 colour text) */
#define BDA_VIDEO_COLUMNS 0x44a  /* word: characters per row */
#define BDA_VIDEO_PAGE_SIZE 0x44c /* word: bytes per page (4096 in 80x25) */
#define BDA_VIDEO_PAGE_START 0x44e /* word: the active page's offset in video memory */
#define BDA_CURSOR_POS 0x450     /* 8 words, one per page: column low byte, row high byte */
#define BDA_CURSOR_SHAPE 0x460   /* word: end scan line low byte, start scan line high byte */
#define BDA_ACTIVE_PAGE 0x462    /* byte */
#define BDA_CRTC_PORT 0x463      /* word: 0x3d4 for colour */
#define BDA_VIDEO_MODE_CTL 0x465 /* byte: the mode control register's last value */
#define BDA_VIDEO_PALETTE 0x466  /* byte */
#define BDA_TICKS 0x46c          /* dword: timer ticks since midnight, 18.2 a second */
#define BDA_MIDNIGHT 0x470       /* byte: nonzero once the tick count passed midnight */
#define BDA_BREAK 0x471          /* byte: bit 7 set by Ctrl-Break */
#define BDA_RESET_FLAG 0x472     /* word: 0x1234 = warm boot */
#define BDA_DISK_STATUS 0x474    /* byte: the last hard disk operation's status */
#define BDA_HARD_DISKS 0x475     /* byte: how many hard disks */
#define BDA_KBD_BUF_START 0x480  /* word: offset from 0x400 of the keyboard buffer */
#define BDA_KBD_BUF_END 0x482    /* word: one past its end */
#define BDA_VIDEO_ROWS 0x484     /* byte: rows on the screen minus one */
#define BDA_CHAR_HEIGHT 0x485    /* word: scan lines per character (16) */
#define BDA_VIDEO_CTL 0x487      /* byte: EGA/VGA control */
#define BDA_VIDEO_SWITCHES 0x488 /* byte */
#define BDA_VGA_FLAGS 0x489      /* byte: VGA mode-set options */
#define BDA_VIDEO_DCC 0x48a      /* byte: display combination code index */
#define BDA_KBD_FLAGS3 0x496     /* byte: bit 4 = a 101/102-key keyboard, bit 1 = E0 seen */
#define BDA_KBD_LEDS 0x497       /* byte */

#define BDA_KBD_BUFFER_SIZE 32   /* bytes: 16 keys, one slot always free */

#endif

/* SPDX-License-Identifier: MIT */
/* loader_internal.h - what the loader's files share and nobody else needs:
 * message helpers and the ELF placer that image_place dispatches to. */
#ifndef KVMTUI_LOADER_INTERNAL_H
#define KVMTUI_LOADER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "loader.h"

/* Writes "path: message" (or just the message when the image has no path)
 * into err; err may be NULL or errlen 0. Always returns -1, so callers can
 * "return loader_fail(...)". */
int loader_fail(char *err, size_t errlen, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* "16 MiB", "40.5 MiB", "3 KiB", "511 bytes": sizes as people say them. */
void loader_size_str(uint64_t bytes, char *buf, size_t len);

/* A --mem value that holds `needed` bytes: the next power of two, "64M". */
void loader_mem_hint(uint64_t needed, char *buf, size_t len);

/* Places an ELF32/ELF64 image (img->kind says which); see image_place. */
int elf_loader_place(const struct guest_image *img, uint8_t *mem, uint64_t mem_size,
		     const struct load_options *opts, struct load_result *out,
		     char *err, size_t errlen);

#endif

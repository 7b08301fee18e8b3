/* SPDX-License-Identifier: MIT */
/* record_header.c - the file header: magic, version, length, rec_info, CRC.
 *
 * Fields are written one by one at fixed offsets (never a struct dump), so
 * the layout does not depend on the compiler's padding. The header length
 * is stored so a later version-1 writer may append fields that older
 * readers skip; the CRC is always the header's last 4 bytes.
 */
#include <stdio.h>

#include "record_format.h"

/* NUL-padded: the field always ends in at least one NUL. */
static void put_str(uint8_t *out, const char *s, size_t field)
{
	size_t n = strnlen(s, field - 1);
	memcpy(out, s, n);
	memset(out + n, 0, field - n);
}

static void get_str(char *dst, const uint8_t *in, size_t field)
{
	memcpy(dst, in, field);
	dst[field - 1] = '\0'; /* a writer always leaves one; do not trust it */
}

void rec_header_encode(const struct rec_info *info, uint8_t *out)
{
	memcpy(out, REC_MAGIC, REC_MAGIC_LEN);
	rec_put_u32(out + 8, REC_VERSION);
	rec_put_u32(out + 12, REC_HDR_LEN_V1);
	put_str(out + REC_HDR_GUEST, info->guest, sizeof(info->guest));
	put_str(out + REC_HDR_IMAGE_KIND, info->image_kind, sizeof(info->image_kind));
	put_str(out + REC_HDR_START_MODE, info->start_mode, sizeof(info->start_mode));
	rec_put_u64(out + REC_HDR_MEM_SIZE, info->mem_size);
	rec_put_u64(out + REC_HDR_CREATED, info->created_unix);
	put_str(out + REC_HDR_VERSION_STR, info->version, sizeof(info->version));
	rec_put_u32(out + REC_HDR_LEN_V1 - 4, rec_crc32(0, out, REC_HDR_LEN_V1 - 4));
}

static void fill_info(const uint8_t *buf, struct rec_info *info)
{
	memset(info, 0, sizeof(*info));
	get_str(info->guest, buf + REC_HDR_GUEST, sizeof(info->guest));
	get_str(info->image_kind, buf + REC_HDR_IMAGE_KIND, sizeof(info->image_kind));
	get_str(info->start_mode, buf + REC_HDR_START_MODE, sizeof(info->start_mode));
	info->mem_size = rec_get_u64(buf + REC_HDR_MEM_SIZE);
	info->created_unix = rec_get_u64(buf + REC_HDR_CREATED);
	get_str(info->version, buf + REC_HDR_VERSION_STR, sizeof(info->version));
}

/* The checks go from the outside in: a foreign file is named as such before
 * its "version" is looked at, and a newer version is named before its header
 * length (which that version may define differently) is judged. */
enum rec_header_verdict rec_header_decode(const uint8_t *buf, size_t len, uint32_t *version,
					  uint32_t *hdr_len, struct rec_info *info,
					  char *why, size_t whylen)
{
	if (len < REC_MAGIC_LEN)
		return len > 0 && memcmp(buf, REC_MAGIC, len) == 0 ? REC_HDR_CUT : REC_HDR_FOREIGN;
	if (memcmp(buf, REC_MAGIC, REC_MAGIC_LEN) != 0)
		return REC_HDR_FOREIGN;
	if (len < 16)
		return REC_HDR_CUT;
	*version = rec_get_u32(buf + 8);
	*hdr_len = rec_get_u32(buf + 12);
	if (*version > REC_VERSION)
		return REC_HDR_NEWER;
	if (*version == 0) {
		snprintf(why, whylen, "version 0");
		return REC_HDR_CORRUPT;
	}
	if (*hdr_len < REC_HDR_LEN_V1 || *hdr_len > REC_HDR_LEN_MAX) {
		snprintf(why, whylen, "header length %u", *hdr_len);
		return REC_HDR_CORRUPT;
	}
	if (len < *hdr_len)
		return REC_HDR_CUT;
	if (rec_crc32(0, buf, *hdr_len - 4) != rec_get_u32(buf + *hdr_len - 4)) {
		snprintf(why, whylen, "header checksum mismatch");
		return REC_HDR_CORRUPT;
	}
	fill_info(buf, info);
	return REC_HDR_OK;
}

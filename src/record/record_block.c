/* SPDX-License-Identifier: MIT */
/* record_block.c - the 20-byte header in front of every block's zstd frame.
 *
 * The checksum covers the header's own fields as well as the frame: a bit
 * flip in a length would otherwise send the reader to the wrong place
 * without any check failing.
 */
#include "record_format.h"

void rec_block_hdr_encode(const struct rec_block_hdr *h, uint8_t out[REC_BLOCK_HDR_LEN])
{
	rec_put_u32(out, h->magic);
	rec_put_u32(out + 4, h->zlen);
	rec_put_u32(out + 8, h->rawlen);
	rec_put_u32(out + 12, h->count);
	rec_put_u32(out + 16, h->crc);
}

void rec_block_hdr_decode(const uint8_t in[REC_BLOCK_HDR_LEN], struct rec_block_hdr *h)
{
	h->magic = rec_get_u32(in);
	h->zlen = rec_get_u32(in + 4);
	h->rawlen = rec_get_u32(in + 8);
	h->count = rec_get_u32(in + 12);
	h->crc = rec_get_u32(in + 16);
}

uint32_t rec_block_crc(const uint8_t hdr[REC_BLOCK_HDR_LEN], const uint8_t *frame, size_t zlen)
{
	return rec_crc32(rec_crc32(0, hdr, 16), frame, zlen);
}

/* SPDX-License-Identifier: MIT */
/* record_crc32.c - CRC-32 (IEEE 802.3, the one zlib and gzip use), by table.
 *
 * Header and blocks carry one so a reader tells a damaged file from a cut
 * one. zlib is not a dependency for this alone; a 1 KiB table is plenty at
 * the few MB/s a recording is written.
 */
#include <pthread.h>

#include "record_format.h"

#define CRC32_POLY 0xedb88320u /* reflected 0x04c11db7 */

static uint32_t crc_table[256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

static void crc_table_fill(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = (c & 1) ? CRC32_POLY ^ (c >> 1) : c >> 1;
		crc_table[i] = c;
	}
}

/* Chainable: rec_crc32(rec_crc32(0, a, n), b, m) is the CRC of a then b. */
uint32_t rec_crc32(uint32_t crc, const void *data, size_t len)
{
	pthread_once(&crc_once, crc_table_fill);
	const uint8_t *p = data;
	crc = ~crc;
	while (len--)
		crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

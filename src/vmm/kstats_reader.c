/* SPDX-License-Identifier: MIT */
/* kstats_reader.c - parse the stats fd's descriptors once, then pread values. */
#include "kstats_reader.h"

#include <errno.h>
#include <linux/kvm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "kvm_device.h"

/* The vCPU thread samples too, and the kick signal may interrupt it. */
static ssize_t pread_retry(int fd, void *buf, size_t len, off_t offset)
{
	ssize_t n;
	do
		n = pread(fd, buf, len, offset);
	while (n < 0 && errno == EINTR);
	return n;
}

static int read_descriptors(struct kstats_reader *r, const struct kvm_stats_header *h)
{
	size_t stride = sizeof(struct kvm_stats_desc) + h->name_size;
	uint8_t *buf = malloc(stride * h->num_desc);
	if (!buf)
		return -1;
	if (pread_retry(r->fd, buf, stride * h->num_desc, h->desc_offset) != (ssize_t)(stride * h->num_desc)) {
		free(buf);
		return -1;
	}
	for (uint32_t i = 0; i < h->num_desc && r->count < KSTATS_MAX; i++) {
		const struct kvm_stats_desc *d = (const void *)(buf + i * stride);
		uint32_t type = d->flags & KVM_STATS_TYPE_MASK;
		if (d->size != 1 || (type != KVM_STATS_TYPE_CUMULATIVE && type != KVM_STATS_TYPE_INSTANT))
			continue; /* histograms and peaks: not a single count */
		size_t n = strnlen(d->name, h->name_size);
		if (n >= KSTATS_NAME)
			n = KSTATS_NAME - 1;
		memcpy(r->names[r->count], d->name, n);
		r->names[r->count][n] = '\0';
		r->offsets[r->count] = h->data_offset + d->offset;
		r->count++;
	}
	free(buf);
	return 0;
}

static void find_block(struct kstats_reader *r)
{
	uint64_t lo = UINT64_MAX, hi = 0;
	for (uint32_t i = 0; i < r->count; i++) {
		if (r->offsets[i] < lo)
			lo = r->offsets[i];
		if (r->offsets[i] + sizeof(uint64_t) > hi)
			hi = r->offsets[i] + sizeof(uint64_t);
	}
	r->block_start = r->count ? lo : 0;
	r->block_len = r->count ? hi - lo : 0;
}

/* The statistics pane and --stats say this once rather than show nothing. */
static int open_failed(struct kstats_reader *r, const char *what, int e, char *why, size_t whylen)
{
	if (why && whylen)
		snprintf(why, whylen, "%s: %s", what, e ? strerror(e) : "short read");
	kstats_reader_close(r);
	return -1;
}

int kstats_reader_open(struct kstats_reader *r, int vcpu_fd, char *why, size_t whylen)
{
	struct kvm_stats_header h;
	memset(r, 0, sizeof(*r));
	r->fd = kvm_ioctl(vcpu_fd, KVM_GET_STATS_FD, NULL);
	if (r->fd < 0)
		return open_failed(r, "KVM_GET_STATS_FD", errno, why, whylen);
	errno = 0;
	if (pread_retry(r->fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h) || read_descriptors(r, &h))
		return open_failed(r, "reading the statistics' descriptors", errno, why, whylen);
	find_block(r);
	return 0;
}

int kstats_reader_read(const struct kstats_reader *r, struct kstats *out)
{
	memset(out, 0, sizeof(*out));
	if (r->fd < 0)
		return -1;
	/* One read of the whole block: the values sit next to each other. */
	uint8_t block[KSTATS_MAX * 64];
	if (r->block_len > sizeof(block) ||
	    pread_retry(r->fd, block, r->block_len, (off_t)r->block_start) != (ssize_t)r->block_len)
		return -1;
	for (uint32_t i = 0; i < r->count; i++) {
		memcpy(out->item[i].name, r->names[i], KSTATS_NAME);
		memcpy(&out->item[i].value, block + (r->offsets[i] - r->block_start), sizeof(uint64_t));
	}
	out->count = r->count;
	out->available = 1;
	return 0;
}

void kstats_reader_close(struct kstats_reader *r)
{
	if (r->fd >= 0)
		close(r->fd);
	r->fd = -1;
	r->count = 0;
}

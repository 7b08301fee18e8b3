/* SPDX-License-Identifier: MIT */
/* mem_dump.c - --dump's ranges, handed out and printed (mem_dump.h). */
#include "mem_dump.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "mem_format.h"

int mem_dumps_prepare(struct mem_dumps *d, const struct cli_options *o, struct seam *seam, char *err,
		      size_t errlen)
{
	memset(d, 0, sizeof(*d));
	for (unsigned i = 0; i < o->ndumps; i++) {
		struct mem_dump *m = &d->dump[i];
		m->expr = o->dumps[i].expr;
		m->len = o->dumps[i].len;
		m->bytes = malloc(m->len);
		m->readable = calloc((m->len + 63) / 64, sizeof(uint64_t));
		d->n++;
		if (!m->bytes || !m->readable) {
			snprintf(err, errlen, "--dump: out of memory for %u bytes", m->len);
			mem_dumps_free(d);
			return -1;
		}
	}
	seam->memory.dumps = d->n ? d->dump : NULL;
	seam->memory.ndumps = d->n;
	return 0;
}

static void print_one(const struct mem_dump *m, FILE *out)
{
	struct mem_span s = { m->addr, m->bytes, m->readable, m->len };
	char line[MEM_LINE_MAX];
	for (uint32_t from = 0; from < m->len; from += 16) {
		mem_format_hex(&s, from, 16, line, sizeof(line), NULL);
		fprintf(out, "%s\n", line);
	}
	/* hexdump -C ends with the address after the last byte. */
	uint64_t end = m->addr + m->len;
	fprintf(out, "%0*" PRIx64 "\n", end > 0xffffffffull ? 16 : 8, end);
}

int mem_dumps_print(const struct mem_dumps *d, const struct cli_options *o, FILE *out, FILE *err)
{
	int rc = 0;
	bool noted = false;
	for (unsigned i = 0; i < d->n; i++) {
		const struct mem_dump *m = &d->dump[i];
		if (!m->done) {
			fprintf(err, "kvm-tui: --dump %s: the guest never stopped, nothing was read\n", o->dumps[i].text);
			rc = -1;
		} else if (m->flags & MEM_F_NO_MEMORY) {
			fprintf(err, "kvm-tui: --dump %s: the recording's guest file was not found: no memory to "
				"show\n", o->dumps[i].text);
			rc = -1;
		} else {
			if ((m->flags & MEM_F_AS_LOADED) && !noted) {
				fprintf(err, "kvm-tui: --dump in a replay shows memory as the guest was loaded (a "
					"recording holds no guest writes)\n");
				noted = true;
			}
			print_one(m, out);
		}
	}
	fflush(out);
	return rc;
}

void mem_dumps_free(struct mem_dumps *d)
{
	for (unsigned i = 0; i < d->n; i++) {
		free(d->dump[i].bytes);
		free(d->dump[i].readable);
	}
	memset(d, 0, sizeof(*d));
}

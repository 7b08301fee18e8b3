/* SPDX-License-Identifier: MIT */
/* gdb_session_internal.h - what the session's command files share: the
 * reply being built, the parsers of packet arguments, and one handler per
 * family of commands. Not for users of the stub. */
#ifndef KVMTUI_GDB_SESSION_INTERNAL_H
#define KVMTUI_GDB_SESSION_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gdb_session.h"

#define GDB_E_MALFORMED 0x01
#define GDB_E_FAULT 0x0e  /* EFAULT */
#define GDB_E_INVALID 0x16 /* EINVAL */
#define GDB_E_NOSPACE 0x1c /* ENOSPC */

/* The one thread the stub reports. */
#define GDB_THREAD_ID 1

/* What a command handler asks of the session. */
enum gdb_answer {
	GDB_ANSWER_REPLY,   /* send the reply built in s->reply (empty: "not supported") */
	GDB_ANSWER_NONE,    /* no reply now (the target runs; a stop reply follows) */
};

/* Building the reply (gdb_reply.c). Appends; too long sets reply_overflow
 * and the reply becomes E01 when sent. */
void gdb_reply_reset(struct gdb_session *s);
void gdb_reply_bytes(struct gdb_session *s, const void *bytes, size_t n);
void gdb_reply_text(struct gdb_session *s, const char *text);
void gdb_reply_printf(struct gdb_session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void gdb_reply_hex(struct gdb_session *s, const uint8_t *bytes, size_t n);
void gdb_reply_error(struct gdb_session *s, int code);
/* Frames s->reply into s->out and keeps it for a resend. */
void gdb_reply_send(struct gdb_session *s);
/* Queues raw bytes (an ack) for gdb. */
void gdb_out_raw(struct gdb_session *s, const void *bytes, size_t n);

/* Arguments: "ADDR,LEN" and the like (gdb_dispatch.c). Each moves *p. */
bool gdb_arg_hex(const char **p, const char *end, uint64_t *v);
bool gdb_arg_char(const char **p, const char *end, char c);
/* Whether the text at p (up to end) starts with prefix. */
bool gdb_starts_with(const char *p, const char *end, const char *prefix);

/* The handlers, by family. args/end: the packet after its command letter. */
enum gdb_answer gdb_cmd_regs(struct gdb_session *s, char cmd, const char *args, const char *end);
enum gdb_answer gdb_cmd_mem(struct gdb_session *s, char cmd, const char *args, const char *end);
enum gdb_answer gdb_cmd_run(struct gdb_session *s, char cmd, const char *args, const char *end);
enum gdb_answer gdb_cmd_vcont(struct gdb_session *s, const char *args, const char *end);
enum gdb_answer gdb_cmd_break(struct gdb_session *s, char cmd, const char *args, const char *end);
enum gdb_answer gdb_cmd_query(struct gdb_session *s, const char *args, const char *end);
/* The whole packet in s->packet. */
enum gdb_answer gdb_dispatch(struct gdb_session *s);

/* Breakpoints (gdb_cmd_break.c): takes every remembered one out. */
void gdb_breaks_remove_all(struct gdb_session *s);
/* Starts the target; false if it refused (the session stays STOPPED). */
bool gdb_run_resume(struct gdb_session *s, enum gdb_resume_kind how);

/* D and k (gdb_dispatch.c): breakpoints out, target running, FINISHED. */
void gdb_session_release(struct gdb_session *s);

/* The stop reply for stop into the reply (gdb_stop_reply.c). */
void gdb_stop_reply(struct gdb_session *s, const struct gdb_stop *stop);

#endif

/* SPDX-License-Identifier: MIT */
/* goto_prompt.h - the one-line "go to" prompt of a replay, in the status bar.
 *
 * A tiny line editor: printable characters are typed in, Backspace takes
 * the last one back, Enter submits, Esc (or Ctrl-C, as at a shell prompt)
 * cancels. What the line means is goto_parse's business. Pure.
 */
#ifndef KVMTUI_GOTO_PROMPT_H
#define KVMTUI_GOTO_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#define GOTO_PROMPT_LABEL "go to exit # or time: "
#define GOTO_PROMPT_MAX 32 /* "1h02m03.123456789s", "phys:0x12345678:" fit; longer is a typo */
#define ADDRESS_PROMPT_LABEL "address: "
#define BREAK_PROMPT_LABEL "break on: "

struct goto_prompt {
	bool open;
	char text[GOTO_PROMPT_MAX + 1];
	size_t len;
};

enum goto_prompt_result {
	GOTO_PROMPT_EDITING, /* still open (a key typed, erased or ignored) */
	GOTO_PROMPT_SUBMIT,  /* Enter: text holds the entry; the prompt is closed */
	GOTO_PROMPT_CANCEL,  /* Esc, Ctrl-C, or Enter on an empty line; closed */
};

void goto_prompt_open(struct goto_prompt *p);
enum goto_prompt_result goto_prompt_key(struct goto_prompt *p, int key);

#endif

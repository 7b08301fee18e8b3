/* SPDX-License-Identifier: MIT */
/* goto_prompt.c - the "go to" prompt's line editing (see goto_prompt.h). */
#include "goto_prompt.h"

#include <string.h>

#include "keys.h"

void goto_prompt_open(struct goto_prompt *p)
{
	memset(p, 0, sizeof(*p));
	p->open = true;
}

static enum goto_prompt_result close_with(struct goto_prompt *p, enum goto_prompt_result r)
{
	p->open = false;
	return r;
}

enum goto_prompt_result goto_prompt_key(struct goto_prompt *p, int key)
{
	switch (key) {
	case 0x1b: case UK_CTRL('c'): case UK_CTRL('g'):
		return close_with(p, GOTO_PROMPT_CANCEL);
	case '\r': case '\n': case UK_ENTER:
		return close_with(p, p->len ? GOTO_PROMPT_SUBMIT : GOTO_PROMPT_CANCEL);
	case UK_BACKSPACE: case 0x7f: case UK_CTRL('h'):
		if (p->len)
			p->text[--p->len] = '\0';
		return GOTO_PROMPT_EDITING;
	}
	/* Printable ASCII only: the entry is digits, units and '#'; anything
	 * else (arrows, F-keys, UTF-8) is not part of it. */
	if (key >= 0x20 && key < 0x7f && p->len < GOTO_PROMPT_MAX) {
		p->text[p->len++] = (char)key;
		p->text[p->len] = '\0';
	}
	return GOTO_PROMPT_EDITING;
}

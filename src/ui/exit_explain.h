/* exit_explain.h - why KVM hands an exit to user space, in plain words.
 *
 * Shown in the full decode of an exit (Enter in the exit log): the point of
 * the console is to teach what each exit means. Pure.
 */
#ifndef KVMTUI_EXIT_EXPLAIN_H
#define KVMTUI_EXIT_EXPLAIN_H

/* One or two sentences, never NULL. */
const char *exit_explain(unsigned reason);

#endif

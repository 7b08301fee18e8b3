/* SPDX-License-Identifier: MIT */
/* input_queue.h - bytes typed by the user on their way to a guest device.
 *
 * Bounded; the feeder (stdin in headless mode, the keyboard in the TUI) waits
 * or is told "full" rather than dropping a byte. The vCPU thread moves bytes
 * from here into the UART's receive FIFO as the guest reads them, or (the
 * keyboard's queue, see key_stream.h) into the 8042 as keys.
 */
#ifndef KVMTUI_INPUT_QUEUE_H
#define KVMTUI_INPUT_QUEUE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define INPUT_QUEUE_SIZE 4096

struct input_queue {
	pthread_mutex_t lock;
	pthread_cond_t space;
	uint8_t buf[INPUT_QUEUE_SIZE];
	size_t head, count;
	bool closed;
	/* count, readable without the lock: the vCPU looks before every run,
	 * and an empty queue must cost it no mutex. */
	atomic_size_t waiting;
};

void input_queue_init(struct input_queue *q);
void input_queue_destroy(struct input_queue *q);
/* Feeder: copies up to len bytes without waiting; returns how many fitted. */
size_t input_queue_offer(struct input_queue *q, const uint8_t *bytes, size_t len);
size_t input_queue_space(struct input_queue *q);
/* Feeder: puts every byte, waiting for room; false if closed meanwhile. */
bool input_queue_put_all(struct input_queue *q, const uint8_t *bytes, size_t len);
/* vCPU side: takes one byte if any. */
bool input_queue_take(struct input_queue *q, uint8_t *byte);
size_t input_queue_count(struct input_queue *q);
/* vCPU side, lock-free: true if bytes may be waiting. A feeder's bytes may
 * show a little late; it wakes the vCPU (CTRL_INPUT) after offering them. */
bool input_queue_maybe_waiting(struct input_queue *q);
/* Drops everything queued (a reset: input for the old guest). */
void input_queue_clear(struct input_queue *q);
void input_queue_close(struct input_queue *q);

#endif

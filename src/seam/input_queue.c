/* SPDX-License-Identifier: MIT */
/* input_queue.c - the bounded byte queue from the feeder to the guest's UART.
 *
 * A mutex is enough here: bytes arrive at typing speed (or stdin's), and the
 * feeder must be able to sleep until the guest reads. `space` is signalled
 * whenever bytes are taken or the queue closes.
 */
#include "input_queue.h"

void input_queue_init(struct input_queue *q)
{
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->space, NULL);
	q->head = 0;
	q->count = 0;
	q->closed = false;
	atomic_init(&q->waiting, 0);
}

void input_queue_destroy(struct input_queue *q)
{
	pthread_cond_destroy(&q->space);
	pthread_mutex_destroy(&q->lock);
}

/* Caller holds the lock. */
static size_t input_queue_copy_in(struct input_queue *q, const uint8_t *bytes, size_t len)
{
	size_t n = 0;
	while (n < len && q->count < INPUT_QUEUE_SIZE) {
		q->buf[(q->head + q->count) % INPUT_QUEUE_SIZE] = bytes[n++];
		q->count++;
	}
	atomic_store_explicit(&q->waiting, q->count, memory_order_relaxed);
	return n;
}

size_t input_queue_offer(struct input_queue *q, const uint8_t *bytes, size_t len)
{
	pthread_mutex_lock(&q->lock);
	size_t n = q->closed ? 0 : input_queue_copy_in(q, bytes, len);
	pthread_mutex_unlock(&q->lock);
	return n;
}

size_t input_queue_space(struct input_queue *q)
{
	pthread_mutex_lock(&q->lock);
	size_t space = INPUT_QUEUE_SIZE - q->count;
	pthread_mutex_unlock(&q->lock);
	return space;
}

bool input_queue_put_all(struct input_queue *q, const uint8_t *bytes, size_t len)
{
	pthread_mutex_lock(&q->lock);
	size_t done = 0;
	while (!q->closed) {
		done += input_queue_copy_in(q, bytes + done, len - done);
		if (done == len)
			break;
		pthread_cond_wait(&q->space, &q->lock);
	}
	bool ok = done == len;
	pthread_mutex_unlock(&q->lock);
	return ok;
}

bool input_queue_take(struct input_queue *q, uint8_t *byte)
{
	pthread_mutex_lock(&q->lock);
	bool got = q->count > 0;
	if (got) {
		*byte = q->buf[q->head];
		q->head = (q->head + 1) % INPUT_QUEUE_SIZE;
		q->count--;
		atomic_store_explicit(&q->waiting, q->count, memory_order_relaxed);
		pthread_cond_broadcast(&q->space);
	}
	pthread_mutex_unlock(&q->lock);
	return got;
}

size_t input_queue_count(struct input_queue *q)
{
	pthread_mutex_lock(&q->lock);
	size_t count = q->count;
	pthread_mutex_unlock(&q->lock);
	return count;
}

void input_queue_close(struct input_queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->closed = true;
	pthread_cond_broadcast(&q->space);
	pthread_mutex_unlock(&q->lock);
}

bool input_queue_maybe_waiting(struct input_queue *q)
{
	return atomic_load_explicit(&q->waiting, memory_order_relaxed) > 0;
}

void input_queue_clear(struct input_queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->head = 0;
	q->count = 0;
	atomic_store_explicit(&q->waiting, 0, memory_order_relaxed);
	pthread_cond_broadcast(&q->space);
	pthread_mutex_unlock(&q->lock);
}

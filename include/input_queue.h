/* input_queue.h - bytes typed by the user on their way to the guest's UART.
 *
 * Bounded; the feeder (stdin in headless mode, the keyboard in the TUI) waits
 * or is told "full" rather than dropping a byte. The vCPU thread moves bytes
 * from here into the UART's receive FIFO as the guest reads them.
 */
#ifndef KVMTUI_INPUT_QUEUE_H
#define KVMTUI_INPUT_QUEUE_H

#include <pthread.h>
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
void input_queue_close(struct input_queue *q);

#endif

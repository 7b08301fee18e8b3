/* SPDX-License-Identifier: MIT */
/* test_ui_screen.c - the text screen in the console, without a terminal:
 * the part of the page a small pane shows (following the cursor without
 * jumping), the pane's title, pane 1 growing for 25 rows, and, against a
 * real seam, the screen taking the serial console's place once, v and
 * Ctrl-A v switching, and keys typed into the screen reaching the 8042. */
#include "check.h"
#include "commands.h"
#include "intake.h"
#include "layout.h"
#include "screen_slot.h"
#include "screen_view.h"
#include "tui_state.h"

static struct tui t;

static struct text_screen page(uint16_t cols, int row, int col, bool cursor)
{
	struct text_screen s = { .cols = cols, .rows = 25, .mode = cols == 40 ? 1 : 3 };
	s.cursor_row = (uint8_t)row;
	s.cursor_col = (uint8_t)col;
	s.cursor_visible = cursor;
	return s;
}

static void test_view(void)
{
	struct screen_view v = { 0 };
	struct text_screen s = page(80, 0, 0, true);
	screen_view_fit(&v, &s, 40, 9);
	CHECK(v.part);
	CHECK_EQ(v.rows, 9);
	CHECK_EQ(v.cols, 40);
	CHECK_EQ(v.top, 0);
	CHECK_EQ(v.left, 0);
	s = page(80, 20, 60, true); /* the cursor leaves: just enough to show it */
	screen_view_fit(&v, &s, 40, 9);
	CHECK_EQ(v.top, 12);
	CHECK_EQ(v.left, 21);
	s = page(80, 15, 30, true); /* inside the part shown: nothing moves */
	screen_view_fit(&v, &s, 40, 9);
	CHECK_EQ(v.top, 12);
	CHECK_EQ(v.left, 21);
	s = page(80, 0, 0, false); /* a hidden cursor is not followed */
	screen_view_fit(&v, &s, 40, 9);
	CHECK_EQ(v.top, 12);
	CHECK_EQ(v.left, 21);
	s = page(80, 24, 79, true); /* the bottom-right corner */
	screen_view_fit(&v, &s, 40, 9);
	CHECK_EQ(v.top, 16);
	CHECK_EQ(v.left, 40);
	s = page(80, 14, 7, true);
	screen_view_fit(&v, &s, 40, 9);
	CHECK_EQ(v.top, 14);
	CHECK_EQ(v.left, 7);
	/* Zoomed (a bigger pane): from the top-left again, as far as the
	 * cursor allows, not from where the small pane had scrolled to. */
	screen_view_fit(&v, &s, 78, 21);
	CHECK_EQ(v.top, 0);
	CHECK_EQ(v.left, 0);
	CHECK_EQ(v.rows, 21);
	s = page(80, 24, 79, true);
	screen_view_fit(&v, &s, 78, 21);
	CHECK_EQ(v.top, 4);
	CHECK_EQ(v.left, 2);
	s = page(80, 3, 3, true); /* a pane big enough: the whole page, from 0,0 */
	screen_view_fit(&v, &s, 100, 30);
	CHECK(!v.part);
	CHECK_EQ(v.rows, 25);
	CHECK_EQ(v.cols, 80);
	CHECK_EQ(v.top, 0);
	CHECK_EQ(v.left, 0);
	s = page(40, 3, 39, true); /* 40 columns are shown 40 wide */
	screen_view_fit(&v, &s, 78, 25);
	CHECK(!v.part);
	CHECK_EQ(v.cols, 40);
	s = page(80, 0, 0, true);
	s.cols = 200; /* a bad header: no further than the page */
	screen_view_fit(&v, &s, 300, 60);
	CHECK_EQ(v.cols, TEXT_SCREEN_COLS);
	screen_view_fit(&v, &s, 0, -3); /* no room at all */
	CHECK_EQ(v.rows, 0);
	CHECK_EQ(v.cols, 0);
}

static void test_title(void)
{
	struct text_screen s = page(80, 20, 60, true);
	s.used = 1;
	s.dirty_pages = 12;
	s.refreshes = 30;
	struct screen_view v = { 0 };
	screen_view_fit(&v, &s, 40, 9);
	char title[192];
	struct screen_title_info info = { .page = &s, .view = &v, .keys_here = true, .utf8 = true,
					  .room = 200 };
	screen_view_title(title, sizeof(title), &info);
	CHECK_STR(title, "1 screen 80x25 mode 03h · rows 12-20, cols 21-60 · keys → 8042 · "
			 "dirty pages 12, refreshes 30");
	info.room = 60; /* what does not fit is left out, most telling first */
	screen_view_title(title, sizeof(title), &info);
	CHECK_STR(title, "1 screen 80x25 mode 03h · rows 12-20, cols 21-60");
	info.room = 39; /* about an 80x24 terminal's pane 1: the part before the mode */
	screen_view_title(title, sizeof(title), &info);
	CHECK_STR(title, "1 screen 80x25 · rows 12-20, cols 21-60");
	info.room = 10;
	screen_view_title(title, sizeof(title), &info);
	CHECK_STR(title, "1 screen 80x25");
	s = page(40, 0, 0, true);
	screen_view_fit(&v, &s, 78, 25);
	info = (struct screen_title_info){ .page = &s, .view = &v, .room = 200 };
	screen_view_title(title, sizeof(title), &info);
	CHECK_STR(title, "1 screen 40x25 mode 01h - not used yet - dirty pages 0, refreshes 0");
	s = page(80, 0, 0, true); /* only the columns cut: only they are named */
	s.used = 1;
	screen_view_fit(&v, &s, 70, 25);
	info = (struct screen_title_info){ .page = &s, .view = &v, .room = 50 };
	screen_view_title(title, sizeof(title), &info);
	CHECK_STR(title, "1 screen 80x25 mode 03h - cols 0-69");
}

/* Pane 1 grows for the screen's 25 rows, as far as the exit log can give. */
static void test_layout(void)
{
	struct layout l;
	layout_compute(&l, 120, 40, PANE_COUNT, 12);
	int both = l.pane[PANE_SERIAL].h + l.pane[PANE_EXITS].h;
	layout_grow_first(&l, 25);
	CHECK_EQ(l.pane[PANE_SERIAL].h, 27);
	CHECK_EQ(l.pane[PANE_EXITS].y, 27);
	CHECK_EQ(l.pane[PANE_SERIAL].h + l.pane[PANE_EXITS].h, both);
	layout_compute(&l, 80, 24, PANE_COUNT, 12);
	layout_grow_first(&l, 25); /* 23 rows: the log keeps 8 */
	CHECK_EQ(l.pane[PANE_SERIAL].h, 15);
	CHECK_EQ(l.pane[PANE_EXITS].h, 8);
	CHECK_EQ(l.pane[PANE_EXITS].y + l.pane[PANE_EXITS].h, 23);
	layout_compute(&l, 200, 70, PANE_COUNT, 12);
	int h = l.pane[PANE_SERIAL].h;
	CHECK(h > 27);
	layout_grow_first(&l, 25); /* already taller than 27: never shrinks */
	CHECK_EQ(l.pane[PANE_SERIAL].h, h);
	layout_compute(&l, 60, 16, PANE_COUNT, 12); /* compact */
	layout_grow_first(&l, 25);
	CHECK_EQ(l.pane[PANE_SERIAL].h + l.pane[PANE_EXITS].h, 15);
	CHECK_EQ(l.pane[PANE_EXITS].h, 8);
	layout_compute(&l, 80, 24, PANE_SERIAL, 12); /* zoomed: the whole screen already */
	layout_grow_first(&l, 25);
	CHECK_EQ(l.pane[PANE_SERIAL].h, 23);
}

static void publish(struct seam *s, bool used)
{
	static uint64_t refreshes;
	struct text_screen p = page(80, 2, 5, true);
	p.used = used;
	p.refreshes = ++refreshes;
	text_screen_box_publish(&s->screen, &p);
	intake_poll(&t, seam_now_ns());
}

static void test_no_screen(struct seam *s)
{
	(void)s;
	intake_poll(&t, seam_now_ns());
	CHECK(!screen_slot_available(&t));
	commands_key(&t, 'v');
	CHECK(!screen_slot_shows_screen(&t));
	CHECK_CONTAINS(t.message, "the BIOS is off");
}

static void test_slot(struct seam *s)
{
	publish(s, false); /* the BIOS's first screen: not the guest's yet */
	CHECK(screen_slot_available(&t));
	CHECK(!screen_slot_shows_screen(&t));
	t.dirty = false;
	publish(s, true); /* the guest wrote to it: it takes pane 1, once */
	CHECK(t.dirty);
	CHECK(screen_slot_shows_screen(&t));
	CHECK_CONTAINS(t.message, "pane 1: the guest's screen");
	CHECK_EQ(t.screen.page.cursor_col, 5);
	t.focus = PANE_EXITS;
	commands_key(&t, 'v'); /* back to COM1 ... */
	CHECK(!screen_slot_shows_screen(&t));
	publish(s, true); /* ... and the next screen does not take it again */
	CHECK(!screen_slot_shows_screen(&t));
	commands_key(&t, 'v');
	CHECK(screen_slot_shows_screen(&t));
	/* Zoom 1 shows whatever is in the place: the slot does not change. */
	commands_key(&t, '1');
	CHECK_EQ(t.zoom, PANE_SERIAL);
	CHECK(screen_slot_shows_screen(&t));
	commands_key(&t, '1');
	CHECK_EQ(t.zoom, PANE_COUNT);
}

/* Typed into the screen, keys go to the 8042 whatever K says for the
 * serial console; Ctrl-A is the same escape; v from inside is Ctrl-A v. */
static void test_typing(struct seam *s)
{
	layout_compute(&t.layout, 80, 24, PANE_COUNT, 12);
	CHECK_EQ(t.console.target, INPUT_TO_UART);
	t.focus = PANE_SERIAL;
	commands_key(&t, 'v'); /* a key for the guest here, not the switch */
	commands_key(&t, UK_UP);
	uint8_t b, want[] = { 'v', 0xee, 0x80, 0x80 }; /* Up is one key: U+E000 */
	for (size_t i = 0; i < sizeof(want); i++)
		CHECK(input_queue_take(&s->keyboard, &b) && b == want[i]);
	CHECK(!input_queue_take(&s->keyboard, &b));
	CHECK(!input_queue_take(&s->input, &b)); /* nothing to COM1 */
	CHECK(screen_slot_shows_screen(&t));
	commands_key(&t, UK_SHIFT_PGUP); /* COM1's history is hidden: no scrolling */
	CHECK_EQ(t.serial_scroll, 0);
	commands_key(&t, UK_CTRL('a'));
	commands_key(&t, 'v'); /* Ctrl-A v: the serial console, still focused */
	CHECK(!screen_slot_shows_screen(&t));
	CHECK_EQ(t.focus, PANE_SERIAL);
	commands_key(&t, 'x'); /* now to COM1, as K left it */
	CHECK(input_queue_take(&s->input, &b) && b == 'x');
	CHECK(!input_queue_take(&s->keyboard, &b));
	commands_key(&t, UK_CTRL('a'));
	commands_key(&t, 'v');
	CHECK(screen_slot_shows_screen(&t));
	commands_key(&t, UK_CTRL('a'));
	commands_key(&t, UK_CTRL('a')); /* Ctrl-A Ctrl-A: one Ctrl-A, to the 8042 */
	CHECK(input_queue_take(&s->keyboard, &b) && b == 1);
	commands_key(&t, UK_CTRL('a'));
	commands_key(&t, 'x');
	CHECK(t.quit);
	t.quit = false;
}

/* A replay has no guest to type to; without a screen in the recording, v
 * says so and pane 1 stays the serial console. */
static void test_replay(void)
{
	static const struct tui_config cfg = { .guest_name = "r", .replay_file = "x.rec" };
	struct seam *fresh = seam_create(1024);
	CHECK(fresh != NULL);
	CHECK_EQ(tui_state_init(&t, fresh, &cfg), 0);
	commands_key(&t, 'v');
	CHECK(!screen_slot_shows_screen(&t));
	CHECK_CONTAINS(t.message, "the recording has no text screen");
	tui_state_free(&t);
	seam_destroy(fresh);
}

int main(void)
{
	test_view();
	test_title();
	test_layout();
	struct seam *s = seam_create(1024);
	CHECK(s != NULL);
	static const struct tui_config cfg = { .guest_name = "test" };
	CHECK_EQ(tui_state_init(&t, s, &cfg), 0);
	layout_compute(&t.layout, 80, 24, PANE_COUNT, 12);
	test_no_screen(s);
	test_slot(s);
	test_typing(s);
	tui_state_free(&t);
	seam_destroy(s);
	test_replay();
	return check_done();
}

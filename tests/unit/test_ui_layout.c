/* SPDX-License-Identifier: MIT */
/* test_ui_layout.c - pane rectangles for full, compact, zoomed and tiny terminals. */
#include "check.h"
#include "layout.h"

static int inside(struct rect r, int cols, int lines)
{
	return r.x >= 0 && r.y >= 0 && r.w > 0 && r.h > 0 && r.x + r.w <= cols && r.y + r.h <= lines;
}

static int overlap(struct rect a, struct rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void check_tiles(const struct layout *l)
{
	int area = l->status.w * l->status.h;
	for (int p = 0; p < PANE_COUNT; p++) {
		if (!l->shown[p])
			continue;
		CHECK(inside(l->pane[p], l->cols, l->lines - 1));
		CHECK(!overlap(l->pane[p], l->status));
		area += l->pane[p].w * l->pane[p].h;
		for (int q = p + 1; q < PANE_COUNT; q++)
			if (l->shown[q])
				CHECK(!overlap(l->pane[p], l->pane[q]));
	}
	CHECK_EQ(area, l->cols * l->lines); /* every cell belongs to something */
}

static void test_full(void)
{
	static const int sizes[][2] = { { 80, 24 }, { 120, 40 }, { 200, 60 }, { 81, 25 }, { 300, 100 } };
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		struct layout l;
		layout_compute(&l, sizes[i][0], sizes[i][1], PANE_COUNT, 12);
		CHECK_EQ(l.kind, LAYOUT_FULL);
		for (int p = 0; p < PANE_COUNT; p++)
			CHECK(l.shown[p]);
		check_tiles(&l);
		CHECK_EQ(l.status.y, sizes[i][1] - 1);
		CHECK(l.pane[PANE_REGS].w >= 38);
		CHECK(l.pane[PANE_STATS].h >= 8);
		CHECK(l.pane[PANE_SERIAL].h >= 5);
	}
	struct layout l;
	layout_compute(&l, 200, 60, PANE_COUNT, 20);
	CHECK_EQ(l.pane[PANE_REGS].h, 22);
	/* a register pane that wants everything still leaves the statistics room */
	layout_compute(&l, 80, 24, PANE_COUNT, 100);
	CHECK_EQ(l.pane[PANE_STATS].h, 8);
}

static void test_compact_and_small(void)
{
	struct layout l;
	layout_compute(&l, 79, 24, PANE_COUNT, 12);
	CHECK_EQ(l.kind, LAYOUT_COMPACT);
	CHECK(l.shown[PANE_SERIAL] && l.shown[PANE_EXITS]);
	CHECK(!l.shown[PANE_REGS] && !l.shown[PANE_STATS]);
	check_tiles(&l);
	layout_compute(&l, 40, 10, PANE_COUNT, 12);
	CHECK_EQ(l.kind, LAYOUT_COMPACT);
	check_tiles(&l);
	layout_compute(&l, 39, 30, PANE_COUNT, 12);
	CHECK_EQ(l.kind, LAYOUT_TOO_SMALL);
	layout_compute(&l, 100, 9, PANE_REGS, 12);
	CHECK_EQ(l.kind, LAYOUT_TOO_SMALL);
	char buf[80];
	layout_too_small_text(buf, sizeof(buf), 30, 8);
	CHECK_STR(buf, "terminal too small: need 40x10, have 30x8");
}

static void test_zoom(void)
{
	struct layout l;
	layout_compute(&l, 80, 24, PANE_REGS, 12);
	CHECK_EQ(l.kind, LAYOUT_ZOOM);
	CHECK(l.shown[PANE_REGS] && !l.shown[PANE_SERIAL]);
	CHECK_EQ(l.pane[PANE_REGS].w, 80);
	CHECK_EQ(l.pane[PANE_REGS].h, 23);
	check_tiles(&l);
	layout_compute(&l, 50, 12, PANE_STATS, 12);
	CHECK_EQ(l.kind, LAYOUT_ZOOM);
	check_tiles(&l);
}

int main(void)
{
	test_full();
	test_compact_and_small();
	test_zoom();
	return check_done();
}

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The timer lesson in the console: a guest that sleeps in HLT and wakes up
# 100 times a second. At 120x36 and 80x24: its "second N" lines arrive,
# the title says it is waiting for an interrupt rather than halted for
# good, p freezes guest time (no new second while paused, however long),
# and s from the HLT takes the injection of IRQ 0 as one step and the
# handler's first instruction as the next (IP inside irq0, 7c58-7c63),
# the exit log showing the injection as its own line.
# Replay twin: timer.rec; pausing freezes it just the same, and s moves
# one recorded exit.
. "$(dirname "$0")/tui_lib.sh"
require_tui
guest timer

HLT_NEXT=7c34      # the instruction after the guest's HLT (sleep loop)
HANDLER='7c(5[89a-f]|6[0-3])' # irq0: push ax ... iret

# last_second: the highest N of the "second N" lines on screen (0: none).
last_second() {
	screen | grep -oE 'second [0-9]+' | awk '{ if ($2 > n) n = $2 } END { print n + 0 }'
}

# ip: the IP the register pane shows.
ip() {
	screen | grep -oE 'IP [0-9a-f]{4}' | head -1 | cut -d' ' -f2
}

check_size() {
	local w=$1 h=$2
	start "$w" "$h" "${GUEST[@]}"
	wait_for 'second 2' "${w}x$h: the guest counts its seconds from IRQ 0 ticks"
	if live_only "the title shows the HLT as a wait"; then
		wait_for 'HALTED, waiting for an interrupt|WAITING' "${w}x$h: asleep in HLT is a wait, not the end"
	fi

	keys p
	wait_for 'PAUSED *$' "p: paused"
	local before
	before=$(last_second)
	# Guest time stops while paused: 2.5 s of wall time would be two more
	# lines if the PIT ran on.
	sleep 2.5
	local after
	after=$(last_second)
	if [ "$after" = "$before" ]; then
		ok "paused 2.5 s: still at second $before (guest time froze)"
	else
		fail "paused 2.5 s: the seconds went on from $before to $after"
	fi

	if live_only "s steps into the timer's interrupt handler"; then
		step_into_handler
	else
		local total
		total=$(screen | grep -oE 'exits · [0-9]+ total' | grep -oE '[0-9]+' | head -1)
		keys s
		wait_for "exits · $((total + 1)) total" "s: the replay moved one exit"
	fi

	keys r
	wait_for "second $((before + 1))" "r: the seconds go on after the resume"
	keys q
	wait_exit "q quits"
	assert_sane_terminal
}

# From wherever the pause caught it, back to the HLT, then into irq0.
step_into_handler() {
	local i
	for ((i = 0; i < 20 && $(ip) != "$HLT_NEXT"; i++)); do
		keys n
		sleep 0.3
	done
	if [ "$(ip)" != "$HLT_NEXT" ]; then
		fail "n: back to the HLT (IP $HLT_NEXT), IP is $(ip)"
		return
	fi
	keys s
	# The first step is the injection itself: the guest has not run yet.
	wait_for 'PAUSED *$' "s: the step ends paused"
	sleep 0.5
	if [ "$(ip)" = "$HLT_NEXT" ]; then
		ok "s: IRQ 0 injected, the guest has not run yet (IP still $HLT_NEXT)"
		assert_screen 'IRQ0 timer → vector 08h injected *│' "s: the injection is the exit log's last line"
	else
		fail "s: the injection is a step of its own (IP $(ip), expected $HLT_NEXT)"
	fi
	keys s
	local n
	for ((n = 0; n < 50; n++)); do
		[[ $(ip) =~ ^$HANDLER$ ]] && break
		sleep 0.1
	done
	if [[ $(ip) =~ ^$HANDLER$ ]]; then
		ok "s: the next step is inside the IRQ 0 handler (IP $(ip))"
	else
		fail "s: the next step is inside the IRQ 0 handler (IP $(ip))"
		screen | sed 's/^/    | /'
	fi
}

check_size 120 36
check_size 80 24
finish

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# --irqchip: the statistics pane's title and the help say which interrupt
# controller runs; the vCPU pane shows the PICs' lines (IRQ pend/serv/mask)
# under the flags. The timer guest with KVM's irqchip: its ticks come with
# no exit, the vCPU waits inside KVM_RUN (WAITING), the IRQ row shows IRQ 0
# alone unmasked (mask fe/ff); pausing freezes its seconds.
# tui-twin: none (the interrupt controller is a live run's: a replay has none, and says so in its help)
. "$(dirname "$0")/tui_lib.sh"
require_tui
require_file "$GUESTS/timer.bin" "$GUESTS/hello.bin"

start 200 50 --irqchip kernel "$GUESTS/timer.bin"
wait_for 'second 1' "kernel: the timer guest counts its first second"
assert_screen "4 statistics · irqchip: kernel \\(KVM's PIC, PIT\\)" \
	"kernel: the statistics title names KVM's PIC and PIT"
wait_for 'IRQ pend [-0-9,]+ +serv [-0-9,]+ +mask fe/ff' "kernel: the vCPU pane shows KVM's PIC (IRQ 0 alone unmasked)"
wait_for 'WAITING' "kernel: the guest sleeps in HLT inside KVM_RUN: WAITING"
assert_not_screen 'HLT +[0-9]+ ' "kernel: no HLT exit counted"
keys '?'
wait_for "irqchip: kernel \\(KVM's PIC, PIT\\)" "kernel: the help names the irqchip"
keys Escape
keys p
wait_for 'state PAUSED' "kernel: p pauses"
before=$(screen | grep -o 'second [0-9]*' | tail -n 1)
sleep 2.2
assert_eq "$before" "$(screen | grep -o 'second [0-9]*' | tail -n 1)" \
	"kernel: paused, KVM's PIT is frozen: no new second ($before)"
keys r
wait_for "second $(( ${before#second } + 1 ))" "kernel: resumed, the seconds go on"
keys q
wait_exit "kernel: q quits"
assert_eq 0 "$STATUS" "kernel: quitting a waiting guest: status 0, as a running one"

# 80x24: the title has room only for the short form.
start 80 24 --irqchip kernel "$GUESTS/hello.bin"
wait_for 'HALTED' "kernel 80x24: hello halts (HLT with IF=0, seen inside the kernel)"
assert_screen 'statistics · irqchip: kernel ─' "kernel 80x24: the title says irqchip: kernel"
keys q
wait_exit "kernel 80x24: q quits"

start 120 40 "$GUESTS/hello.bin"
wait_for 'HALTED' "user: hello halts"
assert_screen '4 statistics · irqchip: user ─' "user: the statistics title says irqchip: user"
assert_screen 'IRQ pend - +serv - +mask f8/ff' "user: kvm-tui's PIC as a BIOS leaves it (IMR f8/ff)"
keys '?'
wait_for "irqchip: user \\(kvm-tui's PIC, PIT" "user: the help names the irqchip"
keys Escape q
wait_exit "user: q quits"
assert_eq 0 "$STATUS" "user: a halted guest quits with status 0"

# A replay has no interrupt controller of its own: the help says so.
start 120 40 --replay "$SOURCE_DIR/tests/recordings/hello.rec"
wait_for 'HALTED' "replay: hello.rec plays to its end"
assert_not_screen 'irqchip' "replay: no irqchip in the statistics title"
keys '?'
wait_for 'irqchip: none in a replay' "replay: the help says a replay has no irqchip"
keys Escape q
wait_exit "replay: q quits"
finish

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# uartirq: echo driven by COM1's receive interrupt (IER.ERBFI, MCR.OUT2,
# IRQ 4 unmasked, vector 0Ch) instead of polling the line status register.
# For the same input it prints what echo prints (after its greeting), and
# costs a small fraction of echo's exits: echo asks the UART thousands of
# times a second while nobody types, uartirq sleeps in HLT until IRQ 4.
. "$(dirname "$0")/lib.sh"
# The interrupt controllers to run the guest under (kvm-tui's own, and
# after --irqchip kernel lands, KVM's in-kernel one).
IRQCHIP_MODES="user kernel"

# irqchip MODE: the options that choose MODE (user is the default).
irqchip() { [ "$1" = user ] || printf -- '--irqchip %s' "$1"; }

require_kvm
IRQCHIP_MODES=$(irqchip_modes_here $IRQCHIP_MODES)
require_file "$GUESTS/uartirq.bin" "$GUESTS/echo.bin"

greeting="uartirq: type away, 'q' quits\r\n"
goodbye='\r\nGoodbye!\r\n'

# slow_typist: the same input for both guests, in three bursts with pauses
# in between, as someone typing.
slow_typist() { printf 'hello'; sleep 0.5; printf '\rwor\x7fld'; sleep 0.5; printf '\r\nq'; }
expected='hello\r\nwor\b \bld\r\n'"$goodbye"

for mode in $IRQCHIP_MODES; do
	run --stdin <(slow_typist) --headless --stats $(irqchip "$mode") "$GUESTS/echo.bin"
	assert_status 0 "[$mode] echo: status 0"
	echo_total=$(stats_count total)
	tail -c +29 "$OUT" >"$WORK/echo.text" # after "echo: type away, 'q' quits\r\n"

	run --stdin <(slow_typist) --headless --stats --trace "$WORK/trace" $(irqchip "$mode") \
		"$GUESTS/uartirq.bin"
	assert_status 0 "[$mode] uartirq: status 0"
	assert_stdout "$greeting$expected" "[$mode] uartirq echoes, erases and ends its lines as echo does"
	assert_eq "$(cat "$WORK/echo.text")" "$(tail -c +32 "$OUT")" \
		"[$mode] after the greeting, uartirq's output is echo's, byte for byte"
	irq_total=$(stats_count total)
	echo "# [$mode] exits for the same input over ~1 s: echo $echo_total, uartirq $irq_total"
	if [ "$((irq_total * 20))" -le "$echo_total" ]; then
		ok "[$mode] uartirq needs well under 1/20 of echo's exits ($irq_total vs $echo_total)"
	else
		fail "[$mode] uartirq should need well under 1/20 of echo's exits ($irq_total vs $echo_total)"
	fi
	# Every received byte was read from RBR (in 0x3f8) after LSR said so.
	assert_eq 15 "$(grep -c '"dir":"in","port":"0x3f8"' "$WORK/trace")" \
		"[$mode] 15 IO in 0x3f8, one per byte typed"
	if [ "$mode" = user ]; then
		hlt=$(stats_count HLT)
		if [ "$hlt" -ge 3 ] && [ "$hlt" -le 18 ]; then
			ok "[$mode] HLT exits: a wait per burst at least, at most one per byte ($hlt)"
		else
			fail "[$mode] HLT exits: expected 3..18 (a wait per burst, at most one per byte), got $hlt"
		fi
		eoi=$(grep -c '"dir":"out","port":"0x20".*"data":"0x20"' "$WORK/trace")
		assert_ge 3 "$eoi" "[$mode] the handler ran, and ended with an EOI, at least once a burst ($eoi)"
	fi
done

# Line endings and erasing, as echo: CR LF is one Enter, a lone CR or LF is
# one too; DEL and BS erase; everything after the 'q' is never read.
printf 'a\r\nb\rc\nd\x7fe\bf\rq ignored' >"$WORK/in2"
run --stdin "$WORK/in2" --headless "$GUESTS/uartirq.bin"
assert_status 0 "uartirq: status 0 with mixed line endings"
assert_stdout "$greeting"'a\r\nb\r\nc\r\nd\b \be\b \bf\r\n'"$goodbye" \
	"uartirq: CR LF, CR, LF each one newline; DEL and BS erase"

# Far more than its 16-byte buffer at once: the handler stops draining when
# the buffer is full, the bytes wait in the UART and kvm-tui, none is lost.
for i in $(seq 1 40); do printf 'line %02d: the lazy brown dog jumps\n' "$i"; done >"$WORK/in3"
printf 'q' >>"$WORK/in3"
{
	printf "$greeting"
	for i in $(seq 1 40); do printf 'line %02d: the lazy brown dog jumps\r\n' "$i"; done
	printf "$goodbye"
} >"$WORK/out3"
run --stdin "$WORK/in3" --headless "$GUESTS/uartirq.bin"
assert_status 0 "uartirq: status 0 after $(wc -c <"$WORK/in3") bytes of input"
assert_stdout_file "$WORK/out3" "uartirq: $(wc -c <"$WORK/in3") input bytes, none lost"

# Without a 'q' the guest sleeps forever (no polling: next to no exits).
run --stdin <(printf 'abc') --headless --timeout 1 --stats "$GUESTS/uartirq.bin"
assert_status 124 "uartirq without 'q': stopped by --timeout 1 (status 124)"
assert_stdout "${greeting}abc" "uartirq without 'q': greeting and echo, nothing else"
total=$(stats_count total)
if [ "${total:-999}" -le 100 ]; then
	ok "uartirq idle for a second: $total exits (echo makes tens of thousands)"
else
	fail "uartirq idle for a second should make few exits, made ${total:-?}"
fi

finish

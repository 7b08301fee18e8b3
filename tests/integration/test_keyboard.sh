#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# keyboard: typed keys reach the guest through the 8042 (--keyboard kbc) as
# scan code set 1 make and break codes on IRQ 1. The guest's IRQ 1 handler
# prints each code with its key ("1e a make", "9e a break"), tracking Shift
# itself; Esc's break ends it ("bye", halt, status 0). Nothing typed is lost
# behind the 8042's one-byte output buffer, and the keys that wait for a
# sleeping guest wake it. Bad values of --keyboard are refused (no KVM needed).
. "$(dirname "$0")/lib.sh"
# The interrupt controllers to run the guest under (kvm-tui's own, and
# after --irqchip kernel lands, KVM's in-kernel one).
IRQCHIP_MODES="user kernel"

# irqchip MODE: the options that choose MODE (user is the default).
irqchip() { [ "$1" = user ] || printf -- '--irqchip %s' "$1"; }

# --- the option, refused before KVM is opened ---
for bad in ps2 KBC "" uart,kbc; do
	run --headless --keyboard "$bad" "$GUESTS/hello.bin"
	assert_status 2 "--keyboard '$bad': status 2"
	assert_eq "kvm-tui: bad value for --keyboard: '$bad' (kbc or uart)" "$(head -n 1 "$ERR")" \
		"--keyboard '$bad': one line says what is wrong and what is right"
done
run --help
assert_file_contains "$OUT" "--keyboard kbc\\|uart" "--help documents --keyboard kbc|uart"

require_kvm
IRQCHIP_MODES=$(irqchip_modes_here $IRQCHIP_MODES)
require_file "$GUESTS/keyboard.bin"

greeting='keyboard: type, Esc quits\r\n'
bye='01 Esc make\r\n81 Esc break\r\nbye\r\n'
printf 'hI!\033' >"$WORK/hi"
for mode in $IRQCHIP_MODES; do
	run --stdin "$WORK/hi" --headless --keyboard kbc --stats --trace "$WORK/trace" \
		$(irqchip "$mode") "$GUESTS/keyboard.bin"
	assert_status 0 "[$mode] keyboard ends on Esc's break with a halt: status 0"
	assert_stdout "$greeting"'23 h make\r\na3 h break\r\n2a Shift make\r\n17 I make\r\n97 I break\r\naa Shift break\r\n2a Shift make\r\n02 ! make\r\n82 ! break\r\naa Shift break\r\n'"$bye" \
		"[$mode] 'hI!' Esc: make and break codes, Shift around 'I' and '!'"
	assert_eq 12 "$(grep -c '"dir":"in","port":"0x60"' "$WORK/trace")" \
		"[$mode] one IN from port 0x60 per scan code (12)"
	io=$(stats_count IO) hlt=$(stats_count HLT) total=$(stats_count total)
	# As often as the timing makes them: a key that arrives while the
	# handler runs (IF=0) waits for the interrupt window (IRQ_WINDOW_OPEN),
	# and with KVM's irqchip typed input kicks the vCPU out of KVM_RUN to
	# raise IRQ 1 (INTR).
	window=$(stats_count IRQ_WINDOW_OPEN) kick=$(stats_count INTR)
	assert_eq "$total" "$((io + hlt + ${window:-0} + ${kick:-0}))" \
		"[$mode] only IO, HLT, IRQ_WINDOW_OPEN and INTR exits ($total: $(trace_summary "$WORK/trace" | cut -d' ' -f1 | sort | uniq -c | tr -s ' \n' ' '))"
	if [ "$mode" = user ]; then
		# 2 PIC mask OUTs, the greeting's 27 bytes, per code an IN and the
		# EOI (24), and the 163 bytes of the lines and "bye".
		assert_eq 216 "$io" "[$mode] IO exits: 2 PIC masks + the text + IN and EOI per code"
		assert_eq 12 "$(grep -c '"dir":"out","port":"0x20".*"data":"0x20"' "$WORK/trace")" \
			"[$mode] one EOI (out 0x20 <- 0x20) per code"
		if [ "$hlt" -ge 2 ] && [ "$hlt" -le 13 ]; then
			ok "[$mode] HLT exits: the waits (at most one per code) and the end ($hlt)"
		else
			fail "[$mode] HLT exits: expected 2..13 (waits, at most one per code, and the end), got $hlt"
		fi
	fi
done

# A slow typist: the guest is asleep in HLT when each key comes, and wakes.
run --stdin <(printf 'a'; sleep 0.5; printf '\033') --headless --keyboard kbc "$GUESTS/keyboard.bin"
assert_status 0 "keys typed while the guest sleeps wake it: status 0"
assert_stdout "$greeting"'1e a make\r\n9e a break\r\n'"$bye" "a, then Esc half a second later"

# A burst far beyond the 8042's buffer (one byte) and its queue (128): every
# key arrives, in order. (Lower case and digits: one make, one break each.)
text=$(for i in $(seq 1 30); do printf 'abcdefghijklmnopqrstuvwxyz0123456789'; done)
printf '%s\033' "$text" >"$WORK/burst"
run --stdin "$WORK/burst" --headless --keyboard kbc "$GUESTS/keyboard.bin"
assert_status 0 "a burst of ${#text} keys: status 0"
assert_eq "$text" "$(grep ' make' "$OUT" | grep -v Esc | cut -d' ' -f2 | tr -d '\n')" \
	"${#text} keys typed at once: every make code, in order"
assert_eq "${#text}" "$(grep -c ' break' "$OUT" | awk '{print $1 - 1}')" \
	"${#text} keys typed at once: every break code"

# The default (--keyboard uart) sends stdin to COM1, which this guest never
# reads: its 8042 gets nothing and it waits until --timeout.
run --stdin "$WORK/hi" --headless --timeout 1 "$GUESTS/keyboard.bin"
assert_status 124 "--keyboard uart (the default): the 8042 gets nothing, --timeout ends it"
assert_stdout "$greeting" "--keyboard uart: nothing but the greeting"

finish

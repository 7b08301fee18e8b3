#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# --irqchip kernel: KVM's own PIC and PIT (KVM_CREATE_IRQCHIP, KVM_CREATE_PIT2)
# instead of kvm-tui's. Every guest gives the same COM1 bytes and the same
# status as with --irqchip user; what changes is which exits reach kvm-tui:
# the PIC's and PIT's ports and HLT are handled inside the kernel. A HLT with
# interrupts off still ends the run (status 0); with them on it is a wait
# that the timer or input ends.
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/hello.bin" "$GUESTS/timer.bin" "$TEST_GUESTS/uart_irq.bin" "$TEST_GUESTS/masked_hlt.bin"

run --headless --irqchip kernel "$GUESTS/minimal.bin"
if [ "$STATUS" -eq 4 ] && grep -q 'KVM_CREATE_\(IRQCHIP\|PIT2\)' "$ERR"; then
	skip_host "this host's KVM cannot make an in-kernel irqchip: $(head -n 1 "$ERR")"
fi

# both NAME [--stdin FILE] ARGS...: runs ARGS in each mode; the kernel run's
# OUT, ERR and STATUS are left for more checks.
both() {
	local name=$1
	shift
	local -a input=()
	if [ "$1" = --stdin ]; then
		input=(--stdin "$2")
		shift 2
	fi
	run ${input[@]+"${input[@]}"} --irqchip user "$@"
	local user_status=$STATUS
	cp "$OUT" "$WORK/$name.user"
	run ${input[@]+"${input[@]}"} --irqchip kernel "$@"
	assert_eq "$user_status" "$STATUS" "$name: the same status with either irqchip ($STATUS)"
	assert_stdout_file "$WORK/$name.user" "$name: the same COM1 bytes with either irqchip"
}

# HLT with interrupts off is the end: no HLT exit comes with KVM's irqchip,
# kvm-tui sees the vCPU halted in the kernel with IF=0.
both minimal --headless --stats "$GUESTS/minimal.bin"
assert_status 0 "minimal (cli; hlt) ends with status 0 under KVM's irqchip"
assert_eq 0 "$(stats_count total)" "minimal: no exit reaches kvm-tui (KVM handled the HLT)"
# HLT with interrupts on but every PIC line masked waits for nothing: the
# end too, in both modes (a run that hung here would hit the timeout, 124).
both masked_hlt --headless --timeout 5 "$TEST_GUESTS/masked_hlt.bin"
assert_status 0 "masked_hlt (sti; hlt, every line masked) ends with status 0"
assert_stdout "masked\n" "masked_hlt: the HLT was the end (no 'woke up')"
both hello --headless --stats "$GUESTS/hello.bin"
assert_eq 12 "$(stats_count IO)" "hello: its 12 OUTs to COM1 still exit"
assert_eq "" "$(stats_count HLT)" "hello: no HLT exit with KVM's irqchip"
both seed_hello --headless "$TEST_GUESTS/seed_hello.bin"
both seed_minimal --headless "$TEST_GUESTS/seed_minimal.bin"
both count --headless --max-exits 16 "$GUESTS/count.bin"
both protected --headless "$GUESTS/protected.bin"
both long --headless "$GUESTS/long.bin"
both triple --headless "$GUESTS/triple.bin"
both mmio --headless "$GUESTS/mmio.bin"
printf 'hello\nq' >"$WORK/in"
both echo --stdin "$WORK/in" --headless "$GUESTS/echo.bin"
assert_status 0 "echo: 'q' ends it (status 0)"

# The timer: KVM's PIT and PIC deliver the ticks, the guest sleeps in HLT
# inside KVM_RUN; neither its HLTs nor its EOIs (out 0x20) reach kvm-tui.
run --headless --irqchip kernel --timeout 3.5 --stats --trace "$WORK/trace" "$GUESTS/timer.bin"
assert_status 124 "timer under KVM's irqchip runs until --timeout (status 124)"
lines=$(wc -l <"$OUT")
if [ "$lines" -ge 2 ] && [ "$lines" -le 3 ]; then
	ok "timer printed $lines lines in 3.5 s (one a second) under KVM's PIT"
else
	fail "timer printed $lines lines in 3.5 s under KVM's PIT (expected 2 or 3)"
fi
printf 'second 1\nsecond 2\nsecond 3\n' >"$WORK/expected"
assert_stdout_prefix_of "$WORK/expected" "timer counts its seconds in order"
assert_eq 0 "$(trace_count "$WORK/trace" HLT)" "timer: no HLT exit (KVM handled ~300)"
assert_eq 0 "$(grep -c '"port":"0x2[01]"\|"port":"0x4[0-3]"' "$WORK/trace")" \
	"timer: no exit for the PIC's or the PIT's ports"
total=$(stats_count total)
if [ "${total:-999}" -le 40 ]; then
	ok "timer: only the printing exits ($total in 3.5 s; ~600 with --irqchip user)"
else
	fail "timer: $total exits in 3.5 s under KVM's irqchip (expected the printing's ~30)"
fi

# Input while the guest sleeps in HLT: the console kicks the vCPU out of
# KVM_RUN, COM1 raises IRQ 4 with KVM_IRQ_LINE, the guest's handler echoes.
for mode in user kernel; do
	# Piped slowly: the bytes arrive while the guest is asleep.
	run --stdin <(printf 'abc'; sleep 0.4; printf 'xyz\n'; sleep 0.4; printf 'q') \
		--headless --irqchip "$mode" --timeout 20 "$TEST_GUESTS/uart_irq.bin"
	assert_status 0 "uart_irq ($mode): 'q' ends it with HLT, IF=0 (status 0)"
	assert_stdout 'ready\nabcxyz\nbye\n' "uart_irq ($mode): input reached the halted guest by IRQ 4"
done

# A device of kvm-tui's that is due by time: the CMOS clock's periodic
# interrupt at 1024 Hz. With KVM's irqchip the vCPU thread sleeps inside
# KVM_RUN; the machine's alarm must wake it when the clock is due, or 256
# interrupts would take seconds (one per look at a sleeping guest).
for mode in user kernel; do
	run --headless --irqchip "$mode" --timeout 1.5 "$TEST_GUESTS/rtc_tick.bin"
	assert_status 0 "rtc_tick ($mode): 256 periodic interrupts at 1024 Hz within 1.5 s"
	assert_stdout '....done\n' "rtc_tick ($mode): a dot every 64 interrupts, then done"
done

# The guest's own reset (the 8042's 0xfe pulse) is a fresh VM, KVM's PIC
# and PIT rebuilt: the guest boots again and again until --timeout.
run --headless --irqchip kernel --timeout 1 "$TEST_GUESTS/kbc_reset.bin"
assert_status 124 "kbc_reset under KVM's irqchip: resets until --timeout (status 124)"
boots=$(grep -c '^boot$' "$OUT")
assert_ge 3 "$boots" "kbc_reset: the 8042's reset pulse rebuilt the machine, again and again ($boots boots in 1 s)"
for i in $(seq 1 $((boots + 1))); do printf 'boot\n'; done >"$WORK/boots"
assert_stdout_prefix_of "$WORK/boots" "kbc_reset: every start prints the same 'boot' (no stale state)"

# A run with KVM's irqchip records and replays like any other (the replay
# has no irqchip: the recording holds every exit and line change).
run --stdin <(printf 'ab'; sleep 0.4; printf 'q') --headless --irqchip kernel \
	--record "$WORK/k.rec" --trace "$WORK/k.live" "$TEST_GUESTS/uart_irq.bin"
assert_status 0 "uart_irq recorded under KVM's irqchip: status 0"
cp "$OUT" "$WORK/k.out"
run --headless --replay "$WORK/k.rec" --trace "$WORK/k.replay"
assert_status 0 "its replay ends with the same status"
assert_stdout_file "$WORK/k.out" "its replay prints the same COM1 bytes"
if cmp -s "$WORK/k.live" "$WORK/k.replay"; then
	ok "its replay's --trace is byte-identical to the live one"
else
	fail "its replay's --trace differs from the live one"
	diff "$WORK/k.live" "$WORK/k.replay" | head -n 10 | sed 's/^/    /'
fi

finish

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# echo: stdin goes to the guest's UART; the guest polls LSR, echoes each byte,
# turns Enter (CR, LF or CR LF) into "\r\n", erases on Backspace/DEL, and on
# 'q' says goodbye and halts (status 0).
. "$(dirname "$0")/lib.sh"
require_kvm
require_file "$GUESTS/echo.bin"

greeting="echo: type away, 'q' quits\r\n"
goodbye='\r\nGoodbye!\r\n'

printf 'hello\nq' >"$WORK/in1"
run --stdin "$WORK/in1" --headless --trace "$WORK/trace" "$GUESTS/echo.bin"
assert_status 0 "echo quits on 'q': status 0"
assert_stdout "$greeting"'hello\r\n'"$goodbye" "echo echoes 'hello\\n' as 'hello\\r\\n'"
# Every received byte was read from RBR (in 0x3f8) after LSR (in 0x3fd) said so.
assert_eq 7 "$(grep -c '"dir":"in","port":"0x3f8"' "$WORK/trace")" \
	"trace: 7 IO in 0x3f8 (one per byte of 'hello\\nq')"
assert_ge 7 "$(grep -c '"dir":"in","port":"0x3fd"' "$WORK/trace")" \
	"trace: IO in 0x3fd (LSR polls), at least one per byte"
assert_eq "HLT" "$(trace_summary "$WORK/trace" | tail -n 1)" "the last exit is the HLT"

# Line endings and erasing: CR LF is one Enter, a lone CR or LF is one too;
# DEL and BS erase with "\b \b"; everything after the 'q' is never read.
printf 'a\r\nb\rc\nd\x7fe\bf\rq ignored' >"$WORK/in2"
run --stdin "$WORK/in2" --headless "$GUESTS/echo.bin"
assert_status 0 "echo: status 0 with mixed line endings"
assert_stdout "$greeting"'a\r\nb\r\nc\r\nd\b \be\b \bf\r\n'"$goodbye" \
	"echo: CR LF, CR, LF each one newline; DEL and BS erase"

# A larger input goes through the UART's bounded FIFO without losing a byte
# (no 'q' in it: that would end the echo).
for i in $(seq 1 40); do printf 'line %02d: the lazy brown dog jumps\n' "$i"; done >"$WORK/in3"
printf 'q' >>"$WORK/in3"
{
	printf "$greeting"
	for i in $(seq 1 40); do printf 'line %02d: the lazy brown dog jumps\r\n' "$i"; done
	printf "$goodbye"
} >"$WORK/out3"
run --stdin "$WORK/in3" --headless "$GUESTS/echo.bin"
assert_status 0 "echo: status 0 after $(wc -c <"$WORK/in3") bytes of input"
assert_stdout_file "$WORK/out3" "echo: $(wc -c <"$WORK/in3") input bytes, none lost"

# Without a 'q' the guest polls forever, also after stdin's end: --timeout.
printf 'abc' >"$WORK/in4"
run --stdin "$WORK/in4" --headless --timeout 1 "$GUESTS/echo.bin"
assert_status 124 "echo without 'q': stopped by --timeout 1 (status 124)"
assert_stdout "${greeting}abc" "echo without 'q': greeting and echo, nothing else"

finish

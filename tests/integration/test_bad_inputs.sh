#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Bad guests and bad options: each is one clear message on stderr, nothing on
# stdout, and the documented status - 2 for the command line, 4 for a guest
# that cannot start. Never a crash, never a hang.
#
# All of them are refused before KVM is opened, so this runs on every host:
# the device is pointed at nothing, which also proves that order (a bad
# guest file must be named as such, not reported as "no KVM"). Valid sizes
# running the guest are in mem_sizes, which needs KVM.
. "$(dirname "$0")/lib.sh"
require_file "$GUESTS/hello.bin"
export KVM_TUI_DEVICE=/nonexistent/kvm

# --- guest files (status 4) ---

run --headless "$WORK/no-such-guest.bin"
assert_status 4 "a missing guest: status 4"
assert_stderr_contains "no-such-guest\\.bin.*(no such file|not found|does not exist)" \
	"a missing guest: the message names the file and says it is missing"
assert_stdout_empty "a missing guest: nothing on stdout"

: >"$WORK/empty.bin"
run --headless "$WORK/empty.bin"
assert_status 4 "an empty guest file: status 4"
assert_stderr_contains "empty\\.bin.*empty" "an empty guest file: the message says so"
assert_stdout_empty "an empty guest file: nothing on stdout"

mkdir "$WORK/adir"
run --headless "$WORK/adir"
assert_status 4 "a directory as the guest: status 4"
assert_stderr_contains "adir.*directory" "a directory as the guest: the message says so"

head -c $((128 * 1024)) /dev/zero >"$WORK/big.bin"
run --headless --mem 64K "$WORK/big.bin"
assert_status 4 "a 128 KiB guest with --mem 64K: status 4"
assert_stderr_contains "big\\.bin" "oversized: the message names the file"
assert_stderr_contains "--mem|memory|fit|large|big" "oversized: the message points at the memory size"

head -c $((17 * 1024 * 1024)) /dev/zero >"$WORK/huge.bin"
run --headless "$WORK/huge.bin"
assert_status 4 "a 17 MiB guest with the default 16 MiB: status 4"
assert_stderr_contains "--mem|memory|fit|large|big" "17 MiB guest: the message points at --mem"
rm -f "$WORK/huge.bin"

# A path longer than kvm-tui keeps is refused, never run truncated.
run --headless "$WORK/$(printf 'x%.0s' $(seq 5000)).bin"
assert_status 4 "a 5000-byte guest path: status 4"
assert_stderr_contains "guest path too long: [0-9]+ bytes, .*at most 4095 \\(PATH_MAX\\)" \
	"a 5000-byte guest path: the message says it is too long, and the limit"
long=$(printf '%4096s' '' | tr ' ' 'y')
run --headless "$long"
assert_status 4 "a guest path of PATH_MAX bytes: status 4"
assert_stderr_contains "guest path too long: 4096 bytes" "a guest path of PATH_MAX bytes: too long"

# A long path that works (3000 bytes, in 200-byte directories) keeps its
# reason at the end of the message, where a short buffer would cut it.
deep="$WORK"
for _ in $(seq 15); do deep="$deep/$(printf '%200s' '' | tr ' ' 'd')"; done
mkdir -p "$deep" && : >"$deep/empty.bin"
run --headless "$deep/empty.bin"
assert_status 4 "an empty guest at a 3000-byte path: status 4"
assert_stderr_contains "empty\\.bin: empty file, nothing to run" \
	"an empty guest at a 3000-byte path: the reason survives the long path"
run --headless --trace "$deep/no-dir/trace" "$GUESTS/hello.bin"
assert_stderr_contains "no-dir/trace: No such file or directory" \
	"an unwritable trace at a 3000-byte path: the reason survives"
# A damaged recording: named once, then what is wrong with it, which a long
# path used to push out of the reader's 512-byte message.
cp "$SOURCE_DIR/tests/recordings/hello.rec" "$deep/bad.rec"
printf 'UUUU' | dd of="$deep/bad.rec" bs=1 seek=400 conv=notrunc 2>/dev/null
run --headless --replay "$deep/bad.rec"
assert_status 4 "a damaged recording at a 3000-byte path: status 4"
assert_stderr_contains "^kvm-tui: $deep/bad\\.rec: block at byte 372 is damaged \\(checksum mismatch\\)\$" \
	"a damaged recording at a 3000-byte path: the path once, then the reason"

# A trace file that cannot be written: refused before the guest starts.
run --headless --trace "$WORK/no-such-dir/trace" "$GUESTS/hello.bin"
assert_status 4 "--trace in a missing directory: status 4"
assert_stderr_contains "cannot write trace file .*no-such-dir/trace: no such file" \
	"--trace in a missing directory: the message names the file and why"
assert_stdout_empty "--trace in a missing directory: nothing on stdout"

# The guest's layout and validity are checked before KVM too: each mistake
# has its own message here, where KVM cannot be opened, never the KVM one.
refused_before_kvm() { # LABEL PATTERN: after a run
	assert_status 4 "$1: status 4"
	assert_stderr_contains "$2" "$1: its own message"
	if grep -q "nonexistent/kvm" "$ERR"; then
		fail "$1: reported as no KVM"
	else
		ok "$1: not reported as no KVM"
	fi
	assert_stdout_empty "$1: nothing on stdout"
}
require_file "$TEST_GUESTS/elf64_hello" "$TEST_GUESTS/elf32_split"
head -c 100 "$TEST_GUESTS/elf64_hello" >"$WORK/truncated.elf"
run --headless "$WORK/truncated.elf"
refused_before_kvm "a truncated ELF" "truncated\\.elf: program headers .* truncated or corrupt"
printf '\177ELF\002\001\001' >"$WORK/tiny.elf"
run --headless "$WORK/tiny.elf"
refused_before_kvm "a 7-byte ELF" "tiny\\.elf: truncated ELF header"
run --headless --load-addr 0x1000 "$TEST_GUESTS/elf32_split"
refused_before_kvm "an ELF with --load-addr" "ELF images say where they load; drop --load-addr"
run --headless --entry 0xa0000 "$GUESTS/hello.bin"
refused_before_kvm "--entry 0xa0000 (in the PC hole)" "entry 0xa0000 lies in the PC memory hole"
run --headless --entry 0x1000000 "$GUESTS/hello.bin"
refused_before_kvm "--entry past the end of memory" "entry 0x1000000 lies outside the guest memory"
run --headless --load-addr 0x9ff00 "$GUESTS/hello.bin"
refused_before_kvm "--load-addr into the PC hole" "overlaps the PC memory hole .*--load-addr"
# Addresses are never octal, end to end: read as octal these two would be
# 0x3ffff and 0x35af0 and pass; as the decimals a student means they are
# 0xbde31 and 0xa0000, in the hole.
run --headless --entry 0777777 "$GUESTS/hello.bin"
refused_before_kvm "--entry 0777777 (decimal, not octal)" "entry 0xbde31 lies in the PC memory hole"
run --headless --load-addr 0655360 "$GUESTS/hello.bin"
refused_before_kvm "--load-addr 0655360 (decimal, not octal)" "the guest image \\(0xa0000-0xa01ff\\) overlaps"
run --headless --mode long --mem 1M "$GUESTS/hello.bin"
refused_before_kvm "--mode long in 1 MiB" "long mode needs at least 2 MiB"
run --headless --record "$WORK/no-such-dir/run.rec" "$GUESTS/hello.bin"
refused_before_kvm "--record in a missing directory" "cannot create .*no-such-dir/run\\.rec: no such file"
run --headless --record "$WORK/run.rec" "$GUESTS/hello.bin"
assert_stderr_contains "cannot open /nonexistent/kvm" "--record, then no KVM: the KVM message"
if [ -e "$WORK/run.rec" ]; then
	fail "--record, then no KVM: a recording of a run that never started is left behind"
else
	ok "--record, then no KVM: no recording left behind"
fi
# ... and a guest that passes them all gets as far as KVM.
run --headless "$TEST_GUESTS/elf32_split"
assert_status 4 "an ELF around the PC hole: status 4 (no KVM here)"
assert_stderr_contains "cannot open /nonexistent/kvm" "an ELF around the PC hole: its layout passes, KVM is next"

if [ "$(id -u)" -ne 0 ]; then
	cp "$GUESTS/hello.bin" "$WORK/unreadable.bin"
	chmod 000 "$WORK/unreadable.bin"
	run --headless "$WORK/unreadable.bin"
	assert_status 4 "an unreadable guest: status 4"
	assert_stderr_contains "unreadable\\.bin.*(permission|denied)" "an unreadable guest: permission denied"
else
	echo "# (unreadable-file check skipped: running as root reads anything)"
fi

# A bad --theme is refused headless too (stdout is a file here, not a
# terminal): the same command must not fail only on a terminal. Files that
# are no theme are refused at once: /dev/zero (no newline, ever), a FIFO.
mkfifo "$WORK/fifo.theme"
for theme in "$WORK/missing.theme" /dev/zero "$WORK/fifo.theme" "$WORK"; do
	run --headless --theme "$theme" "$GUESTS/hello.bin"
	assert_status 4 "--theme $theme, headless: status 4"
	assert_stderr_contains "^kvm-tui: $theme: cannot (open|read)" "--theme $theme, headless: says why"
	assert_stdout_empty "--theme $theme, headless: nothing on stdout"
done
printf 'exit.io = cyan\nnot a setting\n' >"$WORK/bad.theme"
run "$GUESTS/hello.bin" --theme "$WORK/bad.theme"
assert_status 4 "a theme with a bad line, stdout not a terminal: status 4"
assert_stderr_contains "bad\\.theme:2: expected 'key = style'" "a bad theme line: file:line and what is wrong"
printf '\357\273\277exit.io = cyan\n' >"$WORK/bom.theme"
run --headless --theme "$WORK/bom.theme" "$GUESTS/hello.bin"
assert_stderr_contains "cannot open /nonexistent/kvm" "a theme starting with a UTF-8 BOM: accepted (KVM is next)"

# --- the command line (status 2, with the usage line) ---

run --headless --bogus-option "$GUESTS/hello.bin"
assert_status 2 "an unknown option: status 2"
assert_stderr_contains "bogus-option" "an unknown option: the message names it"
assert_stderr_contains "^usage: kvm-tui" "an unknown option: the usage line follows"
assert_stdout_empty "an unknown option: nothing on stdout"

run --headless
assert_status 2 "no guest at all: status 2"
assert_stderr_contains "^usage: kvm-tui" "no guest at all: the usage line"

run --headless "$GUESTS/hello.bin" "$GUESTS/hello.bin"
assert_status 2 "two guests: status 2"

run "$GUESTS/hello.bin" --headless "$GUESTS/hello.bin"
assert_status 2 "two guests around an option: status 2"
assert_stderr_contains "one guest at a time \\('.*hello\\.bin' is extra\\)" \
	"two guests around an option: the second guest is named"

# Options after the guest are options: this one reaches the KVM device.
run "$GUESTS/hello.bin" --headless
assert_status 4 "options after the guest: parsed (status 4: no KVM here)"
assert_stderr_contains "cannot open /nonexistent/kvm" "options after the guest: it got as far as KVM"

run --headless --mem
assert_status 2 "--mem without a value: status 2"

for bad in abc 16X -1 12.5M 16MM "" 99999999999999999999G; do
	run --headless --mem "$bad" "$GUESTS/hello.bin"
	assert_status 2 "--mem '$bad' (not a size): status 2"
	assert_stderr_contains "--mem" "--mem '$bad': the message names --mem"
done

# Well-formed but absurd sizes are a bad command line too: status 2, the
# range in the message, and the usage line, as for a typo.
for absurd in 0 1K 4095K 65G 1024G; do
	run --headless --mem "$absurd" "$GUESTS/hello.bin"
	assert_status 2 "--mem $absurd (absurd): refused with status 2"
	assert_stderr_contains "bad value for --mem: '$absurd' \\(64K to 64G in whole 4 KiB pages" \
		"--mem $absurd: the message gives the usable range"
	assert_stderr_contains "^usage: kvm-tui" "--mem $absurd: the usage line follows"
	assert_stdout_empty "--mem $absurd: nothing on stdout"
done

for bad in fast 32 ""; do
	run --headless --mode "$bad" "$GUESTS/hello.bin"
	assert_status 2 "--mode '$bad': status 2"
done
for bad in KVM split ""; do
	run --headless --irqchip "$bad" "$GUESTS/hello.bin"
	assert_status 2 "--irqchip '$bad': status 2"
	assert_eq "kvm-tui: bad value for --irqchip: '$bad' (user or kernel)" "$(head -n 1 "$ERR")" \
		"--irqchip '$bad': its first line says what it takes"
done
# A replay has no interrupt controller: the recording holds what it did.
run --headless --replay "$SOURCE_DIR/tests/recordings/hello.rec" --irqchip kernel
assert_status 2 "--irqchip with --replay: refused, status 2"
assert_stderr_contains "--irqchip has no meaning in a replay" "--irqchip with --replay: says why"
run --headless --timeout abc "$GUESTS/hello.bin"
assert_status 2 "--timeout abc: status 2"
run --headless --max-exits -3 "$GUESTS/hello.bin"
assert_status 2 "--max-exits -3: status 2"
run --headless --load-addr zz "$GUESTS/hello.bin"
assert_status 2 "--load-addr zz: status 2"
run --headless --entry 0xg "$GUESTS/hello.bin"
assert_status 2 "--entry 0xg: status 2"

finish

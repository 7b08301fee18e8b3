#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# disk_files: a disk image that cannot be used is refused with one line
# naming it and status 4, before the machine starts (so before KVM is even
# opened: this runs on every host), and a FIFO never blocks kvm-tui. The
# options around disks are checked too: a third --disk, --boot of a drive
# that is not there, --no-bios with a disk (status 2). Nothing is written to
# any of the files.
. "$(dirname "$0")/lib.sh"
require_file "$GUESTS/hello.bin"
export KVM_TUI_DEVICE=/nonexistent/kvm

# refused WHAT FILE PATTERN [options...]: status 4, one line naming FILE and
# matching PATTERN, nothing on stdout.
refused() {
	local what=$1 file=$2 pattern=$3
	shift 3
	run --headless "$@" --disk "$file" "$GUESTS/hello.bin"
	assert_status 4 "$what: status 4"
	assert_stderr_contains "$(basename "$file").*($pattern)" "$what: the message names the file and says why"
	assert_eq 1 "$(wc -l <"$ERR")" "$what: one line"
	assert_stdout_empty "$what: nothing on stdout"
}

refused "a missing disk" "$WORK/none.img" "no such file|not found|does not exist"
mkdir "$WORK/dir.img"
refused "a directory" "$WORK/dir.img" "directory|not a regular file"
mkfifo "$WORK/fifo.img"
refused "a FIFO (no hang)" "$WORK/fifo.img" "not a regular file|FIFO|pipe"
: >"$WORK/empty.img"
refused "an empty disk" "$WORK/empty.img" "empty"
head -c 513 /dev/zero >"$WORK/odd.img"
refused "513 bytes" "$WORK/odd.img" "multiple of 512"
if [ "$(id -u)" -ne 0 ]; then
	head -c 1024 /dev/zero >"$WORK/locked.img"
	chmod 000 "$WORK/locked.img"
	refused "an unreadable disk" "$WORK/locked.img" "permission|cannot read|not readable"
	head -c 1024 /dev/zero >"$WORK/ro.img"
	chmod 444 "$WORK/ro.img"
	refused "--disk-write on a read-only file" "$WORK/ro.img" "write|read-only" --disk-write
	cmp -s "$WORK/ro.img" <(head -c 1024 /dev/zero) && ok "the read-only file is untouched" ||
		fail "the read-only file changed"
else
	echo "note: running as root: unreadable and read-only files cannot be made here"
fi

# The options (status 2, the command line).
head -c 1024 /dev/zero >"$WORK/a.img"
run --headless --disk "$WORK/a.img" --disk "$WORK/a.img" --disk "$WORK/a.img" "$GUESTS/hello.bin"
assert_status 2 "three disks: status 2"
assert_stderr_contains "at most 2 disks" "three disks: says how many there may be"
run --headless --no-bios --disk "$WORK/a.img" "$GUESTS/hello.bin"
assert_status 2 "--no-bios --disk: status 2"
assert_stderr_contains "needs the BIOS" "--no-bios --disk: says the disk needs the BIOS"
run --headless --boot z "$GUESTS/hello.bin"
assert_status 2 "--boot z: status 2"
assert_stderr_contains "bad value for --boot" "--boot z: names the option"
# --boot a drive that does not exist: a 1024-byte image is a hard disk (80h).
run --headless --boot a --disk "$WORK/a.img" "$GUESTS/hello.bin"
assert_status 4 "--boot a without a floppy: status 4"
assert_stderr_contains "no drive 00h" "--boot a without a floppy: says there is no such drive"
run --headless --screen-dump "$WORK/s.txt" --no-bios "$GUESTS/hello.bin"
assert_status 2 "--screen-dump --no-bios: status 2"
assert_stderr_contains "screen-dump needs the BIOS" "--screen-dump --no-bios: says the dump needs the BIOS"
# A guest the BIOS is off for by default: refused before KVM (it used to be
# checked only once the VM existed, so a host without KVM said only that).
run --headless --screen-dump "$WORK/s.txt" "$GUESTS/hello.bin"
assert_status 4 "--screen-dump of a guest without the BIOS: status 4"
assert_eq "kvm-tui: --screen-dump: the guest has no text screen without the BIOS, which is off for a boot sector (add --bios)" \
	"$(cat "$ERR")" "--screen-dump of a guest without the BIOS: one line, before KVM, says to add --bios"
run --headless --screen-dump "$WORK/s.txt" --bios "$GUESTS/hello.bin"
assert_stderr_contains "cannot open /nonexistent/kvm" "--screen-dump --bios: accepted (KVM is next)"
run --headless --screen-dump "$WORK/s.txt" --replay "$SOURCE_DIR/tests/recordings/hello.rec"
assert_status 2 "--screen-dump with --replay: status 2"
assert_stderr_contains "--screen-dump has no meaning in a replay" "--screen-dump with --replay: says why"
# The dump's file is opened before KVM too: a path that cannot be written is
# refused at the start, not after the whole run; a FIFO never blocks.
mkfifo "$WORK/dump.fifo"
for dump in "$WORK/no-such-dir/s.txt" "$WORK/dump.fifo" "$WORK"; do
	run --headless --screen-dump "$dump" --bios "$GUESTS/hello.bin"
	assert_status 4 "--screen-dump $dump: status 4"
	assert_stderr_contains "^kvm-tui: cannot write screen dump file $dump: " "--screen-dump $dump: says why, before KVM"
	assert_stdout_empty "--screen-dump $dump: nothing on stdout"
done
# A run that never starts (no KVM here) leaves no dump behind, and an
# earlier dump as it was.
run --headless --screen-dump "$WORK/new.txt" --bios "$GUESTS/hello.bin"
assert_stderr_contains "cannot open /nonexistent/kvm" "--screen-dump, then no KVM: the KVM message"
[ -e "$WORK/new.txt" ] && fail "--screen-dump, then no KVM: an empty dump is left behind" ||
	ok "--screen-dump, then no KVM: no dump left behind"
echo "an earlier screen" >"$WORK/old.txt"
run --headless --screen-dump "$WORK/old.txt" --bios "$GUESTS/hello.bin"
assert_eq "an earlier screen" "$(cat "$WORK/old.txt")" "--screen-dump, then no KVM: an earlier dump is untouched"
cmp -s "$WORK/a.img" <(head -c 1024 /dev/zero) && ok "no disk file was written" || fail "a disk file changed"

finish

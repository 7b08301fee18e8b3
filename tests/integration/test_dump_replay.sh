#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# dump_replay: --dump ADDR:LEN prints guest memory after a headless run in
# hexdump -C's layout, byte for byte. From a recording (no KVM needed): the
# replay's memory is its guest as loaded, so a dump of hello's boot sector
# equals guests/hello.bin; the PC hole reads as "??"; registers follow
# (ss:sp); bad ranges are usage errors; the TUI refuses it.
. "$(dirname "$0")/lib.sh"
require_file "$GUESTS/hello.bin"
REC=$SOURCE_DIR/tests/recordings/hello.rec
export KVM_TUI_DEVICE=/nonexistent/kvm

# expected_dump FILE ADDR: hexdump -C -v of FILE with addresses from ADDR.
expected_dump() {
	python3 - "$1" "$2" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
base = int(sys.argv[2], 0)
for off in range(0, len(data), 16):
    chunk = data[off:off + 16]
    hexes = ''.join('%02x ' % b + (' ' if i == 7 else '') for i, b in enumerate(chunk))
    hexes = hexes.ljust(49)
    text = ''.join(chr(b) if 0x20 <= b < 0x7f else '.' for b in chunk)
    print('%08x  %s |%s|' % (base + off, hexes, text))
print('%08x' % (base + len(data)))
PY
}

expected_dump "$GUESTS/hello.bin" 0x7c00 >"$WORK/hello.dump"
run --replay "$REC" --dump 0:7c00:512
assert_status 0 "a replay with --dump ends as the recording did"
cmp -s "$WORK/hello.dump" <(tail -n +2 "$OUT") && ok "0:7c00:512 is guests/hello.bin, as hexdump -C -v shows it" ||
	{ fail "0:7c00:512 is guests/hello.bin"; diff "$WORK/hello.dump" <(tail -n +2 "$OUT") | head; }
assert_eq "Hello, KVM!" "$(head -n 1 "$OUT")" "the guest's output comes first"
assert_stderr_contains "as the guest was loaded" "a replay says its memory is the image as loaded"

# The same bytes by other spellings: linear, decimal, ss:sp (SP is 7c00 at the end).
run --replay "$REC" --dump 0x7c00:16 --dump 31744:16 --dump ss:sp:16
assert_eq 3 "$(grep -c '^00007c00  fa 31 c0 8e d8 8e c0 8e  d0 bc 00 7c fc ea 12 7c  |.1.........|...||$' "$OUT")" \
	"0x7c00, 31744 and ss:sp name the same 16 bytes"

# Unreadable memory is ??, never zeros: the PC hole starts at 0xA0000.
run --replay "$REC" --dump phys:0x9fff8:16
assert_status 0 "a dump across the PC hole"
assert_eq "0009fff8  00 00 00 00 00 00 00 00  ?? ?? ?? ?? ?? ?? ?? ??  |........        |" \
	"$(sed -n 2p "$OUT")" "the hole reads as ?? (and blank in the text column)"

# A short last line keeps the columns.
run --replay "$REC" --dump 0x7c23:5
assert_eq "00007c23  48 65 6c 6c 6f                                    |Hello|" "$(sed -n 2p "$OUT")" \
	"five bytes: hex padded to the text column"
assert_eq "00007c28" "$(sed -n 3p "$OUT")" "then the end address"

# Usage errors: status 2, before anything runs.
for bad in "0x7c00" "0x7c00:0" "0x7c00:9999999" "xz:sp:4" "0x7c00:abc"; do
	run --replay "$REC" --dump "$bad"
	assert_status 2 "--dump '$bad' is a usage error"
	assert_stderr_contains "--dump" "... and the message names --dump"
done
run --replay "$REC" --dump 0:1 --dump 0:1 --dump 0:1 --dump 0:1 --dump 0:1 --dump 0:1 --dump 0:1 --dump 0:1 --dump 0:1
assert_status 2 "a ninth --dump is refused"
run --syntax bogus --replay "$REC"
assert_status 2 "--syntax takes intel or att"
finish

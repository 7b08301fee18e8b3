#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The shipped guest images: every guests/<name>.S is declared in
# guests/guests.cmake as a boot sector, a disk image or a flat image, exactly
# once; a boot sector is built into exactly 512 bytes ending 55 AA, a disk
# image into whole 512-byte sectors, more than one, the first ending 55 AA,
# a flat image into a non-empty guests/<name>.bin; each source opens with its lesson. The boot
# sector linker script refuses code that does not fit in 510 bytes.
# No KVM needed.
. "$(dirname "$0")/lib.sh"

# guest_list VAR: the names in set(VAR ...) of guests/guests.cmake, comments
# dropped, one a line.
guest_list() {
	sed -n "/^set($1\b/,/)/p" "$SOURCE_DIR/guests/guests.cmake" |
		sed -e 's/#.*//' -e "s/^set($1//" -e 's/)//' | tr -s ' \t' '\n' | sed '/^$/d'
}
boot_sectors=" $(guest_list KVMTUI_BOOT_SECTOR_GUESTS | tr '\n' ' ') "
flats=" $(guest_list KVMTUI_FLAT_GUESTS | tr '\n' ' ') "
disks=" $(guest_list KVMTUI_DISK_GUESTS | tr '\n' ' ') "
assert_ge 9 "$(echo $boot_sectors | wc -w)" "guests.cmake declares the boot sectors ($boot_sectors)"

shopt -s nullglob
sources=("$GUESTS"/*.S)
assert_ge 9 "${#sources[@]}" "guests/ has the guest sources (${#sources[@]})"
for src in "${sources[@]}"; do
	name=$(basename "$src" .S)
	bin="$GUESTS/$name.bin"
	kinds=
	case "$boot_sectors" in *" $name "*) kinds="$kinds boot" ;; esac
	case "$flats" in *" $name "*) kinds="$kinds flat" ;; esac
	case "$disks" in *" $name "*) kinds="$kinds disk" ;; esac
	case "$kinds" in
	" boot" | " flat" | " disk") kind=${kinds# } ;;
	"") fail "$name.S: declared in guests/guests.cmake as neither boot sector, disk nor flat image"; continue ;;
	*) fail "$name: declared as more than one kind ($kinds)"; continue ;;
	esac
	if [ ! -f "$bin" ]; then
		fail "$name: guests/$name.bin was built"
		continue
	fi
	size=$(wc -c <"$bin")
	if [ "$kind" = boot ]; then
		assert_eq "512 55aa" "$size $(tail -c 2 "$bin" | od -An -tx1 | tr -d ' \n')" \
			"$name.bin: a 512-byte boot sector ending 55 AA"
	elif [ "$kind" = disk ]; then
		assert_eq "0 55aa" "$((size % 512)) $(head -c 512 "$bin" | tail -c 2 | od -An -tx1 | tr -d ' \n')" \
			"$name.bin: whole sectors ($size bytes), the first ending 55 AA"
		assert_ge 1024 "$size" "$name.bin: more than one sector"
	else
		assert_ge 1 "$size" "$name.bin: a flat image, not empty ($size bytes)"
	fi
	assert_file_contains "$src" "^# $name - " "$name.S opens with its lesson ('# $name - ...')"
	if [ "$bin" -ot "$src" ]; then
		fail "$name.bin is older than $name.S: rebuild"
	fi
done

# 511 bytes of code cannot leave room for the signature: the link must fail,
# and say why.
# (The build itself needs GNU as and ld: without them there is no build.)
if ! command -v as >/dev/null || ! command -v ld >/dev/null; then
	fail "GNU as and ld are installed (the build assembles the guests with them)"
	finish
fi
{
	printf '\t.code16\n\t.section .text.start, "ax"\n\t.global _start\n_start:\n'
	printf '\t.fill 511, 1, 0x90\n'
} >"$WORK/big.S"
as --64 -o "$WORK/big.o" "$WORK/big.S"
if ld -m elf_x86_64 -nostdlib --build-id=none -T "$SOURCE_DIR/guests/bootsector.ld" \
	-o "$WORK/big.elf" "$WORK/big.o" 2>"$WORK/ld.err"; then
	fail "bootsector.ld: 511 bytes of code must not link"
else
	assert_file_contains "$WORK/ld.err" "510" "bootsector.ld: 511 bytes fail to link, naming the 510-byte limit"
fi
# 510 bytes exactly fit.
sed -i 's/511/510/' "$WORK/big.S"
as --64 -o "$WORK/big.o" "$WORK/big.S"
if ld -m elf_x86_64 -nostdlib --build-id=none -T "$SOURCE_DIR/guests/bootsector.ld" \
	-o "$WORK/big.elf" "$WORK/big.o" 2>"$WORK/ld.err" &&
   objcopy -O binary "$WORK/big.elf" "$WORK/big.bin"; then
	assert_eq "512 55aa" "$(wc -c <"$WORK/big.bin") $(tail -c 2 "$WORK/big.bin" | od -An -tx1 | tr -d ' \n')" \
		"bootsector.ld: 510 bytes of code link into 512 bytes ending 55 AA"
else
	fail "bootsector.ld: 510 bytes of code must link"
	sed 's/^/    /' "$WORK/ld.err"
fi

finish

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kvm-tui's disassembler (src/disasm, Capstone) against GNU objdump on every
# lesson guest, instruction by instruction. No KVM needed.
#
# Each guests/*.bin is decoded whole, by both, in the code size it runs in:
# 16-bit, except the ranges in MODE_RANGES below where protected, triple
# and long run 32- and 64-bit code (found from the symbols of the ELF the
# build links each guest from; a guest whose source has .code32 or .code64
# and no row there fails the test). Data (strings, the GDT, the zeros up to 55 AA) is decoded
# too, as a linear disassembler would, which makes it a test of odd bytes.
# For every instruction: the same address and length (the whole image,
# exactly, and both cover it without a gap), the same mnemonic and the same
# operands in AT&T syntax once the spellings below are made one.
#
# The spellings that differ and why they are the same instruction; each
# rule but "bound" is applied to both sides (one side never has the other's
# spelling), and each is counted, so the log shows how often it was needed:
#   suffix   objdump runs with -M suffix, as Capstone's AT&T always writes
#            the operand size (movw, outb); without it objdump adds one only
#            where the operands leave the size open.
#   space    whitespace: objdump pads the mnemonic and writes "a,b",
#            Capstone "a, b" and "(%bx, %si)".
#   comment  objdump's "# 0x7d2c" after a RIP-relative operand (the target
#            it computes) is dropped.
#   prefix   objdump writes prefixes that change nothing (a segment
#            override on a jump, on insb's %es:(%di), on an instruction
#            without memory operands; addr32/data32 where nothing depends on
#            it) as words before the mnemonic ("gs jb", "addr32 pushl");
#            Capstone counts their bytes in the length but does not name
#            them. Only those words are dropped: cs ds es fs gs ss data16
#            data32 addr16 addr32 (an override that does apply shows in the
#            operand, "%fs:0x72(%bp)", on both sides, and is compared).
#   repz     repz/repnz are objdump's names for Capstone's repe/repne.
#   digit    Capstone writes numbers 0-9 in decimal ("$4", "3(%si)"),
#            objdump always in hex ("$0x4", "0x3(%si)").
#   disp0    a zero displacement byte: objdump shows it ("0x0(%bx,%si)"),
#            Capstone not ("(%bx,%si)"); the length shows it is there.
#   scale1   an index scaled by 1: objdump "(%eax,%eax,1)", Capstone
#            "(%eax,%eax)".
#   addr16   a 16-bit absolute address of 0x8000 or more: objdump writes it
#            signed ("-0x7e02"), Capstone as the address ("0x81fe"); in
#            16-bit code only, where the two are the same offset.
#   farptr   a far pointer: Capstone "$0x0:$0x7c12", objdump (and GNU as)
#            "$0x0,$0x7c12".
#   port     the DX port of in/out/ins/outs: objdump "(%dx)" (as GNU as
#            writes it, and our guests' sources), Capstone "%dx".
#   dsstr    the source of a string instruction: objdump names its default
#            segment ("%ds:(%si)"), Capstone only an override.
#   eiz      a SIB byte with no index but a scale: objdump shows the empty
#            index as ",%eiz,2", Capstone leaves it out.
#   shift1   the shift/rotate-by-one forms (D0-D3): Capstone writes the
#            count ("shlw $1, %ax"), objdump not ("shlw %ax"); the count 1
#            is dropped on both sides, so C0 /4 01 compares the same way.
#   brsize   objdump's -M suffix also sizes loop/jmp/call/enter/bound
#            ("loopw", "jmpw", "enterw"); Capstone writes it only on some
#            (callw): dropped from those mnemonics on both sides.
#   bound    Capstone's AT&T reverses BOUND's operands; GNU as and objdump
#            keep Intel's order (a documented GNU as exception): Capstone's
#            two operands are swapped back.
#   bad      bytes that start no instruction: objdump "(bad)", kvm-tui
#            ".byte 0xNN", both of length 1. objdump makes some "(bad)"s
#            longer (an undefined two-byte opcode, 0f 04, is 2 bytes to it,
#            1 to kvm-tui); none is in the code the guests run, and one would
#            fail the length check, not pass unseen: the two would then need
#            a rule for where they pick up again.
. "$(dirname "$0")/lib.sh"

DISASM_DUMP=${DISASM_DUMP:-$BINARY_DIR/tests/disasm_dump}
[ -x "$DISASM_DUMP" ] || { fail "no disasm_dump at '$DISASM_DUMP' (build the tests)"; finish; }
for tool in objdump nm python3; do
	command -v "$tool" >/dev/null || skip_tool "$tool is not installed (binutils, python3: scripts/deps.sh)"
done

# Where a guest leaves 16-bit code: guest, bits, first symbol, symbol after
# the last instruction. Outside these ranges a guest's bytes are 16-bit.
MODE_RANGES="
protected 32 pm32 msg_real
triple    32 pm32 explanation
long      64 lm64 puts
"

# A guest whose source switches the code size must have its range here.
for src in "$GUESTS"/*.S; do
	name=$(basename "$src" .S)
	[ -f "$GUESTS/$name.bin" ] || continue
	if grep -qE '^\s*\.code(32|64)' "$src" && ! grep -qE "^$name " <<<"$MODE_RANGES"; then
		fail "$name.S has 32- or 64-bit code: give it a row in MODE_RANGES"
	fi
done

# objdump's instructions from-to: "addr<TAB>len<TAB>text", one a line.
objdump_insns() { # file base arch from to
	objdump -D -b binary -m "$3" -M suffix -z --insn-width=16 --adjust-vma="$2" \
		--start-address="$4" --stop-address="$5" "$1" |
		awk -F'\t' '/^ *[0-9a-f]+:\t/ {
			a = $1; sub(/^ */, "", a); sub(/:$/, "", a)
			print a "\t" split($2, b, " ") "\t" $3 }'
}

# kvm-tui's: the same three columns from disasm_dump's four.
kvmtui_insns() { # file base bits from to
	"$DISASM_DUMP" -s att -b "$3" -a "$2" -f "$4" -t "$5" "$1" | awk -F'\t' '{ print $1 "\t" $2 "\t" $4 }'
}

# Compares the lists of every guest and code range, one line an
# instruction: "guest<TAB>bits<TAB>from<TAB>" then objdump's three columns
# and kvm-tui's. Prints "mismatch GUEST what" lines, "insns GUEST N", and
# "rule NAME N" for each rule that was needed. (One python3 for all: its
# start-up costs more than the whole comparison.)
COMPARE_PY='
import re, sys
used = {}
def rule(name, before, after):
    if before != after:
        used[name] = used.get(name, 0) + 1
    return after
IGNORED = {"cs", "ds", "es", "fs", "gs", "ss", "data16", "data32", "addr16", "addr32"}
def swap_top_level(ops):
    depth, cut = 0, -1
    for i, c in enumerate(ops):
        depth += c == "("
        depth -= c == ")"
        if c == "," and depth == 0:
            cut = i
    return ops if cut < 0 else ops[cut + 1:] + "," + ops[:cut]
def unsigned16(m):
    return "%s0x%x" % (m.group(1), 0x10000 - int(m.group(2), 16))
def canon(t, side, bits):
    t = rule("comment", t, re.sub(r" *#.*$", "", t))
    t = rule("space", t, re.sub(r"\s+", " ", t).strip())
    t = rule("space", t, t.replace(", ", ","))
    words = t.split(" ")
    lead = []
    while words and (words[0] in IGNORED or words[0] in ("rep", "repe", "repne", "repz", "repnz", "lock")):
        w = words.pop(0)
        if w in IGNORED:
            rule("prefix", w, "")
            continue
        lead.append(rule("repz", w, {"repz": "repe", "repnz": "repne"}.get(w, w)))
    mn = words[0] if words else ""
    ops = " ".join(words[1:])
    if re.fullmatch(r"(loop|loope|loopne|loopz|loopnz|jmp|call|enter|bound)[wlq]", mn):
        mn = rule("brsize", mn, mn[:-1])
    for _ in range(2):  # "$1,$2" overlaps: twice
        ops = rule("digit", ops, re.sub(r"(^|[$,(:-])([0-9])(?=$|[,(])", r"\g<1>0x\2", ops))
    ops = rule("disp0", ops, re.sub(r"(^|[,:])0x0\(", r"\1(", ops))
    ops = rule("scale1", ops, re.sub(r"(,%[a-z0-9]+),1\)", r"\1)", ops))
    if bits == "16":
        ops = rule("addr16", ops, re.sub(r"(^|[,:])-0x([0-9a-f]{1,4})(?=$|,)", unsigned16, ops))
    ops = rule("farptr", ops, re.sub(r"^(\$0x[0-9a-f]+):(\$0x[0-9a-f]+)$", r"\1,\2", ops))
    if re.fullmatch(r"(in|out|ins|outs)[bwl]?", mn):
        ops = rule("port", ops, ops.replace("(%dx)", "%dx"))
    if re.fullmatch(r"(movs|cmps|lods|outs)[bwlq]?", mn):
        ops = rule("dsstr", ops, re.sub(r"%ds:(\(%[er]?si\))", r"\1", ops))
    ops = rule("eiz", ops, re.sub(r",%[er]iz,[1248]\)", ")", ops))
    if re.fullmatch(r"(rol|ror|rcl|rcr|shl|sal|shr|sar)[bwlq]?", mn):
        ops = rule("shift1", ops, re.sub(r"^\$0x1,", "", ops))
    if side == "k" and mn == "bound":
        ops = rule("bound", ops, swap_top_level(ops))
    if mn in ("(bad)", ".byte"):
        if mn == "(bad)":
            rule("bad", "(bad)", ".byte")
        mn, ops = "(bad)", ""
    return " ".join(lead + [mn]), ops
insns, bad_range = {}, set()
for line in sys.stdin:
    f = line.rstrip("\n").split("\t")
    guest, bits, start = f[:3]
    where = f"{guest} {bits}-bit"
    insns[guest] = insns.get(guest, 0) + 1
    if (guest, start) in bad_range:
        continue
    oa, ol, ot, ka, kl, kt = (f[3:] + [""] * 6)[:6]
    if oa != ka or ol != kl or not oa:
        print(f"mismatch {guest} {where}: objdump {oa}+{ol} \"{ot}\" vs kvm-tui {ka}+{kl} \"{kt}\": the decoding drifts")
        bad_range.add((guest, start))
        continue
    om, oo = canon(ot, "o", bits)
    km, ko = canon(kt, "k", bits)
    if om != km:
        print(f"mismatch {guest} {where} {oa}: mnemonic \"{ot}\" vs \"{kt}\" ({om} vs {km})")
    elif oo != ko:
        print(f"mismatch {guest} {where} {oa}: operands \"{ot}\" vs \"{kt}\" ({oo} vs {ko})")
for guest, n in insns.items():
    print(f"insns {guest} {n}")
for name, n in sorted(used.items()):
    print(f"rule {name} {n}")
'

# covers BASE END: the list on stdin starts at BASE, has no gap, ends at END.
covers() {
	local next=$(($1)) addr len _
	while IFS=$'\t' read -r addr len _; do
		if [ $((0x$addr)) -ne "$next" ]; then
			printf 'gap or overlap at 0x%s' "$addr"
			return 1
		fi
		next=$((next + len))
	done
	if [ "$next" -ne $(($2)) ]; then
		printf 'ends at 0x%x, not %s' "$next" "$2"
		return 1
	fi
}

# Every guest's ranges, both lists, side by side into $WORK/pairs.
GUEST_LIST=()
: >"$WORK/pairs"
for bin in "$GUESTS"/*.bin; do
	name=$(basename "$bin" .bin)
	size=$(stat -c %s "$bin")
	# A boot sector (55 AA at 510) is loaded at 0x7c00, a flat image at 0,
	# as kvm-tui loads them; a disk's later sectors follow the first.
	base=0
	[ "$size" -ge 512 ] && [ "$(od -An -tx1 -j510 -N2 "$bin" | tr -d ' \n')" = 55aa ] && base=0x7c00
	end=$(printf '0x%x' $((base + size)))
	ranges="16 $(printf '0x%x' $((base))) $end"
	row=$(grep -E "^$name " <<<"$MODE_RANGES" || true)
	if [ -n "$row" ]; then
		read -r _ bits from_sym to_sym <<<"$row"
		elf="$BINARY_DIR/guests/$name.elf"
		from=$(nm "$elf" 2>/dev/null | awk -v s="$from_sym" '$3 == s { print "0x" $1 }')
		to=$(nm "$elf" 2>/dev/null | awk -v s="$to_sym" '$3 == s { print "0x" $1 }')
		if [ -z "$from" ] || [ -z "$to" ]; then
			fail "$name: no symbols $from_sym and $to_sym in $elf (is MODE_RANGES out of date?)"
			continue
		fi
		ranges="16 $(printf '0x%x' $((base))) $(printf '0x%x' $((from)))
$bits $(printf '0x%x' $((from))) $(printf '0x%x' $((to)))
16 $(printf '0x%x' $((to))) $end"
	fi
	GUEST_LIST+=("$name")
	: >"$WORK/o.all"
	: >"$WORK/k.all"
	while read -r bits from to; do
		case $bits in 16) arch=i8086 ;; 32) arch=i386 ;; 64) arch=i386:x86-64 ;; esac
		objdump_insns "$bin" "$base" "$arch" "$from" "$to" >"$WORK/o"
		kvmtui_insns "$bin" "$base" "$bits" "$from" "$to" >"$WORK/k"
		cat "$WORK/o" >>"$WORK/o.all"
		cat "$WORK/k" >>"$WORK/k.all"
		paste "$WORK/o" "$WORK/k" | sed "s/^/$name\t$bits\t$from\t/" >>"$WORK/pairs"
		echo "# $name: $bits-bit code from $from to $to: $(wc -l <"$WORK/k") instructions"
	done <<<"$ranges"
	if why=$(covers "$base" "$end" <"$WORK/o.all") && why2=$(covers "$base" "$end" <"$WORK/k.all"); then
		ok "$name: both decode the whole image ($size bytes) without a gap"
	else
		fail "$name: the decoding does not cover the image: objdump: ${why:-ok}, kvm-tui: ${why2:-ok}"
	fi
done
[ "${#GUEST_LIST[@]}" -gt 0 ] || fail "no guests in $GUESTS (build them first)"

python3 -c "$COMPARE_PY" <"$WORK/pairs" >"$WORK/cmp"
total=0
for name in "${GUEST_LIST[@]}"; do
	n=$(awk -v g="$name" '$1 == "insns" && $2 == g { print $3 }' "$WORK/cmp")
	total=$((total + ${n:-0}))
	if [ "${n:-0}" -gt 0 ] && ! grep -q "^mismatch $name " "$WORK/cmp"; then
		ok "$name: $n instructions: the same addresses, lengths, mnemonics and operands"
	else
		fail "$name: kvm-tui and objdump disagree (${n:-0} instructions):"
		grep "^mismatch $name " "$WORK/cmp" | head -10 | sed "s/^mismatch $name /    /"
	fi
done
echo "# $total instructions in ${#GUEST_LIST[@]} guests compared; spelling rules needed (times):"
awk '$1 == "rule" { print "#   " $2 " " $3 }' "$WORK/cmp"
finish

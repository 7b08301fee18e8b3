#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# rtc: the guest reads the date and time from the CMOS clock (ports 0x70 and
# 0x71), waiting out the update-in-progress bit and reading until two passes
# agree, decodes them as register B says (first BCD, 24-hour as the clock
# starts; then it switches B to binary, 12-hour and reads again) and prints
# them. Both lines must be the host's local date and time, as `date` says
# (a minute boundary between the two is allowed for).
. "$(dirname "$0")/lib.sh"
# The interrupt controllers to run the guest under (kvm-tui's own, and
# after --irqchip kernel lands, KVM's in-kernel one).
IRQCHIP_MODES="user kernel"

# irqchip MODE: the options that choose MODE (user is the default).
irqchip() { [ "$1" = user ] || printf -- '--irqchip %s' "$1"; }

require_kvm
IRQCHIP_MODES=$(irqchip_modes_here $IRQCHIP_MODES)
require_file "$GUESTS/rtc.bin"

# check_line N SUFFIX WHAT: line N of stdout is "YYYY-MM-DD HH:MM:SS (SUFFIX)"
# and its date and minute are the host's now, or a minute before.
check_line() {
	local line stamp
	line=$(sed -n "$1p" "$OUT")
	if ! printf '%s\n' "$line" | grep -Eq "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} \\($2\\)\$"; then
		fail "$3: line $1 is 'YYYY-MM-DD HH:MM:SS ($2)', got '$line'"
		return
	fi
	stamp=${line:0:16}
	if [ "$stamp" = "$before" ] || [ "$stamp" = "$after" ]; then
		ok "$3: '$line' is the host's local time ($before .. $after)"
	else
		fail "$3: '$line' is not the host's local time ($before .. $after)"
	fi
}

for mode in $IRQCHIP_MODES; do
	before=$(date '+%Y-%m-%d %H:%M')
	run --headless --stats --trace "$WORK/trace" $(irqchip "$mode") "$GUESTS/rtc.bin"
	after=$(date '+%Y-%m-%d %H:%M')
	assert_status 0 "[$mode] rtc prints and halts: status 0"
	assert_eq 2 "$(wc -l <"$OUT")" "[$mode] two lines"
	check_line 1 "BCD, 24-hour" "[$mode] as the clock starts"
	check_line 2 "binary, 12-hour" "[$mode] after the guest set register B to binary, 12-hour"
	assert_eq 1 "$(grep -c '"dir":"out","port":"0x71"' "$WORK/trace")" \
		"[$mode] one write to the clock: register B"
	# Each pass reads register A (UIP) and the 7 fields, each an OUT to
	# 0x70 and an IN from 0x71; two passes at least per line, B per line.
	reads=$(grep -c '"dir":"in","port":"0x71"' "$WORK/trace")
	assert_ge 35 "$reads" "[$mode] CMOS reads: UIP, 7 fields, twice per line, and B"
	io=$(stats_count IO) total=$(stats_count total)
	if [ "$mode" = kernel ]; then
		# KVM handles the final HLT itself: it never reaches kvm-tui.
		assert_eq "$io" "$total" "[$mode] IO exits only, the HLT stayed in the kernel ($total)"
	else
		assert_eq "$((io + 1))" "$total" "[$mode] IO exits and the final HLT, nothing else ($total)"
		assert_eq "HLT" "$(trace_summary "$WORK/trace" | tail -n 1)" "[$mode] the last exit is the HLT"
	fi
done

# The clock keeps the host's local time: another time zone, another hour.
for tz in Etc/GMT-14 Etc/GMT+12; do
	before=$(TZ=$tz date '+%Y-%m-%d %H:%M')
	run --env TZ=$tz --headless "$GUESTS/rtc.bin"
	after=$(TZ=$tz date '+%Y-%m-%d %H:%M')
	assert_status 0 "TZ=$tz: status 0"
	check_line 1 "BCD, 24-hour" "TZ=$tz, BCD"
	check_line 2 "binary, 12-hour" "TZ=$tz, 12-hour"
done

finish

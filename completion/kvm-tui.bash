# SPDX-License-Identifier: MIT
# bash completion for kvm-tui(1), installed as
# share/bash-completion/completions/kvm-tui, where bash-completion loads it
# the first time kvm-tui is completed. It uses bash's own builtins only.
#
# Completes the options; the values of --irqchip, --keyboard, --mode, --speed,
# --mem and --boot; theme names (from kvm-tui --list-themes) and theme files
# after --theme; file names after --trace, --record, --replay, --disk and
# --screen-dump (disk images: *.img, *.ima, *.bin, *.dsk); and the guest:
# the installed guests by name (share/kvm-tui/guests beside the binary, as
# kvm-tui looks them up) and files.

# The options kvm-tui's --help lists (test pkg.completion keeps them equal).
_kvm_tui_options='--headless --mem --mode --load-addr --entry --trace --stats --timeout
--max-exits --theme --list-themes --no-color --paused --record --replay --speed --loop
--keyboard --irqchip --bios --no-bios --disk --disk-write --boot --screen-dump --dump --syntax --gdb --break
--sandbox --no-sandbox --help --version'

# _kvm_tui_guests PROGRAM: the names of the guests installed beside PROGRAM.
_kvm_tui_guests()
{
	local exe dir f
	exe=$(type -P -- "$1") || return
	exe=$(readlink -f -- "$exe") || return
	dir=${exe%/*}/../share/kvm-tui/guests
	for f in "$dir"/*.bin "$dir"/*.elf; do
		[ -f "$f" ] || continue
		# NAME.elf beside NAME.bin is that guest's line information, not a
		# guest of its own
		[[ $f == *.elf && -f ${f%.elf}.bin ]] && continue
		f=${f##*/}
		printf '%s\n' "${f%.*}"
	done
}

# _kvm_tui_add WORDS CUR: the WORDS (one a line) that start with CUR, to COMPREPLY.
_kvm_tui_add()
{
	local w
	while IFS= read -r w; do
		[[ -n $w && $w == "$2"* ]] && COMPREPLY+=("$w")
	done <<<"$1"
}

# _kvm_tui_files CUR [GLOB]: file names (directories always, so one can walk
# into them; other files only if they match GLOB, when given).
_kvm_tui_files()
{
	local f
	compopt -o filenames 2>/dev/null
	while IFS= read -r f; do
		[ -n "$f" ] || continue
		if [ -d "$f" ] || [ -z "${2:-}" ] || [[ $f == $2 ]]; then
			COMPREPLY+=("$f")
		fi
	done < <(compgen -f -- "$1")
}

_kvm_tui()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev= i=1 arg
	local prog=${COMP_WORDS[0]}
	COMPREPLY=()
	# --opt=value: bash splits it at the '=' (COMP_WORDBREAKS) into three words.
	if [ "$cur" = "=" ] && [ "$COMP_CWORD" -ge 2 ]; then
		prev=${COMP_WORDS[COMP_CWORD - 1]} cur=
	elif [ "$COMP_CWORD" -ge 3 ] && [ "${COMP_WORDS[COMP_CWORD - 1]}" = "=" ]; then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	elif [ "$COMP_CWORD" -ge 2 ]; then
		prev=${COMP_WORDS[COMP_CWORD - 1]}
	fi

	case $prev in
	--irqchip) _kvm_tui_add $'user\nkernel' "$cur"; return ;;
	--keyboard) _kvm_tui_add $'uart\nkbc' "$cur"; return ;;
	--syntax) _kvm_tui_add $'intel\natt' "$cur"; return ;;
	--break) _kvm_tui_add $'io\nmmio\nhlt\nio:0x3f8\nin:0x60\nout:0x3f8\nmmio:0xb8000\nmode\nint:0x08' "$cur"; return ;;
	--dump) _kvm_tui_add $'0x7c00:512\nb800:0:4000\nss:sp:32' "$cur"; return ;;
	--mode) _kvm_tui_add $'real\nprotected\npaged\nlong' "$cur"; return ;;
	--speed) _kvm_tui_add $'0.25\n0.5\n1\n2\n4\n8\n16\n64\nmax' "$cur"; return ;;
	--mem) _kvm_tui_add $'512K\n1M\n16M\n64M\n256M\n1G' "$cur"; return ;;
	--theme)
		_kvm_tui_add "$("$prog" --list-themes 2>/dev/null | while read -r arg _; do echo "$arg"; done)" "$cur"
		_kvm_tui_files "$cur" '*.theme'
		return ;;
	--boot) _kvm_tui_add $'00h\n01h\n80h\n81h\na\nb\nc\nd' "$cur"; return ;;
	--trace | --record | --screen-dump) _kvm_tui_files "$cur"; return ;;
	--disk) _kvm_tui_files "$cur" '*.@(img|ima|bin|dsk|IMG|IMA)'; return ;;
	--replay) _kvm_tui_files "$cur" '*.rec'; return ;;
	--load-addr | --entry | --timeout | --max-exits | --gdb) return ;; # a number: nothing to offer
	esac

	# Options come before the guest (kvm-tui stops at the first non-option),
	# and a replay takes no guest: after either, nothing more to say.
	local replay=
	while [ "$i" -lt "$COMP_CWORD" ]; do
		arg=${COMP_WORDS[i]}
		case $arg in
		--help | -h | --version | -V | --list-themes) return ;;
		--replay) replay=1; i=$((i + 2)); continue ;;
		--mem | --mode | --load-addr | --entry | --trace | --timeout | --max-exits | --theme | \
			--record | --speed | --keyboard | --irqchip | --disk | --boot | --screen-dump | --dump | --syntax | --break | --gdb) i=$((i + 2)); continue ;;
		--*=* | =) ;;
		-*) ;;
		*) [ "${COMP_WORDS[i - 1]}" = "=" ] || return ;; # the guest
		esac
		i=$((i + 1))
	done

	if [[ $cur == -* ]]; then
		_kvm_tui_add "$(printf '%s\n' $_kvm_tui_options)" "$cur"
		return
	fi
	[ -z "$replay" ] || return
	_kvm_tui_add "$(_kvm_tui_guests "$prog")" "$cur"
	_kvm_tui_files "$cur"
}
complete -F _kvm_tui kvm-tui

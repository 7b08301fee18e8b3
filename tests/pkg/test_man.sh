#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The manual page doc/kvm-tui.1: renders without a warning, documents every
# option --help lists and no other, every key of the README's Keys table,
# every exit status of its table, the environment --help names; its header
# carries project()'s version; the build compresses it for installing.
. "$(dirname "$0")/../integration/lib.sh"

MAN="$SOURCE_DIR/doc/kvm-tui.1"
require_file "$MAN"
command -v groff >/dev/null || skip_tool "groff is not installed (scripts/deps.sh installs groff-base)"
command -v python3 >/dev/null || skip_tool "python3 is not installed"

# Rendering: groff with every warning on, and man(1) as a user would read it.
if groff -man -ww -z "$MAN" 2>"$WORK/groff.err" && [ ! -s "$WORK/groff.err" ]; then
	ok "groff -man -ww renders it without a warning"
else
	fail "groff -man -ww warns:"; sed 's/^/    /' "$WORK/groff.err"
fi
if command -v man >/dev/null; then
	if LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$MAN" >"$WORK/man.txt" 2>"$WORK/man.err" &&
		[ ! -s "$WORK/man.err" ] && [ -s "$WORK/man.txt" ]; then
		ok "man --warnings -l renders it without a warning"
	else
		fail "man --warnings -l:"; sed 's/^/    /' "$WORK/man.err"
	fi
fi

project_version=$(sed -n 's/^project(kvm-tui VERSION \([0-9.]*\).*/\1/p' "$SOURCE_DIR/CMakeLists.txt")
if grep -q "^\.TH KVM\\\\-TUI 1 .*\"kvm\\\\-tui $project_version\"" "$MAN"; then
	ok ".TH names version $project_version, project()'s"
else
	fail ".TH does not name version $project_version: $(grep '^\.TH' "$MAN")"
fi

run --help
assert_status 0 "--help: status 0"

# The cross-checks, each a list of what is missing ("" when nothing is).
python3 - "$MAN" "$OUT" "$SOURCE_DIR/README.md" >"$WORK/checks" <<'PY'
import re, sys
man_src, help_txt, readme = (open(f, encoding="utf-8").read() for f in sys.argv[1:])

def sections(src):
    """{SECTION NAME: its roff text} for each .SH"""
    out, name = {}, None
    for line in src.splitlines():
        m = re.match(r'\.SH\s+"?([^"]*)"?$', line)
        if m:
            name = m.group(1).strip(); out[name] = ""
        elif name:
            out[name] += line + "\n"
    return out

def items(text):
    """The tag lines of a section's .TP items, as plain words."""
    lines, tags = text.splitlines(), []
    for i, line in enumerate(lines[:-1]):
        if line.startswith(".TP"):
            tag = re.sub(r'^\.[A-Z]+\s*', '', lines[i + 1])
            tag = tag.replace('\\-', '-').replace('\\fR', ' ').replace('\\fP', ' ').replace('"', ' ')
            tags += [w for w in re.split(r'[\s,|]+', tag) if w]
    return tags

sec = sections(man_src)
def report(what, missing):
    print(f"{what}\t{' '.join(sorted(missing))}")

report("sections missing", {s for s in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "KEYS",
       "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO"] if s not in sec})

help_opts = set(re.findall(r'(?<![\w-])(--[a-z][a-z-]*|-[a-zA-Z])\b', help_txt))
man_opts = {w for w in items(sec.get("OPTIONS", "")) if re.fullmatch(r'--?[a-zA-Z][a-z-]*', w)}
# (cmake --install is cmake's option, named where FILES says where a build installs)
man_all = set(re.findall(r'(?<![\w-])(--[a-z][a-z-]*)',
                         man_src.replace('\\-', '-').replace('cmake --install', '')))
report("--help options not documented in OPTIONS", help_opts - man_opts)
report("OPTIONS entries --help does not list", man_opts - help_opts)
report("options named in the page that --help does not list", man_all - help_opts)

# The README's Keys table: each key in its first column is a KEYS item.
arrows = {"↑": "Up", "↓": "Down", "←": "Left", "→": "Right"}
table = readme.split("### Keys", 1)[1].split("\n\n")[1]
readme_keys = set()
for row in table.splitlines()[2:]:
    col = row.split(" | ")[0].lstrip("| ")
    col = re.sub(r'\*[^*]*\*', '', col).replace('`..`', ' ').replace('`', ' ').replace(' / ', ' ')
    readme_keys |= {arrows.get(w, w) for w in col.split()}
man_keys = set(items(sec.get("KEYS", "")))
man_keys |= {k for w in man_keys if '..' in w for k in w.split('..')}
report("README keys not in KEYS", readme_keys - man_keys | ({"K"} - man_keys))
if len(readme_keys) < 20:  # the table's layout changed: this check would be empty
    report("README's Keys table unreadable, keys found:", readme_keys | {"(too few)"})

statuses = set(re.findall(r'^\| (\d+|odd) \|', readme.split("| status | meaning |", 1)[1].split("\n\n")[0], re.M))
report("README exit statuses not in EXIT STATUS", statuses - set(items(sec.get("EXIT STATUS", ""))))

# Addresses are decimal or 0x hex, never octal (options.c): the page said
# "0 octal" for --load-addr long after the parser stopped reading octal.
def item_text(src, opt):
    m = re.search(r'^\.BI \\-\\-' + opt.replace('-', r'\\-') + r' .*?\n(.*?)(?=^\.(TP|SS|SH))', src, re.M | re.S)
    return m.group(1).replace('\\-', '-') if m else ""
wrong = set()
for opt in ("load-addr", "entry"):
    text = item_text(man_src, opt)
    if "never octal" not in text or "0x" not in text:
        wrong.add(f"--{opt}(no 'never octal' or no 0x)")
if re.search(r'(?<!never )octal', man_src + help_txt):
    wrong.add("octal-named-as-a-form")
if "decimal, or hex with 0x" not in help_txt:
    wrong.add("--help-address-line")
report("address forms wrong in the page or --help", wrong)

env = set(re.findall(r'[A-Z][A-Z_]{3,}', help_txt.split("Environment:", 1)[1]))
report("--help's environment not in ENVIRONMENT", env - set(items(sec.get("ENVIRONMENT", ""))))
PY
while IFS=$'\t' read -r what missing; do
	if [ -z "$missing" ]; then
		ok "no $what"
	else
		fail "$what: $missing"
	fi
done <"$WORK/checks"
assert_eq 8 "$(wc -l <"$WORK/checks")" "all 8 cross-checks ran"

# The build's compressed copy, the one installed, is this page.
if [ -f "$BINARY_DIR/doc/kvm-tui.1.gz" ] && gzip -dc "$BINARY_DIR/doc/kvm-tui.1.gz" | cmp -s - "$MAN"; then
	ok "build/doc/kvm-tui.1.gz is doc/kvm-tui.1 compressed"
else
	fail "build/doc/kvm-tui.1.gz is missing or not doc/kvm-tui.1 (rebuild)"
fi

finish

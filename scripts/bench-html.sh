#!/bin/sh
# HTML throughput and memory, against parse-only yardsticks: pages of 1, 10
# and 50 MB in the shapes of the Tohoku fixtures (one large table; region
# and country headings over lists), each read, one process per run, by
#
#   tokenizer  golang.org/x/net/html's tokenizer alone (no tree)
#   tree       golang.org/x/net/html.Parse (the whole tree)
#   reader     parser/html.Parse (our reader: the raw model)
#   extract    agreements extract (reader, child process, normaliser, output)
#
# the four alternating, so that all see the same machine. MB/s is of wall
# time and of CPU time (user and system, the process and its children);
# under load the CPU column says more. Peak memory is the largest resident
# set (GNU time's %M), also as a multiple of the page's size.
#
#   scripts/bench-html.sh      (needs GNU time)
#
# ROUNDS runs of each (3); SIZES in MB ("1 10 50"); KINDS ("table list";
# "sjis" is a table in Shift_JIS without a declared charset, in the shape
# of the Nagoya fixture); READERS (all four); BIN measures an agreements
# binary built elsewhere. A reader that fails on a page stops the script.
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
ROUNDS=${ROUNDS:-3}
SIZES=${SIZES:-1 10 50}
KINDS=${KINDS:-table list}
READERS=${READERS:-tokenizer tree reader extract}
work=$(mktemp -d "${TMPDIR:-/tmp}/agreements-bench-html.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

bin=${BIN:-$work/agreements}
[ -n "${BIN:-}" ] || GO="$GO" ./scripts/build.sh "$work" # the front, the full program and the lean parse child, as make build does
$GO test -c -o "$work/html.test" ./parser/html

# run CMD...: one run; prints nanoseconds, peak RSS (KiB) and CPU time (ms,
# user and system, of the process and its children). A failed run stops
# the script: every reader must read every page.
run() {
	s=$(date +%s%N)
	if ! /usr/bin/time -f '%M %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/err"; then
		echo "bench-html: failed: $*" >&2
		cat "$work/err" >&2
		exit 1
	fi
	e=$(date +%s%N)
	echo "$((e - s)) $(tail -1 "$work/time" | awk '{ printf "%d %d", $1, ($2 + $3) * 1000 }')"
}

# read READER PAGE: one run of a reader over a page.
read_page() {
	if [ "$1" = extract ]; then
		run "$bin" extract --institution "Tohoku University" "$2"
	else
		PAGE_IN=$2 PAGE_READER=$1 run "$work/html.test" -test.run '^TestReadPage$'
	fi
}

printf '%-6s %5s %-10s %10s %10s %10s %8s\n' page MB reader "MB/s" "cpu MB/s" "peak MiB" "× page"
for kind in $KINDS; do
	for mb in $SIZES; do
		f="$work/$kind-$mb.html"
		(cd parser/html && PAGE_OUT=$f PAGE_KIND=$kind PAGE_MB=$mb "$work/html.test" -test.run '^TestWritePage$' >/dev/null)
		bytes=$(wc -c <"$f")
		for r in $READERS; do
			eval "t_$r=0 c_$r=0 m_$r=0"
		done
		for i in $(seq "$ROUNDS"); do
			for r in $READERS; do
				res=$(read_page "$r" "$f") || exit 1
				set -- $res
				eval "t_$r=\$((t_$r + $1)) c_$r=\$((c_$r + $3))"
				eval "[ $2 -gt \$m_$r ] && m_$r=$2 || true"
			done
		done
		for r in $READERS; do
			eval "t=\$t_$r c=\$c_$r m=\$m_$r"
			printf '%-6s %5s %-10s %10.1f %10.1f %10.1f %8.1f\n' "$kind" "$mb" "$r" \
				"$(echo "$bytes $ROUNDS $t" | awk '{ print $1 / 1e6 * $2 / ($3 / 1e9) }')" \
				"$(echo "$bytes $ROUNDS $c" | awk '{ print ($3 > 0) ? $1 / 1e6 * $2 / ($3 / 1e3) : 0 }')" \
				"$(echo "$m" | awk '{ print $1 / 1024 }')" \
				"$(echo "$m $bytes" | awk '{ print $1 * 1024 / $2 }')"
		done
		rm -f "$f"
	done
done

#!/bin/sh
# The whole extract path against pdftotext -layout on the same files: the
# Tohoku fixtures and a generated 500-page ruled table. Prints pages/s and
# peak resident memory (from /usr/bin/time -v) for each.
#
#   scripts/bench-extract.sh        (needs poppler-utils and GNU time)
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
ROUNDS=${ROUNDS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/agreements-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

$GO build -o "$work/agreements" ./cmd/agreements
SYNTH_PDF="$work/synth-500.pdf" $GO test ./cmd/agreements -run '^TestWriteSyntheticTable$' -count 1 >/dev/null

files="fixtures/tohoku-university-libreoffice/input.pdf fixtures/tohoku-university-chromium/input.pdf
fixtures/tohoku-department-libreoffice/input.pdf fixtures/tohoku-department-chromium/input.pdf $work/synth-500.pdf"

# seconds and peak RSS (KiB) of ROUNDS runs of a command
measure() {
	start=$(date +%s.%N)
	rss=0
	for r in $(seq "$ROUNDS"); do
		/usr/bin/time -v -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
		k=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time")
		[ "$k" -gt "$rss" ] && rss=$k
	done
	end=$(date +%s.%N)
	echo "$start $end $rss"
}

printf '%-48s %6s %14s %14s %14s %14s\n' file pages "extract p/s" "pdftotext p/s" "extract MiB" "pdftotext MiB"
for f in $files; do
	pages=$(pdfinfo "$f" | awk '/^Pages:/ { print $2 }')
	set -- $(measure "$work/agreements" extract "$f")
	ours=$(echo "$pages $ROUNDS $1 $2" | awk '{ printf "%.1f", $1 * $2 / ($4 - $3) }')
	ourmem=$(echo "$3" | awk '{ printf "%.1f", $1 / 1024 }')
	set -- $(measure pdftotext -layout "$f" /dev/null)
	theirs=$(echo "$pages $ROUNDS $1 $2" | awk '{ printf "%.1f", $1 * $2 / ($4 - $3) }')
	theirmem=$(echo "$3" | awk '{ printf "%.1f", $1 / 1024 }')
	name=$(echo "$f" | sed "s|$work/||")
	printf '%-48s %6s %14s %14s %14s %14s\n' "$name" "$pages" "$ours" "$theirs" "$ourmem" "$theirmem"
done

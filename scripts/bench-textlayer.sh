#!/bin/sh
# Pages per second of the PDF text layer and of pdftotext -layout on the
# same files (the peer corpus, the fixtures and parser/pdf/testdata).
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
files=$(ls ../shared/peer-corpus/*/*.pdf fixtures/*/input.pdf parser/pdf/testdata/*.pdf 2>/dev/null || true)
[ -n "$files" ] || { echo "bench-textlayer: no PDFs found" >&2; exit 1; }
ours=$($GO test ./parser/pdf -run '^$' -bench '^BenchmarkTextLayer$' -benchtime "${BENCHTIME:-3x}" -count 1 | awk '/pages\/s/ { for (i = 1; i <= NF; i++) if ($(i+1) == "pages/s") print $i }')
if command -v pdftotext >/dev/null; then
	pages=0
	for f in $files; do
		n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
		pages=$((pages + ${n:-0}))
	done
	rounds=3
	start=$(date +%s.%N)
	for r in $(seq $rounds); do
		for f in $files; do pdftotext -layout "$f" /dev/null 2>/dev/null || true; done
	done
	end=$(date +%s.%N)
	theirs=$(echo "$pages $rounds $start $end" | awk '{ printf "%.1f", $1 * $2 / ($4 - $3) }')
else
	theirs="n/a (pdftotext not installed)"
fi
printf '%-28s %12s\n' "text layer" "pages/s"
printf '%-28s %12s\n' "parser/pdf ReadLayout" "$ours"
printf '%-28s %12s\n' "pdftotext -layout" "$theirs"

#!/usr/bin/env bash
# The whole extract path against pdftotext -layout, one process per file,
# the two run alternately so that both see the same machine:
#
#   1. every fixture and peer-corpus PDF: time of each, the ratio, and the
#      ratio in aggregate;
#   2. generated documents of 10, 100 and 1,000 pages, a ruled table and an
#      unruled list: pages/s and peak resident memory of each;
#   3. generated HTML pages of 1, 10 and 50 MB: MB/s and peak resident
#      memory, also as a multiple of the page's size.
#
#   scripts/bench-extract.sh      (needs bash, poppler-utils and GNU time)
#
# Under load, the CPU columns (user and system time) say more than the
# wall-clock ones. ROUNDS runs of each (3); BIN measures a binary built
# elsewhere instead of the working tree (with the full program and the lean
# parse child next to it, when built by scripts/build.sh); SECTIONS picks
# some of "files synth html".
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
ROUNDS=${ROUNDS:-3}
SECTIONS=${SECTIONS:-files synth html}
work=$(mktemp -d "${TMPDIR:-/tmp}/agreements-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

bin=${BIN:-$work/agreements}
[ -n "${BIN:-}" ] || GO=$GO scripts/build.sh "$work" # as make build does: the front, the full program and the lean parse child

# run CMD...: one run; prints nanoseconds, peak RSS (KiB) and CPU time
# (user and system, ms, of the process and its children: bash's time, to
# the millisecond; GNU time's counts in 10 ms steps, as much as a small
# file takes). A failing run counts (a case meant to fail is timed like
# any other).
run() {
	local TIMEFORMAT='%3U %3S'
	s=$(date +%s%N)
	{ time /usr/bin/time -f '%M' -o "$work/time" "$@" >/dev/null 2>&1; } 2>"$work/cpu" || true
	e=$(date +%s%N)
	echo "$((e - s)) $(tail -1 "$work/time") $(tail -1 "$work/cpu" | awk '{ printf "%d", ($1 + $2) * 1000 }')"
}

# pair FILE ARGS...: ROUNDS alternating runs of extract and pdftotext;
# sets ours, theirs (total ns), ourcpu, theircpu (total CPU ms) and ourmem,
# theirmem (peak KiB).
pair() {
	f=$1
	shift
	ours=0 theirs=0 ourmem=0 theirmem=0 ourcpu=0 theircpu=0
	for r in $(seq "$ROUNDS"); do
		set -- $(run "$bin" extract "$f")
		ours=$((ours + $1)) ourcpu=$((ourcpu + $3))
		if [ "$2" -gt "$ourmem" ]; then ourmem=$2; fi
		set -- $(run pdftotext -layout "$f" /dev/null)
		theirs=$((theirs + $1)) theircpu=$((theircpu + $3))
		if [ "$2" -gt "$theirmem" ]; then theirmem=$2; fi
	done
}

mib() { echo "$1" | awk '{ printf "%.1f", $1 / 1024 }'; }

case " $SECTIONS " in *" files "*)
	files=$(ls fixtures/*/input.pdf ../shared/peer-corpus/*/*.pdf 2>/dev/null)
	printf '%-44s %5s %11s %11s %6s %9s %9s %6s\n' file pages "extract ms" "pdftotxt ms" ratio "ext cpu" "p2t cpu" "ratio"
	tours=0 ttheirs=0 tourcpu=0 ttheircpu=0 n=0 worst=0 worstf=""
	for f in $files; do
		pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
		pair "$f"
		tours=$((tours + ours)) ttheirs=$((ttheirs + theirs)) n=$((n + 1))
		tourcpu=$((tourcpu + ourcpu)) ttheircpu=$((ttheircpu + theircpu))
		ratio=$(echo "$ours $theirs" | awk '{ printf "%.2f", $1 / $2 }')
		if [ "$(echo "$ratio $worst" | awk '{ print ($1 > $2) }')" = 1 ]; then worst=$ratio worstf=$f; fi
		printf '%-44s %5s %11.1f %11.1f %6s %9.1f %9.1f %6s\n' "$(echo "$f" | sed 's|^\.\./shared/peer-corpus/|peer/|; s|^fixtures/||; s|/input.pdf$||')" "${pages:-?}" \
			"$(echo "$ours $ROUNDS" | awk '{ print $1 / $2 / 1e6 }')" "$(echo "$theirs $ROUNDS" | awk '{ print $1 / $2 / 1e6 }')" "$ratio" \
			"$(echo "$ourcpu $ROUNDS" | awk '{ print $1 / $2 }')" "$(echo "$theircpu $ROUNDS" | awk '{ print $1 / $2 }')" \
			"$(echo "$ourcpu $theircpu" | awk '{ if ($2 > 0) printf "%.2f", $1 / $2; else print "-" }')"
	done
	printf '%-44s %5s %11.1f %11.1f %6s %9.1f %9.1f %6s\n' "aggregate ($n files)" "" \
		"$(echo "$tours $ROUNDS" | awk '{ print $1 / $2 / 1e6 }')" "$(echo "$ttheirs $ROUNDS" | awk '{ print $1 / $2 / 1e6 }')" \
		"$(echo "$tours $ttheirs" | awk '{ printf "%.2f", $1 / $2 }')" \
		"$(echo "$tourcpu $ROUNDS" | awk '{ print $1 / $2 }')" "$(echo "$ttheircpu $ROUNDS" | awk '{ print $1 / $2 }')" \
		"$(echo "$tourcpu $ttheircpu" | awk '{ if ($2 > 0) printf "%.2f", $1 / $2; else print "-" }')"
	echo "slowest against pdftotext (time): $worstf ($worst)"
	echo
	;;
esac

case " $SECTIONS " in *" synth "*)
	printf '%-12s %6s %12s %12s %12s %12s %12s %12s\n' document pages "extract p/s" "pdftotxt p/s" "extract MiB" "pdftotxt MiB" "ext cpu ms" "p2t cpu ms"
	for kind in table list; do
		for pages in 10 100 1000; do
			f="$work/$kind-$pages.pdf"
			SYNTH_KIND=$kind SYNTH_PAGES=$pages SYNTH_PDF=$f $GO test ./cmd/agreements -run '^TestWriteSyntheticTable$' -count 1 >/dev/null
			pair "$f"
			printf '%-12s %6s %12.1f %12.1f %12s %12s %12.0f %12.0f\n' "$kind" "$pages" \
				"$(echo "$pages $ROUNDS $ours" | awk '{ print $1 * $2 / ($3 / 1e9) }')" \
				"$(echo "$pages $ROUNDS $theirs" | awk '{ print $1 * $2 / ($3 / 1e9) }')" \
				"$(mib "$ourmem")" "$(mib "$theirmem")" "$(echo "$ourcpu $ROUNDS" | awk '{ print $1 / $2 }')" \
				"$(echo "$theircpu $ROUNDS" | awk '{ print $1 / $2 }')"
			rm -f "$f"
		done
	done
	echo
	;;
esac

case " $SECTIONS " in *" html "*)
	printf '%-12s %10s %12s %12s %12s\n' "HTML page" "MB/s" "peak MiB" "× page" "cpu MB/s"
	for mb in 1 10 50; do
		f="$work/page-$mb.html"
		SYNTH_MB=$mb SYNTH_HTML=$f $GO test ./cmd/agreements -run '^TestWriteSyntheticHTML$' -count 1 >/dev/null
		total=0 mem=0 cpu=0
		for r in $(seq "$ROUNDS"); do
			set -- $(run "$bin" extract "$f")
			total=$((total + $1)) cpu=$((cpu + $3))
			if [ "$2" -gt "$mem" ]; then mem=$2; fi
		done
		printf '%-12s %10.1f %12s %12.1f %12.1f\n' "$mb MB" \
			"$(echo "$mb $ROUNDS $total" | awk '{ print $1 * 1.048576 * $2 / ($3 / 1e9) }')" "$(mib "$mem")" \
			"$(echo "$mem $mb" | awk '{ print $1 / 1024 / $2 }')" "$(echo "$mb $ROUNDS $cpu" | awk '{ print $1 * 1.048576 * $2 / ($3 / 1e3) }')"
		rm -f "$f"
	done
	;;
esac

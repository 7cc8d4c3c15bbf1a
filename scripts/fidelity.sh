#!/bin/sh
# Compares the PDF text layer with poppler's pdftotext -bbox-layout on the
# peer corpus and the fixtures: per file character recall/precision and the
# share of words whose box is off by more than 20% of its width.
set -eu
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { echo "fidelity: pdftotext not found (apt-get install poppler-utils)" >&2; exit 1; }
FIDELITY=1 ${GO:-go} test ./parser/pdf -run '^TestFidelity$' -count=1 -v | grep -v -e '^=== RUN' -e '^--- ' -e '^PASS' -e '^ok '

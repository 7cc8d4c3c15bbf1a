#!/bin/sh
# Score the table extractor on the peer corpus: builds bin/agreements (as
# make build does, with the executables beside it) and
# runs the corpus scorer (bag-of-cells F1 per case, means per mode; the last
# line is "peer_F1=... cases=19"). Extra arguments go to the scorer, e.g.
#
#   scripts/peer.sh --case camelot-health --json /tmp/peer.json
#
# PEER names the corpus directory (default ../shared/peer-corpus, beside the
# checkout). The scorer's --compare needs pdfplumber and is not run here.
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
PEER=${PEER:-../shared/peer-corpus}
if [ ! -f "$PEER/score.py" ]; then
	echo "peer.sh: no peer corpus at $PEER (set PEER)" >&2
	exit 2
fi
GO="$GO" ./scripts/build.sh bin
exec python3 "$PEER/score.py" --bin bin/agreements "$@"

GO ?= go
BIN := bin/agreements
GOLDEN_PKGS := ./parser/pdf ./parser/html ./cmd/agreements
FUZZ_TARGETS := ./parser/pdf:FuzzParse ./parser/pdf:FuzzFindTables ./parser/pdf:FuzzEmptyPasswordRefused ./parser/html:FuzzParse ./parser/html:FuzzScanner ./parser/html:FuzzTokens ./parser/html:FuzzPlainTree ./parser/html:FuzzSegments ./parser/html:FuzzSplitLines ./parser/xlsx:FuzzParse ./internal/reply:FuzzRead ./cmd/agreements:FuzzReadRequest ./agreement:FuzzIDKey ./readcheck:FuzzScans ./normalize:FuzzDate ./output:FuzzRoundtrip ./output:FuzzFastRecord ./output:FuzzAppendRecord ./sources:FuzzParse ./fetch:FuzzFindLink ./normalize:FuzzNormalize
FUZZTIME ?= 10s
# Minimising each new input for the default 60s leaves whole-document
# parsers almost no time to fuzz.
FUZZMINIMIZETIME ?= 5s
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
PEER := ../shared/peer-corpus

.PHONY: all build run test golden bench fuzz lint check fixtures fidelity peer clean matrix

all: build

# The command is echoed to stderr, so that `make run | jq` reads only records.
# Builds the front bin/agreements, the full program bin/agreements-all and
# the lean parse children bin/agreements-parse (PDF) and
# bin/agreements-parse-html (see scripts/build.sh and the README's "The
# parse child executable" and "The front executable").
build:
	@echo "./scripts/build.sh bin" >&2
	@GO="$(GO)" ./scripts/build.sh bin

## run: extract every bundled fixture and print the records
run: build
	@for d in fixtures/*/; do \
		in=$$(ls $$d | grep -E '^input\.(pdf|html|xlsx)$$' | head -1); \
		[ -n "$$in" ] || continue; \
		args=""; [ -f $$d/args ] && args=$$(cat $$d/args); \
		echo "# $$d$$in" >&2; \
		eval ./$(BIN) extract $$args $$d$$in || true; \
	done

test:
	$(GO) test ./...

## golden: rewrite golden files (read the diff before committing)
golden:
	$(GO) test $(GOLDEN_PKGS) -run 'Golden' -update

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	./scripts/bench-textlayer.sh
	./scripts/bench-extract.sh
	./scripts/bench-html.sh

fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		if $(GO) test $$pkg -list "^$$name$$" 2>/dev/null | grep -qx "$$name"; then \
			$(GO) test $$pkg -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME) || exit 1; \
		fi; \
	done

lint:
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

check: lint test

## fixtures: regenerate the fixture documents and the layout matrix (needs the Debian packages fixtures/README.md names)
fixtures:
	./fixtures/gen/generate.sh
	python3 fixtures/gen/matrix.py

## matrix: the layout matrix (fixtures/matrix): dimension value × renderings × passed
matrix:
	@f=$$(mktemp); $(GO) test ./cmd/agreements -run '^TestMatrix$$' -count=1 -args -matrix.summary=$$f 1>&2; \
	s=$$?; cat $$f; rm -f $$f; exit $$s

## peer: score table extraction on the peer corpus (mean bag-of-cells F1)
peer:
	GO=$(GO) PEER=$(PEER) ./scripts/peer.sh

clean:
	rm -rf bin

## fidelity: compare the PDF text layer with pdftotext -bbox-layout (needs poppler-utils)
fidelity:
	./scripts/fidelity.sh

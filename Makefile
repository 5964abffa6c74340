# minutes — build, test, measure. `make help` lists the targets.
GO      ?= go
PREFIX  ?= /usr/local
export CGO_ENABLED = 0

.PHONY: help build install test vet accuracy parse-diff bench bench-read fuzz clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

build: ## build ./bin/minutes (pure Go, CGO_ENABLED=0)
	$(GO) build -o bin/minutes ./cmd/minutes

install: ## install minutes into $(PREFIX)/bin (PREFIX=~/.local for a user install)
	mkdir -p $(PREFIX)/bin
	$(GO) build -o $(PREFIX)/bin/minutes ./cmd/minutes

test: vet ## vet, then the whole test suite (what CI runs)
	$(GO) test -count=1 ./...

vet: ## go vet, a gofmt check and a tidy go.mod (go mod tidy changes nothing)
	$(GO) mod tidy -diff
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

accuracy: ## parser accuracy: synthetic set, real Dynasty pages and the wording set (development and held-out parts each), raw Espoo HTML
	$(GO) test -count=1 -run '^(TestAccuracy|TestRealAccuracyDev|TestRealAccuracyHeldOut|TestWordingAccuracyDev|TestWordingAccuracyHeldOut|TestRealHTML)$$' -v ./parse

REV ?= HEAD
parse-diff: ## parse --json of REV (default HEAD) against the working tree over every development page, never a held-out one
	tools/parse-diff.sh $(REV)

bench: ## run every benchmark and print its figures
	$(GO) test -run '^$$' -bench . -benchmem -count=1 ./...

bench-read: ## page reading, whole process on one core: minutes parse against a BeautifulSoup baseline (needs python3-bs4, python3-lxml)
	bench/read-pages.sh

FUZZTIME ?= 10s
FUZZMINTIME ?= 1s
# A count (FUZZTIME=300x) has no wall-clock deadline: Go 1.26's fuzzing
# coordinator can report "context deadline exceeded" at a -fuzztime
# duration's end under load (go.dev/issue/75804), so CI uses counts.
fuzz: ## run every fuzz target for FUZZTIME each (default 10s; a count such as 300x also works)
	@for pkg in ./parse ./scrape ./search ./store; do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME) $$pkg || exit 1; \
	  done; \
	done

clean: ## remove build output
	rm -rf bin

# make demo: install what is missing, build, run the whole pipeline on corpus/, write the report.
# make test: the same set-up, then every test, in the release build and again built with ASan and UBSan.
# make fuzz: every fuzz target in tests/fuzz for FUZZ_SECONDS (default 60) each, with clang's libFuzzer.
BUILD ?= build
SANITIZED_BUILD ?= build-sanitized
STORE ?= out/demo.db
REPORT ?= out/august-report.pdf
HTML_REPORT ?= $(REPORT:.pdf=.html)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# Debian packages the build, the tests and the demo need.
PACKAGES = cmake make g++ pkg-config libboost-dev libicu-dev libxapian-dev xapian-tools \
           libhpdf-dev libcli11-dev doctest-dev nlohmann-json3-dev libsimdjson-dev fonts-dejavu-core poppler-utils qpdf \
           libminizip-dev libzip-dev libpugixml-dev libxlsxwriter-dev liblinear-dev libxml2-utils strace util-linux
# What `make fuzz` needs besides: clang with libFuzzer and the sanitizer runtimes, and llvm-symbolizer.
FUZZ_PACKAGES = clang libclang-rt-14-dev llvm

.PHONY: all deps build sanitized demo test fuzz clean

all: build

deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# Line tables (-g1) are enough for profiles and stack traces; full debug info
# made the build a third slower.
build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

# Every test again, built with AddressSanitizer and UndefinedBehaviorSanitizer
# (any finding stops the test that meets it) and with assertions on; -O0 -g1 builds
# it in a third of the time -O1 -g takes, with stack traces that still give lines.
sanitized: deps
	cmake -S . -B $(SANITIZED_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1" \
	  -DYOUSAID_SANITIZE=address,undefined >/dev/null
	cmake --build $(SANITIZED_BUILD) -j $(JOBS)

demo: build
	rm -rf $(STORE) && mkdir -p $(dir $(STORE))
	$(BUILD)/yousaid ingest --store $(STORE) --codebook corpus/codebook.txt corpus/responses/*.csv corpus/panels/*.txt
	$(BUILD)/yousaid code --store $(STORE) --user analyst --from corpus/coding.csv
	$(BUILD)/yousaid train --store $(STORE) --out $(dir $(STORE))themes.model
	$(BUILD)/yousaid tag --store $(STORE) --model $(dir $(STORE))themes.model
	$(BUILD)/yousaid crosstab --store $(STORE) --rows theme --cols channel
	$(BUILD)/yousaid report --final --store $(STORE) --actions corpus/actions.csv --population corpus/population.csv \
	  --template templates/august-report.tmpl --out $(REPORT) --html $(HTML_REPORT)
	@echo "The August report is at $(REPORT) (and as accessible HTML at $(HTML_REPORT)); the store is at $(STORE) (try: $(BUILD)/yousaid search --store $(STORE) 'transport NEAR rural')"

test: build sanitized
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cd $(SANITIZED_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

fuzz:
	$(MAKE) deps PACKAGES="$(PACKAGES) $(FUZZ_PACKAGES)"
	tests/fuzz/run.sh

clean:
	rm -rf $(BUILD) $(SANITIZED_BUILD) build-fuzz out

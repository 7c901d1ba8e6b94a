# The two commands of the README:
#   make        installs what is missing, builds, compiles input/ into output/
#   make test   installs what is missing, builds, runs every test through ctest
BUILD ?= build
JOBS ?= $(shell nproc || echo 2)

.PHONY: all deps configure compile test test-asan test-valgrind test-alloc clean fuzz

all: compile
	./$(BUILD)/relazione build input -o output

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

compile: configure
	@cmake --build $(BUILD) -j $(JOBS)

# --verbose shows every test's own output, cmocka's result lines included.
test: compile
	ctest --test-dir $(BUILD) --verbose

# The same suite on an AddressSanitizer + UBSan build (leaks included).
test-asan: deps
	@cmake -S . -B $(BUILD)-asan -DCMAKE_BUILD_TYPE=Debug -DREL_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD)-asan -j $(JOBS)
	ctest --test-dir $(BUILD)-asan --output-on-failure

# valgrind memcheck on the end-to-end runs: a build of the example, a check of
# a bad input and of a findings-only input, init, a draft of seed 003 (a real
# report, with findings); any error or leak fails.
VALGRIND = valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
test-valgrind: compile
	@rm -rf $(BUILD)/vg && mkdir -p $(BUILD)/vg
	$(VALGRIND) ./$(BUILD)/relazione build input -o $(BUILD)/vg/out
	$(VALGRIND) ./$(BUILD)/relazione check tests/bad/cases/11-quote-stray-in-unquoted-field; test $$? -eq 65
	$(VALGRIND) ./$(BUILD)/relazione check tests/golden/total_digit_changed/input; test $$? -eq 1
	$(VALGRIND) ./$(BUILD)/relazione init $(BUILD)/vg/skeleton --anno 2024
	$(VALGRIND) ./$(BUILD)/relazione build examples/asc2023 -o $(BUILD)/vg/asc2023 --bozza; test $$? -eq 1
	@echo "valgrind: 5 runs, no memory error and no leak"

# The allocation-failure loop (tests/robustness/alloc_loop.py): check and build
# of the example with the N-th allocation refused, for every N (ALLOC_STRIDE=1);
# fails on any crash, silent success or misreported failure.
ALLOC_STRIDE ?= 1
test-alloc: compile
	nice -n 10 /usr/bin/python3 tests/robustness/alloc_loop.py $(BUILD)/relazione . --stride $(ALLOC_STRIDE)

clean:
	rm -rf $(BUILD) $(BUILD)-asan

# libFuzzer harnesses of tests/fuzz/ (clang from Debian), FUZZ_SECONDS each;
# fails if any crashed. The seeds stay untouched; what the fuzzer finds is
# kept in $(BUILD)-fuzz/fuzz-corpus/, crashes in $(BUILD)-fuzz/fuzz-artifacts/.
FUZZ_SECONDS ?= 100
FUZZ_HARNESSES ?= csv encoding number date ini_metadata formula
fuzz: deps
	@tests/fuzz/install-fuzz-deps.sh
	@cmake -S . -B $(BUILD)-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DREL_FUZZ=ON -DREL_WERROR=OFF -DBUILD_TESTING=OFF >/dev/null
	@cmake --build $(BUILD)-fuzz -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_HARNESSES))
	tests/fuzz/run-fuzz.sh $(BUILD)-fuzz $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

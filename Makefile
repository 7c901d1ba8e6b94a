# The two commands of the README:
#   make        installs what is missing, builds, compiles input/ into output/
#   make test   installs what is missing, builds, runs every test through ctest
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps configure compile test test-asan clean

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

clean:
	rm -rf $(BUILD) $(BUILD)-asan

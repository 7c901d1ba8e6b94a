# The two commands of the README:
#   make        installs what is missing, builds, compiles input/ into output/
#   make test   installs what is missing, builds, runs every test through ctest
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps configure compile test clean

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

clean:
	rm -rf $(BUILD)

#!/usr/bin/env bash
# Installs what `make fuzz` needs beyond scripts/install-deps.sh: clang and
# libFuzzer (Debian 12: libFuzzer and the sanitizer runtimes for clang 14 are
# in libclang-rt-14-dev). Idempotent: says nothing when all is installed.
set -euo pipefail
exec "$(dirname "$0")/../../scripts/install-deps.sh" clang libclang-rt-14-dev

#!/usr/bin/env bash
# Installs the Debian packages relazione needs to build, run and test, or
# the packages given as arguments instead (tests/fuzz/install-fuzz-deps.sh).
# Idempotent: when everything is installed it does nothing and says nothing.
set -euo pipefail

packages=(
  gcc make cmake pkg-config           # toolchain
  libhpdf-dev                         # libharu: the PDF
  libxlsxwriter-dev                   # the XLSX annexes
  libcsv-dev                          # CSV parsing
  zlib1g-dev                          # compression, for the two above
  nettle-dev                          # SHA-256 of inputs and outputs, for the manifest
  libjansson-dev                      # JSON diagnostics (--format json)
  libmagic-dev                        # file types: an Excel file saved as .csv is named as such
  libcmocka-dev                       # unit tests
  fonts-liberation2                   # the report's TrueType fonts
  icc-profiles-free                   # sRGB profile: the PDF/A output intent
  libhyphen-dev hyphen-it             # Italian hyphenation of the PDF's justified text
  poppler-utils qpdf                  # tests: pdftotext, pdffonts, pdfinfo, qpdf --check
  python3 python3-openpyxl            # tests: read the XLSX back with another library
  libreoffice-calc-nogui              # tests: recalculate and print the XLSX (headless)
  fonts-crosextra-carlito             # tests: Calibri's metrics, so LibreOffice measures
                                      # the annex's columns as Excel does
  valgrind                            # tests: memcheck of the end-to-end runs
)
[ $# -gt 0 ] && packages=("$@")

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "relazione: installing missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
  else
    echo "relazione: run as root, or install them yourself: apt-get install ${missing[*]}" >&2
    exit 1
  fi
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

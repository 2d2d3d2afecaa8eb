#!/usr/bin/env bash
# The release: every artifact andel ships, built into dist/ (gitignored) with SHA256SUMS.
#
#   bash scripts/dist.sh           build dist/ (from a clean checkout; installs what it needs
#                                  first, each step skipped when already done)
#
# dist/ then holds (V is the workspace version, Cargo.toml):
#   andel-V-cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl   Python 3.9+, any Linux
#   andel-V.tar.gz                      the sdist (pip builds it with Rust)
#   andel-V-x86_64-linux                the command line, one static binary (musl)
#   andel-V-x86_64-windows.exe          the command line for Windows (mingw-w64)
#   andel-wasm-V.tgz                    the npm package (npm pack; wasm/package.json's prepack builds pkg/)
#   andel-fordeling.html                the web form as one file that opens from disk, and
#   andel-fordeling/, andel-fordeling-V.zip   the web form as a folder for any web server:
#                                       both copied from wasm/dist/ when wasm/build.sh makes it
#   SHA256SUMS                          `cd dist && sha256sum -c SHA256SUMS`
#
# Release builds for three targets are heavy: they run one after another.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dist=$root/dist
version=$(awk '/^\[workspace\.package\]/{w=1; next} /^\[/{w=0} w && /^version = /{gsub(/version = |"/, ""); print; exit}' Cargo.toml)
[ -n "$version" ] || { echo "dist.sh: no [workspace.package] version in Cargo.toml" >&2; exit 1; }

step() { printf '\n==> %s\n' "$*"; }
fail() { echo "dist.sh: $*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
# apt_need COMMAND PACKAGE: install the Debian package when the command is missing.
apt_need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  command -v "$1" >/dev/null 2>&1 || fail "$2 installed but no $1"
}
target_need() { rustup target list --installed | grep -qx "$1" || rustup target add "$1"; }

# The Python build tools, in their own venv (maturin finds zig through `python -m ziglang`,
# so this venv's bin/ goes first on PATH when maturin runs).
tools_venv=$root/.venv-dist
python_tools() {
  [ -x "$tools_venv/bin/python" ] || python3 -m venv "$tools_venv"
  "$tools_venv/bin/python" -m pip install -q maturin==1.16.0 ziglang==0.17.1 auditwheel==6.8.2
}

linux_bin=andel-$version-x86_64-linux
windows_exe=andel-$version-x86_64-windows.exe
npm_tgz=andel-wasm-$version.tgz
sdist=andel-$version.tar.gz

build() {
  step "tools (Rust targets musl, windows-gnu and wasm32; mingw-w64; maturin and zig; wasm-bindgen-cli; npm packages)"
  target_need x86_64-unknown-linux-musl
  target_need x86_64-pc-windows-gnu
  target_need wasm32-unknown-unknown
  apt_need x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64
  python_tools
  want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print}' Cargo.lock)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    cargo install wasm-bindgen-cli --version "$want"
  fi
  if [ ! wasm/node_modules/.package-lock.json -nt wasm/package-lock.json ]; then
    (cd wasm && npm ci --no-audit --no-fund --loglevel=error)
  fi

  rm -rf "$dist"
  mkdir -p "$dist"

  step "python: the abi3 manylinux2014 wheel (maturin --zig) and the sdist"
  (cd py && PATH="$tools_venv/bin:$PATH" maturin build --release --locked --zig \
    --compatibility manylinux2014 --out "$dist")
  (cd py && PATH="$tools_venv/bin:$PATH" maturin sdist --out "$dist")

  step "command line: static Linux binary (x86_64-unknown-linux-musl)"
  cargo build --locked --release --target x86_64-unknown-linux-musl -p andel-cli
  cp target/x86_64-unknown-linux-musl/release/andel "$dist/$linux_bin"

  step "command line: Windows andel.exe (x86_64-pc-windows-gnu, mingw-w64)"
  CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
    cargo build --locked --release --target x86_64-pc-windows-gnu -p andel-cli
  cp target/x86_64-pc-windows-gnu/release/andel.exe "$dist/$windows_exe"

  step "JS: npm pack (prepack runs wasm/build.sh: pkg/web, pkg/node and the web form)"
  (cd wasm && npm pack --pack-destination "$dist" --loglevel=warn >/dev/null)
  [ -f "$dist/$npm_tgz" ] || fail "npm pack made no $npm_tgz"

  step "web form (wasm/dist/ from wasm/build.sh)"
  if [ -f wasm/dist/andel-fordeling.html ]; then
    cp wasm/dist/andel-fordeling.html "$dist/"
    echo "copied andel-fordeling.html"
  else
    echo "no wasm/dist/andel-fordeling.html: this wasm/build.sh makes no single-file web form"
  fi
  if [ -d wasm/dist/site ]; then
    cp -r wasm/dist/site "$dist/andel-fordeling"
    (cd "$dist" && python3 -m zipfile -c "andel-fordeling-$version.zip" andel-fordeling)
    echo "copied wasm/dist/site/ as andel-fordeling/ and andel-fordeling-$version.zip"
  else
    echo "no wasm/dist/site/: this wasm/build.sh makes no web-form folder (wasm/www/ is served from the repository)"
  fi

  step "checksums"
  (cd "$dist" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort \
    | xargs -d '\n' sha256sum > SHA256SUMS)
  (cd "$dist" && find . -maxdepth 1 -mindepth 1 ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort \
    | while read -r f; do printf '%8s  %s\n' "$(du -sh --apparent-size "$f" | cut -f1)" "$f"; done)
}

case "${1:-}" in
  "") build ;;
  *) echo "usage: bash scripts/dist.sh" >&2; exit 2 ;;
esac

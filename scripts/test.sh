#!/usr/bin/env bash
# Runs every test of andel. Installs what is missing first (each step is
# skipped when already done), so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
# One full run builds each crate once: incremental caches would only take disk.
export CARGO_INCREMENTAL=0

step() { printf '\n==> %s\n' "$*"; }

step "toolchain"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

step "format"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p andel-wasm -p andel-wasm-excel --target wasm32-unknown-unknown --locked -- -D warnings

step "core builds for wasm32 (no files, no clocks, no threads)"
cargo build --locked -p andel-core --no-default-features --target wasm32-unknown-unknown

step "benchmarks compile"
cargo bench --locked -p andel-core --no-run

step "fuzz smoke (core/examples/fuzz.rs: mutated documents, CSV, results, engine inputs; longer: --seconds N)"
cargo run --locked --release -q -p andel-core --example fuzz -- --seconds "${ANDEL_FUZZ_SECONDS:-40}" --seed "$(date +%s)"

step "cargo test"
cargo test --workspace --locked

step "python: a virtual environment with the test tools"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -r py/requirements-dev.txt

step "python: pip install ./py (the README's install command)"
.venv/bin/python -m pip install -q "./py[pandas]"

step "python: benchmark script runs (figures in the README)"
.venv/bin/python py/bench.py --quick

step "pytest (API, README examples, types, the analyst notebook)"
.venv/bin/python -m pytest -q py/tests

step "wasm: tools (wasm-bindgen-cli as pinned in Cargo.lock, npm packages, Debian's chromium)"
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
  cargo install wasm-bindgen-cli --version "$want"
fi
(cd wasm && npm ci --no-audit --no-fund --loglevel=error)
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null;
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium chromium-driver >/dev/null; fi
fi

step "wasm: build (wasm/build.sh: pkg/web, pkg/node, the web form in wasm/www)"
bash wasm/build.sh

# The release as its users get it (README "Install"): about 1 minute to build and 4 to check
# when warm, about 20 more on a fresh machine (three release builds, Wine, a venv): measured
# on 2 busy cores (README, "The two commands"). ANDEL_SKIP_DIST=1 leaves it out of a local run.
if [ "${ANDEL_SKIP_DIST:-0}" = 1 ]; then
  step "release artifacts: skipped (ANDEL_SKIP_DIST=1)"
else
  step "release artifacts: scripts/dist.sh builds dist/ (wheel, sdist, static andel, andel.exe, npm tarball, web form)"
  bash scripts/dist.sh
  step "release artifacts: scripts/dist.sh --check (wheel without Rust, the binaries, andel.exe under Wine, the npm package, the form from disk)"
  bash scripts/dist.sh --check
fi

step "wasm: node tests (JS API, bad input, shared cases, size), browser test (Chromium)"
(cd wasm && npm test)

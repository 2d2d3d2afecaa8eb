#!/usr/bin/env bash
# Builds the browser package from the one crate, andel-wasm:
#   pkg/web/   ES module (wasm-bindgen --target web), for the page and bundlers
#   pkg/node/  CommonJS (--target nodejs), loadable with require(), for tests
#   pkg/first/ the web form's first-load module (andel_first.js: present,
#              municipalities, years, version, parseNumber, formatNumber),
#              built without the crate's `more` feature; within the budget
#              that test/size.test.cjs checks
#   www/       the web form, complete with its own copy of pkg/web (the whole
#              module, loaded on request) and pkg/first, and the
#              cases of the minutes (www/cases.js, from ../examples)
#   dist/site/ the web form as a folder for any web server, with .gz and .br
#              beside each file (build-site.mjs)
#   dist/andel-fordeling.html  the web form as one file that works from disk
# Needs: the wasm32 target, wasm-bindgen-cli at the version pinned in
# Cargo.lock, and npm's binaryen (wasm-opt) from `npm ci` in wasm/.
# scripts/test.sh installs all three when missing.
set -euo pipefail
cd "$(dirname "$0")"

out=../target/wasm32-unknown-unknown/wasm-release
# The first-load module first (the same crate without `more`), then the whole.
cargo build --locked --profile wasm-release --target wasm32-unknown-unknown -p andel-wasm --no-default-features
cp "$out/andel_wasm.wasm" "$out/andel_first.wasm"
cargo build --locked --profile wasm-release --target wasm32-unknown-unknown -p andel-wasm
raw=$out/andel_wasm.wasm

rm -rf pkg www/pkg
wasm-bindgen --target web --out-dir pkg/first "$out/andel_first.wasm"
wasm-bindgen --target web --out-dir pkg/web "$raw"
wasm-bindgen --target nodejs --out-dir pkg/node "$raw"
# -ocimfs=0: functions with a single caller stay functions instead of being
# inlined into it. Measured on this module: about 2 % larger raw, about 10 %
# smaller gzipped (199 -> 180 KB), which is what a browser downloads.
for wasm in pkg/first/andel_first_bg.wasm pkg/web/andel_wasm_bg.wasm pkg/node/andel_wasm_bg.wasm; do
  node_modules/.bin/wasm-opt -Oz -ocimfs=0 "$wasm" -o "$wasm"
done
mkdir -p www/pkg
cp pkg/web/andel_wasm.js pkg/web/andel_wasm_bg.wasm pkg/first/andel_first.js pkg/first/andel_first_bg.wasm www/pkg/
node build-site.mjs cases
node build-site.mjs dist

for wasm in pkg/first/andel_first_bg.wasm pkg/web/andel_wasm_bg.wasm; do
  bytes=$(wc -c < "$wasm")
  gzipped=$(gzip -9 -c "$wasm" | wc -c)
  printf '%s: %d bytes (%d KB), %d bytes gzipped (%d KB)\n' \
    "$(basename "$wasm")" "$bytes" $((bytes / 1024)) "$gzipped" $((gzipped / 1024))
done

# ---- Excel on request (andel-wasm-excel; the "excel" block, kept apart) ----
# A second module with core's feature `excel` (calamine, rust_xlsxwriter):
# result workbooks and weights from .xlsx. The form loads it only when asked
# ("Hent Excel", an .xlsx upload; www/excel.js), never at first load:
#   pkg/excel/web/, pkg/excel/node/  as pkg/web and pkg/node
#   www/pkg/excel/                   the page's copy; dist/site/pkg/excel/ too
cargo build --locked --profile wasm-release --target wasm32-unknown-unknown -p andel-wasm-excel
raw_excel=../target/wasm32-unknown-unknown/wasm-release/andel_wasm_excel.wasm
rm -rf pkg/excel www/pkg/excel
wasm-bindgen --target web --out-dir pkg/excel/web "$raw_excel"
wasm-bindgen --target nodejs --out-dir pkg/excel/node "$raw_excel"
for dir in pkg/excel/web pkg/excel/node; do
  node_modules/.bin/wasm-opt -Oz -ocimfs=0 "$dir/andel_wasm_excel_bg.wasm" -o "$dir/andel_wasm_excel_bg.wasm"
done
mkdir -p www/pkg/excel
cp pkg/excel/web/andel_wasm_excel.js pkg/excel/web/andel_wasm_excel_bg.wasm www/pkg/excel/
node build-site.mjs dist
bytes=$(wc -c < pkg/excel/web/andel_wasm_excel_bg.wasm)
gzipped=$(gzip -9 -c pkg/excel/web/andel_wasm_excel_bg.wasm | wc -c)
printf 'andel_wasm_excel_bg.wasm (on request): %d bytes (%d KB), %d bytes gzipped (%d KB)\n' \
  "$bytes" $((bytes / 1024)) "$gzipped" $((gzipped / 1024))

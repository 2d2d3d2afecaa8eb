#!/usr/bin/env bash
# The release: every artifact andel ships, built into dist/ (gitignored) with SHA256SUMS.
#
#   bash scripts/dist.sh           build dist/ (from a clean checkout; installs what it needs
#                                  first, each step skipped when already done)
#   bash scripts/dist.sh --check   test what dist/ holds, as its users will use it
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

step() { printf "\n==> %s  [%ss]\n" "$*" "$SECONDS"; }
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
  # The command line's allocator (mimalloc) is C: for musl, musl-gcc builds it.
  apt_need musl-gcc musl-tools
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
  CC_x86_64_unknown_linux_musl=musl-gcc \
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

# ---------------------------------------------------------------------------------------

check_dir=$root/target/dist-check
wineprefix=$root/target/dist-wine

check() {
  [ -d "$dist" ] || fail "no dist/: run bash scripts/dist.sh first"
  cd "$dist"
  local wheel
  wheel=$(ls andel-"$version"-cp39-abi3-manylinux*.whl 2>/dev/null | head -1)
  for f in "$wheel" "$sdist" "$linux_bin" "$windows_exe" "$npm_tgz" SHA256SUMS; do
    [ -n "$f" ] && [ -f "$f" ] || fail "dist/ has no ${f:-wheel for $version}: run bash scripts/dist.sh"
  done
  cd "$root"
  rm -rf "$check_dir"
  mkdir -p "$check_dir"

  step "checksums"
  (cd "$dist" && sha256sum --quiet -c SHA256SUMS) && echo "SHA256SUMS: every file matches"

  step "wheel: abi3 and manylinux tags ($wheel)"
  python_tools
  "$tools_venv/bin/python" - "$dist/$wheel" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    meta = next(n for n in z.namelist() if n.endswith(".dist-info/WHEEL"))
    tags = [l.split(": ", 1)[1] for l in z.read(meta).decode().splitlines() if l.startswith("Tag: ")]
print("Tag:", ", ".join(tags))
assert "cp39-abi3-manylinux_2_17_x86_64" in tags and "cp39-abi3-manylinux2014_x86_64" in tags, tags
EOF
  "$tools_venv/bin/auditwheel" show "$dist/$wheel" > "$check_dir/auditwheel.txt"
  tr -s '\n ' ' ' < "$check_dir/auditwheel.txt" \
    | grep -q 'consistent with the following platform tag: "manylinux_2_17_x86_64"' \
    || { cat "$check_dir/auditwheel.txt"; fail "auditwheel: the wheel is not manylinux_2_17 (2014)"; }
  echo "auditwheel show: consistent with manylinux_2_17_x86_64 (manylinux2014)"

  step "sdist ($sdist): the core and the package, to build with Rust"
  tar -tzf "$dist/$sdist" > "$check_dir/sdist-files.txt"
  for f in pyproject.toml Cargo.lock core/src/lib.rs core/data/population_municipalities_2020_2025.csv \
    py/src/lib.rs python/andel/__init__.py; do
    grep -qx "andel-$version/$f" "$check_dir/sdist-files.txt" || fail "$sdist has no $f"
  done
  echo "$(wc -l < "$check_dir/sdist-files.txt") files, the core with its data and the Python package"

  step "wheel: a clean venv whose PATH has no cargo or rustc; case 2.8, the README's Python, the notebook"
  python3 -m venv "$check_dir/venv"
  # Only the venv and the system's own programs on PATH: no ~/.cargo/bin.
  local clean=(env -u CARGO_HOME -u RUSTUP_HOME -u VIRTUAL_ENV PATH="$check_dir/venv/bin:/usr/bin:/bin")
  if "${clean[@]}" sh -c 'command -v cargo || command -v rustc'; then fail "cargo or rustc on the clean PATH"; fi
  "${clean[@]}" python -m pip install -q "$dist/$wheel" pandas matplotlib nbclient nbformat ipykernel
  (cd "$check_dir" && "${clean[@]}" python "$root/scripts/dist/check_wheel.py" "$root" "$version" "$check_dir")

  step "static Linux binary ($linux_bin)"
  local what
  what=$(file -b "$dist/$linux_bin")
  echo "file: $what"
  # A static PIE is what Rust's musl target makes; file(1) says "static-pie linked" for it.
  case "$what" in
    *"statically linked"* | *"static-pie linked"*) ;;
    *) fail "$linux_bin is not statically linked" ;;
  esac
  # And nothing loaded at run time: no program interpreter, no shared library.
  if readelf -lW "$dist/$linux_bin" | grep -q INTERP || readelf -dW "$dist/$linux_bin" | grep -q NEEDED; then
    fail "$linux_bin asks for a loader or a shared library"
  fi
  echo "ldd: $(ldd "$dist/$linux_bin" 2>&1 | tr -d '\t')"
  [ "$(env -i "$dist/$linux_bin" --version)" = "andel $version" ] || fail "$linux_bin --version is not andel $version"
  env -i PATH=/usr/bin:/bin "$dist/$linux_bin" report > "$check_dir/report-linux.txt"
  grep -Eq '^851 +Aalborg .* 1\.658\.397,22 ' "$check_dir/report-linux.txt" || fail "the musl binary's report has no Aalborg 1.658.397,22"
  grep -q "^andel $version; befolkning: Danmarks Statistik" "$check_dir/report-linux.txt" || fail "the report states no version"
  echo "andel report: $(wc -l < "$check_dir/report-linux.txt") lines, Aalborg 1.658.397,22 (case 2.8, lav), andel $version"

  step "Windows binary under Wine ($windows_exe)"
  apt_need x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64
  apt_need wine wine64
  # Debian's Wine 8 lacks bcryptprimitives.dll (ProcessPrng), which Rust's standard library
  # imports and Windows 10+ has: a stand-in for the test only (scripts/dist/bcryptprimitives.c).
  x86_64-w64-mingw32-gcc -shared -O2 -o "$check_dir/bcryptprimitives.dll" \
    scripts/dist/bcryptprimitives.c scripts/dist/bcryptprimitives.def -ladvapi32
  local wine=(env WINEPREFIX="$wineprefix" WINEARCH=win64 WINEDEBUG=-all LC_ALL=C.UTF-8 wine)
  if [ ! -f "$wineprefix/system.reg" ]; then
    env WINEPREFIX="$wineprefix" WINEARCH=win64 WINEDEBUG=-all wineboot --init >/dev/null 2>&1
    env WINEPREFIX="$wineprefix" wineserver -w
  fi
  cp "$check_dir/bcryptprimitives.dll" "$wineprefix/drive_c/windows/system32/"
  [ "$("${wine[@]}" "$dist/$windows_exe" --version | tr -d '\r')" = "andel $version" ] \
    || fail "$windows_exe --version is not andel $version"
  "${wine[@]}" "$dist/$windows_exe" report > "$check_dir/report-windows.txt"
  grep -Eq '^851 +Aalborg .* 1\.658\.397,22 ' "$check_dir/report-windows.txt" || fail "andel.exe report has no Aalborg 1.658.397,22"
  echo "andel.exe report: $(wc -l < "$check_dir/report-windows.txt") lines, Aalborg 1.658.397,22"
  # A document and its CSV in a folder with Danish letters, the CSV with Danish names and
  # CRLF line ends (as Excel on Windows writes it). By hand: 100,01 kr. by 2.000 : 3.000 :
  # 5.000 is 20,002 + 30,003 + 50,005 kr.; rounded down to 20,00 + 30,00 + 50,00 that leaves
  # one øre, which goes to the largest remainder (0,005): Hjørring 50,01.
  local folder="$check_dir/Fælles nøgler ÆØÅ"
  mkdir -p "$folder"
  printf 'kommune;indbyggere\r\nLæsø;2000\r\nBrønderslev;3000\r\nHjørring;5000\r\n' > "$folder/befolkning æøå.csv"
  printf '{"version": 1, "title": "Prøve: æøå", "key": {"csv": {"path": "befolkning æøå.csv"}},\r\n "scenarios": [{"name": "én", "total": "100.01"}]}\r\n' \
    > "$folder/nøgle ÆØÅ.json"
  (cd "$folder" && "${wine[@]}" "$dist/$windows_exe" compute "nøgle ÆØÅ.json" --format csv --numbers plain) \
    | tr -d '\r' > "$check_dir/compute-windows.csv"
  for row in "^én,,825,Læsø,2000,0\.2000000000,.*,20\.00," "^én,,810,Brønderslev,3000,.*,30\.00," \
    "^én,,860,Hjørring,5000,.*,50\.01," "^én,,total,,,,,100\.01,"; do
    grep -Eq "$row" "$check_dir/compute-windows.csv" || { cat "$check_dir/compute-windows.csv"; fail "andel.exe compute: no row $row"; }
  done
  # The line holds a ",", so the plain CSV quotes it as one cell.
  grep -q "^#,\"andel $version; population: Statistics Denmark" "$check_dir/compute-windows.csv" || fail "andel.exe compute: the CSV states no version"
  (cd "$folder" && "${wine[@]}" "$dist/$windows_exe" split 100,01 --weights "befolkning æøå.csv") \
    > "$check_dir/split-windows.txt"
  grep -Eq '^860 +Hjørring .* 50,01 ' "$check_dir/split-windows.txt" || { cat "$check_dir/split-windows.txt"; fail "andel.exe split: no Hjørring 50,01"; }
  echo "andel.exe compute and split in \"Fælles nøgler ÆØÅ\\nøgle ÆØÅ.json\" (CRLF, Danish names): Læsø 20,00, Brønderslev 30,00, Hjørring 50,01"

  step "npm package ($npm_tgz): the files, then require() from the unpacked package"
  tar -tzf "$dist/$npm_tgz" > "$check_dir/npm-files.txt"
  for f in package/package.json package/pkg/node/andel_wasm.js package/pkg/node/andel_wasm_bg.wasm \
    package/pkg/web/andel_wasm.js package/pkg/web/andel_wasm_bg.wasm package/pkg/web/andel_wasm.d.ts; do
    grep -qx "$f" "$check_dir/npm-files.txt" || fail "$npm_tgz has no $f"
  done
  mkdir -p "$check_dir/npm" && tar -xzf "$dist/$npm_tgz" -C "$check_dir/npm"
  node -e '
    const andel = require(process.argv[1]);
    const r = andel.compute({ version: 1, key: { population: { region: "Nordjylland", year: 2022 },
      exclude: ["Læsø", "Morsø"] }, scenarios: [{ name: "lav", total: "4275000" }] });
    const aalborg = r.scenarios[0].allocation.parties.find((p) => p.id === "851").amount;
    if (andel.version() !== process.argv[2] || aalborg !== "1658397.22") {
      console.error("npm package:", andel.version(), aalborg); process.exit(1);
    }
    console.log(`require("andel-wasm"): version() ${andel.version()}, Aalborg ${aalborg}`);
  ' "$check_dir/npm/package" "$version"

  step "web form: andel-fordeling.html from disk (file://) in Chromium"
  if [ ! -f "$dist/andel-fordeling.html" ]; then
    echo "skipped: dist/ has no andel-fordeling.html (wasm/build.sh made no single-file form)"
  elif ! command -v chromium >/dev/null 2>&1; then
    echo "skipped: no chromium"
  else
    [ -d wasm/node_modules/playwright-core ] || (cd wasm && npm ci --no-audit --no-fund --loglevel=error)
    node scripts/dist/open_form.mjs "file://$dist/andel-fordeling.html" \
      || fail "andel-fordeling.html from disk does not show case 2.8 (Aalborg 1.658.397,22)"
  fi

  step "dist: every check passed (andel $version)"
}

case "${1:-}" in
  "") build ;;
  --check) check ;;
  *) echo "usage: bash scripts/dist.sh [--check]" >&2; exit 2 ;;
esac

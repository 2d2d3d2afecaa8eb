// One version everywhere: the module's version() is the npm package's and
// the workspace's (Cargo.toml), as `andel --version` and Python say it.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const andel = require("../pkg/node/andel_wasm.js");

const root = path.join(__dirname, "..", "..");

test("version() is package.json's and Cargo.toml's workspace version", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));
  const cargo = fs.readFileSync(path.join(root, "Cargo.toml"), "utf8");
  const workspace = /^\[workspace\.package\][^[]*?^version = "([^"]+)"/ms.exec(cargo);
  assert.ok(workspace, "Cargo.toml has [workspace.package] version");
  assert.equal(andel.version(), workspace[1]);
  assert.equal(pkg.version, workspace[1]);
  assert.throws(() => andel.version(1), (e) => e.code === "invalid_option" && e.field === "arguments[0]");
});

"""scripts/dist.sh --check: the wheel as an analyst gets it, in a clean venv with no Rust.

Usage: python check_wheel.py REPOSITORY VERSION SCRATCH
Runs outside the repository (nothing imported from py/), computes case 2.8 of the minutes,
runs the README's Python blocks and the analyst notebook (on a copy of examples/ in SCRATCH).
"""

import json
import re
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import andel

root, version, scratch = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])

assert shutil.which("cargo") is None and shutil.which("rustc") is None, "Rust is on the PATH"
assert "site-packages" in andel.__file__, f"andel imported from {andel.__file__}, not the wheel"
assert andel.__version__ == version, (andel.__version__, version)
print(f"andel {andel.__version__} from {Path(andel.__file__).parent}")

# Case 2.8 (KKR Nordjylland, 18 November 2022): 4.275.000 kr. between the nine
# municipalities other than Læsø and Morsø by population on 1 January 2022;
# Aalborg 221.082 of 569.903 is 1.658.397,218474 kr., rounded to 1.658.397,22.
result = andel.compute(str(root / "examples" / "2.8-self-harm-offer.json"))
aalborg = result.allocation("lav")["851"]["amount"]
assert aalborg == Decimal("1658397.22"), aalborg
print(f"case 2.8 from Python: Aalborg {andel.danish(aalborg)} (Decimal('{aalborg}'))")

readme = (root / "README.md").read_text(encoding="utf-8")
blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
assert blocks, "the README has no Python block"
for block in blocks:
    exec(compile(block, "README.md", "exec"), {})
print(f"the README's {len(blocks)} Python block(s) ran")

import nbformat  # noqa: E402  (installed next to the wheel by dist.sh)
from nbclient import NotebookClient  # noqa: E402

examples = scratch / "examples"
shutil.copytree(root / "examples", examples)
nb = nbformat.read(examples / "analyst.ipynb", as_version=4)
NotebookClient(nb, timeout=300, kernel_name="python3",
               resources={"metadata": {"path": str(examples)}}).execute()
summary = json.loads(nb.cells[-1]["outputs"][0]["text"])
assert summary["2.8 low Aalborg"] == "1658397.22", summary
assert (examples / "andel-shares.png").exists()
print(f"examples/analyst.ipynb ran: {len(nb.cells)} cells, 2.8 low Aalborg {summary['2.8 low Aalborg']}")

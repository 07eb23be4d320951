"""The notebooks in git: outputs stripped and in step with notebooks/build_notebooks.py.

(They are executed top to bottom by nbmake: pytest's testpaths include notebooks/.)
"""
import importlib.util
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _builder():
    spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "notebooks" / "build_notebooks.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_three_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == ["01_quickstart.ipynb", "02_error_analysis.ipynb",
                                           "03_comparing_disputes.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_are_stripped_and_code_compiles(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: outputs not stripped"
            compile(cell.source, f"{path.name}:{cell.id}", "exec")


def test_committed_notebooks_match_the_build_script():
    b = _builder()
    for name, cells in (("01_quickstart.ipynb", b.QUICKSTART), ("02_error_analysis.ipynb", b.ERRORS),
                        ("03_comparing_disputes.ipynb", b.DISPUTES)):
        on_disk = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        built = b.notebook(cells)
        assert [(c.cell_type, c.source) for c in on_disk.cells] == [(c.cell_type, c.source) for c in built.cells], \
            f"{name} differs from build_notebooks.py: rerun python notebooks/build_notebooks.py"

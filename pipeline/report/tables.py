"""Tables of a report: comparison.csv (dispute x side) and the statements as .parquet and .csv."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.compare import Comparison, comparison_table
from pipeline.io import atomic_open


def write_tables(statements: pd.DataFrame, comparison: Comparison, out_dir: Path) -> dict[str, Path]:
    """Write the three tables atomically; returns their paths by name."""
    paths = {"comparison_csv": out_dir / "comparison.csv", "statements_parquet": out_dir / "statements.parquet",
             "statements_csv": out_dir / "statements.csv"}
    with atomic_open(paths["comparison_csv"]) as fh:
        comparison_table(comparison).to_csv(fh, index=False, float_format="%.6g")
    with atomic_open(paths["statements_csv"]) as fh:
        statements.to_csv(fh, index=False)
    with atomic_open(paths["statements_parquet"], "wb") as fh:
        statements.to_parquet(fh, index=False)
    return paths

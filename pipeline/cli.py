"""``dispute-stance``: thin subcommands over the Python API (no logic lives here)."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from pipeline.classify.errors import ModelLoadError
from pipeline.config import ConfigError, load_config
from pipeline.workers import WorkerError


def _add_config_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", help="YAML config (default: configs/default.yaml)")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="override a config key, e.g. --set classify.batch_size=32 (repeatable)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or info logging")
    p.add_argument("--progress", action="store_true", default=None,
                   help="show the progress bar even when stderr is not a terminal")


def _config(args: argparse.Namespace):
    overrides = list(args.overrides)
    if getattr(args, "quiet", False):
        overrides.append("batch.progress=false")
    return load_config(args.config, overrides)


def cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.batch import run_batch

    cfg = _config(args)
    summary = run_batch(args.input, args.output, cfg, fmt=args.format, table=args.table,
                        progress=args.progress)
    print(json.dumps(summary), file=sys.stderr)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from pipeline.batch import run_batch
    from pipeline.report import write_report

    cfg = _config(args)
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    preds = out / "predictions.jsonl"
    summary = run_batch(args.input, preds, cfg, fmt=args.format, progress=args.progress)
    paths = write_report(preds, out, cfg)
    summary["outputs"] = {k: str(v) for k, v in paths.items()} | {"predictions": str(preds)}
    print(json.dumps(summary, indent=2))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from pipeline.report import write_report

    cfg = _config(args)
    paths = write_report(args.predictions, Path(args.output), cfg)
    print(json.dumps({k: str(v) for k, v in paths.items()}, indent=2))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from pipeline.evaluate import main as evaluate_main

    return evaluate_main(["--gold", args.gold, "--pred", args.pred] + (["--json", args.json] if args.json else [])
                         + (["--ci"] if args.ci else []))


def cmd_standoff(args: argparse.Namespace) -> int:
    from pipeline.io import write_jsonl
    from pipeline.io.standoff import read_standoff

    arts = read_standoff(args.labels, args.articles, args.disputes)
    write_jsonl(arts, args.output)
    print(f"{len(arts)} articles, {sum(len(a.statements) for a in arts)} statements -> {args.output}")
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from pipeline.classify.train import cli_main

    return cli_main(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dispute-stance",
        description="Statements, speakers, sides, stance and tone in labour-dispute news.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="statements with speakers, sides, stance and sentiment")
    p.add_argument("input", help=".jsonl, .csv, .parquet or a directory of .txt files")
    p.add_argument("-o", "--output", required=True, help="output JSONL (gold schema + scores)")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet", "txt"], help="input format")
    p.add_argument("--table", help="also write a flat statements table (.csv or .parquet)")
    _add_config_args(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("run", help="extract, then compare the sides and write the reports")
    p.add_argument("input")
    p.add_argument("-o", "--output", required=True, help="output directory")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet", "txt"])
    _add_config_args(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("report", help="compare and report from a predictions JSONL")
    p.add_argument("predictions")
    p.add_argument("-o", "--output", required=True, help="output directory")
    _add_config_args(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("evaluate", help="score predictions against gold")
    p.add_argument("--gold", required=True)
    p.add_argument("--pred", required=True)
    p.add_argument("--json", help="also write the metrics as JSON here")
    p.add_argument("--ci", action="store_true",
                   help="add 95%% intervals of the headline figures, resampling disputes")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("standoff", help="join stand-off labels with their article texts (gold JSONL)")
    p.add_argument("labels", help="stand-off JSONL: id, text_sha256, statements with offsets + labels")
    p.add_argument("--articles", required=True, help="the article file the offsets refer to")
    p.add_argument("--disputes", help="JSONL of {id, dispute, employer, unions} for the article fields")
    p.add_argument("-o", "--output", required=True, help="gold-schema JSONL (keep it outside the repo)")
    p.set_defaults(func=cmd_standoff)

    p = sub.add_parser("train", help="train the stance/sentiment classifier")
    # defined here, not imported from pipeline.classify.train: that imports torch, which every
    # other command's process (a batch run's parent included) would then carry for nothing
    p.add_argument("--config", help="training YAML, e.g. configs/train_stance_sentiment.yaml")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE")
    p.add_argument("-o", "--output", help="model directory (default: the config's output_dir)")
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=cmd_train)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING if getattr(args, "quiet", False) else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("matplotlib").setLevel(logging.WARNING)
    try:
        return args.func(args)
    except ConfigError as exc:
        print(f"dispute-stance: config error: {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError, ModelLoadError, WorkerError) as exc:
        print(f"dispute-stance: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("dispute-stance: interrupted; run the same command again to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())

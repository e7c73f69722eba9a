"""`python -m simulator run [--full]`: the whole experiment, then report.json, report.html and the headline.

scripts/simulate.sh sets the environment up first (model included) and
calls this; `make simulate` is the quick run, `simulate.sh --full` the full
one (sizes in `Config.quick` / `Config.full`, times in docs/simulator.md).
"""
from __future__ import annotations

import json
import logging
import shutil
import time
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from simulator import report as reporting
from simulator.experiment import CONDITIONS, Config, Experiment
from simulator.plots import headline_rows

app = typer.Typer(help="Population simulator: does the assistant improve itself?", no_args_is_help=True,
                  add_completion=False)
console = Console()


def print_headline(report: dict) -> None:
    table = Table(title="Simulator: fresh users, paired across conditions")
    table.add_column("figure")
    table.add_column("value (95 % CI)")
    for name, value in headline_rows(report):
        table.add_row(name, value)
    console.print(table)
    console.print(f"targets: {report['targets']}")


@app.command()
def run(full: Annotated[bool, typer.Option("--full", help="The full run (three seeds and the learning curve).")]
        = False,
        seeds: Annotated[Optional[str], typer.Option(help="Comma-separated seeds, e.g. 1,2.")] = None,
        users_a: Annotated[Optional[int], typer.Option(help="Users of population A (mined traffic).")] = None,
        episodes_a: Annotated[Optional[int], typer.Option(help="Goals per user of A.")] = None,
        users_b: Annotated[Optional[int], typer.Option(help="Users of population B (test users).")] = None,
        episodes_b: Annotated[Optional[int], typer.Option(help="Test goals per user of B.")] = None,
        history: Annotated[Optional[int], typer.Option(
            help="Past requests of each user of B for their habits, before their tests (4 in both presets).")] = None,
        niche_share: Annotated[Optional[float], typer.Option(help="Share of users with a niche favourite.")] = None,
        workers: Annotated[Optional[int], typer.Option(help="Users in flight at once.")] = None,
        gap: Annotated[Optional[float], typer.Option(help="Seconds between two episodes of one user.")] = None,
        cooperativeness: Annotated[Optional[float], typer.Option(help="Mean P(repair) after a failure.")] = None,
        noise_scale: Annotated[Optional[float], typer.Option(help="Every noise probability times this.")] = None,
        curve: Annotated[Optional[str], typer.Option(
            help="Fractions of phase-1 traffic for the learning curve, e.g. 0.25,0.5 ('' for none).")] = None,
        conditions: Annotated[Optional[str], typer.Option(help="Comma-separated subset of none,global,"
                                                               "global_personal.")] = None,
        out: Annotated[Path, typer.Option(help="Where report.json, report.html and the work files go.")]
        = Path("artifacts/simulate")) -> None:
    """Run every phase for every seed, write the report, print the headline figures."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    logging.getLogger("simulator").setLevel(logging.INFO)  # our progress, not every library's
    overrides = {k: v for k, v in dict(users_a=users_a, episodes_a=episodes_a, users_b=users_b,
                                       episodes_b=episodes_b, history_episodes=history, niche_share=niche_share,
                                       workers=workers, gap_seconds=gap,
                                       cooperativeness=cooperativeness, noise_scale=noise_scale).items()
                 if v is not None}
    if seeds:
        overrides["seeds"] = tuple(int(s) for s in seeds.split(","))
    if curve is not None:
        overrides["learning_curve"] = tuple(float(f) for f in curve.split(",") if f.strip())
    if conditions:
        chosen = tuple(c.strip() for c in conditions.split(","))
        unknown = set(chosen) - set(CONDITIONS)
        if unknown:
            raise typer.BadParameter(f"unknown conditions {sorted(unknown)}; known: {sorted(CONDITIONS)}")
        overrides["conditions"] = chosen
    cfg = (Config.full if full else Config.quick)(out=out, **overrides)
    if cfg.learning_curve and "global" not in cfg.conditions:
        cfg = replace(cfg, learning_curve=())
    started = time.monotonic()
    runs = []
    for seed in cfg.seeds:
        root = out / "work" / f"seed-{seed}"
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        console.print(f"[bold]seed {seed}[/bold]: {cfg.users_a} users x {cfg.episodes_a} goals mined, "
                      f"{cfg.users_b} fresh users x ({cfg.history_episodes} past + {cfg.episodes_b} test) goals "
                      f"under {', '.join(cfg.conditions)}")
        runs.append(Experiment(cfg, seed, root, say=lambda m: console.print(f"  {m}")).run())
    report = reporting.build(cfg, runs, time.monotonic() - started)
    reporting.write(report, runs, out)
    print_headline(report)
    console.print(f"report: {out / 'report.json'}, {out / 'report.html'} ({report['seconds']:.0f} s)")


@app.command()
def show(path: Annotated[Path, typer.Argument(help="A report.json")] = Path("artifacts/simulate/report.json")
         ) -> None:
    """Print the headline figures of an existing report."""
    print_headline(json.loads(path.read_text()))


if __name__ == "__main__":
    app()

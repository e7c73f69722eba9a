"""report.html: the headline figures and matplotlib plots, PNGs embedded as base64 (one file to share)."""
from __future__ import annotations

import base64
import html as _html
import io
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display on a server
import matplotlib.pyplot as plt  # noqa: E402


def _png(fig: Any) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode()


def _err(value: float | None, ci: list[float] | None) -> tuple[float, float]:
    if value is None or not ci:
        return 0.0, 0.0
    return max(0.0, value - ci[0]), max(0.0, ci[1] - value)


def defect_plot(report: dict[str, Any]) -> str:
    conditions = list(report["defect_rate"])
    fig, ax = plt.subplots(figsize=(7, 3.8))
    width = 0.27
    for k, (key, label) in enumerate((("defect_rate", "first request"), ("episode_defect_rate", "episode"))):
        values = [report[key][c] or 0.0 for c in conditions]
        errs = [_err(report[key][c], report[f"{key}_ci95"].get(c)) for c in conditions]
        xs = [i + (k - 0.5) * width for i in range(len(conditions))]
        ax.bar(xs, values, width, label=label, yerr=list(zip(*errs)) if errs else None, capsize=3)
    ax.set_xticks(range(len(conditions)), conditions)
    ax.set_ylabel("defect rate")
    ax.set_title("Defects of fresh users (95 % bootstrap intervals)")
    ax.legend()
    return _png(fig)


def win_loss_plot(report: dict[str, Any]) -> str:
    fig, ax = plt.subplots(figsize=(7, 3.5))
    labels, wins, losses = [], [], []
    for kind in ("judged", "replay"):
        for c, wl in report["win_loss"][kind]["by_condition"].items():
            labels.append(f"{kind}\n{c}")
            wins.append(wl["wins"])
            losses.append(wl["losses"])
    xs = range(len(labels))
    ax.bar(xs, wins, label="wins", color="#3a7")
    ax.bar(xs, [-x for x in losses], label="losses", color="#c44")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(list(xs), labels, fontsize=8)
    ax.set_ylabel("rewritten turns")
    ax.set_title("Win/loss of applied rewrites")
    ax.legend()
    return _png(fig)


def curve_plot(report: dict[str, Any]) -> str | None:
    points = report.get("learning_curve") or []
    if not points:
        return None
    fig, ax = plt.subplots(figsize=(7, 3.5))
    for seed in sorted({p["seed"] for p in points}):
        mine = sorted((p for p in points if p["seed"] == seed and p["defect_rate"] is not None),
                      key=lambda p: p["fraction"])
        ax.plot([p["mined_turns"] or p["fraction"] for p in mine], [p["defect_rate"] for p in mine], "o-",
                label=f"seed {seed}")
    none = report["defect_rate"].get("none")
    if none is not None:
        ax.axhline(none, linestyle="--", color="grey", label="no rewriting")
    ax.set_xlabel("phase-1 turns mined")
    ax.set_ylabel("defect rate (global)")
    ax.set_title("Learning curve")
    ax.legend()
    return _png(fig)


def _pct(v: float | None) -> str:
    return "n/a" if v is None else f"{100 * v:.1f} %"


def _ci(ci: list[float] | None) -> str:
    return "" if not ci else f" [{100 * ci[0]:.1f}, {100 * ci[1]:.1f}]"


def _ratio(wl: dict[str, Any]) -> str:
    if wl.get("ratio_infinite"):
        return f"{wl['wins']}:0"
    return "n/a" if wl.get("ratio") is None else f"{wl['ratio']:.1f}:1 ({wl['wins']}/{wl['losses']})"


def headline_rows(report: dict[str, Any]) -> list[tuple[str, str]]:
    """(figure, value) rows shared by the HTML page and the terminal table."""
    rows = [(f"defect rate, {c}", _pct(v) + _ci(report["defect_rate_ci95"].get(c)))
            for c, v in report["defect_rate"].items()]
    rows += [(f"defect reduction vs none, {c}", _pct(v) + _ci(report["defect_reduction_ci95"].get(c)))
             for c, v in report["defect_reduction"].items()]
    rows.append(("personal gain (global_personal vs global)",
                 _pct(report["personal_gain"]) + _ci(report["personal_gain_ci95"])))
    rows += [(f"rewritten share, {c}", _pct(v)) for c, v in report["rewritten_share"].items() if c != "none"]
    for kind in ("judged", "replay"):
        for c, wl in report["win_loss"][kind]["by_condition"].items():
            rows.append((f"win/loss {kind}, {c}", _ratio(wl) + (f", ties {wl['ties']}" if kind == "replay" else "")))
    return rows


def html(report: dict[str, Any]) -> str:
    rows = "".join(f"<tr><td>{_html.escape(k)}</td><td>{_html.escape(v)}</td></tr>" for k, v in headline_rows(report))
    images = [("Defect rates", defect_plot(report)), ("Win/loss", win_loss_plot(report))]
    curve = curve_plot(report)
    if curve:
        images.append(("Learning curve", curve))
    figures = "".join(f"<h2>{t}</h2><img alt='{t}' src='data:image/png;base64,{png}'>" for t, png in images)
    counts = _html.escape(str(report["counts"]))
    targets = _html.escape(str(report["targets"]))
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Simulator report</title><style>"
            "body{font-family:sans-serif;max-width:60em;margin:2em auto}td{padding:2px 12px}"
            "tr:nth-child(odd){background:#f3f3f3}</style></head><body>"
            f"<h1>Does the assistant improve itself?</h1><p>Seeds: {report['counts']['seeds']}; run time "
            f"{report['seconds']:.0f} s. Definitions: docs/simulator.md.</p><table>{rows}</table>"
            f"<p>Targets: {targets}</p>{figures}<h2>Counts</h2><pre>{counts}</pre></body></html>")

"""One smoke run of the whole simulator against the real served assistant, with a tiny population.

It checks what a reader of the report relies on: the report's structure,
that every message the simulator sent is the one the tracker logged, that
the judge's verdicts read from the REST replies agree with the bot messages
the tracker logged, and that rewriting is off where it must be.
"""
from __future__ import annotations

import json
import pytest

from simulator import report as reporting
from simulator.channel import careful
from simulator.experiment import Config, Experiment
from simulator.judge import judge

pytestmark = pytest.mark.e2e

TINY = dict(seeds=(1,), users_a=3, episodes_a=2, users_b=2, episodes_b=2, history_episodes=2, n_artists=6,
            n_homes=4, n_niche=3, workers=3, gap_seconds=0.0, test_gap_seconds=0.0)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("simulate")
    cfg = Config(out=out, **TINY)
    runs = [Experiment(cfg, 1, out / "work" / "seed-1").run()]
    report = reporting.build(cfg, runs, seconds=0.0)
    reporting.write(report, runs, out)
    return out, runs


def test_the_report_has_every_headline_figure(run) -> None:
    out, _ = run
    report = json.loads((out / "report.json").read_text())
    for key in ("defect_rate", "episode_defect_rate", "rewritten_share"):
        assert set(report[key]) == {"none", "global", "global_personal"}
        assert all(v is None or 0.0 <= v <= 1.0 for v in report[key].values())
    assert set(report["defect_rate_ci95"]) == {"none", "global", "global_personal"}
    for kind in ("judged", "replay"):
        wl = report["win_loss"][kind]
        assert {"wins", "losses", "ratio", "ratio_ci95", "by_condition"} <= set(wl)
        assert set(wl["by_condition"]) == {"global", "global_personal"}
    assert report["rewritten_share"]["none"] == 0.0  # rewriting off means off
    assert report["counts"]["none"]["episodes"] == TINY["users_b"] * TINY["episodes_b"]
    assert report["counts"]["none"]["history"]["episodes"] == TINY["users_b"] * TINY["history_episodes"]
    assert report["counts"]["phase1"]["episodes"] == TINY["users_a"] * TINY["episodes_a"]
    assert report["counts"]["phase1"]["errors"] == 0
    assert report["jobs"]["1"]["phase1"][0]["name"] == "mine" and report["jobs"]["1"]["phase1"][0]["ran"]
    assert "data:image/png;base64," in (out / "report.html").read_text()
    lines = (out / "episodes.jsonl").read_text().splitlines()
    assert len(lines) >= TINY["users_a"] * TINY["episodes_a"] + 3 * TINY["users_b"] * (
        TINY["episodes_b"] + TINY["history_episodes"])


def test_every_message_sent_is_the_one_the_tracker_logged(run) -> None:
    _, runs = run
    for name, cond in runs[0].conditions.items():
        assert not cond.tracker.mismatched, (name, cond.tracker.mismatched)
        assert cond.tracker.aligned == cond.tracker.turns > 0


def test_the_judge_agrees_with_what_the_tracker_shows(run) -> None:
    """The verdict read from the REST reply is the verdict read from the bot messages in the tracker."""
    _, runs = run
    judged = 0
    for cond in runs[0].conditions.values():
        for ep in cond.history + cond.tests:
            for t in ep.turns:
                if t.verdict is None:
                    continue
                assert t.tracker_replies is not None
                again = judge(ep.goal, t.tracker_replies)
                assert (again.success, again.observed) == (t.verdict.success, t.verdict.observed), (t.text, t.replies)
                judged += 1
                if t.rewritten and t.rewrite["kind"] == "precomputed":
                    assert any("I took" in r for r in t.replies)  # the assistant says so, the judge ignores it
    assert judged >= 3 * TINY["users_b"] * (TINY["episodes_b"] + TINY["history_episodes"])


def test_careful_requests_succeed(run) -> None:
    """Careful requests (a user's repair, said in full): if these fail, the study measures nothing."""
    _, runs = run
    history = [ep for cond in runs[0].conditions.values() for ep in cond.history]
    assert len(history) == 3 * TINY["users_b"] * TINY["history_episodes"] and all(ep.index < 0 for ep in history)
    episodes = runs[0].phase1 + [ep for cond in runs[0].conditions.values() for ep in cond.history + cond.tests]
    said = [t for ep in episodes for t in ep.requests if t.text == careful(ep.goal) and t.error is None]
    # the tiny run's users say a name carefully at least when they repair; the screen kept only goals whose
    # careful request the NLU understands, so nearly all of them must succeed
    assert said and sum(t.succeeded for t in said) >= 0.75 * len(said)


def test_paired_conditions_sent_identical_first_requests(run) -> None:
    _, runs = run
    for part in ("history", "tests"):
        firsts = {name: {(ep.user, ep.index): ep.requests[0].text for ep in getattr(cond, part)}
                  for name, cond in runs[0].conditions.items()}
        assert firsts["none"] == firsts["global"] == firsts["global_personal"]


def test_the_work_files_stay_in_the_run_directory(run) -> None:
    out, _ = run
    assert (out / "work" / "seed-1" / "phase1" / "tracker.db").exists()
    assert all((out / "work" / "seed-1" / f"cond-{c}" / "preferences.db").exists()
               for c in ("none", "global", "global_personal"))

"""Real turns people labelled as training data: which turns get a label, weights, and the answer's questions."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from preferences.selflearning.failure_points.classes import FailurePoint as P
from preferences.selflearning.failure_points.evaluation import human_traces, labelled_traces
from preferences.selflearning.failure_points.human import agreed_labels, load_labelled_set
from preferences.selflearning.failure_points.model import fit
from preferences.selflearning.failure_points.sources import write_raw_jsonl
from preferences.selflearning.failure_points.trace import RawTurn, asks
from preferences.selflearning.failure_points.words import OPENING_WORDS, document, fit_words, words_proba
from preferences.selflearning.turns import LoggedTurn

REAL2 = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "failure_points_real2"
T0 = 1_767_225_600.0


def _lines(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _turn(user: str, n: int, text: str, intent: str, answer: str) -> RawTurn:
    return RawTurn(LoggedTurn(user, "s1", T0 + 10 * n, text, intent=intent, confidence=0.95, answer=answer),
                   ((intent, 0.95),), (), ("action_play_music",))


@pytest.fixture
def labelled_dir(tmp_path: Path) -> Path:
    turns = [_turn("u1", 1, "play some khruangbin", "play_music", "I don't know the genre khruangbin."),
             _turn("u1", 2, "play khruangbin the band", "play_music", "Playing Texas Sun by Khruangbin."),
             _turn("u2", 1, "play jazz", "play_music", "Playing some jazz.")]
    write_raw_jsonl(turns, tmp_path / "turns.jsonl")
    _lines(tmp_path / "labels_a.jsonl", [{"id": "u1#1", "label": "entity_recognition"},
                                         {"id": "u1#2", "label": "correct"}, {"id": "u2#1", "label": "correct"}])
    _lines(tmp_path / "labels_b.jsonl", [{"id": "u1#1", "label": "entity_resolution"},  # they disagree
                                         {"id": "u1#2", "label": "correct"}, {"id": "u2#1", "label": "correct"}])
    return tmp_path


def test_a_turn_gets_a_label_only_where_both_labellers_gave_it(labelled_dir: Path) -> None:
    assert agreed_labels(labelled_dir) == {"u1#2": P.CORRECT, "u2#1": P.CORRECT}
    raws = load_labelled_set(labelled_dir)
    # every logged turn stays (the unlabelled ones are context); only agreed turns carry a label
    assert [(r.turn.user_id, r.label) for r in raws] == [("u1", None), ("u2", P.CORRECT), ("u1", P.CORRECT)]


def test_a_single_labeller_file_and_unknown_labels(labelled_dir: Path) -> None:
    _lines(labelled_dir / "labels.jsonl", [{"id": "u1#1", "label": "entity_recognition"},
                                           {"id": "u2#1", "label": "not a class"}])
    assert agreed_labels(labelled_dir) == {"u1#1": P.ENTITY_RECOGNITION}


def test_words_that_differ_from_the_transcript_leave_the_turn_unlabelled(labelled_dir: Path) -> None:
    # the log lost a turn: ids no longer line up with the words, so no label is moved onto the wrong turn
    _lines(labelled_dir / "transcripts.jsonl", [{"id": "u1#1", "text": "play some khruangbin"},
                                                {"id": "u1#2", "text": "something else entirely"},
                                                {"id": "u2#1", "text": "play jazz"}])
    labels = {r.turn.text: r.label for r in load_labelled_set(labelled_dir)}
    assert labels == {"play some khruangbin": None, "play khruangbin the band": None, "play jazz": P.CORRECT}


def test_a_set_without_a_log_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_labelled_set(tmp_path)


def test_the_committed_second_set_reads_back_with_its_agreed_labels() -> None:
    raws = load_labelled_set(REAL2)
    a, b = ({json.loads(line)["id"]: json.loads(line)["label"] for line in (REAL2 / f"labels_{x}.jsonl").open()}
            for x in "ab")
    agreed = sum(1 for i, label in a.items() if b.get(i) == label)  # 252 with the amended convention
    assert len(raws) == 260 and sum(r.label is not None for r in raws) == agreed  # README: 260 turns
    traces = human_traces([REAL2])
    counts = Counter(t.label for t in traces)
    assert len(traces) == 235 and counts[P.CORRECT] > 50 and counts[P.ENTITY_RECOGNITION] > 20


def test_weights_change_what_the_model_learns() -> None:
    generated = labelled_traces(1_500, 5, "train")
    human = human_traces([REAL2])
    plain = fit([*generated, *human], weights=[1.0] * len(generated) + [0.0] * len(human))
    heavy = fit([*generated, *human], weights=[1.0] * len(generated) + [200.0] * len(human))
    truth = [t.label for t in human]
    agree = lambda m: sum(p == y for p, y in zip(m.predict(human), truth)) / len(truth)  # noqa: E731
    assert agree(heavy) > agree(plain) + 0.1  # fitted on them, weighted: it must follow the people
    with pytest.raises(ValueError):
        fit(generated, weights=[1.0])


def test_the_words_model_learns_what_people_called_turns_refused_alike(tmp_path: Path) -> None:
    """ "who sings this" and "add eggs to my shopping list", both refused alike: people call the first a
    misread request (intent) and the second an honest refusal (correct), and the words carry that."""
    refusal = "I can't do that yet, but I can play music, check the weather and find a restaurant."
    asks = ["who sings this", "who sings this song", "who is singing", "who sings it", "whos singing this one",
            "who is the singer", "who sang this", "who sings on this track"]
    errands = ["add eggs to my shopping list", "add milk to the shopping list", "put bread on my shopping list",
               "add apples to my list", "add coffee to the shopping list", "put butter on the list",
               "add rice to my shopping list", "add soap to the list"]
    turns, labels = [], []
    for k, (text, label) in enumerate([(t, "intent") for t in asks] + [(t, "correct") for t in errands]):
        turns.append(_turn(f"u{k}", 1, text, "out_of_scope", refusal))
        labels.append({"id": f"u{k}#1", "label": label})
    write_raw_jsonl(turns, tmp_path / "turns.jsonl")
    _lines(tmp_path / "labels.jsonl", labels)
    human = human_traces([tmp_path])
    generated = labelled_traces(1_500, 5, "train")
    weights = [1.0] * len(generated) + [10.0] * len(human)
    trees = fit([*generated, *human], weights=weights)
    mixed = fit([*generated, *human], weights=weights, words_on=human)
    assert trees.words is None and mixed.words is not None and mixed.info["words_on"] == len(human)
    assert fit(generated).words is None  # generated traffic alone: no people's labels to learn words from
    unseen = [_turn("v1", 1, "who sings this tune", "out_of_scope", refusal),
              _turn("v2", 1, "add cheese to my shopping list", "out_of_scope", refusal)]
    (tmp_path / "new").mkdir()
    write_raw_jsonl(unseen, tmp_path / "new" / "turns.jsonl")
    _lines(tmp_path / "new" / "labels.jsonl", [{"id": "v1#1", "label": "intent"}, {"id": "v2#1", "label": "correct"}])
    new = human_traces([tmp_path / "new"])
    assert mixed.predict(new) == [P.INTENT, P.CORRECT]
    proba = words_proba(mixed.words, new, ["intent", "correct"])
    assert proba[0, 0] > proba[0, 1] and proba[1, 1] > proba[1, 0]  # unseen wordings, by the words alone


def test_a_words_document_tags_each_word_by_where_it_stood() -> None:
    trace = next(t for t in human_traces([REAL2]) if t.next is not None and t.answer)
    doc = document(trace).split()
    kind = next(w[2:] for w in doc if w.startswith("k_"))
    assert doc[0].startswith("u_") and any(w.startswith("n_") for w in doc)
    assert all(w[:2] in ("u_", "k_", "a_", "n_", "x_") for w in doc)
    # the request's first words again, each paired with the kind of answer it got
    opening = trace.text.lower().split()[:OPENING_WORDS]
    assert [w for w in doc if w.startswith("x_")] == [f"x_{w}_{kind}" for w in opening]


@pytest.mark.parametrize("answer, expected", [
    ("Which city would you like the weather for? For example: \"weather in Boston\".", True),
    ("Which device? I can control lights, the thermostat, the oven, the TV, fans and AC.", True),
    ("Sorry about that. What did you mean?", True),
    ("Did you mean Portland, Oregon or Portland, Maine?", True),
    ("For which city?", True),
    ("Playing some jazz. Did I get that right?", False),  # feedback, not a question about the request
    ("Got it: you like thai. Want me to find one now?", False),
    ("In Boston it's sunny today.", False),
    ("", False),
    (None, False),
])
def test_what_counts_as_the_assistant_asking(answer: str | None, expected: bool) -> None:
    assert asks(answer) is expected


def test_generated_turns_teach_the_words_model_what_real_traffic_never_showed() -> None:
    """The real sets never saw the assistant answer a news request with music; the generator makes that
    confusion, so a words model that also read generated turns (a fifth of a real one each) knows it."""
    real, generated = human_traces([REAL2]), labelled_traces(1_500, 5, "train")
    alone, both = fit_words(real), fit_words(real, generated)
    assert fit_words([], generated) is None  # generated turns alone: no words model
    held_out = [t for t in labelled_traces(8_000, 6, "test")
                if t.label is P.INTENT and t.intent == "play_music" and "news" in t.text.split()]
    assert len(held_out) >= 3
    before, after = words_proba(alone, held_out, ["correct"]), words_proba(both, held_out, ["correct"])
    assert after.mean() < before.mean() - 0.05  # less sure a misread request went right (0.38 -> 0.29 here)

"""`trafficbot eval`: how well the engine answers a labelled set, beside two baselines.

A label (`expect`) is an entry id, or `fallback` (must not be answered), `emergency`, `fire`
(an emergency whose reply must put 119 first) or `smalltalk`. An entry question counts as correct
only when answered with that entry; a clarify that offers it is reported apart, since the citizen
still has to pick.

Sets written by people who never saw the knowledge cannot name entry ids: their label is
`expect: answer` with `must_mention: [...]`, the strings any right answer contains (a number may
be written in Arabic or Chinese numerals on either side).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from bot.numerals import arabic
from bot.reply import ANSWER, CLARIFY, EMERGENCY, FALLBACK, SMALLTALK

DEFAULT_SET = Path(__file__).resolve().parent.parent / "tests" / "eval" / "questions.yaml"
FIRE = "fire"  # an emergency label whose reply must put 119 first
BY_CONTENT = "answer"  # an id-free label: judged by `must_mention`
SPECIAL = (FALLBACK, EMERGENCY, FIRE, SMALLTALK)
QUERY_KEYS = ("q", "query", "question", "text")
EXPECT_KEYS = ("expect", "expected", "label", "entry")


# libyaml's parser where PyYAML was built with it: the sets are read about ten times faster (a
# second of `trafficbot eval` on the larger ones). What it refuses is read again by the pure
# parser, so a broken set's message never depends on how PyYAML was installed.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _read_yaml(raw: str) -> Any:
    if _FAST_LOADER is not None:
        try:
            return yaml.load(raw, Loader=_FAST_LOADER)
        except (yaml.YAMLError, ValueError):  # ValueError: text libyaml cannot encode (a lone surrogate)
            pass
    return yaml.safe_load(raw)


def load_labelled(path: Path) -> list[dict]:
    """Items {q, expect, kind} from YAML (a list), JSON lines, or CSV/TSV with a header."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ValueError(f"cannot read: {exc.strerror}") from None
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        rows = _read_yaml(raw) or []
    elif suffix in (".jsonl", ".ndjson"):
        rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    elif suffix == ".json":
        rows = json.loads(raw)
    elif suffix in (".csv", ".tsv"):
        rows = list(csv.DictReader(raw.splitlines(), delimiter="\t" if suffix == ".tsv" else ","))
    else:
        raise ValueError("unknown format: use .yaml, .jsonl, .json, .csv or .tsv")
    if not isinstance(rows, list):
        raise ValueError("expected a list of items with q and expect")
    items = []
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise ValueError(f"item {n} is not a mapping")
        q = next((row[k] for k in QUERY_KEYS if k in row), None)
        expect = next((row[k] for k in EXPECT_KEYS if k in row), None)
        if q is None or expect is None:
            raise ValueError(f"item {n} needs a question (q) and a label (expect)")
        if isinstance(expect, (list, tuple)):  # several acceptable entries: any of them is right
            expect = "|".join(str(x).strip() for x in expect)
        mention = row.get("must_mention") or []
        if isinstance(mention, (str, int, float)):
            mention = [mention]
        expect = str(expect).strip()
        if expect == BY_CONTENT and not mention:
            raise ValueError(f"item {n}: 'expect: answer' needs must_mention (what a right answer contains)")
        items.append({"q": str(q), "expect": expect, "kind": str(row.get("kind") or "-"),
                      "must_mention": [str(m) for m in mention]})
    return items


def _mentions(answer: str, needles: list[str]) -> bool:
    """Does the answer say every needle, a number in either script?"""
    numeric = arabic(answer)
    return all(n in answer or arabic(n) in numeric for n in needles)


def _fire_first(text: str) -> bool:
    at = text.find("119")
    return at != -1 and (text.find("122") == -1 or at < text.find("122"))


def _correct(item: dict, status: str, entry_id: str | None, answer: str) -> bool:
    expect = item["expect"]
    if expect == FALLBACK:
        return status == FALLBACK
    if expect in (EMERGENCY, SMALLTALK):
        return status == expect
    if expect == FIRE:
        return status == EMERGENCY and _fire_first(answer)
    if expect == BY_CONTENT:
        return status == ANSWER and _mentions(answer, item["must_mention"])
    return status == ANSWER and entry_id in expect.split("|")


def _is_emergency(expect: str) -> bool:
    return expect in (EMERGENCY, FIRE)


def _group(expect: str) -> str:
    return expect if expect in SPECIAL else "in-scope"


def _in_scope(expect: str) -> bool:
    return expect not in SPECIAL


def _best_cutoff(preds: list[tuple[str | None, float]], items: list[dict], engine) -> tuple[float, list[bool]]:
    """The cut-off that maximises a baseline's accuracy (it cannot flag emergencies or smalltalk)."""
    scores = sorted({s for _, s in preds} | {0.0})
    best: tuple[int, float, list[bool]] = (-1, 0.0, [])
    for cut in scores + [float("inf")]:
        ok = []
        for (entry, score), item in zip(preds, items, strict=True):
            answered = entry is not None and score >= cut and score > 0
            if item["expect"] == FALLBACK:
                ok.append(not answered)
            elif item["expect"] in SPECIAL:
                ok.append(False)
            else:
                found = engine.entry(entry) if answered else None
                ok.append(found is not None and _correct(item, ANSWER, entry, found.answer))
        if sum(ok) > best[0]:
            best = (sum(ok), cut, ok)
    return best[1], best[2]


def _rates(flags: list[bool], items: list[dict]) -> dict:
    groups: dict[str, list[bool]] = defaultdict(list)
    for f, item in zip(flags, items, strict=True):
        groups[_group(item["expect"])].append(f)
    return {
        "overall": sum(flags) / max(len(flags), 1),
        **{g: sum(v) / len(v) for g, v in groups.items()},
    }


def evaluate(engine, items: list[dict], baselines: bool = True) -> dict:
    rows = []
    for item in items:
        reply = engine.answer(item["q"])
        offered = [c.id for c in reply.choices] if reply.status == CLARIFY else []
        rows.append({**item, "status": reply.status, "entry": reply.entry_id, "score": round(reply.score, 3),
                     "offered": offered, "declined": reply.declines,
                     "ok": _correct(item, reply.status, reply.entry_id, reply.text)})
    flags = [r["ok"] for r in rows]
    by_kind: dict[str, list[bool]] = defaultdict(list)
    by_topic: dict[str, list[bool]] = defaultdict(list)
    for r in rows:
        by_kind[r["kind"]].append(r["ok"])
        entry = engine.entry(r["expect"].split("|")[0]) if _in_scope(r["expect"]) else None
        if r["expect"] == BY_CONTENT:
            entry = engine.entry(r["entry"]) if r["entry"] else None
        by_topic[entry.topic if entry else r["expect"]].append(r["ok"])
    in_scope = [r for r in rows if _in_scope(r["expect"])]
    oos = [r for r in rows if r["expect"] == FALLBACK]
    emerg = [r for r in rows if _is_emergency(r["expect"])]
    fire = [r for r in rows if r["expect"] == FIRE]
    non_emerg = [r for r in rows if not _is_emergency(r["expect"])]
    unknown = sorted({e for r in in_scope if r["expect"] != BY_CONTENT
                      for e in r["expect"].split("|") if engine.entry(e) is None})
    report: dict[str, Any] = {
        "items": len(rows),
        "accuracy": _rates(flags, items),
        "in_scope_answered_correctly": _share(in_scope, lambda r: r["ok"]),
        "in_scope_clarify_offering_it": _share(
            in_scope, lambda r: r["status"] == CLARIFY and bool(set(r["expect"].split("|")) & set(r["offered"]))),
        "in_scope_wrong_answer": _share(in_scope, lambda r: r["status"] == ANSWER and not r["ok"]),
        "out_of_scope_not_answered": _share(oos, lambda r: r["status"] in (FALLBACK, CLARIFY)),
        "out_of_scope_fallback": _share(oos, lambda r: r["status"] == FALLBACK),
        # the figure the targets speak of: a fallback, or "这个问题我这里没有资料" with the subject's
        # other entries offered; a "did you mean" clarify is no decline
        "out_of_scope_declined": _share(oos, lambda r: r["declined"]),
        "emergencies_caught": _share(emerg, lambda r: r["status"] == EMERGENCY),
        "fire_119_first": _share(fire, lambda r: r["ok"]),
        "non_emergencies_flagged": sum(1 for r in non_emerg if r["status"] == EMERGENCY),
        "by_status_label": {k: v for k, v in _rates(flags, items).items() if k != "overall"},
        "by_kind": {k: _frac(v) for k, v in sorted(by_kind.items())},
        "by_topic": {k: _frac(v) for k, v in sorted(by_topic.items())},
        "unknown_labels": unknown,
        "failures": [r for r in rows if not r["ok"]],
    }
    if baselines:
        queries = [i["q"] for i in items]
        from bot.baselines import bm25_predictions, wratio_predictions

        report["baselines"] = {}
        for name, preds in (("rapidfuzz extractOne WRatio", wratio_predictions(engine.knowledge, queries)),
                            ("BM25 over jieba tokens", bm25_predictions(engine.knowledge, queries))):
            cut, ok = _best_cutoff(preds, items, engine)
            rates = _rates(ok, items)
            report["baselines"][name] = {"cutoff": round(cut, 3), **rates}
        best = max(v["overall"] for v in report["baselines"].values())
        best_in = max(v.get("in-scope", 0.0) for v in report["baselines"].values())
        report["lead_over_best_baseline_points"] = round(100 * (report["accuracy"]["overall"] - best), 1)
        report["in_scope_lead_points"] = round(100 * (report["in_scope_answered_correctly"] - best_in), 1)
    return report


def _share(rows: list[dict], pred) -> float:
    return sum(1 for r in rows if pred(r)) / len(rows) if rows else 1.0


def _frac(flags: list[bool]) -> dict:
    return {"n": len(flags), "accuracy": round(sum(flags) / len(flags), 3) if flags else 0.0}


def format_report(report: dict) -> str:
    pct = lambda x: f"{100 * x:5.1f}%"
    acc = report["accuracy"]
    lines = [
        f"trafficbot eval: {report['items']} labelled questions",
        "",
        f"  overall accuracy                 {pct(acc['overall'])}",
        f"  in-scope answered correctly      {pct(report['in_scope_answered_correctly'])}"
        f"   (+ clarify offering it {pct(report['in_scope_clarify_offering_it'])},"
        f" wrong answer {pct(report['in_scope_wrong_answer'])})",
        f"  out-of-scope not answered        {pct(report['out_of_scope_not_answered'])}"
        f"   (declined honestly {pct(report['out_of_scope_declined'])},"
        f" fallback {pct(report['out_of_scope_fallback'])})",
        f"  emergencies caught               {pct(report['emergencies_caught'])}"
        f"   (fire/trapped with 119 first {pct(report['fire_119_first'])})",
        f"  non-emergencies flagged          {report['non_emergencies_flagged']:6d}",
        "",
        "  by label:",
    ]
    for k, v in sorted(report["by_status_label"].items()):
        lines.append(f"    {k:<16} {pct(v)}")
    lines.append("  by kind:")
    for k, v in report["by_kind"].items():
        lines.append(f"    {k:<16} {pct(v['accuracy'])}  (n={v['n']})")
    lines.append("  by topic:")
    for k, v in report["by_topic"].items():
        lines.append(f"    {k:<16} {pct(v['accuracy'])}  (n={v['n']})")
    if "baselines" in report:
        lines += ["", "  baselines (same knowledge, best cut-off for each):"]
        for name, b in report["baselines"].items():
            lines.append(f"    {name:<30} overall {pct(b['overall'])}  in-scope {pct(b.get('in-scope', 0.0))}"
                         f"  fallback {pct(b.get('fallback', 0.0))}  (cut-off {b['cutoff']})")
        lines.append(f"  lead over the better baseline: {report['lead_over_best_baseline_points']:+.1f} points overall,"
                     f" {report['in_scope_lead_points']:+.1f} in-scope")
    if report["unknown_labels"]:
        lines.append(f"\n  labels that are not entry ids: {', '.join(report['unknown_labels'])}")
    if report["failures"]:
        lines += ["", f"  failures ({len(report['failures'])}):"]
        for r in report["failures"]:
            got = f"{r['status']} {r['entry'] or ''}".strip()
            if r["offered"]:
                got += " [" + ", ".join(r["offered"]) + "]"
            expected = r["expect"] + (f" mentioning {'/'.join(r['must_mention'])}" if r["must_mention"] else "")
            lines.append(f"    [{r['kind']}] {r['q']!r}: expected {expected}, got {got} ({r['score']})")
    return "\n".join(lines)

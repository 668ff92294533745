"""Engine speed: startup, per-question latency on the real knowledge and on a 10,000-entry one,
peak memory, and the naive extractOne baseline on the same 10,000 entries. Prints figures.

    python benchmarks/bench_engine.py [--entries 10000 (0: none)] [--queries 2000]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from bot.engine import Engine, build_engine  # noqa: E402
from bot.evaluate import DEFAULT_SET, load_labelled  # noqa: E402
from bot.knowledge import Knowledge  # noqa: E402

# Syllables for made-up place names: they keep the synthetic entries distinct, as real local
# entries differ by a place or a service name.
SYLLABLES = "东 西 南 北 中 新 安 平 阳 山 河 城 桥 口 庄 村 镇 乡 湖 林 泉 石 岭 沟 坪 堡 店 营 寨 峪".split()


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def timed(engine: Engine, queries: list[str]) -> list[float]:
    for q in queries[:50]:  # warm caches
        engine.answer(q)
    out = []
    for q in queries:
        t = time.perf_counter()
        engine.answer(q)
        out.append((time.perf_counter() - t) * 1000)
    return out


def emergency_share(engine: Engine, queries: list[str]) -> None:
    """The emergency check's share of `engine.answer` time, every call of `emergency.assess` timed
    inside real answers; and the check alone on a 4096-character message."""
    from bot import emergency

    real = emergency.assess
    spent = [0.0]

    def timed_assess(*args, **kwargs):
        t = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t

    emergency.assess = timed_assess
    try:
        t0 = time.perf_counter()
        for q in queries:
            engine.answer(q)
        total, check = time.perf_counter() - t0, spent[0]
        spent[0] = 0.0
        t0 = time.perf_counter()
        engine.answer("没受伤，" * 1024)
        long_total, long_check = time.perf_counter() - t0, spent[0]
    finally:
        emergency.assess = real
    n = len(queries)
    print(f"emergency check: {100 * check / total:.1f}% of engine.answer time "
          f"({1000 * check / n:.3f} ms of {1000 * total / n:.3f} ms per question); "
          f"4096-char message: check {1000 * long_check:.2f} ms of {1000 * long_total:.2f} ms")


def telegram_worst(rng: random.Random, shift: int = 0) -> dict[str, str]:
    """Messages of Telegram's full 4096 characters that make the engine work hardest: many
    clauses of denied harm, many short clauses, one clause without a break, random Chinese.
    `shift` starts the repeated ones elsewhere in their unit, so that each run is a new text."""
    han = [chr(c) for c in range(0x4E00, 0x9FA5)]

    def fill(unit: str) -> str:
        at = shift % len(unit)
        return ((unit[at:] + unit[:at]) * (4096 // len(unit) + 1))[:4096]

    return {
        "denied harm (没受伤,)": fill("没受伤,"),
        "short clauses (车,)": fill("车,"),
        "story clauses": fill("骑电动车被车撞了，司机跑了，"),
        "no break": fill("电动车上牌去哪办要带什么材料"),
        "random Chinese": "".join(rng.choice(han) for _ in range(4096)),
        "random with commas": "".join(rng.choice(han) if i % 4 else "，" for i in range(4096)),
    }


def slowest(engine: Engine, questions: list[str], rounds: int = 7) -> tuple[str, dict[str, float], dict[str, float]]:
    """Each of `telegram_worst` against a question's p50: (the costliest's name, every message's
    ratio in CPU time, the same in wall-clock time).

    Every run is a message not seen before (an attacker varies them), so nothing the engine
    remembers of an earlier one helps. The machine is shared: each round times the questions and
    every crafted message back to back and takes the ratio within the round, and the median of
    the rounds is what is printed. CPU time (this thread's) is what the engine costs; wall-clock
    time also counts how long other processes held the core, which stretches a long call more
    than a short one."""
    names = list(telegram_worst(random.Random(0)))
    cpu: dict[str, list[float]] = {name: [] for name in names}
    wall: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        base = _times(engine, questions)
        p50 = [statistics.median(x) for x in zip(*base, strict=True)]
        runs = [telegram_worst(random.Random(100 * r + k), shift=3 * r + k) for k in range(3)]
        for name in names:
            ms = [statistics.median(x) for x in zip(*_times(engine, [run[name] for run in runs]), strict=True)]
            cpu[name].append(ms[0] / p50[0])
            wall[name].append(ms[1] / p50[1])
    cpu_ratio = {n: statistics.median(rs) for n, rs in cpu.items()}
    wall_ratio = {n: statistics.median(rs) for n, rs in wall.items()}
    return max(cpu_ratio, key=cpu_ratio.__getitem__), cpu_ratio, wall_ratio


def _times(engine: Engine, texts: list[str]) -> list[tuple[float, float]]:
    """(CPU ms, wall ms) of each answer."""
    out = []
    for text in texts:
        c, w = time.thread_time(), time.perf_counter()
        engine.answer(text)
        out.append(((time.thread_time() - c) * 1000, (time.perf_counter() - w) * 1000))
    return out


def synthetic(knowledge: Knowledge, n: int, seed: int = 7) -> Knowledge:
    rng = random.Random(seed)
    entries = []
    base = knowledge.entries
    for i in range(n):
        e = base[i % len(base)]
        place = "".join(rng.choice(SYLLABLES) for _ in range(3))
        qs = tuple(f"{place}{q}" if j % 2 == 0 else f"{q}（{place}）" for j, q in enumerate(e.questions))
        entries.append(replace(e, id=f"{e.id}-{i}", questions=qs, related=(), tests=()))
    return replace(knowledge, entries=tuple(entries), version="synthetic")


STARTUP_CODE = """
import sys, time
t0 = time.perf_counter()
from bot.buildcache import cached_build
from pathlib import Path
engine, _ = cached_build(sys.argv[1], folder=Path(sys.argv[2])) if sys.argv[2] != "-" else __import__(
    "bot.engine", fromlist=["build_engine"]).build_engine(sys.argv[1])
engine.answer("电动自行车需要上牌吗")
print(time.perf_counter() - t0)
"""


def process_startup() -> tuple[float, float]:
    """Seconds a fresh `python` takes to import, get an engine and answer one question: building it,
    and from the disk cache (written by a first run, not counted)."""
    import subprocess
    import tempfile

    def run(folder: str) -> float:
        done = subprocess.run([sys.executable, "-c", STARTUP_CODE, str(ROOT / "knowledge"), folder], cwd=ROOT,
                              capture_output=True, text=True, timeout=300, check=True)
        return float(done.stdout.split()[-1])

    with tempfile.TemporaryDirectory() as folder:
        cold = run("-")
        run(folder)  # writes the cache
        return cold, run(folder)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000, help="0: the real knowledge only")
    ap.add_argument("--queries", type=int, default=2000)
    args = ap.parse_args()

    t0 = time.perf_counter()
    engine, _ = build_engine(str(ROOT / "knowledge"))
    startup = time.perf_counter() - t0
    queries = [item["q"] for item in load_labelled(DEFAULT_SET)]
    rng = random.Random(1)
    sample = [rng.choice(queries) for _ in range(args.queries)]
    real = timed(engine, sample)
    print(f"startup (knowledge load + jieba + index): {startup * 1000:.0f} ms")
    cold, cached = process_startup()
    print(f"a new process until it can answer (imports included): {cold * 1000:.0f} ms building the engine, "
          f"{cached * 1000:.0f} ms from the built engine kept on disk (knowledge unchanged since the last start)")
    print(f"real KB ({len(engine.knowledge.entries)} entries): p50 {statistics.median(real):.3f} ms, "
          f"p99 {percentile(real, 99):.3f} ms over {len(real)} questions")

    emergency_share(engine, sample)
    name, cpu, wall = slowest(engine, sample[:300])
    print(f"slowest: a 4096-character message ({name}) costs {cpu[name]:.1f}x a question's p50 in CPU time, "
          f"{wall[name]:.1f}x in wall-clock time (medians of 7 rounds, new messages each run)")
    print("  each (CPU, wall): " + ", ".join(f"{n} {cpu[n]:.1f}x/{wall[n]:.1f}x"
                                            for n in sorted(cpu, key=lambda n: -cpu[n])))
    print(f"peak memory (RSS) with the real KB: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    if not args.entries:
        return
    t0 = time.perf_counter()
    big = Engine(synthetic(engine.knowledge, args.entries), engine.matching)
    build = time.perf_counter() - t0
    big_times = timed(big, sample[:1000])
    print(f"{args.entries}-entry KB (built in {build:.1f} s): p50 {statistics.median(big_times):.3f} ms, "
          f"p99 {percentile(big_times, 99):.3f} ms")
    texts = [q for e in big.knowledge.entries for q in e.questions]
    naive = []
    for q in sample[:200]:
        t = time.perf_counter()
        process.extractOne(q, texts, scorer=fuzz.WRatio)
        naive.append((time.perf_counter() - t) * 1000)
    print(f"naive extractOne(WRatio) over the same {len(texts)} questions: p50 {statistics.median(naive):.1f} ms, "
          f"p99 {percentile(naive, 99):.1f} ms")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS, with the {args.entries}-entry KB loaded): {peak:.0f} MB")


if __name__ == "__main__":
    main()

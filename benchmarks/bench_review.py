"""How long `trafficbot logs unanswered` (and /unanswered) takes to group many unique questions.

    python benchmarks/bench_review.py [--questions 2000] [--reference]

Seeds a query log with `--questions` long fallback questions, each worded differently (built from
citizens' phrases, with a few near-repeats so that real groups exist), then times
`review.unanswered_groups`. With --reference it also times the quadratic clustering (every
wording compared with every group leader) and reports how many wordings the two place differently.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import review
from bot.querylog import QueryLog
from bot.reply import Candidate, Reply

PARTS = (
    ["我家住在忻府区", "昨天下午", "我朋友说", "请问一下", "麻烦问下", "你好交警同志", "我是外地来的", "上个月"],
    ["我的电动车", "我的摩托车", "我爸的小轿车", "单位的货车", "刚买的三轮车", "借来的面包车", "老年代步车", "二手车"],
    ["在高速上", "在学校门口", "在小区里", "在十字路口", "在加油站旁边", "在村口", "在停车场", "在桥上"],
    ["被拍了违章", "年检过期了", "驾照丢了", "被扣了三分", "和别人剐蹭了", "没有挂牌", "电瓶被偷了", "被贴了罚单"],
    ["现在该怎么办", "要去哪里处理", "需要带什么材料", "会不会吊销驾照", "多久能办好", "可以网上办吗", "要交多少钱", "找谁处理"],
)
NEAR = [Candidate(f"entry-{i}", f"问题{i}", 0.3) for i in range(30)]


# Characters of everyday questions, for long questions that share little but their characters.
CHARS = "".join(dict.fromkeys("".join("".join(p) for p in PARTS) + "的了是不在有人这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感"))


def questions(n: int, seed: int = 7, long_unique: bool = False) -> list[str]:
    rnd = random.Random(seed)
    out: list[str] = []
    if long_unique:  # what made the old clustering take 30 s: every wording leads its own group
        return ["".join(rnd.choice(CHARS) for _ in range(rnd.randrange(80, 160))) for _ in range(n)]
    while len(out) < n:
        if out and rnd.random() < 0.1:  # a near-repeat of an earlier question
            base = rnd.choice(out)
            out.append(base[:-2] + rnd.choice(["吗", "呢", "啊"]))
            continue
        words = [rnd.choice(part) for part in PARTS]
        out.append("，".join(words) + f"，编号{rnd.randrange(10**6)}")
    return out


async def seed(path: str, texts: list[str]) -> None:
    log = await QueryLog.open(path, flush_interval=60)
    rnd = random.Random(1)
    for text in texts:
        near = (rnd.choice(NEAR),) if rnd.random() < 0.5 else ()
        log.record_question(user_id=rnd.randrange(500), chat_type="private", latency_ms=1.0,
                            reply=Reply(status="fallback", text="", query=text, normalized=text, candidates=near))
    await log.close()


def run(texts: list[str], label: str, reference: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "log.sqlite3")
        asyncio.run(seed(path, texts))
        start = time.perf_counter()
        groups = review.unanswered_groups(path, limit=0)
        total = time.perf_counter() - start
        items = review.collect_unanswered(path)
    start = time.perf_counter()
    fast_groups = review.cluster(items)
    fast = time.perf_counter() - start
    print(f"{label}: {len(texts)} questions, {sum(map(len, texts)) // len(texts)} characters on average: "
          f"{len(groups)} groups; unanswered_groups {total:.2f} s, of which clustering {fast:.2f} s")
    if reference:
        start = time.perf_counter()
        slow_groups = review.cluster(items, max_compared=None)
        slow = time.perf_counter() - start

        def placement(gs: list[list[review.Wording]]) -> dict[str, str]:
            return {m.key: g[0].key for g in gs for m in g}

        a, b = placement(fast_groups), placement(slow_groups)
        differ = sum(a[k] != b[k] for k in a)
        print(f"  reference (every leader compared): {len(slow_groups)} groups in {slow:.2f} s; "
              f"{differ} of {len(a)} wordings placed differently")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=2000)
    ap.add_argument("--reference", action="store_true", help="also time the quadratic clustering")
    args = ap.parse_args()
    run(questions(args.questions, long_unique=True), "long unique", args.reference)
    run(questions(args.questions), "citizens' phrases, near-repeats", args.reference)


if __name__ == "__main__":
    main()

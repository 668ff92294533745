"""Telegram front end speed: the real Application polling the stand-in Bot API server.

    python benchmarks/bench_telegram.py [--updates 2000] [--rate 30] [--seconds 10]

Prints
  * throughput: N question updates queued at once, time until the last sendMessage (updates/s);
  * latency at a steady rate: from an update's delivery (queued on the server, handed out by the
    waiting getUpdates) to its sendMessage arriving at the server, p50 / p99 / max;
  * crafted messages: 30 Telegram-legal 4096-character messages (denied harm words, one question
    repeated without a break, random characters; each message new) queued just before one ordinary
    question, and how long that question waited for its answer (goal < 1 s);
  * the engine alone, called directly and through asyncio.to_thread (why handlers call it directly).

Rate limiter off (Telegram's limits would cap throughput at ~30 messages/s), real engine on the
shipped knowledge/, real query log in a temporary SQLite file. Goal: ≥ 300 updates/s, p99 < 50 ms at
30 updates/s.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import multiprocessing
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fakebotapi import FakeBotAPI  # noqa: E402
from telegram_support import TOKEN, holder_for, make_config, real_engine  # noqa: E402

from handlers.app import ALLOWED_UPDATES, build_application  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_engine import telegram_worst  # noqa: E402

QUESTIONS = [
    "电动车要上牌吗", "骑电动车要戴头盔吗", "发生轻微剐蹭事故怎么办", "交通事故报警电话是多少",
    "高速公路上出事故怎么办", "电动自行车最高车速是多少", "事故", "我想养一只猫", "你好",
    "小电驴上牌去哪办", "出车祸了有人受伤", "三角警示牌放多远", "交管12123是什么", "网上车管所是什么",
]


CRAFTED = 30  # the red-team pass queued 30 crafted messages ahead of a citizen (12.7 s then)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def serve(conn, events) -> None:
    """The stand-in server in its own process (so its CPU does not count against the bot's):
    updates arrive on `conn`, each sendMessage's (chat id, monotonic time) goes out on `events`."""
    api = FakeBotAPI(TOKEN).start()
    api.on_call = lambda c: events.put((int(c.params["chat_id"]), c.at)) if c.method == "sendMessage" else None
    conn.send(api.base_url)
    while (updates := conn.recv()) is not None:
        for update in updates:
            api.put_update(update)
    api.stop()


class RemoteAPI:
    """The parent's handle on the server process: builds updates locally, queues them remotely."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.events = ctx.Queue()
        self.proc = ctx.Process(target=serve, args=(child, self.events), daemon=True)
        self.proc.start()
        self.base_url = self.conn.recv()
        self.maker = FakeBotAPI(TOKEN)  # only its update makers are used
        self.tracker: Tracker | None = None
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        while True:
            chat, at = self.events.get()
            if self.tracker is not None:
                self.tracker.record(chat, at)

    def put(self, updates: list[dict]) -> None:
        self.conn.send(updates)

    def close(self) -> None:
        self.conn.send(None)
        self.proc.join(5)


class Tracker:
    """Delivery and reply times per chat id (one update per chat id)."""

    def __init__(self) -> None:
        self.put: dict[int, float] = {}
        self.done: dict[int, float] = {}
        self.cond = threading.Condition()

    def record(self, chat: int, at: float) -> None:
        with self.cond:
            self.done.setdefault(chat, at)
            self.cond.notify_all()

    def wait(self, count: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        with self.cond:
            while len(self.done) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise SystemExit(f"only {len(self.done)}/{count} replies within {timeout} s")
                self.cond.wait(left)


async def main(args: argparse.Namespace) -> None:
    engine = real_engine()
    engine.answer("电动车要上牌吗")  # warm up jieba
    api = RemoteAPI()
    mk = api.maker
    with tempfile.TemporaryDirectory() as tmp:
        config = make_config(api, database=str(Path(tmp) / "bench.sqlite3"))
        config = dataclasses.replace(config, telegram=dataclasses.replace(
            config.telegram, concurrent_updates=args.concurrency))
        app = build_application(config, holder_for(engine))
        await app.initialize()
        await app.post_init(app)
        await app.updater.start_polling(poll_interval=0, timeout=1, allowed_updates=ALLOWED_UPDATES)
        await app.start()
        try:
            # warm-up
            api.tracker = warm = Tracker()
            api.put([mk.text_update(QUESTIONS[i % len(QUESTIONS)], user_id=900000 + i) for i in range(50)])
            await asyncio.to_thread(warm.wait, 50, 30)

            # throughput: everything queued at once
            api.tracker = tr = Tracker()
            n = args.updates
            batch = [mk.text_update(QUESTIONS[i % len(QUESTIONS)], user_id=100000 + i) for i in range(n)]
            if args.profile:
                import cProfile
                import pstats
                prof = cProfile.Profile()
                prof.enable()
            t0 = time.monotonic()
            api.put(batch)
            await asyncio.to_thread(tr.wait, n, 120)
            if args.profile:
                prof.disable()
                pstats.Stats(prof).sort_stats("tottime").print_stats(25)
            elapsed = max(tr.done.values()) - t0
            print(f"throughput: {n} updates in {elapsed:.2f} s = {n / elapsed:.0f} updates/s "
                  f"(concurrent_updates={config.telegram.concurrent_updates})")

            # latency at a steady rate
            api.tracker = lat = Tracker()
            count = int(args.rate * args.seconds)
            interval = 1.0 / args.rate
            start = time.monotonic()
            for i in range(count):
                target = start + i * interval
                delay = target - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                chat = 200000 + i
                upd = mk.text_update(QUESTIONS[i % len(QUESTIONS)], user_id=chat)
                lat.put[chat] = time.monotonic()
                api.put([upd])
            await asyncio.to_thread(lat.wait, count, 30)
            ms = [(lat.done[c] - lat.put[c]) * 1000 for c in lat.put]
            print(f"latency at {args.rate:g} updates/s ({count} updates): p50 {statistics.median(ms):.1f} ms, "
                  f"p99 {pct(ms, 0.99):.1f} ms, max {max(ms):.1f} ms")

            # crafted messages: the costliest texts Telegram delivers (bench_engine's, each new),
            # of each kind in turn, queued ahead of a citizen
            for kind in ("denied harm (没受伤,)", "no break", "random Chinese"):
                api.tracker = crafted = Tracker()
                texts = [telegram_worst(random.Random(i), shift=i)[kind] for i in range(CRAFTED)]
                batch = [mk.text_update(text, user_id=300000 + i) for i, text in enumerate(texts)]
                batch.append(mk.text_update("电动车要上牌吗", user_id=399999))
                crafted.put[399999] = time.monotonic()
                api.put(batch)
                await asyncio.to_thread(crafted.wait, CRAFTED + 1, 60)
                waited = (crafted.done[399999] - crafted.put[399999]) * 1000
                print(f"crafted: {CRAFTED} 4096-character messages ({kind}) queued ahead of an ordinary "
                      f"question: it was answered after {waited:.0f} ms")
        finally:
            await app.updater.stop()
            await app.stop()
            await app.post_stop(app)
            await app.shutdown()
            await app.post_shutdown(app)
            api.close()

    # the engine alone: directly vs through a worker thread
    reps = 2000
    t0 = time.perf_counter()
    for i in range(reps):
        engine.answer(QUESTIONS[i % len(QUESTIONS)])
    direct = (time.perf_counter() - t0) / reps * 1000
    t0 = time.perf_counter()
    for i in range(reps):
        await asyncio.to_thread(engine.answer, QUESTIONS[i % len(QUESTIONS)])
    threaded = (time.perf_counter() - t0) / reps * 1000
    worst = 0.0
    for q in QUESTIONS + ["事" * 4000, "电动车" * 1333]:
        t = time.perf_counter()
        engine.answer(q)
        worst = max(worst, (time.perf_counter() - t) * 1000)
    print(f"engine.answer: {direct:.2f} ms direct, {threaded:.2f} ms via asyncio.to_thread; "
          f"slowest (incl. 4000-character input) {worst:.1f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=30.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--profile", action="store_true", help="cProfile the throughput phase")
    parser.add_argument("--concurrency", type=int, default=64, help="telegram.concurrent_updates")
    asyncio.run(main(parser.parse_args()))

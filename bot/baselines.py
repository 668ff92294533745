"""The two baselines `trafficbot eval` prints beside the engine, on the same knowledge.

Both answer with the entry of the best-scoring question, or not at all under a cut-off; the
cut-off each gets is the one that scores it best on the set, so they are shown at their best.
"""

from __future__ import annotations

import math
from collections import Counter

import jieba
from rapidfuzz import fuzz, process

from bot.knowledge import Knowledge
from bot.text import cache_dir


def _questions(knowledge: Knowledge) -> tuple[list[str], list[str]]:
    texts, owners = [], []
    for entry in knowledge.entries:
        for q in entry.questions:
            texts.append(q)
            owners.append(entry.id)
    return texts, owners


def wratio_predictions(knowledge: Knowledge, queries: list[str]) -> list[tuple[str | None, float]]:
    """`process.extractOne(query, questions, scorer=WRatio)`: (entry id, score 0..100)."""
    texts, owners = _questions(knowledge)
    out: list[tuple[str | None, float]] = []
    for q in queries:
        best = process.extractOne(q, texts, scorer=fuzz.WRatio)
        out.append((owners[best[2]], best[1]) if best else (None, 0.0))
    return out


class BM25:
    """Okapi BM25 over plain jieba tokens (no domain dictionary, no synonyms)."""

    def __init__(self, docs: list[list[str]], k1: float = 1.5, b: float = 0.75):
        self.docs = [Counter(d) for d in docs]
        self.lengths = [len(d) for d in docs]
        self.avg = sum(self.lengths) / max(len(docs), 1)
        df = Counter(w for d in docs for w in set(d))
        n = len(docs)
        self.idf = {w: math.log(1 + (n - c + 0.5) / (c + 0.5)) for w, c in df.items()}
        self.k1, self.b = k1, b

    def best(self, query: list[str]) -> tuple[int, float]:
        best_i, best_s = -1, 0.0
        for i, tf in enumerate(self.docs):
            s = 0.0
            for w in query:
                f = tf.get(w)
                if f:
                    norm = f + self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avg)
                    s += self.idf[w] * f * (self.k1 + 1) / norm
            if s > best_s:
                best_i, best_s = i, s
        return best_i, best_s


def bm25_predictions(knowledge: Knowledge, queries: list[str]) -> list[tuple[str | None, float]]:
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(cache_dir())
    texts, owners = _questions(knowledge)

    def toks(s: str) -> list[str]:
        return [w for w in tokenizer.lcut(s.lower()) if w.strip()]

    index = BM25([toks(t) for t in texts])
    out: list[tuple[str | None, float]] = []
    for q in queries:
        i, s = index.best(toks(q))
        out.append((owners[i], s) if i >= 0 else (None, 0.0))
    return out

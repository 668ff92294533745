"""The two baselines `trafficbot eval` prints beside the engine, on the same knowledge.

Both answer with the entry of the best-scoring question, or not at all under a cut-off; the
cut-off each gets is the one that scores it best on the set, so they are shown at their best.
"""

from __future__ import annotations

import math
from collections import Counter

from rapidfuzz import fuzz, process

from bot.knowledge import Knowledge
from bot.text import _make_tokenizer, cache_dir


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
        lengths = [len(d) for d in docs]
        avg = sum(lengths) / max(len(docs), 1)
        df = Counter(w for d in docs for w in set(d))
        n = len(docs)
        idf = {w: math.log(1 + (n - c + 0.5) / (c + 0.5)) for w, c in df.items()}
        # each word's documents with the word's share of their score, in document order: a query
        # visits only the documents holding one of its words, not all of them
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for i, d in enumerate(docs):
            for w, f in Counter(d).items():
                norm = f + k1 * (1 - b + b * lengths[i] / avg)
                self.postings.setdefault(w, []).append((i, idf[w] * f * (k1 + 1) / norm))

    def best(self, query: list[str]) -> tuple[int, float]:
        """The best document (the first of equals) and its score; (-1, 0.0) when none shares a word."""
        scores: dict[int, float] = {}
        for w in query:  # a word asked twice counts twice, as in the sum over the query's words
            for i, part in self.postings.get(w, ()):
                scores[i] = scores.get(i, 0.0) + part
        best_i, best_s = -1, 0.0
        for i in sorted(scores):
            if scores[i] > best_s:
                best_i, best_s = i, scores[i]
        return best_i, best_s


def bm25_predictions(knowledge: Knowledge, queries: list[str]) -> list[tuple[str | None, float]]:
    tokenizer = _make_tokenizer(cache_dir())  # jieba's shipped dictionary, as jieba.Tokenizer() has it
    texts, owners = _questions(knowledge)

    def toks(s: str) -> list[str]:
        return [w for w in tokenizer.lcut(s.lower()) if w.strip()]

    index = BM25([toks(t) for t in texts])
    out: list[tuple[str | None, float]] = []
    for q in queries:
        i, s = index.best(toks(q))
        out.append((owners[i], s) if i >= 0 else (None, 0.0))
    return out

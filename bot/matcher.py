"""The index of every entry's questions, and how a question is scored against it.

Scoring asks two things of a candidate question: how much of what the citizen said it explains
(query coverage, the main term: an unknown content word such as 天气 counts against every entry,
which is what keeps out-of-scope questions out), and how much of the candidate the citizen said
(candidate coverage). Words are weighted by rarity across entries, so 上牌 outweighs 怎么; a
character-level rapidfuzz ratio adds tolerance for segmentation differences. An inverted index
over words and character pairs keeps the work per query to the few candidates that share them.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.knowledge import Entry
from bot.text import STOPWORDS, TextProcessor

W_QUERY, W_DOC, W_CHARS = 0.55, 0.25, 0.20  # weights of the three parts of a score
PARTIAL = 0.6  # credit for a word found only inside a longer word (车管所 in 流动车管所)
ANSWER_CREDIT = 0.5  # a word found only in the entry's answer, not its questions
ANSWER_ONLY = 0.8  # a candidate matched through its answer's words alone
SINGLE_CHAR = 0.5  # a lone character carries less meaning than a word
LONG_QUERY_WORDS = 5  # beyond this many content words, unexplained ones are discounted
CANDIDATES = 60
MAX_QUERY_WORDS = 40  # distinct content words of one message that are scored
POOL = 1000  # candidate questions gathered before further words only re-rank them
SHORT_POSTINGS = 300  # posting lists up to this long (or 1/80 of all questions) are walked in full  # questions scored in full per query
CONCEPT_CREDIT = 0.8  # a word read as a concept (登记 → 上牌) that the entry covers, said otherwise
MAX_POSTING_SHARE = 0.25  # character pairs in more than this share of questions do not retrieve


# (word, weight, credit from the entry, words holding it or held by it, credit from its questions)
_Credit = tuple[str, float, float, "frozenset[str] | None", bool]


@dataclass(frozen=True)
class Doc:
    """One question of one entry, prepared for scoring."""

    entry: int
    words: frozenset[str]
    chars: str
    weight: float


@dataclass(frozen=True)
class Match:
    entry: int
    score: float
    question: int  # index into Index.docs of the best-scoring question


class Index:
    """Built once per knowledge version; `search` is read-only and needs no locks."""

    def __init__(self, entries: tuple[Entry, ...], text: TextProcessor):
        self.entries = entries
        self.text = text
        self.entry_concepts = [frozenset(e.subjects) | frozenset(e.aspects) for e in entries]
        canon = [[text.canonical(text.normalize(q)) for q in e.questions] for e in entries]
        words = [[frozenset(text.content_words(c)) for c in qs] for qs in canon]
        answer_words = [frozenset(text.content_words(text.canonical(text.normalize(e.answer)))) for e in entries]
        text.index_vocabulary({w for ws in words for s in ws for w in s if len(w) >= 2})
        df: dict[str, int] = defaultdict(int)
        for ws in words:
            for w in frozenset().union(*ws) if ws else ():
                df[w] += 1
        n = max(len(entries), 1)
        self.idf = {w: math.log(1 + n / c) for w, c in df.items()}
        self.unknown_weight = math.log(1 + n)
        self.answer_words = answer_words
        # every word some entry can credit (in its questions or its answer): any other word of a
        # query only counts against every entry alike, so scoring skips it per question
        self.known = frozenset(self.idf).union(*answer_words)
        self.entry_words = [frozenset().union(*ws) if ws else frozenset() for ws in words]
        self.docs: list[Doc] = []
        self.entry_docs: list[range] = []
        self.word_postings: dict[str, list[int]] = defaultdict(list)
        self.pair_postings: dict[str, list[int]] = defaultdict(list)
        self.answer_postings: dict[str, list[int]] = defaultdict(list)
        for ei, (qs, ws) in enumerate(zip(canon, words, strict=False)):
            self.entry_docs.append(range(len(self.docs), len(self.docs) + len(qs)))
            for question, qwords in zip(qs, ws, strict=False):
                di = len(self.docs)
                # in the order said; words starting at one place longest first, so that the order
                # (and the character score) never follows the hash seed
                chars = "".join(sorted(qwords, key=lambda x: (question.find(x), -len(x), x)))
                self.docs.append(Doc(ei, qwords, chars, sum(self.weight(x) for x in qwords) or 1.0))
                for x in qwords:
                    self.word_postings[x].append(di)
                for pair in _pairs(chars):
                    self.pair_postings[pair].append(di)
            if qs:
                for x in answer_words[ei]:
                    self.answer_postings[x].append(len(self.docs) - 1)
        # Words by the character pair they start with, and by every pair they hold: finds the
        # words a query word sits inside (车管所 in 流动车管所) or that sit inside it, in O(pairs).
        self.words_by_pair: dict[str, set[str]] = defaultdict(set)
        self.words_by_first_pair: dict[str, set[str]] = defaultdict(set)
        for w in {w for d in self.docs for w in d.words if len(w) >= 2}:
            self.words_by_first_pair[w[:2]].add(w)
            for pair in _pairs(w):
                self.words_by_pair[pair].add(w)
        # Membership sets only for long lists (the short ones are cheap to walk): memory stays near
        # one copy of the postings.
        self.word_members = {w: frozenset(ds) for w, ds in self.word_postings.items() if len(ds) > SHORT_POSTINGS}
        self.answer_members = {w: frozenset(ds) for w, ds in self.answer_postings.items()
                               if len(ds) > SHORT_POSTINGS}
        cap = max(50, int(len(self.docs) * MAX_POSTING_SHARE))
        self.pair_postings = {p: ds for p, ds in self.pair_postings.items() if len(ds) <= cap}

    def weight(self, word: str) -> float:
        w = self.idf.get(word, self.unknown_weight) * self.text.commonness(word)
        return w * SINGLE_CHAR if len(word) == 1 else w

    def search(self, words: list[str], limit: int = 5, within: tuple[int, ...] | None = None,
               allowed: frozenset[int] | None = None, concepts: dict[str, str] | None = None) -> list[Match]:
        """Best entries for a question's content words, best first, one Match per entry.

        `within`: score only these entries' questions (to choose among known candidates);
        `allowed`: only these entries may be returned; `concepts`: text read as a concept
        (登记 → 上牌): a word inside it counts as said by an entry covering that concept.
        """
        # the last words of a long message: a question is far shorter, and the work grows by the word
        query = list(dict.fromkeys(w for w in words if w not in STOPWORDS))[-MAX_QUERY_WORDS:]
        if not query:
            return []
        weights = {w: self.weight(w) for w in query}
        total = sum(weights.values())
        chars = "".join(query)
        if within is None:
            candidates = self._candidates(query, weights, chars)
        else:
            candidates = [di for e in within for di in self.entry_docs[e]]
        if allowed is not None:
            candidates = [di for di in candidates if self.docs[di].entry in allowed]
        related = {w: r for w in query if len(w) >= 2 for r in (self._related(w),) if r}
        concept_of = {w: c for w in query for text, c in (concepts or {}).items() if w in text}
        # Only words some entry can credit are looked up per question; the rest weigh in `total`
        # alone. Random text (4096 characters of it) then costs per question what a real one does.
        scored = [w for w in query if w in self.known or w in related or w in concept_of]
        discount = min(1.0, LONG_QUERY_WORDS / len(query))
        best: dict[int, Match] = {}
        plans: dict[int, list[_Credit]] = {}
        for di in candidates:
            doc = self.docs[di]
            plan = plans.get(doc.entry)
            if plan is None:
                plan = plans[doc.entry] = self._plan(scored, weights, doc.entry, related, concept_of)
            score = self._score(plan, total, discount, chars, doc)
            current = best.get(doc.entry)
            if current is None or score > current.score:
                best[doc.entry] = Match(doc.entry, score, di)
        ranked = sorted(best.values(), key=lambda m: (-m.score, m.entry))
        return ranked[:limit]

    def _candidates(self, query: list[str], weights: dict[str, float], chars: str) -> list[int]:
        """Questions worth scoring in full, by votes from shared words and character pairs.

        Rare words seed the pool by walking their postings; once the pool is large, or for a word
        in thousands of questions, a word only adds its vote to questions already in the pool.
        So the work per query stays near the pool's size, not the knowledge's.
        """
        limit = max(SHORT_POSTINGS, len(self.docs) // 80)
        votes: dict[int, float] = defaultdict(float)
        for w in sorted(query, key=lambda x: len(self.word_postings.get(x, ()))):
            postings = self.word_postings.get(w, ())
            if postings and len(votes) < POOL and len(postings) <= limit:
                for di in postings:
                    votes[di] += weights[w]
            elif postings and votes:
                members = self.word_members.get(w)
                if members is None:  # a short list: walk it, but only re-rank the pool
                    for di in postings:
                        if di in votes:
                            votes[di] += weights[w]
                else:
                    for di in votes:
                        if di in members:
                            votes[di] += weights[w]
            elif postings:  # only common words: the rarest one's first questions seed the pool
                for di in postings[:limit]:
                    votes[di] += weights[w]
            in_answers = self.answer_postings.get(w, ())
            if len(in_answers) <= limit:
                for di in in_answers:
                    votes[di] += weights[w] * ANSWER_CREDIT
            else:
                members = self.answer_members[w]
                for di in votes:
                    if di in members:
                        votes[di] += weights[w] * ANSWER_CREDIT
        if len(votes) < POOL:  # character pairs help recall; on a full pool they change nothing
            pair_limit = max(SHORT_POSTINGS, len(self.docs) // 400)
            for pair in sorted(_pairs(chars)):  # sorted: ties in the pool must not follow the hash seed
                postings = self.pair_postings.get(pair, ())
                if len(postings) <= pair_limit:
                    for di in postings:
                        votes[di] += 0.2
        if len(votes) <= CANDIDATES:
            return list(votes)
        return heapq.nlargest(CANDIDATES, votes, key=votes.__getitem__)

    def _related(self, word: str) -> frozenset[str]:
        """Known words that contain `word` or are contained in it (never `word` itself)."""
        inside = {d for d in self.words_by_pair.get(word[:2], ()) if word in d}
        for pair in _pairs(word):
            inside.update(d for d in self.words_by_first_pair.get(pair, ()) if d in word)
        inside.discard(word)
        return frozenset(inside)

    def _plan(self, query: list[str], weights: dict[str, float], entry: int, related: dict[str, frozenset[str]],
              concept_of: dict[str, str]) -> list[_Credit]:
        """What each word earns from one entry's questions when a question of it does not hold the
        word: worked out once per entry, not once per question (an entry has a dozen or more).
        Per word: (word, weight, credit from the entry, words holding it or held by it, whether
        that credit is from the entry's questions)."""
        answer = self.answer_words[entry]
        entry_words = self.entry_words[entry]
        concepts = self.entry_concepts[entry]
        plan: list[_Credit] = []
        for w in query:
            weight = weights[w]
            if w in entry_words:
                # said in another question of the same entry
                plan.append((w, weight, weight * 0.8, None, True))
            elif concept_of.get(w) in concepts:
                plan.append((w, weight, weight * CONCEPT_CREDIT, related.get(w), True))
            else:
                plan.append((w, weight, weight * ANSWER_CREDIT if w in answer else 0.0, related.get(w), False))
        return plan

    def _score(self, plan: list[_Credit], total: float,
               discount: float, chars: str, doc: Doc) -> float:
        got = 0.0
        doc_got = 0.0
        in_questions = False  # did any word match the entry's questions, not just its answer?
        words = doc.words
        for w, weight, credit, near, from_questions in plan:
            if w in words:
                got += weight
                doc_got += weight
            elif near is not None and not words.isdisjoint(near):
                # 电动自行车挂牌 holding 挂牌 is a match; 公路 inside 高速公路 only half of one, since
                # the question is more specific than what was asked.
                share = PARTIAL if any(d in w for d in words & near) else PARTIAL / 2
                got += weight * share
                doc_got += weight * share
            elif credit:
                got += credit
                in_questions = in_questions or from_questions
        # A long message carries context (快递都送到家了…) that no entry explains: its unexplained
        # words count for less, or every long question would look out of scope.
        missing = max(total - got, 0.0) * discount
        q_cov = got / (got + missing) if got > 0 else 0.0
        d_cov = min(doc_got / doc.weight, 1.0)
        char_sim = fuzz.ratio(chars, doc.chars) / 100.0
        if len(chars) > 2 * len(doc.chars):
            char_sim = max(char_sim, PARTIAL * fuzz.partial_ratio(doc.chars, chars) / 100.0)
        score = W_QUERY * q_cov + W_DOC * d_cov + W_CHARS * char_sim
        # Words found only in an answer (摩托车 in the helmet answer) hint, they do not ask.
        return score if in_questions or doc_got > 0 else score * ANSWER_ONLY


def _pairs(chars: str) -> set[str]:
    return {chars[i:i + 2] for i in range(len(chars) - 1)} if len(chars) > 1 else {chars} if chars else set()

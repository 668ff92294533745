"""What the engine hands every front end: one reply, rendered the same by Telegram and the console."""

from __future__ import annotations

from dataclasses import dataclass, field

ANSWER = "answer"
CLARIFY = "clarify"
FALLBACK = "fallback"
EMERGENCY = "emergency"
SMALLTALK = "smalltalk"
STATUSES = (ANSWER, CLARIFY, FALLBACK, EMERGENCY, SMALLTALK)


@dataclass(frozen=True)
class Candidate:
    """An entry the engine considered: its id, its standard question (button label) and score 0..1."""

    id: str
    question: str
    score: float


@dataclass(frozen=True)
class Reply:
    """The engine's whole answer to one question.

    `text` is exactly what the citizen reads (plain text, no markup: front ends escape it).
    `choices` are the buttons to offer: clarify choices, or an answer's related entries.
    """

    status: str
    text: str
    query: str = ""
    normalized: str = ""
    entry_id: str | None = None
    topic: str | None = None
    score: float = 0.0
    source: str | None = None
    updated: str | None = None
    candidates: tuple[Candidate, ...] = ()
    choices: tuple[Candidate, ...] = ()
    knowledge_version: str = ""
    reason: str = ""  # which step decided, and why: "aspect:载人 not held for 电动自行车"
    # The reply says honestly that what was asked is not held here. A fallback always is; a
    # clarify is when it offers the subject's other entries under "这个问题我这里没有资料", which
    # is a decline with help, not a "did you mean".
    declined: bool = False
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def declines(self) -> bool:
        """Whether the citizen is told honestly we do not hold what was asked (a fallback, or the
        not-held reply with the subject's entries offered), not given an answer or a "did you mean"."""
        return self.declined or self.status == FALLBACK

    def to_json(self) -> dict:
        """The `trafficbot ask --json` shape."""
        return {
            "query": self.query,
            "status": self.status,
            "answer": self.text,
            "entry": self.entry_id,
            "score": round(self.score, 4),
            "reason": self.reason,
            "declined": self.declines,
            "candidates": [
                {"id": c.id, "question": c.question, "score": round(c.score, 4)} for c in self.candidates
            ],
        }

"""Text handling: normalisation, synonyms, pinyin typo repair and jieba segmentation.

`TextProcessor` is built once from the knowledge (its domain words and synonyms) and then only
read, so one instance can serve every question, and a knowledge reload builds a new one.
"""

from __future__ import annotations

import logging
import marshal
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot import jieba_first  # noqa: F401 - before jieba: jieba without pkg_resources
from bot.numerals import chinese_to_int
from bot.pinyin import SYLLABLES, split_syllables

# isort: split
import jieba
import opencc
from pypinyin import Style
from pypinyin.constants import PINYIN_DICT
from pypinyin.converter import UltimateConverter
from pypinyin.core import Pinyin
from rapidfuzz.distance import Levenshtein


class _ToneStripped(UltimateConverter):
    """The converter `pypinyin.lazy_pinyin` builds (no option on), giving the toneless (NORMAL)
    form of a reading from a table: pypinyin would run its chain of style hooks again for each
    character of each question, half of what reading a question's pinyin costs. Any other
    style, or a reading not in the table, goes pypinyin's own way."""

    def __init__(self, toneless: Mapping[str, str]):
        super().__init__()
        self._toneless = toneless

    def convert_style(self, han, orig_pinyin, style, strict, **kwargs):
        if style == Style.NORMAL and strict is True and not kwargs:
            got = self._toneless.get(orig_pinyin)
            if got is not None:
                return got
        return super().convert_style(han, orig_pinyin, style, strict, **kwargs)


def _toneless_readings() -> dict[str, str]:
    """Every reading of pypinyin's character table → its toneless form, as pypinyin makes it."""
    convert = UltimateConverter().convert_style
    table: dict[str, str] = {}
    for readings in set(PINYIN_DICT.values()):
        for reading in readings.split(","):
            if reading not in table:
                table[reading] = convert("", reading, Style.NORMAL, True)  # the character plays no part in it
    return table


# `pypinyin.lazy_pinyin` (same arguments, same readings), its toneless style read from a table
lazy_pinyin = Pinyin(_ToneStripped(_toneless_readings())).lazy_pinyin

MAX_QUERY_CHARS = 120  # matching looks at this much of a message's end; a citizen's question is far shorter (the longest of 1,188 labelled ones: 84)

# Words that carry no topic: question frames, pronouns, particles. They still count for the
# character similarity, but a match on them alone must never look like an answer.
STOPWORDS = frozenset(
    """
    的 了 吗 呢 吧 啊 呀 哦 嘛 么 哈 啦 喔 噢 嗯 哎 唉 诶 耶 咧 哇 哟 嘞 呗
    我 你 您 他 她 它 我们 你们 他们 咱 咱们 俺 俺们 自己 大家 人家 本人
    是 在 有 和 与 及 跟 或 或者 还是 就 都 也 又 还 才 被 把 给 让 对 向 从 到 于 以 为 为了
    这 那 这个 那个 这些 那些 这里 那里 这儿 那儿 这样 那样 这么 那么 哪 哪个 哪些 哪里 哪儿
    什么 啥 怎么 怎样 怎么样 咋 咋样 如何 为什么 为啥 干啥 干嘛 多少 几 是否 是不是 能否
    要不要 需不需要 用不用 能不能 可不可以 会不会 有没有 是不是 算不算 行不行 中不中 得不得
    请问 问问 问一下 想问 想知道 知道 一下 告诉 帮 帮忙 麻烦 谢谢 请 你好 您好 怎么办 咋办 咋整 咋弄
    哪办 在哪 在哪儿 在哪里 哪儿 哪里 多久 多长时间 行吗 好吗 对吗 呗 不行 行不行
    可以 能 能够 会 要 想 需要 应该 得 必须 该 用 去 来 做 办 弄 整 搞 看 说 叫 算
    一个 个 些 一些 点 一点 里 上 下 中 后 前 时 时候 现在 刚才 然后 如果 的话
    吗 没 没有 不 不是 不要 别 很 太 最 更 非常 特别 比较 挺 有点
    """.split()
    # English grammar words typed around the domain words that synonyms read (how many points do
    # i lose for using my phone): they match no entry, and as content they would outweigh the
    # words that do. Question words (where, when) are not among them: they ask something.
    + """
    i me my mine we us our you your he him his she her it its they them their
    a an the this that these those there here some any
    am is are was were be been being do does did done have has had having
    can could will would shall should may might must
    to of in on at for from with by about into onto as than then so if or and but also just
    please hi hello
    """.split()
)

# Question frames are not topics, but they tell "what is it" from "how do I apply" from "how
# many": each becomes one low-weight token, so two entries on one subject can be told apart.
QUESTION_TYPES = {
    "#when": ("什么时候", "啥时候", "何时", "哪天", "几时", "多久", "多长时间", "哪年", "几月"),
    "#what": ("什么", "啥", "是啥", "哪些", "什么样", "啥样"),
    "#how": ("怎么", "怎样", "如何", "咋", "怎么办", "咋办", "咋整", "咋弄", "咋搞", "怎么弄", "怎么处理"),
    "#status": ("怎么样", "咋样", "如何了", "好不好"),
    "#howmany": ("多少", "几", "几个", "多大", "多重", "多快", "多远", "多高", "多长", "多少钱", "几次", "几件"),
    "#where": ("哪", "哪里", "哪儿", "在哪", "哪办", "去哪", "在哪儿", "在哪里", "哪条"),
    "#why": ("为什么", "为啥", "干嘛"),
}
_QUESTION_TYPE = {w: t for t, words in QUESTION_TYPES.items() for w in words}
_STOP_CHARS = frozenset(w for w in STOPWORDS if len(w) == 1)
TERM_BOOST = 1.3  # a word staff listed as a domain term weighs more than one jieba merely knows
NOISE_RUN, NOISE_SHARE = 20, 0.85  # a run this long, nearly all characters jieba joins into no word, is noise: not repaired
REPAIR_CACHE = 4096  # runs of text remembered with their repair, per knowledge version
COMMON_WORD = 100  # jieba frequency above which a word is taken as meant, never as a typo
NO_WORD = 3  # jieba frequency at or under which a piece is no word anyone means (注消, 报费: slips it saw)
# A two-character repair changes one character on the strength of the other. Typed characters this
# common on their own (出, 过, 起 …) are meant far more often than they are slips (出了 is no 除了),
# unless the character kept is a rare one that makes the word (驾 in 最驾 → 醉驾).
COMMON_CHAR = 40000
RARE_CHAR = 5000
# Grammar, not topic: particles, pronouns, prepositions, negation. A slip inside a two-character
# word is never repaired into or out of one of these (上的 is no 伤得, 叫他 no 脚踏, 不贴 no 补贴).
GRAMMAR_CHARS = frozenset(
    "的了着地得吗呢吧啊呀嘛么哈啦是在有和与及跟或就都也又还才被把给让对向从到于以为"
    "这那哪我你您他她它咱俺不没别个些能会要想该去来一很太谁啥咋几"
)
# A number before a unit: digits, two or more Chinese numerals (一码 is not 1 码), or the
# question 多少 / 几; then 多 / 来 for "about" (四十多码).
# (normalising turned 48.5's point into a space)
_AGE = r"(?:1\d|[2-9]\d|[二三四五六七八九]十[一二三四五六七八九]?|十[一二三四五六七八九])"  # 10–99: a child's (12, 15) draws the riding lines
_NUMBER = r"(?:\d+(?:[.\s]\d+)?|[零一二两三四五六七八九十百千]{2,}|多少|几)\s*[多来]?\s*"

FOREIGN_IN_PINYIN = 2  # English words (app, sorry) a sentence typed in pinyin may hold and still be read whole
GLUED_CHARS = 3  # characters beside a pinyin syllable that may finish its word (chuang红灯)
MIN_SPELLING = 5  # a pinyin spelling shorter than this (gaosu is 5) may be an English word or a name
# Latin words one space apart: a word may be typed syllable by syllable (kou ji fen: 扣几分)
_LATIN_RUN = re.compile(r"(?<![a-z0-9])[a-z]+(?: [a-z]+)*(?![a-z0-9])")
_HAS_LATIN = re.compile(r"[a-z]{2}")
_LATIN_FIRST = re.compile("[A-Za-z]")

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")
_HAN = re.compile(rf"[{_CJK}]")
# Every character of a word that is no content word (stop words, question words): a Han character
# outside these and outside a vocabulary is part of a content word not in that vocabulary.
FUNCTION_CHARS = frozenset("".join(STOPWORDS) + "".join(_QUESTION_TYPE))


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Per-user cache folder (XDG), where jieba keeps its prefix dictionary between runs."""
    env: Mapping[str, str] = os.environ if environ is None else environ
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "trafficbot"


def _strip_char(ch: str) -> str:
    """Punctuation, symbols, emoji and control characters become a space; the rest is kept."""
    cat = unicodedata.category(ch)
    if cat[0] in "LN" or ch in "·":
        return ch
    if cat[0] == "Z" or ch in "\t\n\r":
        return " "
    if cat[0] in "PSC" or cat == "Mn" or cat == "Me":
        return " "
    return ch


class _Stripped(dict):
    """`_strip_char` by code point for `str.translate`, each character worked out once: the
    translation then runs in C instead of a Python call per character."""

    def __missing__(self, code: int) -> str:
        self[code] = got = _strip_char(chr(code))
        return got


@dataclass(frozen=True)
class Token:
    word: str
    content: bool  # False for stop words and single non-Han characters


class TextProcessor:
    """Normalise, canonicalise and segment questions, with the knowledge's own vocabulary."""

    def __init__(self, terms: tuple[str, ...] | list[str] = (), synonyms: dict[str, str] | None = None,
                 cache: Path | None = None, homophones: tuple[str, ...] | list[str] = (),
                 measures: dict[str, str] | None = None, age_of: Iterable[str] = (), age_bands: Iterable[int] = (),
                 english: dict[str, str] | None = None):
        # tw2s, not t2s: traditional text writes 着 as 著 (躺著, 著火), which t2s keeps; tw2s reads it
        # by its phrase (著名 stays)
        self._t2s = opencc.OpenCC("tw2s")
        self._stripped = _Stripped()
        self._tokenizer = _make_tokenizer(cache or cache_dir())
        # jieba's frequencies as shipped: add_term raises a term's, so its original is kept here
        # (a copy of the whole table would cost ~40 MB).
        self._shipped_freq: dict[str, int] = {}
        self.synonyms = {self.normalize(k): self.normalize(v) for k, v in (synonyms or {}).items()}
        # Standard words map to themselves, so a variant inside one (逃逸 in 肇事逃逸) is left alone.
        # English phrases are read as the Chinese a citizen would type (how many points: 扣几分),
        # replaced with the synonyms but made no domain term
        self._synonym_map = {**{c: c for c in self.synonyms.values()}, **self.synonyms,
                             **{self.normalize(k): self.normalize(v) for k, v in (english or {}).items()}}
        # Latin variants in a pattern of their own, tried only on text holding Latin letters: a
        # message of Chinese (most, and the longest) is not walked past each English phrase
        self._synonym_re = _alternation({k: v for k, v in self._synonym_map.items() if not _LATIN_FIRST.match(k)})
        self._latin_synonym_re = _alternation({k: v for k, v in self._synonym_map.items() if _LATIN_FIRST.match(k)})
        # 60伏 / 四十多码 / 800w: the unit says which limit is asked about, so the amount becomes
        # its standard word (电池电压, 最高车速).
        self._measures = {self.normalize(u): self.normalize(c) for u, c in (measures or {}).items()}
        units = sorted(self._measures, key=len, reverse=True)
        self._measure_re = re.compile(
            f"{_NUMBER}({'|'.join(map(re.escape, units))})(?![a-z])") if units else None
        # 俺爹七十一了 / 61了 还能开大客车不 / 今年七十一 / 今年刚满15，能… / 俺爹今年都72咧: an age said as a bare number
        # is read as one (七十一岁), so the question is read as asking about age (年龄)
        # (my son is 15: an English who-word is followed by a space before the age)
        who = sorted({self.normalize(w) for w in age_of if w}, key=len, reverse=True)
        self._age_bands = tuple(sorted(age_bands))
        self._age_re = re.compile(
            f"(^|今年(?:都|已经|也|才)?(?:刚满|已满|才满|满)?|(?:{'|'.join(re.escape(w) + (' ' if w[-1].isascii() else '') for w in who)})(?:今年|都|已经|快|刚|也|才){{0,2}}(?:刚满|已满|才满|满)?)({_AGE})(多)?(?:(岁)|(?=了|啦|咧|嘞|能|可以|还能|还可以|就能|$|\\s))"
        ) if who else None
        # 请问一下七十岁还能开车吗: an age said with 岁 is one wherever it stands (not inside a longer number);
        # its empty first group stands for the who-prefix of `_age_re`, so `_age` reads both
        self._age_sui_re = re.compile(
            f"()(?<![\\d零一二两三四五六七八九十百千])({_AGE})(多)?(岁| ?sui(?![a-z])| ?years? old(?![a-z]))(?!以上)") if who else None
        self.terms: set[str] = set()
        for term in terms:
            self.add_term(self.normalize(term))
        for canonical in self.synonyms.values():
            self.add_term(canonical)
        self._by_pinyin: dict[tuple[str, ...], str] = {}
        self._by_fuzzy: dict[tuple[str, ...], str] = {}  # domain terms by fuzzy pinyin (视屏 → 视频)
        self._by_len: dict[tuple[int, int, str], list[tuple[str, str]]] = {}  # (length, position, char)
        # runs already repaired (a flood repeats them; citizens repeat questions): repair costs
        # by the character, a lookup does not
        self._repaired: dict[tuple[bool, str], str] = {}
        # a run's pinyin, jieba cut and protected characters: the strict repair (matching) and the
        # liberal one (the emergency check) read the same run of each message
        self._analysed: dict[str, tuple[list[str], list[str], bytes]] = {}
        # Words restored only from an exact homophone (留血 → 流血), never from a near one:
        # 放车 must not become 翻车.
        self._homophones = {self.normalize(w).replace(" ", "") for w in homophones}
        self._kept: frozenset[str] = frozenset()
        self._restorable: frozenset[str] = frozenset()
        self._heard: frozenset[str] = frozenset()
        self._domain: frozenset[str] = frozenset()  # terms and subjects: what typo repair restores first
        self._by_spelling: dict[str, str] = {}  # toneless pinyin → domain word (diandongche → 电动车)
        self._by_syllable: dict[str, str] = {}  # one syllable → the character of the knowledge's words it most often is
        self._by_word_spelling: dict[str, str] = {}  # a word of the knowledge by its pinyin (zuidi → 最低)

    def __getstate__(self) -> dict:
        # A kept engine (bot.buildcache) leaves out the runs' analyses: the build's own fill
        # them, and they would cost more to read back than to work out again.
        state = self.__dict__.copy()
        state["_analysed"] = {}
        return state

    # -- normalisation ---------------------------------------------------------------------
    def normalize(self, text: str) -> str:
        """Full-width → half-width, traditional → simplified, lower case, no punctuation/emoji,
        no spaces between Chinese characters."""
        text = unicodedata.normalize("NFKC", text[: MAX_QUERY_CHARS * 4])[: MAX_QUERY_CHARS * 2]
        text = text.translate(self._stripped)
        text = self._t2s.convert(text).lower()
        text = _SPACE_BETWEEN_CJK.sub("", text)
        return _SPACES.sub(" ", text).strip()[:MAX_QUERY_CHARS]

    def canonical(self, normalized: str, repaired: str | None = None) -> str:
        """Homophone typos of domain words repaired, then synonyms replaced by their standard word.

        Pass `repaired` when the caller already has `repair_typos(normalized)`.
        """
        text = self.read_pinyin(self.repair_typos(normalized) if repaired is None else repaired)
        if self._age_re is not None:
            text = self._age_re.sub(self._age, text)
        if self._age_sui_re is not None:
            text = self._age_sui_re.sub(self._age, text)
        text = self._replace_synonyms(text)
        if self._measure_re is not None:
            # The amount itself (八十斤, 60v) is no topic word and would count against every
            # entry; the question 多少 stays a question.
            text = self._measure_re.sub(
                lambda m: f" {'多少' if m.group(0).startswith(('多少', '几')) else ''} {self._measures[m.group(1)]} ", text)
        return text

    def _age(self, m: re.Match) -> str:
        said = m.group(2)
        years = int(said) if said.isdigit() else chinese_to_int(said)
        # 71 is over the law's 70: said as the rules say it (70岁以上), so it meets their questions
        band = max((b for b in self._age_bands if years is not None and b <= years), default=None)
        if band is not None:
            return f"{m.group(1)}{band}岁以上"
        return f"{m.group(1)}{said}{m.group(3) or ''}岁"

    def read_pinyin(self, text: str) -> str:
        """A domain word typed as its pinyin, without tones (diandongche, jiazhao; kou ji fen,
        chuang hongdeng typed a syllable or a word at a time; koumanduoshaofen run together), read
        as the word; a question typed wholly in pinyin read as Chinese (`_spelled_words`)."""
        if not self._by_spelling or not _HAS_LATIN.search(text):
            return text
        # what the spelling read is Chinese like the rest: no spaces between its characters, as
        # normalize() leaves none (闯hongdeng扣几分 reads as 闯红灯扣几分 does)
        return _SPACE_BETWEEN_CJK.sub("", _LATIN_RUN.sub(self._spelled_words, text)).strip()

    def _spelled_words(self, m: re.Match) -> str:
        """One run of Latin words, with the domain words its syllables spell put in their place."""
        typed = m.group(0).split(" ")
        words: list[str] = []
        source: list[int] = []  # the typed word each of `words` comes from
        for t, word in enumerate(typed):
            # a sentence typed in pinyin without spaces (koumanduoshaofen): its syllables are read
            # as if typed apart, so that the words they spell are found
            cut = split_syllables(word) if word not in self._by_spelling and word not in self._synonym_map else None
            if cut and t == len(typed) - 1 and self._glued_ahead(m, word) is not None:
                cut = None  # diandong自行车: the typed word spells the start of its word whole (电动)
            parts = cut if cut and len(cut) > 1 and all(x in SYLLABLES for x in cut) else [word]
            words += parts
            source += [t] * len(parts)
        # the words spelled, chosen so that most syllables are read (kou ji fen is 扣几分, not
        # kou 记分), then most by domain words (ban jia zhao is 办驾照, not 搬家照)
        n = len(words)
        best: list[tuple[tuple[int, int, int], int, str | None]] = [((0, 0, 0), n, None)] * (n + 1)
        for i in range(n - 1, -1, -1):
            (c, d, k), _, _ = best[i + 1]
            best[i] = ((c, d, k - 1), i + 1, None)
            # a word read across a space begins where a typed word does (kaiche jie: no 车借)
            inside = i > 0 and source[i - 1] == source[i]
            for j in range(i + 1, min(n, i + 6) + 1):
                if inside and source[j - 1] != source[i]:
                    break
                joined = "".join(words[i:j])
                w = self._by_spelling.get(joined) if len(joined) >= MIN_SPELLING else None
                if w is not None and j == i + 1 and joined in self._synonym_map:
                    # an English word the vocabulary reads itself (shanxi is 山西, though 陕西 is
                    # spelt alike and commoner in Chinese at large)
                    w = None
                if w is not None:
                    (c, d, k), _, _ = best[j]
                    key = (c + j - i, d + (j - i if w in self._domain else 0), k - 1)
                    if key > best[i][0]:
                        best[i] = (key, j, w)
        out: list[str] = []
        starts: list[int] = []  # where in `words` each piece of `out` begins
        spelled: list[str] = []
        read_from: set[int] = set()  # typed words a spelled word took syllables of
        i = 0
        while i < n:
            _, j, w = best[i]
            starts.append(i)
            if w is not None:
                spelled.append(w)
                read_from.update(source[i:j])
                out.append(f" {w} ")
            else:
                glued = self._glued_spelling(m, words, i)
                out.append(words[i] if glued is None else glued)
                if glued is not None:
                    read_from.add(source[i])
            i = j
        foreign = sum(1 for o in out if not _HAN.search(o) and o not in SYLLABLES)
        if any(w not in _QUESTION_TYPE for w in spelled) and foreign <= min(FOREIGN_IN_PINYIN, len(out) // 4):
            # (an English word or two typed among it stays as typed: sorry, app)
            # a sentence typed in pinyin, a domain word read in it (not only 啥意思, a way of
            # asking: xiangkou shi sha yisi is no question of ours): the syllables between are
            # read as the knowledge writes them, so the whole is Chinese (… fen jiu buxing le)
            return " ".join(self._syllables_read(out))
        # a typed word none of whose syllables was read stays as typed (ebike, not e bi ke)
        kept: list[str] = []
        for at, piece in zip(starts, out, strict=True):
            t = source[at]
            if t in read_from:
                kept.append(piece)
            elif at == 0 or source[at - 1] != t:
                kept.append(typed[t])
        return " ".join(kept)

    def _syllables_read(self, out: list[str]) -> list[str]:
        """The syllables between a pinyin sentence's domain words, as Chinese: neighbours that
        spell a word of the knowledge as that word (zui di → 最低), the rest one character each."""
        read, i = [], 0
        while i < len(out):
            if _HAN.search(out[i]):
                read.append(out[i])
                i += 1
                continue
            for j in range(min(len(out), i + 4), i + 1, -1):
                run = out[i:j]
                w = None if any(_HAN.search(o) for o in run) else self._by_word_spelling.get("".join(run))
                if w is not None:
                    read.append(w)
                    i = j
                    break
            else:
                read.append(self._by_syllable.get(out[i], out[i]))
                i += 1
        return read

    def _glued_ahead(self, m: re.Match, word: str) -> str | None:
        """The characters a spelling typed just before its word's own characters stands for
        (chuang红灯: 闯; diandong自行车: 电动); None if no domain word is spelled so."""
        text = m.string
        if m.end() >= len(text) or not _HAN.match(text[m.end()]):
            return None
        for k in range(min(GLUED_CHARS, len(text) - m.end()), 0, -1):
            han = text[m.end():m.end() + k]
            if not all(_HAN.match(ch) for ch in han):
                continue
            w = self._by_spelling.get(word + "".join(lazy_pinyin(han)))
            if w is not None and w.endswith(han) and len(w) > k:
                return w[:-k]
        return None

    def _glued_spelling(self, m: re.Match, words: list[str], i: int) -> str | None:
        """A syllable typed in pinyin against the characters of its own word (chuang红灯 is 闯红灯,
        闯hongdeng too): the characters its spelling and theirs make together; None if no domain
        word is spelled so. Only the run's first word looks back, its last word ahead."""
        text, word = m.string, words[i]
        if i == len(words) - 1:
            ahead = self._glued_ahead(m, word)
            if ahead is not None:
                return ahead
        if i == 0 and m.start() > 0 and _HAN.match(text[m.start() - 1]):
            for k in range(min(GLUED_CHARS, m.start()), 0, -1):
                han = text[m.start() - k:m.start()]
                if not all(_HAN.match(ch) for ch in han):
                    continue
                w = self._by_spelling.get("".join(lazy_pinyin(han)) + word)
                if w is not None and w.startswith(han) and len(w) > k:
                    return w[k:]
        return None

    def _replace_synonyms(self, text: str) -> str:
        if self._synonym_re is not None:
            typed = text
            text = self._synonym_re.sub(lambda m: self._synonym(m, typed), text)
        if self._latin_synonym_re is not None and _HAS_LATIN.search(text):
            chinese = text  # the Latin variants touch no Chinese the pass before wrote
            text = self._latin_synonym_re.sub(lambda m: self._synonym(m, chinese), text)
        return text

    def _synonym(self, m: re.Match, text: str) -> str:
        """The standard word for a variant, unless the variant runs into the standard word
        itself (上高速 in 上高速公路 would give 高速公路公路)."""
        variant, standard = m.group(0), self._synonym_map[m.group(0)]
        at = text.find(standard, m.start() + 1)
        if at != -1 and at < m.end() < at + len(standard):
            return variant  # left as typed: the standard word is already there
        return standard

    # -- vocabulary ------------------------------------------------------------------------
    def add_term(self, term: str) -> None:
        """A domain word: jieba keeps it whole, and typo repair may restore it."""
        if len(term) < 2 or term in self.terms:
            return
        self.terms.add(term)
        if " " not in term:
            self._shipped_freq.setdefault(term, self._tokenizer.FREQ.get(term, 0))
            self._tokenizer.add_word(term, freq=max(self._tokenizer.suggest_freq(term, False), 2000))

    def jieba_changes(self) -> tuple[object, dict[str, int]]:
        """This processor's jieba tokenizer, and every entry of its dictionary that add_term may have
        changed, with its value now: each word added, then its prefixes (jieba adds a missing prefix
        with 0), in the order added. Every entry that differs from jieba's shipped dictionary is
        among them (some may equal it): what a kept engine stores instead of the whole dictionary."""
        freq = self._tokenizer.FREQ
        changed: dict[str, int] = {}
        for word in self._shipped_freq:
            for piece in (word, *(word[:n] for n in range(1, len(word)))):
                if piece not in changed and piece in freq:
                    changed[piece] = freq[piece]
        return self._tokenizer, changed

    def general_freq(self, word: str) -> int:
        """How often jieba's own dictionary saw `word` in general Chinese (0: not a word to it)."""
        shipped = self._shipped_freq.get(word)
        return shipped if shipped is not None else self._tokenizer.FREQ.get(word, 0) or 0

    def general_words(self, min_freq: int = 1):
        """jieba's dictionary words seen at least `min_freq` times (for checks and tests)."""
        return (w for w in self._tokenizer.FREQ if self.general_freq(w) >= min_freq)

    def keep_as_typed(self, words: Iterable[str], restorable: Iterable[str] = (), heard: Iterable[str] = ()) -> None:
        """Words typo repair never rewrites (the concept vocabulary): the knowledge's questions are
        written the way citizens mistype (酒架), and 酒驾 must not be repaired into such a slip.
        `restorable` of them are restored from an exact homophone before any other word (最驾 → 醉驾);
        `heard` ones (the aspects' phrasings) only from an exact homophone that is no word at all
        (红绿登 → 红绿灯, 注消 → 注销): 加个 is a word of its own, no slip of 价格."""
        self._kept = frozenset(self.normalize(w).replace(" ", "") for w in words)

        def plain(given: Iterable[str]) -> frozenset[str]:
            # not a phrasing with a question or a particle in it (扣几分, 多少伏, 私了): it sounds like
            # other questions (多少付 is one of 多少辅警; 死了 is no slip of 私了)
            return frozenset(w for w in (self.normalize(x).replace(" ", "") for x in given)
                             if w in self._kept and not any(q in w for q in _QUESTION_TYPE)
                             and not any(ch in _STOP_CHARS for ch in w))
        self._restorable = plain(restorable)
        # the question words too (夺少钱 is 多少钱): what is asked, slipped into no word at all
        self._heard = (plain(heard) | {w for w in _QUESTION_TYPE if len(w) >= 2 and all(_HAN.match(ch) for ch in w)}) \
            - self._restorable
        self._repaired = {}
        self._analysed = {}

    def index_vocabulary(self, words: set[str]) -> None:
        """Build the pinyin index used to repair typos.

        Only domain words are restored: the curated terms (synonyms.yaml), the subjects of the
        concept vocabulary and the aspects' standard words (`keep_as_typed`'s `restorable`: 醉驾,
        年检 …), and the emergency words (留血 → 流血) — what citizens' slips mean. Any other word
        of the knowledge (`words`) is indexed only to say a typed piece sounds like a real word and
        is no near slip; restoring it was a guess that read 出了 as 除了 and 上的 as 伤得. Not the
        aspects' many phrasings either: 多少伏, 价格 sound like 多少付 (辅警), 加个.
        """
        self._by_pinyin = {}
        self._by_fuzzy = {}
        self._by_len = {}
        self._repaired = {}
        self._analysed = {}
        self._domain = frozenset(self.terms | self._restorable)
        self._restored = self._domain | self._homophones
        # a domain word's spelling in pinyin; of words spelt alike, the one Chinese at large uses
        # most (驾照 over the slip 架照 that the vocabulary also lists)
        # each word's and each character's pinyin once: the loops below read most words twice
        by_char: dict[str, str] = {}
        read: dict[str, list[tuple[str, ...]]] = {}

        def readings(word: str) -> list[tuple[str, ...]]:
            got = read.get(word)
            if got is None:
                got = read[word] = _readings(word, by_char)
            return got

        spelt: dict[str, set[str]] = {}
        # A whole question may be typed in pinyin (gaosu zuigao xiansu duoshao): every phrasing of
        # the concept vocabulary and the question words are read from their spelling too, not only
        # the words typo repair restores (a Latin word of MIN_SPELLING letters or more is no slip)
        for word in self._domain | self._kept | _QUESTION_TYPE.keys():
            if 2 <= len(word) <= 8 and all(_HAN.match(ch) for ch in word):
                for reading in _spellings(word, readings(word)):
                    spelt.setdefault("".join(reading), set()).add(word)
                    if "er" in reading[1:] and word.endswith("儿"):
                        # 哪儿 typed as it is said, its 儿 joined to the syllable before (qu nar ban)
                        spelt.setdefault("".join(reading[:-1]) + "r", set()).add(word)
        self._by_spelling = {k: max(sorted(ws), key=self.general_freq) for k, ws in spelt.items() if len(k) >= MIN_SPELLING}
        # the syllables a pinyin sentence leaves between its domain words (kou man duo shao fen:
        # fen): a grammar character of that sound, the commonest (jiu: 就); else the one in the most
        # words of the knowledge (cha: 查, in 查询, 检查, 查分 …, not 差), then the commonest
        in_words: dict[str, int] = {}
        for w in words:
            for ch in set(w):
                in_words[ch] = in_words.get(ch, 0) + 1
        chars: dict[str, set[str]] = {}
        for ch in sorted(set(in_words) | GRAMMAR_CHARS | FUNCTION_CHARS):
            if _HAN.match(ch):
                chars.setdefault(readings(ch)[0][0], set()).add(ch)
        grammar = GRAMMAR_CHARS | FUNCTION_CHARS  # of these, the commonest (zhe: 这, not 着)

        def rank(c: str) -> tuple[bool, int, int]:
            return (True, self.general_freq(c), 0) if c in grammar else (False, in_words.get(c, 0), self.general_freq(c))
        self._by_syllable = {k: max(sorted(cs), key=rank) for k, cs in chars.items()}
        plain: dict[str, set[str]] = {}
        for word in words:
            if 2 <= len(word) <= 4 and all(_HAN.match(ch) for ch in word):
                plain.setdefault("".join(readings(word)[0]), set()).add(word)
        self._by_word_spelling = {k: max(sorted(ws), key=self.general_freq) for k, ws in plain.items()}
        for word in sorted(self.terms | words | self._homophones | self._restorable | self._heard):
            if len(word) < 2 or not _HAN.search(word) or word in STOPWORDS or len(word) > 8:
                continue
            key = readings(word)[0]  # the word read as a phrase
            if len(key) != len(word):
                continue
            # Every reading of a word with heteronyms (流血: liu xie / liu xue), since a typed
            # homophone may follow either.
            for reading in readings(word):
                # of words that sound alike, a domain word, then the one Chinese uses most
                # (驾照 over the slip 架照 that the vocabulary also lists)
                held = self._by_pinyin.get(reading)
                if held is None or self._rank(word) > self._rank(held):
                    self._by_pinyin[reading] = word
                if word in self.terms:
                    self._by_fuzzy.setdefault(_fuzzy(reading), word)
            if word in self.terms:
                for pos, ch in enumerate(word):
                    self._by_len.setdefault((len(word), pos, ch), []).append(("".join(key), word))

    def repair_typos(self, text: str, strict: bool = True) -> str:
        """Replace a run of Han characters that sounds like a domain word (上派 → 上牌) with it.

        Strict (what matching reads): only domain words and emergency words are restored, and
        only where the slip is plausible (`_plausible`): exact homophones (救主基金 → 救助基金), the
        sounds keyboards confuse (视屏 → 视频), a near sound in a longer domain word. A span starts
        and ends on jieba's word boundaries, so a real word is never cut (公积金 keeps its 积金),
        unless jieba reads the repaired word whole and only characters it left alone change.

        Not strict (what the emergency check reads beside the text as typed, where a missed cry
        costs more than a misread word): also any word of the knowledge from an exact homophone,
        and a near sound in a two-character word (头灰 → 头盔).
        """
        if not self._by_pinyin:
            return text
        out = []
        for run in re.split(rf"([{_CJK}]+)", text):
            if run and _HAN.match(run):
                fixed = self._repaired.get((strict, run))
                if fixed is None:
                    fixed = self._repair_run(run, strict)
                    if len(self._repaired) >= REPAIR_CACHE:
                        self._repaired.clear()
                    self._repaired[(strict, run)] = fixed
                run = fixed
            out.append(run)
        return "".join(out)

    def _rank(self, word: str) -> tuple[bool, int]:
        return word in self._restored, self.general_freq(word)

    def _repair_run(self, run: str, strict: bool) -> str:
        syllables, cut, protected = self._analyse(run)
        if strict:
            return self._repair_pass(run, self._restored, True, syllables, cut, protected)
        # Domain words first, then any word of the knowledge: 没年简 is 没 + 年检, not 每年 + 简.
        # Most runs hold no slip: the second pass then reads the same text, so it reuses the
        # first pass's pinyin and cut instead of computing them again.
        fixed = self._repair_pass(run, self._domain, False, syllables, cut, protected)
        if fixed != run:
            syllables, cut, protected = self._analyse(fixed)
        return self._repair_pass(fixed, None, False, syllables, cut, protected)

    def _analyse(self, run: str) -> tuple[list[str], list[str], bytes]:
        """A run's pinyin, jieba's cut and its protected characters, worked out once for both
        repairs of a message (they only read them)."""
        got = self._analysed.get(run)
        if got is None:
            got = (lazy_pinyin(run, style=Style.NORMAL, errors="default"), self._tokenizer.lcut(run, HMM=False),
                   bytes(self._protected(run)))
            if len(self._analysed) >= REPAIR_CACHE:
                self._analysed.clear()
            self._analysed[run] = got
        return got

    def _protected(self, run: str) -> bytearray:
        """Non-zero at each character of a concept word in `run` (2 where one begins): a repair
        never changes one, wherever jieba's boundaries fall (三防是 is not 三方式); it may complete
        one (车管锁 → 车管所)."""
        kept = self._kept
        protected = bytearray(len(run))
        for i in range(len(run) - 1):
            for n in range(min(8, len(run) - i), 1, -1):
                if run[i:i + n] in kept:
                    protected[i:i + n] = b"\x02" + b"\x01" * (n - 1)  # 2: where the word begins
                    break
        return protected

    def _repair_pass(self, run: str, restore: frozenset[str] | None, strict: bool, syllables: list[str],
                     cut: list[str], protected: bytes) -> str:
        """One pass over `run`, given its pinyin `syllables`, jieba's `cut` and its `protected`
        characters, restoring the words of `restore` (None: any word of the knowledge)."""
        if len(syllables) != len(run):
            return run
        bounds = {0}
        loose = set()  # positions of characters jieba left on their own
        doubled: set[int] = set()  # positions in a doubled character (天天, 刚刚): a word form, never borrowed from
        pos = 0
        for token in cut:
            if len(token) == 1:
                loose.add(pos)
            elif len(token) == 2 and token[0] == token[1]:
                doubled.update((pos, pos + 1))
            pos += len(token)
            bounds.add(pos)
        if len(run) >= NOISE_RUN and len(loose) > len(run) * NOISE_SHARE:
            return run  # mostly characters jieba joins into no word: noise, not a question with a slip
        chars = list(run)
        domain = self._domain if restore is None else restore
        # each syllable's fuzzy sound once: the spans tried below overlap, up to 8 per character
        fuzzy = [_fuzzy_syllable(syl) for syl in syllables]
        i = 0
        while i < len(chars):
            step = 1
            for n in range(min(8, len(chars) - i), 1, -1):
                # A span across jieba's boundaries only for a domain word (新车上派: 车上|派 →
                # 上牌; 新过标有: 过|标有 → 新国标), and only where what it changes jieba left alone.
                bounded = i in bounds and i + n in bounds
                if not bounded and not strict:
                    continue
                piece = "".join(chars[i:i + n])
                if bounded and piece in domain:
                    step = n
                    break
                freq = self.general_freq(piece)
                word = exact = self._by_pinyin.get(tuple(syllables[i:i + n]))
                if word is not None and (freq >= COMMON_WORD or (freq and word not in self.terms)
                                         or (restore is not None and word not in restore
                                             and not (word in self._heard and freq <= NO_WORD))):
                    word = None  # 天气, 颠覆 are words of their own, not typos of 天起, 垫付
                if exact is None and not freq:
                    # Sound-alike slips (视屏 → 视频, 救助鸡金 → 救助基金) only where jieba sees no
                    # word at all; strictly, a near sound only in a longer word, whose other
                    # characters confirm it (车会 is no 车祸, 白车 no 卖车).
                    word = self._by_fuzzy.get(tuple(fuzzy[i:i + n]))
                    if word is None and (n >= 3 or not strict) and all(k in loose for k in range(i, i + n)):
                        word = self._near_word(piece, "".join(syllables[i:i + n]))
                if word is not None and not bounded and (word != exact or any(
                        word[k] != piece[k] and i + k not in loose for k in range(n))
                        or any(i + k in doubled for k in range(n))  # 天天骑着 is no 天天气着
                        or not self._cut_whole(chars, i, n, word)):
                    word = None
                # nor take a character of a concept word that goes on past the span (抛锚牌放多远:
                # 牌放 is no 排放, its 放 begins 放多远)
                # A curated term may change one inside it (临时拍照 → 临时牌照: 拍照 is a concept word,
                # the four characters are none; 视频快出, listed as typed, stays)
                if word is not None and word != piece and (word in self.terms and piece not in self._kept or not any(
                        protected[i + k] and word[k] != piece[k] for k in range(n))) and not (
                        i + n < len(chars) and protected[i + n] == 1 and protected[i + n - 1]
                        or protected[i] == 1 and i > 0) and (
                        not strict or self._plausible(piece, word)):
                    chars[i:i + n] = list(word)
                    step = n
                    break
            i += step
        return "".join(chars)

    def _cut_whole(self, chars: list[str], i: int, n: int, word: str) -> bool:
        """Across jieba's boundaries, a repair must be what jieba then reads: 新车上牌 cuts 新车|上牌,
        but 晚上牌得到 still cuts 晚上|牌 (晚上拍得到 had no slip)."""
        text = "".join(chars[:i]) + word + "".join(chars[i + n:])
        at = 0
        for token in self._tokenizer.lcut(text, HMM=False):
            if at == i:
                return len(token) == n
            if at > i:
                return False
            at += len(token)
        return False

    def _plausible(self, piece: str, word: str) -> bool:
        """Is `word` a likelier reading of `piece` than what was typed? At most half its characters
        changed, none of them grammar in a short word; a two-character word holds no grammar, and
        no common character is changed on the strength of a common one."""
        changed = [k for k in range(len(piece)) if piece[k] != word[k]]
        if len(changed) > len(piece) // 2:
            return False  # 小房车 is no slip of 消防车, 树倒 none of 疏导
        if len(piece) <= 3 and any(piece[k] in GRAMMAR_CHARS or word[k] in GRAMMAR_CHARS for k in changed):
            return False  # 在孩子 is no 载孩子, 被撞的 no 被撞得
        if len(piece) == 2:
            if any(ch in GRAMMAR_CHARS for ch in word):
                return False  # a verb and its particle (撞了, 逮着) is one character of meaning: too slight
            kept = [piece[k] for k in range(2) if k not in changed]
            if any(self.general_freq(piece[k]) >= COMMON_CHAR for k in changed) and not all(
                    self.general_freq(ch) < RARE_CHAR for ch in kept):
                return False
        return True

    def _near_word(self, piece: str, spelled: str) -> str | None:
        best = None
        seen = set()
        for key, word in (x for pos, ch in enumerate(piece) for x in self._by_len.get((len(piece), pos, ch), ())):
            if word in seen:
                continue
            seen.add(word)
            if abs(len(key) - len(spelled)) > 1:
                continue
            limit = 1 if len(piece) <= 3 else 2
            if Levenshtein.distance(key, spelled, score_cutoff=limit) <= limit:
                if best is not None and best != word:
                    return None  # two near words: guessing would be worse than not repairing
                best = word
        return best

    # -- segmentation ----------------------------------------------------------------------
    def segments(self, compact: str) -> list[str]:
        """The words of a text without spaces, as jieba cuts it for matching."""
        return self._tokenizer.lcut(compact, HMM=False)

    def tokens(self, canonical: str) -> list[Token]:
        out = []
        words = [w.strip() for w in self._tokenizer.lcut(canonical, HMM=False)]
        words = [w for w in words if w]
        seen_type = set()
        for i, word in enumerate(words):
            pair = word + words[i + 1] if i + 1 < len(words) else ""
            qtype = _QUESTION_TYPE.get(pair) if pair in _QUESTION_TYPE else _QUESTION_TYPE.get(word)
            if qtype is not None and qtype not in seen_type:
                seen_type.add(qtype)
                out.append(Token(qtype, True))
            content = word not in STOPWORDS and word not in _QUESTION_TYPE and (
                len(word) > 1 or bool(_HAN.match(word)) or word.isdigit())
            out.append(Token(word, content))
        return out

    def commonness(self, word: str) -> float:
        """How specific a word is in Chinese at large, 0..1+: 钱 and 情况 are everywhere, 头盔 is not.

        The knowledge is too small for its own word counts to tell a topic word from a common one
        (一共 appears in one entry only), so jieba's general frequencies temper them.
        """
        if word in self.terms:
            return TERM_BOOST
        if word.startswith("#"):
            return 0.5
        freq = self.general_freq(word)
        return 1.0 / (1.0 + math.log10(1.0 + freq / 1000.0))

    def has_word_outside(self, text: str, vocabulary_chars: frozenset[str]) -> bool:
        """True when `content_words(text)` surely holds a word outside a vocabulary, given
        `vocabulary_chars` (its words' characters and FUNCTION_CHARS): a Han character outside
        them is in such a word, and this is known without cutting the text."""
        return "#" not in text and any(ch not in vocabulary_chars and _HAN.match(ch) for ch in text)

    def content_words(self, canonical: str) -> list[str]:
        return [t.word for t in self.tokens(canonical) if t.content]

    def pinyin(self, text: str) -> str:
        return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="default"))


# The sounds pinyin keyboards are set to confuse ("fuzzy pinyin"): zh/z, ch/c, sh/s, n/l, and
# the final -ng. 视屏 (shi ping) for 视频 (shi pin) is the everyday slip.
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("l", "n"))
_FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


def _fuzzy(syllables) -> tuple[str, ...]:
    return tuple(_fuzzy_syllable(syl) for syl in syllables)


def _fuzzy_syllable(syl: str) -> str:
    for a, b in _FUZZY_INITIALS:
        if syl.startswith(a):
            syl = b + syl[len(a):]
            break
    for a, b in _FUZZY_FINALS:
        if syl.endswith(a):
            syl = syl[: -len(a)] + b
            break
    return syl


def _readings(word: str, by_char: dict[str, str] | None = None) -> list[tuple[str, ...]]:
    """The word read as a phrase (流血: liu xie) and character by character (liu xue): a typist
    picks characters by their everyday sound. Rare readings (受 as dao) are left out on purpose.
    `by_char`: characters' readings already known, filled as more are read."""
    phrase = tuple(lazy_pinyin(word, style=Style.NORMAL, errors="default"))
    by_char = {} if by_char is None else by_char
    for ch in word:
        if ch not in by_char:
            by_char[ch] = lazy_pinyin(ch, style=Style.NORMAL, errors="default")[0]
    chars = tuple(by_char[ch] for ch in word)
    return [phrase] if chars == phrase else [phrase, chars]


# pypinyin reads 长 as zhang in 多长, 长时间 (its phrase table: 多长 as "grow more"); a citizen asking
# 多长时间 spells it chang. Every other reading pypinyin lists (受 as dao, 承 as zheng, 给 as ji) would
# spell words no one means (dao hui read 受贿): only readings pypinyin misses in question words are here
_ALSO_SPELLED = {"长": "chang"}


def _spellings(word: str, readings: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """How a question typed wholly in pinyin may spell the word: its readings, and the same with
    a character of `_ALSO_SPELLED` spelled as citizens say it."""
    if not any(ch in _ALSO_SPELLED for ch in word):
        return readings
    said = tuple(_ALSO_SPELLED.get(ch, syllable) for ch, syllable in zip(word, readings[-1], strict=True))
    return readings if said in readings else [*readings, said]


def _alternation(mapping: dict[str, str]) -> re.Pattern | None:
    if not mapping:
        return None
    keys = sorted(mapping, key=len, reverse=True)
    # a Latin word is matched whole (plate is not inside template), a Chinese one anywhere
    return re.compile("|".join(("(?<![a-z])" if k[0].isascii() and k[0].isalpha() else "") + re.escape(k)
                               + ("(?![a-z])" if k[-1].isascii() and k[-1].isalpha() else "") for k in keys))


def _make_tokenizer(cache: Path) -> jieba.Tokenizer:
    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(cache)
    except OSError:
        # No writable cache: jieba still works, it just rebuilds its dictionary each start.
        tokenizer.tmp_dir = None
    if tokenizer.tmp_dir is None or not _read_jieba_cache(tokenizer, cache / JIEBA_CACHE):
        tokenizer.initialize()  # builds the dictionary (and writes the cache read above next time)
    return tokenizer


JIEBA_CACHE = "jieba.cache"  # the name jieba gives the cache of its shipped dictionary


def _read_jieba_cache(tokenizer: jieba.Tokenizer, path: Path) -> bool:
    """jieba's own cache of its shipped dictionary, read whole: jieba's `marshal.load(file)` reads
    the half-million words through the file object one by one (2-4 s here); `marshal.loads` of the
    bytes reads the same file in under a second. False when there is none or it is unreadable."""
    if tokenizer.dictionary != jieba.DEFAULT_DICT:
        return False
    try:
        freq, total = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return False  # none yet, or damaged: jieba rebuilds it
    if not isinstance(freq, dict) or not isinstance(total, int):
        return False
    tokenizer.FREQ, tokenizer.total = freq, total
    tokenizer.initialized = True
    return True


_UNTYPED = re.compile(r"[\s，,。.！!？?；;：:、~…]+")
_MOOD_END = re.compile("[呢啊呀哈嘞咧哇]+$")  # 修车费谁出呢 asks as 修车费谁出 does


def bare(normalized: str) -> str:
    """A normalised question as compared with another: no spaces, punctuation or closing mood
    particle. The own-question step and kb check's same-question report use it alike, so that
    what kb check calls one question is what reaches one entry."""
    return _MOOD_END.sub("", _UNTYPED.sub("", normalized))

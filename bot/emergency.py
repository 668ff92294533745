"""Is someone hurt or in danger now? Read by meaning, before any matching, from knowledge/emergency.yaml.

Three readings, in order:
1. What was typed is read as Chinese: Latin words from the staff's table (injured → 受伤) and pinyin
   syllables that spell a danger word with the characters beside them (shou伤 → 受伤, liuxue → 流血).
2. Danger by category (injury, bleeding, unconscious, trapped, fire, smoke/fuel, power lines,
   water, a person down or hit, death), each a lexicon staff can read. A denial (没人受伤) counts
   within its own clause only. Words that say a state a car can be in too (不动了, 没气了, 出不来)
   count only when said of a person: named before it with no thing between (the thing after 被
   is the agent: 孩子被车门夹住), named after 把 (把我家娃撞了, not 把我的车撞了), or, for a
   door or a wrecked car, said to be inside just after (车门打不开，我老婆在里面); a passive with no one named
   (过马路的时候被车撞了) befell the writer.
3. The time frame: danger talked about (a rule, the fund, a statistic, an 'if', the past, how to
   handle such an accident in general) is no emergency; danger said to be happening now is,
   whatever surrounds it. 'How do I handle it' is no question when harm is told in a clause after
   it (撞人了咋办，人一直喊疼) or it is pleaded again and again (怎么办 怎么办). A crash told and
   nothing asked (车祸 or 前面出车祸了 as the whole message, 车祸 快 东门路口) is a report: 122 first,
   in the crash reply, which also says what the law has the unhurt do (move aside, then settle).

The engine's typo repair may find a danger word the citizen did not type (留血 → 流血). It is
believed only where the typed characters are no common word nor part of one: 电动车上的牌子 is
no 伤的, 受理 no 受伤.
"""

from __future__ import annotations

import bisect
import itertools
import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from pypinyin import Style, pinyin
from pypinyin.pinyin_dict import pinyin_dict

from bot.asking import ASKING, EITHER, HEARD_ASKED, IF_ASKS, asks
from bot.knowledge import (
    ADDRESS_GROUP,
    CRUSHED_GROUP,
    HABIT_GROUP,
    HURRY_WHO_GROUP,
    LEAVE_GROUP,
    PLAIN_GROUPS,
    URGING_GROUP,
    WRECK_GROUP,
    WRITER_GROUP,
    DangerCategory,
    EmergencyRules,
    Frame,
)
from bot.pinyin import MAX_SYLLABLE, SPLITTABLE, SYLLABLES, fuzzy, split_syllables

MASK_BLANKS = 0x1800  # a mask is blanked to a private-use character of its own: no word of any list
# holds one, and two masks of one length stay apart (在里头 in a group is not 在外头)
NEGATION_WINDOW = 3  # characters before a harm word that may deny it: 没(有)(人)受伤
# What Chinese puts inside a two-character verb-object word (离合词): 流了好多血, 受了点伤,
# 淌了一地血, 流了一大片血. Not 的: 撞的人 is the one who hit, not someone hit.
_INSERTED = "了着很好多大一地身脸些点片摊滩满个半可老"
MAX_INSERTED = 4
# A message typed as fragments (被困 车里 进水了; 车门打不开 一车人) is one thought cut by spaces:
# when its fragments say nothing apart, they are read joined — all of them when all are short, else
# each short one with the piece it goes on from (柴油桶 | 漏了). Only short fragments join, so that
# sentences of their own are never run together.
FRAGMENT_CHARS = 6
FRAGMENTS_TOTAL = 40
# A piece ending so is a question asked whole, which the next fragment does not go on from
_SAID_WHOLE = tuple("吗呢吧嘛么")
# A fragment beginning with someone (or so) has its own subject: 倒车把我的车撞了 他跑了, 车被撞了 人跑了
_OWN_SUBJECT = tuple("他她我你它俺咱")
# A message typed with a space between every word (俺 问 一个事 撞了人 … 算 破坏 现场 不) is one
# sentence: its frame (算破坏现场不) is read in it joined, as well as in the pieces.
# (撞人了 人不说话 云中路 先干啥 扣分吗 is clauses, not words: their mean length says which)
WORDWISE_PIECES = 5
WORDWISE_CHARS = 4
WORDWISE_MEAN = 3.0
FIGURE_REACH = 8  # how far before a harm word a figure of speech (心都在, 气得) is looked for
FIGURE_GAP = 3  # what may stand between them: 排得我快死了, 心都在流血
MASK_REACH = 8  # how far around a danger word a mask holding it may begin or end (a built one: three times as far before)
REPEAT = 4  # how many times `<组>*` may say its group: 喊了|他|半天|也 不答应
LATIN_FIRST = "^"  # a `latin` phrase so marked is read only where it begins or ends its clause
GAP = 8  # how many characters `…` in a word stands for: 压在…底下 is 压在三轮车底下
# A word ending in a particle (伤了, 伤着, 伤到) is no verb-object word: 伤好了 is no 伤了.
_PARTICLES = "了着过到得"
# Work per message is capped: a story longer than this is read by its start and its end, where
# what happened and what is asked are told.
MAX_CHARS = 600
COMMON_CHAR = 100_000  # jieba count of a character that is a word in itself (上, 的, 了), never a slip
PERSON_REACH = 12
_GLUE_FRAMES = ("past", "hypothetical")  # time and 'if' words (上回, 去年, 万一); 才能骑 holds 能骑, asked
GLUED_FREQ = 1000  # how common a word must be (jieba's count: 晚上 5,770, 早上 1,211, 过去 in 过去年检) to hold a frame word's first character
RIDE_REACH = 6  # how far before a vehicle a counted ride may begin: 骑一辆电动车
LOOK_BACK = 2  # clauses naming no one that a state may look back across to whom it is said of
PERSON_AFTER_REACH = 5  # 撞了一个学生: the person within a few characters after the verb
PERSON_AFTER_TAIL = 5  # how far past that reach a person begun within it may run (骑电动车的)
_TRADE = re.compile(f"[^{'，'}的]{{1,3}}的(?=[被叫让给遭挨])")  # 修鞋的被撞了, 送快递的叫车碰了: a person by their work
# after a verb, 人家 begins the next sentence's subject as often as it names someone hit (被人撞了人家跑了)
_NOT_PERSON_AFTER = re.compile("人家|人行|人民")  # after a verb (撞了人家跑了), 人家 names no one hit, whatever follows
_NOT_PERSON = re.compile("人家(?:的|[车店门])|人行|人民")  # 撞到人家的车, 人家车: someone's car, not someone; 人家被撞了 is the other party
CLAUSE = "，"
# what `…` stands for: GAP characters, a word left in letters counting as one (停在zuizuobian车道:
# the pinyin the danger words did not take is no longer apart than the characters it spells);
# possessive, so that a long run of letters is never tried split
_GAP_SOURCE = f"(?:[a-z]++|[^{CLAUSE}a-z]){{0,{GAP}}}"
_HAN = re.compile(r"[\u3400-\u9fff]")
_UNREAD = re.compile("[a-z]{4,}")  # pinyin the danger words left unread: some words, of no known kind
_READ_THEN_UNREAD = re.compile(r"[\u3400-\u9fff]+[a-z]")  # characters, then unread pinyin right after them
_LATIN_RUN = re.compile(r"[a-z]+")
_PLACE = "里上内底下外旁边中前后头口道站库位场"  # 车里, 校门口, 车道: where a person is, not a thing that stopped
_EVENT = "祸"  # 出车祸 names an event, not a thing between the person and what befell them
_COMPLEMENT = "来去了着过住到出下上起开回子儿"
# what the person drives, leaves, mends or sets out is no thing that stopped: 孩子骑滑板车被撞了,
# 俺是跑大车的 (drives a truck for a living), 被我倒车碰倒了, 老公下车去放牌被撞了
_RIDES = "骑坐开推倒停下上修放摆拿跑"
# 门打不开，我老婆在里面, 撞得稀巴烂，人在里面: a door that will not open or a wrecked car, with
# someone said to be inside just after
# where in a car someone sits: 我妈还在后座, 他还在驾驶室
_SEATS = "后座|后排|前排|副驾驶|副驾|驾驶座|驾驶位|驾驶室|座位上"
_INSIDE = re.compile(f"(?:还|都|也)?在(?:车)?(?:里面|里头|里边|{_SEATS}|里|内|上面)")  # 她跟司机都在里头
INSIDE_REACH = 12
_SOMEONE_INSIDE_BEFORE = re.compile(
    "(?:车里|车内|车上|里面|里头|里边)(?:还|都)?有(?:个|一个|两个|几个|[一二两三四五六七八九几]个)?人|人(?:还|都)?[昏晕卡困躺趴压夹]?在(?:车)?(?:里面|里头|里边|车里|车上)")
# 挤扁了，里面有人 / 撞烂了 车里还有两个人 / 挤在护栏上，面包车里有人: the place first, then someone in it
_SOMEONE_INSIDE = re.compile("[了啊呀，]*(?:[^，]{0,3}车)?(?:里面|里头|里边|里|内|上)(?:还|都)?有(?:个|一个|两个|几个|好几个|[一二两三四五六七八九几]个)?人")
# the place inside named first, then who is there (里头娃娃在哭, 里面还有个老人)
_INSIDE_LEAD = re.compile("[了啊呀，]*(?:[^，]{0,3}车)?(?:里面|里头|里边|车里|车内)(?:的|(?:还|都)?有?(?:个|一个|两个|几个|好几个)?)")
_THING_OF = re.compile("座椅|座位|椅|的|玩具|用品")  # 孩子座椅, 孩子的书包: a thing for someone, not someone
_BLOWS = "撞压挤砸轧碾"  # what crushes a car: 撞扁了, 压变形了
_PASSIVE = ("被", "遭", "挨")  # a passive with no subject said (被车撞了, 遭车撞了) befell the writer
_RIDDEN = re.compile("[骑开坐推][一两这那]?[辆台部个]")  # 骑一辆电动车: the vehicle counted is still the one ridden
_AGENT = "被叫让给遭挨"  # 孩子被车门夹住: the thing after 被 is what did it, not what the state is of
_CRY = "，了啊呀啦快"  # what may stand around a one-character cry: 血啊 快
LEAVE_GAP = 8  # how far apart the two halves of a leave asked may be: 能…吗 is 能换个教练吗
LEAVE_TAIL = 3  # what may end the clause after it: 能换教练不啊
_FUNCTION = "的了得着地是在过到也都就还"  # beside a common character, these make no harm word: 上的, 上了
_DENIAL = "不没别"
WORD_CHAR = 1_000  # jieba count of a character that is a verb or noun of its own (懂), typed as meant beside a denial
_GRAMMAR = "的了着"  # never typed for a harm character (到 may be: 晕到了 is 晕倒了)
_COPULA = "是"  # typed as meant where a frame word would come of it: 我是后车 is no 事后
# A crash told and a clause of hurry alone (撞车了 快快, 追尾了 你们快点): the groups staff keep
# (刚出事, 催) and the category the reply names
CRASH_GROUP, HURRY_GROUP, CRASH_NOW = "刚出事", "催", "crash-now"
SCENE_GROUP = "出事地点"  # 前面出车祸了: where a crash told as the whole message happened
_REPORT_TAIL = "了啊呀啦吧哦喽"  # what may end a crash told: 车祸啦, 出事了呀
_WHO_FILL = "我你他她俺咱们的家那这个呢啊呀"  # what may stand beside the people a cut-off clause names: 我朋友他
# what makes a clause a question put to the one addressed (大哥 …还能增驾吗)
_ASKS = ("吗", "么", "呢", "?", "？", "啥", "什么", "甚", "怎么", "咋", "几", "多少", "哪", "能不能", "是不是", "有没有",
         "可不可以", "要不要", "会不会", "算不算", "还能")
# the one asking, named in a plea to be told (麻烦告诉我一下, 请教您): no one at a scene
_ASKING_WHO = ("告诉", "请教", "教教", "回复", "解答", "答复")
_REPORT_LEAD = "在刚又也们被"  # what may stand between who and where before it: 我们在路口撞车了, 我刚出车祸了
REPORT_LEAD = 4
BURNER_GROUP, BURNER_ADVERB_GROUP = "燃物", "燃副"  # 发动机那冒黑眼了: what burns, said right before
DIALECT_GROUP = "方言"  # pairs 咗=了: a dialect form and the Mandarin it says
_HURRY_TAIL = "啊呀啦吧了哦点些儿来过去"  # what ends a hurry: 快点儿, 快些来, 快过来啊
_BODY_STATES = ("bleeding", "unconscious", "severe", "immobile")  # dangers only a body is in: no 人没事 after them calms
# A state of no response (不动了, 没反应) is never the writer's own: whoever types is awake
# (wo bu dong le zenme ban is 我不懂了; 我爸不动了 stays danger)
_AWAKE = ("unconscious",)
_FRAMES_TYPED = ("fine",)  # frames read only as typed, never from a typo repair
_CONTRADICTED = re.compile("(?:没事|不要紧|没大事|没什么事|没啥事|没甚事)，?(?:可是|但是|可|但|却|结果)")
_REPORTED_THEN = ("general", "law")  # frames that a crash reported first, then harm told, outweighs

_WRITER_ADVERBS = "好像已经都也就又突然一下"
_COUNTED = ("有", "个", "一")  # 没有人, 没一个人: the person is what the denial counts
_DISPOSAL = "把"  # 把 names who is acted on: of_person words that begin with it name their person inside


URGENT = "urgent"  # Danger.category of a cry for help alone, no danger told


@dataclass(frozen=True)
class Danger:
    """What the check found: `kind` 'fire' (119 first) or 'harm' (122/120 first)."""

    kind: str
    category: str
    why: str
    reply: str


@dataclass(frozen=True)
class _Category:
    info: DangerCategory
    words: tuple[_Scan, ...]
    of_person: tuple[_Scan, ...]
    person_after: tuple[_Scan, ...]
    # words built from groups (<身体>…<伤状>), read on the text with the masks blanked (头盔 is no 头)
    composed: tuple[tuple[_Scan, str], ...] = ()
    needs: re.Pattern | None = None
    not_after: re.Pattern | None = None


@dataclass(frozen=True)
class Detector:
    """The rules compiled once per knowledge version."""

    rules: EmergencyRules
    categories: tuple[_Category, ...]
    urgent: tuple[str, ...]
    persons: re.Pattern | None
    people: re.Pattern | None  # persons without body parts: who may be named after 撞了
    things: re.Pattern | None
    latin: re.Pattern | None
    latin_map: dict[str, str]
    by_sound: dict[str, tuple[tuple[str, tuple[str, ...], int, int], ...]]  # latin spelling → words
    now: re.Pattern | None
    here: re.Pattern | None
    segment: Callable[[str], Sequence[str]] | None
    freq: Callable[[str], int] | None
    masks: re.Pattern | None = None
    now_again: re.Pattern | None = None
    # a lone syllable typed among characters (车zhao了): the characters it may be, each with the
    # danger words that hold it
    by_char_sound: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] | None = None
    by_fuzzy: dict[str, str] | None = None  # whole words by their syllables read fuzzily (zuangren: 撞人)
    figures: _Scan | None = None  # 心都在流血, 气得吐血: a harm word just after these is a figure of speech
    # harm words by the sound of their first character: each with the sounds of all its characters
    # (有人留学了 is heard as 有人流血了 where an accident was just told)
    heard: dict[tuple[str, str], tuple[tuple[str, tuple[frozenset[str], ...]], ...]] | None = None
    heard_chars: dict[str, frozenset[str]] | None = None  # every character's sounds that a heard word has
    accident: re.Pattern | None = None
    # two-character harm words by their first character, with the sounds of their second: an
    # opened word whose second character is a slip (流了好多雪 is 流了好多血)
    opened: dict[str, tuple[tuple[str, frozenset[str]], ...]] | None = None
    # a crash told (撞车了, 车祸) and a clause that only hurries (快快, 你们快点, 赶紧来人): a report
    # pleading for help, read as the category `CRASH_NOW`
    crash: re.Pattern | None = None
    hurry: re.Pattern | None = None
    crash_now: DangerCategory | None = None
    # every category's plain words as one tree: a message where none occurs (most questions) skips
    # the ~50 scans of them with one search
    any_plain: tuple[_Scan, ...] = ()
    # dialect forms read as the Mandarin they say before anything else (佢俾车撞咗: 他被车撞了)
    dialect: tuple[re.Pattern, dict[str, str]] | None = None
    # a two-character danger word spelled in pinyin whose syllables are far more often another
    # word (yisi: 意思, not 一死)
    shadowed: _Shadow | None = None
    # the plain staff groups (PLAIN_GROUPS), as built from knowledge/emergency.yaml
    habit: re.Pattern | None = None
    urging: re.Pattern | None = None
    crushed: tuple[str, ...] = ()
    wreck: tuple[str, ...] = ()  # 门, 窗, 安全带: with `crushed`, what shuts someone in
    leave: re.Pattern | None = None  # 救命 能换教练不: a clause ending in asking leave, so the cry is a sigh
    writer: re.Pattern | None = None  # the clause so far names only the one typing (我, 俺好像)
    # a clause that only tells a crash (车祸, 出车祸了, 前面撞车了, 撞了撞了)
    report: re.Pattern | None = None
    # the words of the frames (上个月, 去年, 保险 …) by their exact spelling: read in the syllables the
    # danger words leave (shang ge yue che zhao huo le: 上个月 车着火了), never taking theirs
    frame_sound: dict[str, str] | None = None
    address: frozenset[str] = frozenset()  # 大哥, 同志, 警官: a first clause that only addresses the one asked
    # a thing that burns (发动机, 车头 …) with its adverbs, ending where a heard fire or smoke word begins
    burner: re.Pattern | None = None
    # the negations (没, 无, 不是 …) by their exact spelling: mei before a danger word read from
    # Latin denies it as 没 does (meirenshoushang is 没人受伤)
    negation_sound: dict[str, str] | None = None
    latin_first: frozenset[str] = frozenset()  # Latin phrases read only at a clause's start or end (^help)
    # English words carrying no danger, dropped once the staff's table is read (his car broke down on the
    # expressway and he is still sitting in the middle lane: 抛锚 高速 他 还坐在车里 中间车道); none
    # a pinyin syllable may be
    fillers: re.Pattern | None = None
    # words of this moment a story of the past tells too (122没人接, 烟往楼道里窜): after a word of the
    # past, how it went then
    told_then: re.Pattern | None = None


def compile_rules(rules: EmergencyRules, text=None) -> Detector:
    """`text` (the engine's TextProcessor) gives word boundaries and how common a word is; it
    normalises the staff's words the way questions are."""
    norm = (lambda w: text.normalize(w).replace(" ", "")) if text is not None else (lambda w: w)

    def words(ws) -> tuple[str, ...]:
        # normalising drops punctuation: each side of a `…` is normalised apart
        return tuple(x for x in ("\u2026".join(norm(p) for p in w.split("\u2026")) for w in ws) if x.strip("\u2026"))

    groups = {name: words(ws) for name, ws in rules.groups}  # 车门…打不开 keeps its gap
    # Built words are read on the text with the masks blanked, so a group word holding a mask and
    # more (里头一个: the mask 里头 keeps 头 from being read as a head) is blanked the same way, or
    # it could never match; a group word that is a mask whole stays as written.
    plain_masks = sorted(words(w for w in rules.masks if "<" not in w and "\u2026" not in w), key=len, reverse=True)
    if plain_masks:
        hidden = re.compile("|".join(map(re.escape, plain_masks)))
        groups = {name: tuple(hidden.sub(lambda m: _blank(m.group()), w) if w not in plain_masks else w
                              for w in ws) for name, ws in groups.items()}
    groups.setdefault("人", words(rules.persons))  # <人>: anyone the persons list names

    def composed(ws) -> _Scan | None:
        # longer words first: at one position only the first alternative that matches is taken, and
        # <刚出事>快 must not hide <刚出事>快点 (车祸了快点: 快 alone runs into 快点, a word of its own)
        built = sorted(((w, x) for w, x in ((w, _composed(w, groups, norm)) for w in ws if "<" in w) if x),
                       key=lambda wx: -len(wx[0]))
        if not built:
            return None
        firsts = [_first_chars(w, groups, norm) for w, _ in built]
        known = [f for f in firsts if f is not None]
        return _Scan(re.compile("(?=(" + "|".join(x for _, x in built) + "))"), grouped=False,
                     firsts=frozenset().union(*known) if len(known) == len(firsts) else None)

    def group(name: str) -> re.Pattern | None:
        # 车流|车里有人: a word of either; 车里有人&刚出事: a word of each, anywhere in the text
        if not name:
            return None
        each = [_alternation(_group_words(part, groups)) for part in name.split("&")]
        if any(p is None for p in each):
            return None
        if len(each) == 1:
            return each[0]
        return re.compile("^" + "".join(f"(?=[\\s\\S]*?(?:{p.pattern}))" for p in each if p is not None))

    def plain(ws) -> tuple[str, ...]:
        return words(w for w in ws if "<" not in w)

    cats = tuple(_Category(c, _scans(plain(c.words)), _scans(plain(c.of_person)), _scans(plain(c.person_after)),
                           tuple((p, mode) for p, mode in ((composed(c.words), ""), (composed(c.of_person), "before"),
                                                            (composed(c.person_after), "after")) if p is not None),
                           group(c.needs), group(c.not_after))
                 for c in rules.categories)
    # Spaces inside a phrase are optional: normalising may have dropped one (hit bya car). A phrase
    # written ^help is read only where it begins or ends its clause: a cry (help, my friend is hurt;
    # we crashed help), not the verb inside a sentence (how many families did the fund help in 2024).
    spelled = [(k.startswith(LATIN_FIRST), k.lower().lstrip(LATIN_FIRST).split(), v) for k, v in rules.latin]
    latin_map = {"".join(ws): v for _, ws, v in spelled}
    latin_first = frozenset("".join(ws) for first, ws, _ in spelled if first)
    phrases = sorted({" ".join(ws) for _, ws, _ in spelled}, key=len, reverse=True)
    latin = (re.compile(r"(?<![a-z])(" + "|".join(r"\s*".join(map(re.escape, k.split())) for k in phrases)
                        # normalising may glue an article on (bleedinga lot): the word still ends there
                        + r")(?=(?:a|an|the)?(?![a-z]))") if phrases else None)
    sound: dict[str, list] = {}
    by_char: dict[str, dict[str, set[str]]] = {}
    for w in {p for c in rules.categories for x in c.words + c.of_person if "<" not in x for p in x.split("…")}:
        if len(w) >= 2 and all(_HAN.match(ch) for ch in w):
            for ch in set(w):
                for r in pinyin(ch, style=Style.NORMAL, heteronym=True)[0]:
                    by_char.setdefault(r, {}).setdefault(ch, set()).add(w)
    plainly = {x for c in rules.categories for x in c.words + c.of_person if "<" not in x and "\u2026" not in x}
    spoken = set(plainly)
    # a crash told and a cry to hurry, typed in pinyin too (che huo le kuai lai: 车祸了快来)
    spoken |= {x for x in rules.accident + groups.get(CRASH_GROUP, ()) + groups.get(HURRY_GROUP, ()) if "\u2026" not in x}
    # the words of the groups a category is built from, typed in pinyin too (gaosu … ting zai
    # zhongjian chedao: 高速 … 停在 中间车道): a built word is read from them as from characters
    built_from = {n for c in rules.categories for x in (*c.words, *c.of_person, *c.person_after, f"<{c.needs}>")
                  for name in re.findall(r"<([^<>]+)>", x) for n in re.split(r"[|&]", name)}
    # (spelled exactly: read fuzzily, their many short words would take the syllables of others)
    from_groups = {w for n in built_from for w in groups.get(n, ()) if "\u2026" not in w} - spoken
    spoken |= from_groups
    # a scene told as it is now, typed in pinyin too (you ren shoushang zuo zai lu bian: 坐在路边);
    # the longer words only: 对方, 人家 spelled are as often something else
    spoken |= {w for w in rules.here if len(w) >= 3 and "\u2026" not in w}
    # harm told as going on, typed in pinyin too (tou shang yizhi liu xue: 一直流血, not 一直流 and
    # a syllable left over): the long ones holding a harm word (里面有人 spelled is as often a film's)
    harm = {x for x in plainly if len(x) >= 2}
    spoken |= {w for w in rules.now if len(w) >= 4 and "\u2026" not in w and any(x in w for x in harm)}
    # a call to 122 or 120 that no one answers, typed in pinyin too (dale 122 mei ren jie: 122…没人接);
    # only these words of the moment: 里面有人 spelled is as often a film's scene
    spoken |= {p for w in rules.now_told_then if any(ch.isdigit() for ch in w) for p in re.split(r"[\d\u2026]+", w)
               if len(p) >= 3 and all(_HAN.match(ch) for ch in p)}
    # who it befell, typed in pinyin too (haizi bei che ya zhu le: 孩子 …), for the of_person words
    usual: dict[str, set[tuple[str, ...]]] = {}  # each word's usual readings, worked out once
    for w in sorted(spoken | set(rules.urgent) | set(rules.persons)):  # sorted: the hash seed never orders a spelling's words
        # 伤了 is spelled shang le, as is 上了: a two-character word with a particle is not read from
        # pinyin; 不动了 (bu dong le) is no other word
        if not (2 <= len(w) <= MAX_SPOKEN) or not all(_HAN.match(ch) for ch in w) or (
                len(w) == 2 and any(p in w for p in _PARTICLES)):
            continue
        usual[w] = _usual_readings(w)
        # a group's word by its usual readings only (味儿 is no mei ren, 伤号 no shang xiao)
        for reading in (usual[w] if w in from_groups else _readings(w)):
            for i in range(len(w)):
                for j in range(i + 1, len(w) + 1):
                    sound.setdefault("".join(reading[i:j]), []).append((w, reading, i, j))
    heard = _by_sound(rules)
    freq = getattr(text, "general_freq", None)
    # the dialect group's entries are pairs, 咗=了: read raw, since normalising drops the '='
    # 嘞=的/了: read as 的 inside a clause (骑车嘞人), as 了 at its end (车着嘞)
    said = dict((norm(k), "/".join(norm(x) for x in v.split("/")))
                for k, v in (w.split("=", 1) for n, ws in rules.groups if n == DIALECT_GROUP
                             for w in ws if "=" in w))
    said = {k: v for k, v in said.items() if k}
    dialect = (re.compile("|".join(map(re.escape, sorted(said, key=len, reverse=True)))), said) if said else None
    crash = [p for p in (_phrases(words(rules.accident)), group(CRASH_GROUP)) if p is not None]
    hurry = groups.get(HURRY_GROUP, ())
    plain_group = {n: ws for n, ws in rules.groups if n in PLAIN_GROUPS}  # raw: these are read as typed
    habit = "|".join(map(re.escape, plain_group.get(HABIT_GROUP, ())))
    urging = "|".join(map(re.escape, plain_group.get(URGING_GROUP, ())))
    who = "|".join(map(re.escape, plain_group.get(HURRY_WHO_GROUP, ())))
    writer = "|".join(map(re.escape, plain_group.get(WRITER_GROUP, ())))
    # 能…吗: the halves of a leave asked, as far apart as LEAVE_GAP
    leave = "|".join(f"[^{CLAUSE}]{{1,{LEAVE_GAP}}}".join(map(re.escape, w.split("\u2026")))
                     for w in sorted(plain_group.get(LEAVE_GROUP, ()), key=len, reverse=True))
    return Detector(
        rules, cats, words(rules.urgent), _alternation(words(rules.persons + rules.body)),
        _alternation(words(rules.persons)),
        _alternation(words(rules.things)), latin, latin_map,
        {k: tuple(v) for k, v in sound.items()}, _phrases(words(rules.now + rules.now_told_then)), _phrases(words(rules.here)),
        getattr(text, "segments", None), getattr(text, "general_freq", None),
        _masks([w for w in rules.masks if "<" in w], words(w for w in rules.masks if "<" not in w), groups, norm), _alternation(words(rules.now_again)),
        {r: tuple((ch, tuple(sorted(ws))) for ch, ws in chars.items()) for r, chars in by_char.items()},
        # read fuzzily by its usual readings only: 见 is xian too, but xiang … xue is no 见血
        {"".join(fuzzy(x) for x in reading): w for spelled, found in sound.items() for w, reading, i, j in found
         if i == 0 and j == len(reading) and w not in from_groups and reading in usual[w]},
        _scan(words(rules.figures)), *heard, _phrases(words(rules.accident)), _opened_words(heard[0]),
        re.compile("|".join(p.pattern for p in crash)) if crash else None,
        re.compile("(?:" + (f"(?:{who})?" if who else "") + "(?:" + _tree([(tuple(map(re.escape, w)), len(w)) for w in set(hurry)])
                   + f")[{_HURRY_TAIL}]*)+") if hurry else None,
        next((c for c in rules.categories if c.id == CRASH_NOW), None),
        _scans(plain(w for c in rules.categories for w in c.words + c.of_person + c.person_after)), dialect,
        _Shadow(freq) if freq is not None else None,
        # 老撞人, 老有车撞人: what keeps happening there, its doer told between
        re.compile(f"(?:{habit})(?:有[^{CLAUSE}]{{0,2}})?$") if habit else None, re.compile(f"^(?:{urging})+") if urging else None,
        tuple(plain_group.get(CRUSHED_GROUP, ())), tuple(plain_group.get(WRECK_GROUP, ())),
        re.compile(f"(?:{leave})[^{CLAUSE}]{{0,{LEAVE_TAIL}}}$") if leave else None,
        re.compile(f"(?:{writer})[{_WRITER_ADVERBS}]{{0,3}}$") if writer else None,
        _report(groups.get(CRASH_GROUP, ()), groups.get(SCENE_GROUP, ()) + groups["人"]),
        # the words saying 'now' again after a story (xian zai you bei zhuang le) are read as frames are
        _frame_sound(rules.not_now + rules.now_again), frozenset(norm(w) for w in plain_group.get(ADDRESS_GROUP, ())),
        _burner(groups.get(BURNER_GROUP, ()), groups.get(BURNER_ADVERB_GROUP, ())),
        _negation_sound(rules.negations), latin_first, _fillers(rules.latin_fillers), _phrases(words(rules.now_told_then)))


def _fillers(words: Sequence[str]) -> re.Pattern | None:
    kept = sorted({w.lower() for w in words if w.isascii() and w.isalpha() and w.lower() not in SPLITTABLE},
                  key=len, reverse=True)
    return re.compile(r"(?:(?<![a-z])(?:" + "|".join(kept) + r")(?![a-z]) ?)+") if kept else None


def _unfilled(m: re.Match, detector: Detector) -> str:
    """Fillers dropped; where the words they stood between would run into each other (fire on the
    car: 着火 车, read 着|火车), the two are kept apart as clauses."""
    before = m.string[:m.start()].rstrip(" ")[-3:]
    after = m.string[m.end():].lstrip(" ")[:3]
    if detector.segment is None or not before or not after or not _HAN.match(before[-1]) or not _HAN.match(after[0]):
        return ""
    if any(n in before for n in detector.rules.negations):
        return ""  # no one is hurt: 没人 runs into 受伤, and the denial of it is what was said
    return "" if _splits_at(before + after, len(before), detector.segment) else CLAUSE


def _burner(things: Sequence[str], adverbs: Sequence[str]) -> re.Pattern | None:
    if not things:
        return None
    burns = "|".join(map(re.escape, sorted(things, key=len, reverse=True)))
    how = "|".join(map(re.escape, sorted(adverbs, key=len, reverse=True)))
    return re.compile(f"(?:{burns})(?:{how})?$" if how else f"(?:{burns})$")


def _frame_sound(words: Sequence[str]) -> dict[str, str] | None:
    """Frame words of two characters or more, by each exact spelling (no two-character word with a
    particle ending: 好了 is spelled as 号了 is; 已经好了 says enough before its particle). Only the
    usual spellings: a rare reading of a character (登 as de) would read 的路 (de lu) as 登录, and a
    frame read by mistake hides danger."""
    out: dict[str, str] = {}
    for w in sorted(words):
        if 2 <= len(w) <= MAX_SPOKEN and all(_HAN.match(ch) for ch in w) and (w[-1] not in _PARTICLES or len(w) > 3):
            for reading in _usual_readings(w):
                out.setdefault("".join(reading), w)
    return out or None


def _negation_sound(words: Sequence[str]) -> dict[str, str] | None:
    """Negations by each usual spelling, one character or more (没 mei, 不是 bu shi)."""
    out: dict[str, str] = {}
    for w in sorted(words, key=len):
        if 1 <= len(w) <= MAX_SPOKEN and all(_HAN.match(ch) for ch in w):
            for reading in _usual_readings(w):
                out.setdefault("".join(reading), w)
    return out or None


def _denied(pieces: list[str], sounds: dict[str, str] | None) -> list[str]:
    """A negation spelled in the Latin pieces just before a danger word read from Latin, at most one
    piece apart (mei ren 受伤 → 没ren受伤), is read as the negation: the word is denied, as typed in
    characters."""
    if not sounds:
        return pieces
    out = list(pieces)
    for i, piece in enumerate(pieces):
        if piece.isascii():
            continue
        for end in (i, i - 1):
            if end < 1 or not all(p.isascii() for p in pieces[end - 1:i]):
                continue
            n = next((n for n in (2, 1) if end >= n and "".join(pieces[end - n:end]) in sounds
                      and pieces[end - n - 1:end - n] != pieces[end - n:end - n + 1]
                      and pieces[end - 1] != pieces[end]), 0)  # meimei: 妹妹, no 没
            if n:
                out[end - n:end] = [sounds["".join(pieces[end - n:end])]] + [""] * (n - 1)
                break
    return [p for p in out if p]


def _report(crashes: Sequence[str], before: Sequence[str]) -> re.Pattern | None:
    """A clause that tells a crash and nothing else: who and where before it (我爸, 前面, 我们在路口),
    a particle after (车祸啦), the crash cried again (撞了撞了)."""
    if not crashes:
        return None
    lead = f"(?:{_tree([(tuple(map(re.escape, w)), len(w)) for w in set(before)])}|[{_REPORT_LEAD}])" if before else ""
    crash = _tree([(tuple(map(re.escape, w)), len(w)) for w in set(crashes)])
    return re.compile(f"{lead}{{0,{REPORT_LEAD}}}(?:(?:{crash})[{_REPORT_TAIL}]*)+" if lead else
                      f"(?:(?:{crash})[{_REPORT_TAIL}]*)+")


# -- hearing a harm word typed as another word ---------------------------------------------------
# Pinyin input offers every word of a sound: 流血 comes out 留学, 呼吸 乎吸. Such a slip is heard
# by its sound only where the message itself says harm is meant: an accident told as just
# happened (撞车了), the word told of a person as what befell them (有人留学了), and the heard word
# ending its clause. Without an accident told, a word is heard only where the typed characters
# are no common word (他不乎吸了, 腿古哲了). 血型, 留学, 受理 and 上的 stay what they are wherever no
# accident was told.
_TONELESS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")
HEARD_CHARS = (2, 4)
HEARD_WHOLE = 4  # a harm word heard whole this long needs no one named: 刘雪不止 is 流血不止
HEARD_ALONE = 3  # cries for help heard by sound are this long at least: 救命 alone sounds like too much
# what the verb did to the person, told right after it (人被装飞了: 撞飞): the passive's shape still
_RESULT = "飞倒翻伤死"
_TOLD = "了啊呀啦吧哦喽咯快"  # what may end a clause after the harm it tells (车起伙了 快: a cry to hurry)


# A two-syllable spelling is read as a danger word that Chinese at large never writes as a word
# of its own (一死, 有血: 0 in jieba's count), or seldom, only where its syllables are no common word: yisi is
# 意思 (6,089), youxie 有些. A word of its own stays read (liuxue: 流血 788 as well as 留学 1,026;
# da ren le: 打人 as well as 大人), where the message around it says harm.
SHADOW_MIN = 500  # the other word must be a common one
# A word of its own that the other outnumbers this many times is shadowed too: nadao is 拿到 (1,464),
# not 拿刀 (3); 打人 (338) stays read beside 大人 (3,573)
SHADOW_RATIO = 15
SHADOW_CHAR = 2000  # the characters tried for the other word: those common enough to build one
LEADING_TAGS = ("d", "p", "c")  # jieba's adverb, preposition, conjunction: words that lead on to another


class _Shadow:
    """Whether a two-character danger word spelled by these syllables is a fragment whose spelling
    is a common word (yisi: 意思, not 一死). Worked out on first use, for the spellings asked about
    only: most messages hold no pinyin, and the engine is built often. A class, not a closure, so
    that the engine cache can store it."""

    def __init__(self, freq: Callable[[str], int]):
        self.freq = freq
        self.chars: dict[str, list[str]] = {}
        self.known: dict[tuple[str, str, str], bool] = {}
        self.others: dict[tuple[str, str, str], int] = {}
        self.commonest: dict[tuple[str, str, str], str] = {}

    def __call__(self, word: str, syllables: Sequence[str]) -> bool:
        if len(word) != 2 or len(syllables) != 2:
            return False
        freq = self.freq
        key = (word, syllables[0], syllables[1])
        if key not in self.known:
            other = self.other(word, syllables)
            # spelled by a rare reading of its characters (xu ke: 休 is xiu), any common word spelled
            # so is what was meant (许可)
            said = _usual_readings(word)
            usual = tuple(syllables) in said | {tuple(map(fuzzy, r)) for r in said}
            self.known[key] = other >= SHADOW_MIN and (freq(word) * SHADOW_RATIO <= other or not usual)
        return self.known[key]

    def other(self, word: str, syllables: Sequence[str]) -> int:
        """How often the commonest two-character word these two syllables spell, `word` aside, occurs."""
        key = (word, syllables[0], syllables[1])
        if key not in self.others:
            freq, chars = self.freq, self.chars
            if not chars:
                for code, readings in pinyin_dict.items():
                    if code <= 0xFFFF and freq(chr(code)) >= SHADOW_CHAR:
                        for r in readings.translate(_TONELESS).split(","):
                            chars.setdefault(r, []).append(chr(code))
            self.others[key], self.commonest[key] = max(
                ((freq(a + b), a + b) for a in chars.get(syllables[0], ()) for b in chars.get(syllables[1], ())
                 if a + b != word), default=(0, ""))
        return self.others[key]

    def leads_on(self, word: str, syllables: Sequence[str]) -> bool:
        """Whether the common word these syllables spell is one that never ends a clause: an
        adverb, preposition or conjunction (yi gu jiao wei, at a clause's end, is 一股焦味: 较为
        needs a word after it). Tags are read only here, for pinyin at a clause's end."""
        self.other(word, syllables)
        # imported here: its table costs 0.3 s and 30 MB, for the rare message that needs it
        import jieba.posseg
        tags = jieba.posseg.dt.word_tag_tab
        return tags.get(self.commonest[(word, syllables[0], syllables[1])], "")[:1] in LEADING_TAGS

    def outspoken(self, word: str, closing: str, syllables: Sequence[str]) -> bool:
        """A danger word opened up (在……烧) that Chinese seldom writes as a word of its own, unlike
        流血, whose closing syllable and the one before it spell a common word (duo shao: 多少), by
        the rule applied to a word typed whole."""
        other = self.other(closing, syllables)
        return other >= SHADOW_MIN and self.freq(word) * SHADOW_RATIO <= other


def _heard_as(syllable: str) -> str:
    """A syllable as many speakers say it: zh/ch/sh as z/c/s, -ng as -n, n as l (流 and 牛)."""
    return re.sub(r"^n", "l", fuzzy(syllable))


def _sound(ch: str) -> frozenset[str]:
    readings = pinyin_dict.get(ord(ch))
    if not readings:
        return frozenset()
    return frozenset(_HEARD_SYLLABLE.get(r, r) for r in readings.translate(_TONELESS).split(","))


def _by_sound(rules: EmergencyRules) -> tuple[dict, dict[str, frozenset[str]]]:
    """The harm words staff listed (plain ones: no group, no gap, no ending particle, which 上了 and
    伤了 share), by the sounds of their first two characters; and, for every character, those of
    its sounds that some such word has, so a message is read by table look-ups alone."""
    index: dict[tuple[str, str], list[tuple[str, tuple[frozenset[str], ...]]]] = {}
    # cries for help too (快叫就护车)
    cries = {w for w in rules.urgent if len(w) >= HEARD_ALONE}
    wanted: set[str] = set()
    # of_person words too (有人死网了): heard only of a person named just before, as every heard word.
    # A word ending in a particle is heard when it is longer than the particle and one character
    # (人似了 is 人死了; 上了 stays 上了, never 伤了)
    for w in sorted({w for c in rules.categories for w in c.words + c.of_person} | cries):
        if not (HEARD_CHARS[0] <= len(w) <= HEARD_CHARS[1] or w in cries) or not all(_HAN.match(ch) for ch in w) \
                or w[-1] in _PARTICLES and len(w) <= 2:
            continue
        sounds = tuple(_sound(ch) for ch in w)
        wanted.update(*sounds)
        for pair in itertools.product(sounds[0], sounds[1]):
            index.setdefault(pair, []).append((w, sounds))
    chars, by_readings = {}, {}  # many characters share one reading: each reading is read once
    for code, readings in pinyin_dict.items():
        if code > 0xFFFF:
            continue  # what pinyin input offers lies in the basic plane
        if readings not in by_readings:
            by_readings[readings] = frozenset(
                _HEARD_SYLLABLE.get(r, r) for r in readings.translate(_TONELESS).split(",")) & wanted
        if by_readings[readings]:
            chars[chr(code)] = by_readings[readings]
    return {k: tuple(v) for k, v in index.items()}, chars


def _heard_words(text: str, detector: Detector) -> list[tuple[int, int, str]]:
    """Where the text sounds like a harm word it does not spell: (start, end, the word heard)."""
    if not detector.heard or not detector.heard_chars:
        return []
    sound = detector.heard_chars.get
    out, i, size = [], 0, len(text)
    while i < size - 1:
        best, best_key = "", (0, 0)
        first, second = sound(text[i]), sound(text[i + 1])
        if first and second:
            for pair in itertools.product(first, second):
                for w, ws in detector.heard.get(pair, ()):
                    n = len(w)
                    if i + n > size or text[i:i + n] == w:
                        continue
                    # the longest; of equal lengths the one keeping more of what was typed (壮到人:
                    # 撞到人, not 撞倒人), then the smaller word, so the hash seed never chooses
                    key = (n, _kept(text, i, w))
                    if (key > best_key or key == best_key and w < best) \
                            and all(ws[k] & (sound(text[i + k]) or _NO_SOUND) for k in range(2, n)):
                        best, best_key = w, key
        if best:
            out.append((i, i + len(best), best))
            i += len(best)
        else:
            i += 1
    return out


def _kept(text: str, at: int, word: str) -> int:
    """How many of `word`'s characters were typed as they are, from `at`."""
    return sum(a == b for a, b in zip(text[at:at + len(word)], word, strict=False))


def _opened_words(heard: dict) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    out: dict[str, set[tuple[str, frozenset[str]]]] = {}
    for entries in heard.values():
        for w, sounds in entries:
            if len(w) == 2:
                out.setdefault(w[0], set()).add((w, sounds[1]))
    return {k: tuple(sorted(v, key=lambda x: x[0])) for k, v in out.items()}


def _opened_slips(text: str, detector: Detector) -> list[tuple[int, int, str]]:
    """An opened verb-object word whose last character is a slip of sound (流了好多雪): the span
    read with the harm character in its place, as long as what was typed."""
    if not detector.opened or not detector.heard_chars:
        return []
    out = []
    for i, ch in enumerate(text):
        for w, second in detector.opened.get(ch, ()):
            j = i + 1
            while j < len(text) and j - i - 1 < MAX_INSERTED and text[j] in _INSERTED:
                j += 1
            if j == i + 1 or j >= len(text) or text[j] == w[1] or text[j] in _GRAMMAR:
                continue
            if second & detector.heard_chars.get(text[j], _NO_SOUND) and not _in_word(text, j, detector):
                out.append((i, j + 1, text[i:j] + w[1]))
                break
    return out


def _in_word(text: str, at: int, detector: Detector) -> bool:
    """The character at `at` is typed inside a word of two or more characters, as the text
    segments (刮了一道: 一道 is a scratch, no slip of 倒; 受理 is no slip of 受伤)."""
    if detector.segment is None or detector.freq is None:
        return False
    pos = 0
    for token in detector.segment(text.replace(CLAUSE, " ")):
        if pos <= at < pos + len(token):
            return len(token) >= 2 and detector.freq(token) > 0
        pos += len(token)
    return False


_NO_SOUND: frozenset[str] = frozenset()
_ADVERBS = "也都还又在已经一直好像是快要"  # 他也留学了 is 他也流血了; 对方说去留学了 tells of no harm


def _next_to_person(text: str, start: int, detector: Detector) -> bool:
    """The heard word follows the one it befell, only adverbs between: 有人留学了, 他不乎吸了."""
    lo = text.rfind(CLAUSE, 0, start) + 1
    ends = [m.end() for m in detector.persons.finditer(text, lo, start)] if detector.persons else []
    return bool(ends) and all(ch in _ADVERBS for ch in text[ends[-1]:start])


def _aspect_of_common_verb(raw: str, start: int, word: str, detector: Detector) -> bool:
    """有人上了 is someone getting on, not 有人伤了: a heard word ending in a particle whose changed
    character is a common one (上, 是, 时) is that verb with its particle, typed as meant."""
    if word[-1] not in _PARTICLES or detector.freq is None:
        return False
    return any(raw[i] != word[i - start] and detector.freq(raw[i]) >= COMMON_CHAR
               for i in range(start, start + len(word)))


def _names_person(text: str, start: int, end: int, detector: Detector) -> bool:
    """The heard word begins with the one it befell (人死了, 有人伤了), or ends with them (撞到人)."""
    at = start + 1 if text.startswith("有", start) else start
    return detector.people is not None and ((m := detector.people.match(text, at)) is not None and m.end() < end
                                            or any(m.end() == end and m.start() > start for m in detector.people.finditer(text, start, end)))


def _clause_end(text: str, at: int) -> int:
    end = text.find(CLAUSE, at)
    return len(text) if end == -1 else end


def _heard_cry(raw: str, found: list[tuple[int, int, str]], detector: Detector) -> str | None:
    """A cry for help typed as other words (快叫就护车), or a clause that is only a cry once heard
    (被鸭住了: 被压住了), where the typed characters are no common word."""
    rules = detector.rules
    for s, e, w in found:
        heard = raw[:s] + w + raw[e:]
        if not _typed(raw, heard, s, e, detector):
            continue
        if w in detector.urgent:
            return w
        cry = _cry(heard[heard.rfind(CLAUSE, 0, s) + 1:_clause_end(heard, s)], detector.urging)
        if cry in rules.alone or cry in rules.alone_fire:
            return cry
    return None


def _heard_hits(raw: str, found: list[tuple[int, int, str]], detector: Detector, seen: set[str]) -> list[_Hit]:
    """Harm words heard by their sound (有人留学了 after 撞车了), where the message says harm is meant."""
    # the harm must be what its clause tells (撞车了 有人留学了, not 留学生): looked at first, as it is cheap
    accident = detector.accident is not None and detector.accident.search(raw) is not None
    # after an accident told, a frightened question ends the harm too (撞车了 人似了吗)
    told = _TOLD + "吗么" if accident else _TOLD
    found = [(s, e, w) for s, e, w in found if not raw[e:_clause_end(raw, e)].strip(told)
             and not _aspect_of_common_verb(raw, s, w, detector)]
    if not found:
        return []
    chars = list(raw)
    for s, e, w in found:
        chars[s:e] = w
    heard = "".join(chars)
    out = []
    for h in _hits(heard, detector):
        span = next(((s, e) for s, e, _ in found if s < h.end and h.start < e), None)
        if h.category.id in seen or span is None:
            continue
        if heard[h.end:_clause_end(heard, h.end)].strip(told):
            continue
        if h.category.first == "119":
            # a fire or a leak is said of the car, with no one named: heard only where the typed
            # characters are no common word (车起伙了, not 撞车了 是我楼友)
            if not _typed(raw, heard, h.start, h.end, detector) and not (
                    detector.burner is not None and _same_sound(raw, heard, h.start, h.end)
                    and detector.burner.search(heard, heard.rfind(CLAUSE, 0, h.start) + 1, h.start)):
                # (发动机那冒黑眼了: a slip that is a word of its own, 黑眼, said right after the
                # engine it comes from, every sound exact)
                continue
        elif not (span[1] - span[0] >= HEARD_WHOLE and _same_sound(raw, heard, span[0], span[1])) and (
                not (_of_person(heard, h.start, detector) and _next_to_person(heard, h.start, detector)
                     or _names_person(heard, h.start, h.end, detector)) or not (
                accident or _typed(raw, heard, h.start, h.end, detector) and _same_sound(raw, heard, h.start, h.end)
                or _on_body(heard, span[0], detector) and _same_sound(raw, heard, span[0], span[1]))):
            continue  # harm of someone named just before it, or in it (人似了: 人死了), or a long word heard
            # whole, every sound exact (刘雪不止: 流血不止); a near sound (撞衫, shan for shang) only
            # after an accident told
        out.append(h)
        seen.add(h.category.id)
    return out


BODY_REACH = 4  # characters between 头上 and the word heard on it (头上一直在留学: 流血)


def _on_body(text: str, start: int, detector: Detector) -> bool:
    """A part of the body named on, just before, in the same clause (他头上一直在留学), or the body
    part itself with at most adverbs between (头留雪): what is heard there happens to a body, every
    sound exact, whatever the typed word means elsewhere."""
    window = text[max(0, start - BODY_REACH - 2):start]
    window = window[window.rfind(CLAUSE) + 1:]
    if any(f"{b}上" in window for b in detector.rules.body):
        return True
    near = window.rstrip(_ADVERBS)
    end = start - (len(window) - len(near))
    # the body part no piece of a word staff listed as no body (钟头没歇: 钟头, like 码头, 枕头)
    return any(near.endswith(b) and not _glued(text, end - len(b), detector) for b in detector.rules.body)


def _first_chars(word: str, groups: dict[str, tuple[str, ...]], norm) -> frozenset[str] | None:
    """The characters a word built from groups may begin with; None when it may begin anywhere."""
    piece = word.split("\u2026")[0]
    if not piece:
        return None
    if piece.startswith("<"):
        if piece[piece.find(">") + 1:].startswith("*"):
            return None  # the group may be said no time: the word begins with what follows it
        ws = _group_words(piece[1:piece.find(">")], groups)
        return frozenset(w[0] for w in ws if w) or None
    first = norm(piece[0])
    return frozenset(first[0]) if first else None


def _group_words(name: str, groups: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The words of a group, or of several (<人|叫副>: either); none when one is not defined."""
    found = [groups.get(n, ()) for n in name.split("|")]
    return () if not all(found) else tuple(w for ws in found for w in ws)


def _composed(word: str, groups: dict[str, tuple[str, ...]], norm) -> str | None:
    """A word built from groups (<身体>…<伤状>: any body part, a few characters, any injured state)
    as a pattern; None when it names a group there is not."""
    parts = []
    for piece in word.split("\u2026"):
        out: list[str] = []
        for tok in re.split(r"(<[^<>]+>)", piece):
            if tok.startswith("*") and out:
                # <人|叫副>*: the group said any few times or none (喊了半天他也不答应)
                out[-1], tok = f"(?:{out[-1]}){{0,{REPEAT}}}", tok[1:]
            if tok.startswith("<") and tok.endswith(">"):
                ws = _group_words(tok[1:-1], groups)
                if not ws:
                    return None
                # a group's words as written: its gaps (车门…打不开), no verb-object word opened up
                out.append("(?:" + _tree([(_atoms(w, opened=False), len(w)) for w in set(ws)]) + ")")
            elif tok:
                out.append(re.escape(norm(tok)))
        parts.append("".join(out))
    return _GAP_SOURCE.join(parts)


def _usual_readings(word: str) -> set[tuple[str, ...]]:
    """As a phrase and by each character's first reading (登录 deng lu; not de lu)."""
    return {tuple(x[0] for x in pinyin(word, style=Style.NORMAL)),
            tuple(pinyin(ch, style=Style.NORMAL)[0][0] for ch in word)}


def _readings(word: str) -> set[tuple[str, ...]]:
    """How a word may be spelled: as a phrase (流血 liu xie) and by each character's readings
    (liu xue), since the citizen types what they say."""
    out = {tuple(x[0] for x in pinyin(word, style=Style.NORMAL))}
    chars = [pinyin(ch, style=Style.NORMAL, heteronym=True)[0] for ch in word]
    out.update(itertools.islice(itertools.product(*chars), 16))
    return out


@dataclass(frozen=True)
class _Scan:
    """Words that may start at every position: a denied one (没人受伤) must not hide another that
    overlaps it. `grouped`: one branch per first character, each capturing the rest of its words
    in a lookahead (the regex engine then skips, in C, the characters no word begins with);
    otherwise one lookahead capturing group 1 (a word built from groups)."""

    pattern: re.Pattern
    grouped: bool = True
    # the characters its words may begin with (None: any): a text holding none of them is skipped
    # by one set test, cheaper than a search, for the ~60 scans run on every message
    firsts: frozenset[str] | None = None

    def spans(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int]]:
        end = len(text) if endpos is None else endpos
        # Most scans of a question find nothing: one search in C says so without building an
        # iterator and a generator for each of the ~50 scans.
        if self.pattern.search(text, pos, end) is None:
            return iter(())
        found = self.pattern.finditer(text, pos, end)
        if self.grouped:
            return ((m.start(), m.end(m.lastindex or 0)) for m in found)
        return ((m.start(1), m.end(1)) for m in found)


def _scans(words: Sequence[str]) -> tuple[_Scan, ...]:
    """Words with a gap (躺在…路) scanned apart from the others: at one position only one
    alternative of a pattern is tried, and a gapped one rejected there must not hide 躺在路边."""
    gapped = [w for w in words if "\u2026" in w]
    plain = [w for w in words if "\u2026" not in w]
    return tuple(p for p in (_scan(plain), _scan(gapped)) if p is not None)


def _masks(built_words: Sequence[str], plain_words: Sequence[str], groups: dict[str, tuple[str, ...]],
           norm) -> re.Pattern | None:
    """The masks as one pattern: those built from groups (a demand refused) tried before the plain
    words, whose tree would otherwise take the position first."""
    built = [x for x in (_composed(w, groups, norm) for w in built_words) if x]
    # plain words and those with a gap (费…拿不出来) share one tree: each character tried once
    seqs = [(_atoms(w, opened=False), len(w)) for w in set(plain_words) if w]
    parts = built + ([_tree(seqs)] if seqs else [])
    return re.compile("|".join(f"(?:{x})" for x in parts)) if parts else None


def _alternation(words: Sequence[str]) -> re.Pattern | None:
    """Plain words as one pattern, a tree of their characters: at each fork the longer words are
    tried first, as an alternation sorted longest first would, but each character is tried once
    for all the words that share it (the check runs on every message)."""
    seqs = [(tuple(re.escape(ch) for ch in w), len(w)) for w in set(words) if w]
    return re.compile(_tree(seqs)) if seqs else None


def _scan(words: Sequence[str]) -> _Scan | None:
    """Danger words (`…` a gap, two-character words opened up) as a tree, as `_alternation`."""
    seqs = [(_atoms(w), len(w)) for w in set(words) if w]
    if not seqs:
        return None
    firsts: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for atoms, n in seqs:
        firsts.setdefault(atoms[0], []).append((atoms[1:], n))
    if any(not _LITERAL.fullmatch(a) for a in firsts):  # a word that begins with a gap: no branch by its first character
        return _Scan(re.compile("(?=(" + _tree(seqs) + "))"), grouped=False)
    return _Scan(re.compile("|".join(a + "(?=(" + _tree(rest) + "))" for a, rest in firsts.items())),
                 firsts=frozenset(w[0] for w in words if w))


_LITERAL = re.compile(r"\\?.", re.S)  # one character, escaped or not
_INSERTED_SOURCE = f"[{_INSERTED}]{{0,{MAX_INSERTED}}}"


def _atoms(word: str, opened: bool = True) -> tuple[str, ...]:
    """The pattern of a word as a sequence: each character, a gap for `…`, and (`opened`) what
    Chinese puts inside a two-character verb-object word (流了好多血)."""
    if "\u2026" in word:
        out: list[str] = []
        for i, piece in enumerate(word.split("\u2026")):
            out += ([_GAP_SOURCE] if i else []) + [re.escape(ch) for ch in piece]
        return tuple(out)
    if opened and len(word) == 2 and all(_HAN.match(ch) for ch in word) and word[1] not in _PARTICLES:
        return re.escape(word[0]), _INSERTED_SOURCE, re.escape(word[1])
    return tuple(re.escape(ch) for ch in word)


def _tree(seqs: list[tuple[tuple[str, ...], int]]) -> str:
    """Regex source of atom sequences (each with its word's length) as a tree: at each fork the
    branch holding the longest word first, and ending here (a shorter word) last."""
    ends = any(not atoms for atoms, _ in seqs)
    forks: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for atoms, n in seqs:
        if atoms:
            forks.setdefault(atoms[0], []).append((atoms[1:], n))
    parts = [a + _tree(rest) for a, rest in sorted(forks.items(), key=lambda kv: -max(n for _, n in kv[1]))]
    if not parts:
        return ""
    if len(parts) == 1 and not ends:
        return parts[0]
    return "(?:" + "|".join(parts) + ("|" if ends else "") + ")"


def _phrases(words: Sequence[str]) -> re.Pattern | None:
    """Plain words, where `…` stands for a few characters (出车…了: 出车祸了, 出车火了)."""
    parts = [_GAP_SOURCE.join(re.escape(p) for p in w.split("\u2026"))
             for w in sorted(set(words), key=len, reverse=True) if w]
    return re.compile("|".join(parts)) if parts else None




# -- reading mixed scripts ---------------------------------------------------------------------
_HEARD_SYLLABLE = {s: _heard_as(s) for s in SYLLABLES}
MAX_SPOKEN = 6  # the longest danger word read from its syllables (zhan zai xingchedao shang: 站在行车道上)
_TONE = re.compile(r"(?<=[a-z])[1-5](?!\d)")  # shou4shang1: tone numbers typed after syllables
# The syllables of what goes inside a verb-object word (_INSERTED), typed in pinyin:
# liu le hao duo xue is 流了好多血.
_INSERTED_SOUND = {"le": "了", "zhe": "着", "hen": "很", "hao": "好", "duo": "多", "da": "大", "yi": "一",
                   "di": "地", "shen": "身", "lian": "脸", "xie": "些", "dian": "点", "pian": "片", "tan": "摊",
                   "man": "满", "ge": "个", "ban": "半"}


# Pronouns and particles, typed in pinyin between danger words read from pinyin.
# bei, che: wo ma bei che 撞倒了 is 我妈被车撞倒了 (wo de che 出不来 stays a car that cannot get out)
_LITTLE_SOUND = {"wo": "我", "ta": "他", "ni": "你", "le": "了", "de": "的", "zai": "在", "you": "有", "ren": "人",
                 "women": "我们", "haizi": "孩子", "siji": "司机", "bei": "被", "che": "车",
                 "li": "里", "mian": "面", "tou": "头",  # ren zai limian: 人在里面, who is where
                 "yizhi": "一直",  # de ren yizhi 不动: how long, between who and the state
                 "tui": "腿"}  # wo de tui 被压住了: whose body
_WHO_SOUND = ("wo", "ta", "ni", "ren", "women", "haizi", "siji")  # little words that name who


# English contractions, whose apostrophe normalising has made a space (can't: can t, he's: he s):
# read back as the words they stand for, so that the staff's table (cannot get out, is bleeding)
# reads them. 're after a pronoun only: re alone is a pinyin syllable (热).
_CONTRACTIONS = (
    (re.compile(r"(?<![a-z])(can|won|ain) t(?![a-z])"), lambda m: {"can": "cannot", "won": "will not", "ain": "is not"}[m.group(1)]),
    (re.compile(r"(?<![a-z])([a-z]+)n t(?![a-z])"), lambda m: m.group(1) + " not"),
    (re.compile(r"(?<![a-z])(we|you|they) re(?![a-z])"), lambda m: m.group(1) + " are"),
    (re.compile(r"(?<![a-z])i m(?![a-z])"), lambda m: "i am"),
    (re.compile(r"(?<=[a-z]) s(?![a-z])"), lambda m: " is"),
    (re.compile(r"(?<=[a-z]) (?:ll|ve|d)(?![a-z])"), lambda m: ""),
)


def _uncontracted(text: str) -> str:
    if " " not in text:
        return text
    for pattern, full in _CONTRACTIONS:
        text = pattern.sub(full, text)
    return text


# One-character kin typed in pinyin, read only right after whose they are (wo ma: 我妈; ma alone
# is as often 吗). Not mei, di, ye: wo mei shi is 我没事, wo di che 我的车, wo ye 我也.
_OWNER_SOUND = {"wo": "我", "ta": "他", "an": "俺", "ni": "你"}
_KIN_SOUND = {"ma": "妈", "ba": "爸", "die": "爹", "niang": "娘", "nai": "奶"}


_NAMED = re.compile("(?:叫|名叫|叫做|名字是|姓名是)$")


def read_mixed(text: str, detector: Detector) -> str:
    """A clause without its spaces, its Latin words and pinyin read as the Chinese they spell:
    'shou伤了' → '受伤了', 'you ren liu xue' → 'you ren 流血', 'someone is injured' → '有人受伤'.
    Dialect forms are read as the Mandarin they say first: '佢流紧血' → '他流着血'."""
    if detector.dialect is not None:
        pattern, said = detector.dialect
        text = pattern.sub(lambda m: _said(m, said[m.group(0)]), text)
    if not any("a" <= ch <= "z" for ch in text):
        return text.replace(" ", "")
    if detector.latin is not None:
        text = _uncontracted(text)
        text = detector.latin.sub(lambda m: _translated(m, detector), text)
        if detector.fillers is not None:
            text = detector.fillers.sub(lambda m: _unfilled(m, detector), text)
    text = _TONE.sub("", text)
    if not detector.by_sound or not any("a" <= ch <= "z" for ch in text):
        return text.replace(" ", "")
    text = _APART.sub(lambda m: _joined(m, detector), text)
    # where the typed words began, once the spaces between them are gone: a word read across a
    # space begins where a typed word does (yishang kou is 以上 扣, never 伤口)
    spaces: set[int] = set()
    kept: list[str] = []
    for ch in text:
        if ch == " ":
            spaces.add(len(kept))
        else:
            kept.append(ch)
    text = "".join(kept)
    out, at = [], 0
    for run in _LATIN_RUN.finditer(text):
        for m in _pinyin_runs(text, run, spaces):
            start, end, word = _spelled(text, m, detector, frozenset(spaces))
            if start < at or word is None or _NAMED.search(text, 0, start):
                continue  # 我同学叫liuxue: a name typed in letters is the name, not what it spells
            out.append(text[at:start])
            out.append(word)
            at = end
    out.append(text[at:])
    read = "".join(out)
    if at == 0:
        return read
    # Danger was read: the little words left between (wo, ta, le) are read too, so that who it
    # befell is named (jiu ming wo chu bu qu le: 救命我出不去了)
    return _LATIN_RUN.sub(lambda m: _little(m.group(0), _HAN.match(read, m.end()) is not None), read)


def _translated(m: re.Match, detector: Detector) -> str:
    """An English word read as Chinese stays a word of its own: where the Chinese after it, typed
    close or after a space, would run into it (fire车, fire 车里有人: 着火|车 is read 着|火车), it is
    set apart as its own clause."""
    key = "".join(m.group(1).split())
    if key in detector.latin_first and m.string[:m.start()].strip(" ") and m.string[m.end():].strip(" "):
        return m.group(0)  # how many families did the fund help in 2024: a verb in a sentence, no cry
    word = detector.latin_map[key]
    if m.group(1) in SYLLABLES and _beside_pinyin(m):
        return m.group(0)  # he, she, man: a pinyin syllable too, and pinyin is typed beside it (he jiu le)
    after = m.string[m.end():m.end() + 4].lstrip(" ")[:3]  # fire 车里有人: the space is dropped after
    if detector.segment is None or not after or not "\u4e00" <= after[0] <= "\u9fff":
        return word
    return word if _splits_at(word + after, len(word), detector.segment) else word + CLAUSE


def _splits_at(text: str, cut: int, segment: Callable[[str], Sequence[str]]) -> bool:
    """The text, segmented, has a word boundary at `cut` (着火车 has none after 着火: 着|火车)."""
    at = 0
    for w in segment(text):
        at += len(w)
        if at >= cut:
            break
    return at == cut


_WORD_BEFORE = re.compile(r"([a-z]+) *$")
_WORD_AFTER = re.compile(r" *([a-z]+)")


def _beside_pinyin(m: re.Match) -> bool:
    """The Latin word next to this one spells pinyin (he jiu, che kai de man); English beside it
    (he is, man down) or none (有个man躺着) leaves it English."""
    before = _WORD_BEFORE.search(m.string, 0, m.start())
    after = _WORD_AFTER.match(m.string, m.end())
    return any(w is not None and split_syllables(w.group(1)) is not None for w in (before, after))


def _said(m: re.Match, form: str) -> str:
    """A dialect form as Mandarin; a form read two ways (的/了) by whether a word follows in its clause."""
    if "/" not in form:
        return form
    inside, end = form.split("/", 1)
    after = m.string[m.end():m.end() + 1]
    return inside if after and _HAN.match(after) else end


def _little(run: str, before_han: bool = False) -> str:
    """The little words of a run as characters (wo ma: 我妈, one kin right after whose); of a run
    right before characters (che li you ren 出不来, wo ma bei che 撞倒了), those at its end, where
    they name who: the rest stays as typed."""
    if run in _LITTLE_SOUND:
        return _LITTLE_SOUND[run]  # women: 我们, not wo men
    syllables = split_syllables(run)
    if syllables is None:
        return run
    read: list[str | None] = []
    who: list[bool] = []
    i = 0
    while i < len(syllables):
        x = syllables[i]
        if x in _OWNER_SOUND and i + 1 < len(syllables) and syllables[i + 1] in _KIN_SOUND:
            read += [_OWNER_SOUND[x] + _KIN_SOUND[syllables[i + 1]], ""]  # wo ma bu dong le: 我妈不动了
            who += [True, True]
            i += 2
            continue
        pair = x + syllables[i + 1] if i + 1 < len(syllables) else ""
        if pair in _LITTLE_SOUND:  # women, haizi, yizhi: a little word of two syllables
            read += [_LITTLE_SOUND[pair], ""]
            who += [pair in _WHO_SOUND] * 2
            i += 2
            continue
        read.append(_LITTLE_SOUND.get(x))
        who.append(x in _WHO_SOUND)
        i += 1
    k = len(read)
    while k and read[k - 1] is not None:
        k -= 1
    if k and not (before_han and any(who[k:])):
        return run
    return "".join(syllables[:k]) + "".join(r for r in read[k:] if r)


def _spelled(text: str, m: re.Match, detector: Detector,
             spaces: frozenset[int] = frozenset()) -> tuple[int, int, str | None]:
    """The Latin run as Chinese, where it spells danger: whole danger words among its syllables
    (yourenliuxuele → yourenl流血le), or a word's first or last syllables typed in Latin and the
    rest in its own characters beside it (shou伤, 受shang; 驾照shou理 is no 夹着手: the characters
    typed are what they are)."""
    run, at = m.group(0), m.start()
    syllables = split_syllables(run)
    if syllables is None:
        return at, m.end(), None
    offsets = list(itertools.accumulate(map(len, syllables), initial=at))
    # the syllables a word may not begin at: inside a typed word, when it runs on past a space
    inside = frozenset(k for k in range(len(syllables)) if offsets[k] not in spaces and k > 0 and
                       any(offsets[k] < b < offsets[-1] for b in spaces))
    pieces = _words_among(syllables, detector, inside, [o in spaces for o in offsets], m.end() == len(text))
    # the syllables a danger word read among them covers: the characters beside the run may not
    # take one of them into a word of their own (充电 qi huo 了 is 起火, not 充电器 huo)
    read = _covered(pieces)
    if pieces != syllables:
        pieces = _denied(pieces, detector.negation_sound)
    if detector.frame_sound:
        pieces = _frames_among(pieces, [o in spaces or k == 0 for k, o in enumerate(offsets)], detector.frame_sound,
                               syllables, lambda w: not _names_harm(w, detector))
    changed = pieces != syllables
    if not changed and len(syllables) == 1:
        spliced = _one_syllable(text, m, detector)
        if spliced is not None:
            return at, m.end(), spliced
    # the first or last syllables, with the characters beside the run
    for n in range(1, min(3, len(syllables)) + 1):
        head, tail = "".join(syllables[:n]), "".join(syllables[-n:])
        for word, reading, i, j in detector.by_sound.get(tail, ()):
            if i > 0 or j == len(reading):
                continue
            after = text[m.end():m.end() + len(reading) - j]
            if len(after) == len(reading) - j and all(_HAN.match(c) for c in after) and after == word[j:] \
                    and not any(read[len(syllables) - n:]):
                rest = "".join(syllables[:-n])
                return at, m.end() + len(after), _spelled_rest(rest, detector) + word
        for word, reading, i, j in detector.by_sound.get(head, ()):
            if j < len(reading) or i == 0:
                continue
            before = text[max(0, at - i):at]
            if len(before) == i and all(_HAN.match(c) for c in before) and before == word[:i] \
                    and not any(read[:n]):
                rest = "".join(syllables[n:])
                return at - i, m.end(), word + _spelled_rest(rest, detector)
    return at, m.end(), "".join(pieces) if changed else None


_APART = re.compile(f"(?<![a-z])([a-z]{{1,{MAX_SYLLABLE}}})([{_INSERTED}]{{1,{MAX_INSERTED}}})([a-z]{{1,{MAX_SYLLABLE}}})(?![a-z])")


def _joined(m: re.Match, detector: Detector) -> str:
    """A two-character word typed as two syllables with characters inside (liu了好多xue → 流了好多血)."""
    word = (_whole(detector, m.group(1) + m.group(3), [m.group(1), m.group(3)])
            if m.group(1) in SPLITTABLE and m.group(3) in SPLITTABLE else None)
    return word[0] + m.group(2) + word[1] if word is not None and len(word) == 2 else m.group(0)


def _words_among(syllables: list[str], detector: Detector, inside: frozenset[int] = frozenset(),
                 spaced: Sequence[bool] = (), closing: bool = False) -> list[str]:
    """The syllables with the danger words among them read as characters, choosing the reading
    that covers most syllables (bei kun zai che li: 被 困在车里, not 被困 zai che li). A word
    beginning at a syllable `inside` a typed word may not run past that word's end (`spaced[k]`:
    a space was typed before syllable k). `closing`: the syllables end their clause."""
    size = len(syllables)
    # best[k]: (syllables covered from k on, pieces from k on)
    best: list[tuple[int, list[str]]] = [(0, [])] * (size + 1)
    for k in range(size - 1, -1, -1):
        choice = (best[k + 1][0], [syllables[k]] + best[k + 1][1])
        for n in range(2, min(MAX_SPOKEN, size - k) + 1):
            if k in inside and any(spaced[k + 1:k + n]):
                break
            word = _whole(detector, "".join(syllables[k:k + n]), syllables[k:k + n], closing and k + n == size)
            if word is not None and best[k + n][0] + n > choice[0]:
                choice = (best[k + n][0] + n, [word] + best[k + n][1])
        opened = _opened(syllables, k, detector)
        if opened is not None and best[opened[1]][0] + opened[1] - k > choice[0]:
            choice = (best[opened[1]][0] + opened[1] - k, [opened[0]] + best[opened[1]][1])
        best[k] = choice
    return best[0][1]


def _frames_among(pieces: list[str], starts: Sequence[bool], frames: dict[str, str],
                  syllables: Sequence[str], harmless: Callable[[str], bool]) -> list[str]:
    """The syllables left Latin by the danger words, with frame words read among them, each
    beginning where a typed word does (`starts`, by syllable; a danger word read counts as its
    syllables), choosing the reading that covers most syllables: bao xian pei bu pei → 保险 赔不赔;
    motuoche keeps its tuoche. A frame may take in a word read among them that tells no harm
    (xianzai yijing hao le: 已经, read as a word of danger's telling, begins 已经好了)."""
    at: list[int] = []  # syllable position of each piece
    k = 0
    for piece in pieces:
        at.append(k)
        k += 1 if piece.isascii() else len(piece)
    spelled = [p if p.isascii() else "".join(syllables[a:a + len(p)]) for p, a in zip(pieces, at, strict=True)]
    # best[i]: (syllables read as frames from piece i on, pieces from i on)
    best: list[tuple[int, list[str]]] = [(0, [])] * (len(pieces) + 1)
    for i in range(len(pieces) - 1, -1, -1):
        piece = pieces[i]
        choice = (best[i + 1][0], [piece] + best[i + 1][1])
        if at[i] < len(starts) and starts[at[i]]:
            size = 0
            for j in range(i, len(pieces)):
                later = pieces[j]
                if not later.isascii() and not harmless(later):
                    break
                size += 1 if later.isascii() else len(later)
                if size > MAX_SPOKEN:
                    break
                found = frames.get("".join(spelled[i:j + 1])) if j > i else None
                if found is not None and best[j + 1][0] + size >= choice[0]:
                    choice = (best[j + 1][0] + size, [found] + best[j + 1][1])
        best[i] = choice
    return best[0][1]


def _opened(syllables: list[str], k: int, detector: Detector) -> tuple[str, int] | None:
    """A two-character word with its two syllables apart and what Chinese puts inside such a word
    between them (liu le hao duo xue → 流了好多血), and where the reading goes on."""
    inside: list[str] = []
    for j in range(k + 1, min(k + 2 + MAX_INSERTED, len(syllables))):
        word = _whole(detector, syllables[k] + syllables[j], [syllables[k], syllables[j]])
        if inside and word is not None and len(word) == 2:
            if detector.shadowed is not None and detector.shadowed.outspoken(
                    word, inside[-1] + word[1], syllables[j - 1:j + 1]):
                return None  # zai yiban duo shao: 多少 is what the last two syllables say, no 在……烧
            return word[0] + "".join(inside) + word[1], j + 1
        if syllables[j] not in _INSERTED_SOUND:
            return None
        inside.append(_INSERTED_SOUND[syllables[j]])
    return None


def _one_syllable(text: str, m: re.Match, detector: Detector) -> str | None:
    """One syllable typed among characters (车zhao了, shou伤 is read above): the character it may be
    that makes a danger word with the characters beside it."""
    before, after = text[max(0, m.start() - 4):m.start()], text[m.end():m.end() + 4]
    if not (before[-1:] and _HAN.match(before[-1]) or after[:1] and _HAN.match(after[0])):
        return None
    for ch, ws in (detector.by_char_sound or {}).get(m.group(0), ()):
        probe = before + ch + after
        at = len(before)
        for w in ws:
            i = probe.find(w)
            while i != -1:
                if i <= at < i + len(w):
                    return ch
                i = probe.find(w, i + 1)
    return None


def _covered(pieces: list[str]) -> list[bool]:
    """By syllable: whether a word read as characters covers it (a word covers as many syllables
    as it has characters)."""
    out: list[bool] = []
    for piece in pieces:
        out.extend([True] * len(piece) if not piece.isascii() else [False])
    return out


def _spelled_rest(run: str, detector: Detector) -> str:
    m = _LATIN_RUN.match(run)
    if m is None:  # nothing left: the run is joined Latin syllables, so any non-empty one matches
        return run
    _, _, word = _spelled(run, m, detector)
    return word if word is not None else run


def _whole(detector: Detector, spelled: str, syllables: Sequence[str] = (), closing: bool = False) -> str | None:
    """The danger word these syllables spell whole, unless a commoner word spells them; `closing`:
    they end their clause, where a word that must lead on to another (较为, 关于) cannot stand."""
    word = next((w for w, reading, i, j in detector.by_sound.get(spelled, ()) if i == 0 and j == len(reading)), None)
    if word is None and syllables and detector.by_fuzzy:
        word = detector.by_fuzzy.get("".join(fuzzy(x) for x in syllables))
    if word is not None and syllables and detector.shadowed is not None and detector.shadowed(word, syllables) \
            and not (closing and detector.shadowed.leads_on(word, syllables)):
        return None
    return word


def _pinyin_runs(text: str, run: re.Match, spaces: set[int]) -> list[re.Match]:
    """A Latin run, or where it is no pinyin as a whole (chu bu lai leg bleeding: leg is none), its
    typed words joined into the longest runs that are: chubulai, leg, bleeding."""
    if split_syllables(run.group(0)) is not None:
        return [run]
    cuts = sorted(b for b in spaces if run.start() < b < run.end()) + [run.end()]
    if len(cuts) == 1:
        return [run]
    out: list[re.Match] = []
    begin, last = run.start(), run.start()
    for cut in cuts:
        if last > begin and split_syllables(text[begin:cut]) is None:
            out.append(_LATIN_RUN.match(text, begin, last))  # type: ignore[arg-type]
            begin = last
        last = cut
    out.append(_LATIN_RUN.match(text, begin, run.end()))  # type: ignore[arg-type]
    return out


# -- finding danger ----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Hit:
    category: DangerCategory
    start: int
    end: int
    text: str


_CLOSES = "了就"  # 胎没气了停在…, 话没说完就没声了: what 没 denies ends before the danger word


def _negated(text: str, start: int, negations: tuple[str, ...], starts: list[int],
             persons: re.Pattern | None = None, things: re.Pattern | None = None) -> bool:
    """A denial just before the danger word, in its clause (车没事，人受伤 denies nothing), and not
    a character of some other word: the 未 of 未成年人 denies nothing, nor one that a person
    or thing named after it starts a new sentence from (没刹住我腿断了, 没刹住车冒烟了: 没 denies the braking)."""
    lo = max(0, start - NEGATION_WINDOW - 1, text.rfind(CLAUSE, 0, start) + 1)
    window = text[lo:start]
    retracted: list[tuple[int, int]] | None = None
    for neg in negations:
        at = window.find(neg)
        while at != -1:
            if retracted is None:
                # 他说没事但是一直在吐: a 'fine' taken back by 'but' denies nothing told after it
                retracted = [(m.start(), m.end()) for m in _CONTRADICTED.finditer(text, lo, start)]
            if not any(s <= lo + at < e for s, e in retracted) \
                    and (not starts or not _in_other_word(lo + at, neg, start, starts, len(text))) \
                    and not any(_subject_between(window[at + len(neg):], p) for p in (persons, things)) \
                    and not any(c in window[at + len(neg) + 1:] for c in _CLOSES):
                return True  # 胎没气了停在行车道上: 了 closes what 没 denies before the danger word
            at = window.find(neg, at + 1)
    return False


def _figurative(text: str, start: int, detector: Detector, starts: list[int]) -> bool:
    """A figure of speech just before the harm word, in its clause: 心都在流血, 气得吐血, 排队排得我快死了,
    心疼死了 (the figure may run into the harm word). The figure must begin a word: 担心 and 恶心 hold no 心."""
    if detector.figures is None:
        return False
    lo = max(text.rfind(CLAUSE, 0, start) + 1, start - FIGURE_REACH)
    word_starts = set(starts)
    # a figure ending inside a word is none: 这事 in 这事故 (a figure may run into the harm word itself)
    hi = text.find(CLAUSE, start)
    ends = word_starts | {len(text) if hi == -1 else hi}
    return any(s < start and e >= start - FIGURE_GAP and (not starts or s in word_starts and (e in ends or e > start))
               for s, e in detector.figures.spans(text, lo, start + 1))


def _subject_between(between: str, persons: re.Pattern | None) -> bool:
    """Someone or something named between a denial and the harm word, not as what the denial
    counts (没人, 没有人, 没一个人, 没有车): the subject of a sentence of its own, told without
    punctuation."""
    if persons is None:
        return False
    return any(m.start() > 0 and not between[:m.start()].endswith(_COUNTED) for m in persons.finditer(between))


_NONE = ("没", "无")  # 没人伤, 无人: the denial counts the person, who is nobody


def _nobody(text: str, at: int) -> bool:
    """The person at `at` is counted by a denial (没人伤, 没有人, 没一个人, 无人): no one is named
    there, so a state told after it (妨碍交通又挪不动) is of the car, not of a person."""
    before = text[:at]
    while before.endswith(_COUNTED):
        before = before[:-1]
    return before.endswith(_NONE)


def _in_other_word(at: int, neg: str, harm: int, starts: list[int], size: int) -> bool:
    i = bisect.bisect_right(starts, at)
    word_start = starts[i - 1] if i else 0
    word_end = starts[i] if i < len(starts) else size
    # a longer word holding it (未成年人), or one it ends (特别, 分别: a denial begins what it denies)
    return word_end <= harm and (word_end - word_start > len(neg) + 1 or word_start < at and at + len(neg) == word_end)


def _inside_unread(text: str, start: int) -> bool:
    """The word at `start` was read out of a run of pinyin whose other words were not read, before it
    and after it (sanjiaopaiyao 翻车 houduoyuan): what that clause names is not known to be no one, so
    the clause before it is not looked back to for a person."""
    clause_end = text.find(CLAUSE, start)
    after = text[start:clause_end if clause_end != -1 else len(text)]
    before = text[text.rfind(CLAUSE, 0, start) + 1:start]
    return bool(before[-1:].isascii() and before[-1:].isalpha() and _UNREAD.search(before)
                and _READ_THEN_UNREAD.search(after) and _UNREAD.search(after))


def _of_person(text: str, start: int, detector: Detector, writer: bool = False, cry: bool = False) -> bool:
    """A state a thing can be in too (不动了, 出不来) is danger when a person was named shortly
    before it with no thing named between: 老人躺地上不动了, not 我的车不动了."""
    if detector.persons is None:
        return False
    if start == 0 and detector.now is not None and detector.now.search(text):
        return True  # 不会动了 快来看看: no one named, help called for: the writer or someone beside them
    if cry and (start == 0 or text[start - 1] == CLAUSE):
        return True  # 救命 车掉沟里了 出不去: a clause of the state alone, beside a cry for help: the writer
    lo = max(0, start - PERSON_REACH)
    window = text[lo:start]
    if writer and text.startswith(_PASSIVE, start):
        # 过马路的时候被车撞了: no one named and no thing either, the one it befell is the writer
        # (not for an acute state, which no frame calms: 被困在手续里 is no one trapped)
        told = window[window.rfind(CLAUSE) + 1:]
        if not (detector.persons.search(told) or detector.things is not None and detector.things.search(told)):
            return True
    clause_start = text.rfind(CLAUSE, 0, start) + 1
    told = text[clause_start:start]
    unread: bool | None = None  # worked out only when looking back, and once
    for _ in range(LOOK_BACK):
        if clause_start == 0 or detector.persons.search(told) or (
                detector.things is not None and detector.things.search(told)):
            break
        if unread is None:
            unread = _inside_unread(text, start)
        if unread:
            break
        # 骑车的人飞到引擎盖上又摔下来了，不会动: a clause naming no one goes on about whom the
        # clause before it named (我爸出车祸，十分钟前还有气，现在没了: or the one before that)
        clause_start = text.rfind(CLAUSE, 0, clause_start - 1) + 1
        lo = min(lo, clause_start)
        told = text[clause_start:start]
    window = text[lo:start]
    last = None
    for m in detector.persons.finditer(window):
        # 人家的车, 头发都压扁了, 手机: a word that only begins with a person or a body part
        mask = detector.masks.match(window, m.start()) if detector.masks is not None else None
        if not _NOT_PERSON.match(window, m.start()) and not (mask and mask.end() > m.end()) \
                and not _glued(window, m.start(), detector) and not _nobody(window, m.start()):
            last = m  # 人脸识别: no face of anyone, a word begun before it
    # 修鞋的被车撞了: who someone is by their work, right before what befell them (the 被 after
    # it may begin the state word, so it is looked for in the text)
    trades = [m.end() - lo for m in _TRADE.finditer(text[:start + 1], lo)]
    said = last.end() if last is not None else None
    if trades and (said is None or trades[-1] > said):
        said = trades[-1]
    if said is None:
        return False
    between = window[said:]
    if between.startswith("的") and not detector.persons.match(between, 1):
        return False  # 孩子的玩具卡在车门里: whose thing, not who (孩子的腿卡住了 is the child)
    return detector.things is None or not any(
        (not between[m.end():m.end() + 1] or between[m.end()] not in _PLACE + _EVENT)
        and not any(v in between[max(0, m.start() - 3):m.start()] for v in _RIDES + _AGENT)
        and not _RIDDEN.search(between, max(0, m.start() - RIDE_REACH), m.start())
        for m in detector.things.finditer(between))


def _disposed(text: str, start: int, end: int, detector: Detector) -> bool:
    """把…撞了, 把…扣在底下: the one harmed is named inside, after 把 (把我家娃撞了), not a
    thing (把车撞了) nor whose thing (把我的车撞了)."""
    return _person_after(text[:end], start + len(_DISPOSAL), detector, reach=end - start, modified=True)


def _crushed_before(text: str, start: int, detector: Detector) -> bool:
    """车被撞扁了出不来: a car crushed by a blow just before (撞扁, 压变形, 挤烂), then a way out that
    is shut: whoever is in it is trapped, though no one is named. Where the crash is told elsewhere
    in the message (撞到山上了 …车门瘪进去了出不来), the crushed part needs no blow beside it."""
    window = text[max(0, start - INSIDE_REACH):start]
    spots = [at for w in detector.crushed for at in _finds(window, w)]
    if not spots:
        return False
    return any(at - k >= 0 and window[at - k] in _BLOWS for at in spots for k in (1, 2, 3)) \
        or detector.accident is not None and detector.accident.search(text) is not None


def _finds(text: str, word: str) -> list[int]:
    """Where the word begins in the text, each time."""
    out, at = [], text.find(word)
    while at != -1:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _inside_after(text: str, end: int, detector: Detector) -> bool:
    """车门打不开，我老婆在里面: someone said to be inside just after the car's state."""
    if detector.people is None:
        return False
    window = text[end:end + INSIDE_REACH]
    clause = window.find(CLAUSE)
    if _SOMEONE_INSIDE.match(window) or clause != -1 and _SOMEONE_INSIDE.match(window, clause):
        return True  # 挤扁了，里面有人; 挤在护栏上，面包车里有人: where it is crushed, then who is in it
    for at in (0, clause) if clause != -1 else (0,):
        lead = _INSIDE_LEAD.match(window, at)
        if lead is None:
            continue
        who = detector.people.match(window, lead.end())
        if who is not None and not _NOT_PERSON.match(window, lead.end()) and not _THING_OF.match(window, who.end()):
            return True  # 车门变形打不开 里头娃娃在哭: inside, then who (里面有个孩子座椅 is a seat)
    return any(_INSIDE.match(window, m.end()) and not _NOT_PERSON.match(window, m.start())
               for m in detector.people.finditer(window))


def _inside_before(text: str, start: int, said: str, detector: Detector) -> bool:
    """车里有人，车门变形打不开: someone said to be inside just before the car's state, where the
    car is crushed or a crash was told (车上有人，门锁坏了打不开 is a broken lock)."""
    crushed = any(w in said for w in detector.crushed) or (detector.accident is not None and detector.accident.search(text))
    return bool(crushed) and _SOMEONE_INSIDE_BEFORE.search(text, max(0, start - INSIDE_REACH), start) is not None


def _person_after(text: str, end: int, detector: Detector, reach: int = PERSON_AFTER_REACH,
                  modified: bool = False) -> bool:
    """撞了一个学生, 轧到个小孩: the one harmed named right after the verb. `modified`: after 把,
    a thing told before 的 says which person (把过斑马线的俩学生撞了), not what was hit."""
    if detector.people is None:
        return False
    # the person begins within reach and may end beyond it (压着一个骑电动车的)
    window = text[end:end + reach + PERSON_AFTER_TAIL].split(CLAUSE)[0]
    for m in detector.people.finditer(window):
        if m.start() >= reach:
            break
        if _NOT_PERSON_AFTER.match(window, m.start()) or window[m.end():m.end() + 1] == "的" or (
                detector.things is not None and detector.things.match(window, m.end())):
            continue  # 撞到人家的车, 撞到我的车, 撞了我车: whose thing was hit; 撞了人家跑了: who did it
        return detector.things is None or not any(
            not (modified and _MODIFIER.fullmatch(window, t.end(), m.start()))
            for t in detector.things.finditer(window, 0, m.start()))
    return False


_MODIFIER = re.compile("[^的]{0,2}的[俩两一几个位名]*")  # 过斑马线的俩(学生): which one, told before 的


def _masked(text: str, detector: Detector) -> str:
    """The text with the masks blanked, as long as it was: 头盔 and 手机 hold no body part."""
    if detector.masks is None:
        return text
    return detector.masks.sub(lambda m: m.group() if _cut_into(text, m.start(), detector) else _blank(m.group()), text)


def _blank(word: str) -> str:
    """A mask's blank, as long as it: the same for the same word in every process (the engine cache
    stores built patterns), another for another word."""
    return chr(0xE000 + zlib.crc32(word.encode("utf-8")) % MASK_BLANKS) * len(word)


def _cut_into(text: str, start: int, detector: Detector) -> bool:
    """The mask's first characters end a word begun before it (手指头|发紫: no 头发 there), so the
    words it hides are not the ones it was listed for."""
    if start == 0 or detector.segment is None or not "\u4e00" <= text[start - 1] <= "\u9fff":
        return False
    at = lo = max(0, start - 3)
    for w in detector.segment(text[lo:start + 3]):
        if at < start < at + len(w):
            return True
        at += len(w)
        if at >= start:
            break
    return False


def _names_harm(text: str, detector: Detector) -> bool:
    """The text holds a plain harm word of some category (no word built from groups)."""
    return any(p.pattern.search(text) for p in detector.any_plain)


def _ending_at_word(pattern: _Scan, text: str, start: int, end: int, ends: set[int]) -> int | None:
    """The longest match of `pattern` at `start` ending before `end` where a segmented word ends."""
    for stop in sorted((e for e in ends if start < e < end), reverse=True):
        if any(s == start and e == stop for s, e in pattern.spans(text, start, stop)):
            return stop
    return None


def _in_mask(text: str, start: int, end: int, detector: Detector) -> bool:
    """The danger word lies wholly inside a word staff listed as no danger (没反应过来, 自燃险)."""
    return detector.masks is not None and any(
        m.start() <= start and end <= m.end() for m in detector.masks.finditer(text, max(0, start - 3 * MASK_REACH), end + MASK_REACH))


def _glued(text: str, start: int, detector: Detector) -> bool:
    """The body part begins inside a mask begun before it (里头, 外头, 码头): a word of its own."""
    return detector.masks is not None and any(
        m.start() < start < m.end() for m in detector.masks.finditer(text, max(0, start - 3), start + 3))


def _said_of_object(text: str, start: int, detector: Detector, objects: re.Pattern) -> bool:
    """手机掉进水里, 钥匙卡在里面: a thing that carries no one is named last before the state."""
    lo = max(0, start - PERSON_REACH)  # 车牌被撞掉了，掉河里了: named in the clause before too
    window = text[lo:start]
    # 头盔摔破了: the object may begin where the danger word does
    found = [m for m in objects.finditer(text, lo, start + 4) if m.start() <= start]
    if found and detector.segment is not None:
        # 罐车把面包车: no 车把 there; an object is a word of its own
        bounds, at = {lo}, lo
        for w in detector.segment(text[lo:start + 4]):
            at += len(w)
            bounds.add(at)
        found = [m for m in found if m.start() in bounds and m.end() in bounds]
    last_object = max((m.end() for m in found), default=-1) - lo
    if last_object < 0:
        return False
    if CLAUSE in window[last_object:] and any(text.startswith(b, start) for b in detector.rules.body):
        return False  # 没戴头盔，头破了: a clause that begins with a body part is of the body, not of the thing before
    last_person = max((m.end() for m in detector.persons.finditer(window)), default=-1) if detector.persons else -1
    # 人被倒下来的货物压在下面: the thing after 被 is what did it
    return last_object > last_person and not any(a in window[max(0, last_person):last_object] for a in _AGENT)


def _hits(text: str, detector: Detector, cry: bool = False) -> list[_Hit]:
    rules = detector.rules
    masked = _masked(text, detector)
    cache: dict[int, tuple[list[int], set[int]]] = {}
    cut: dict[str, list[str]] = {}

    def spans(pos: int) -> tuple[list[int], set[int]]:
        """Where the words of the clause around `pos` start and end: each clause segmented once,
        and only once a danger word is seen in it, so the check stays cheap and linear."""
        lo = text.rfind(CLAUSE, 0, pos) + 1
        if lo not in cache:
            hi = text.find(CLAUSE, pos)
            hi = len(text) if hi == -1 else hi
            clause = text[lo:hi]
            if clause not in cut:
                cut[clause] = list(detector.segment(clause)) if detector.segment is not None else []
            starts, ends, at = [], set(), lo
            for w in cut[clause]:
                starts.append(at)
                at += len(w)
                ends.add(at)
            cache[lo] = (starts, ends) if at == hi else ([], set())
        return cache[lo]

    out: list[_Hit] = []
    plain = _names_harm(text, detector)
    masked_chars = set(masked)
    for cat in detector.categories:
        last: _Hit | None = None  # one hit a category, the last said: what a frame weighs is where harm is told
        burning = cat.info.id in _BURNING
        told: list[_Hit] = []  # (a fire's tellings: the one under way is weighed)
        # 脖子疼 built from groups is an injury after a crash or a fall, not after a day at the desk
        composed = [(p, mode) for p, mode in cat.composed if p.firsts is None or not p.firsts.isdisjoint(masked_chars)]
        built = composed if cat.needs is None or cat.needs.search(masked) or _many(cat, composed, masked) else ()
        scans = [(p, mode, masked) for p, mode in built]
        if plain:
            scans = [(p, "", text) for p in cat.words] + [(p, "before", text) for p in cat.of_person] + [
                (p, "after", text) for p in cat.person_after] + scans
        for pattern, needs_person, read in scans:
            for start, end in pattern.spans(read):
                if last is not None and start < last.end:
                    continue  # the same telling read again by another word (受伤了: 伤了)
                said = read[start:end]
                starts, ends = spans(start)
                # 撞了人 in 车被人撞了人家开走了: the match ends inside 人家, a word begun within it.
                # A word running on only by a complement or a place (被甩出|来, 油漏|出来, 冲进河|里)
                # still says it.
                i = bisect.bisect_right(starts, start)
                if ends and end not in ends and i < len(starts) and starts[i] < end:
                    after = min((e for e in ends if e > end), default=end)
                    if not all(ch in _COMPLEMENT or ch in _PLACE or ch == text[end - 1] for ch in text[end:after]):
                        # the same words may end earlier, where a word does (站在行车道|上车一辆: 站在行车道)
                        shorter = _ending_at_word(pattern, read, start, end, ends)
                        if shorter is None:
                            continue  # 疼|疼疼: a cry said over and over runs on as itself
                        end, said = shorter, read[start:shorter]
                if end - start == 1 and ends and (start not in starts or end not in ends):
                    continue  # a one-character word (有人伤) is a word of its own: 伤员, 伤亡, 伤心 are other words
                if start and said.startswith(rules.body) and (text[start - 1] == "车" or _glued(text, start, detector)):
                    continue  # 车头撞到, 院里头撞了: the car's head, a place word (里头), not a person's head
                if _in_mask(text, start, end, detector):
                    continue  # 没反应过来 is not getting it, 人脸识别卡住了 an app: a word staff listed as no danger
                if _negated(text, start, rules.negations, starts, detector.people, detector.things) or _figurative(text, start, detector, starts):
                    continue
                if detector.habit is not None and detector.habit.search(text, max(0, start - 8), start):
                    continue
                if cat.not_after is not None and not (detector.persons is not None and any(
                        m.end() == len(said) for m in detector.persons.finditer(said))) \
                        and _said_of_object(text, start, detector, cat.not_after):
                    continue  # 护栏…夹着人: a word ending on the person held is of that person, whatever came before
                if needs_person == "before" and cat.info.id in _AWAKE and detector.writer is not None \
                        and detector.writer.fullmatch(text, text.rfind(CLAUSE, 0, start) + 1, start):
                    continue
                # 把小车压住了，人在里面: a car crushed, with someone said to be inside, whoever 把 names
                if needs_person == "before" and not (
                        (_disposed(text, start, end, detector) if text.startswith(_DISPOSAL, start)
                         else _of_person(text, start, detector, writer=not cat.info.acute, cry=cry))
                        or any(w in said for w in detector.wreck + detector.crushed) and (
                            _inside_after(text, end, detector) or _inside_before(text, start, said, detector))
                        or cat.info.first == "119" and _crushed_before(text, start, detector)):
                    continue
                if needs_person == "after" and not _person_after(text, end, detector):
                    continue
                last = _Hit(cat.info, start, end, text[start:end])  # as typed, masks and all
                if burning:
                    told.append(last)
        if last is not None and burning and not _burning_now(text, last):
            # 引擎盖一直冒黑烟 车冒烟怎么办: the smoke told as under way is weighed, not its name in the question
            last = next((h for h in reversed(told) if _burning_now(text, h)), last)
        if last is not None:
            out.append(last)
    return out + _shut_in_water(text, out, detector)


_WATER, _TRAPPED = "water", "trapped"


def _shut_in_water(text: str, hits: list[_Hit], detector: Detector) -> list[_Hit]:
    """A car in rising water (水淹到车窗了) and a way out that will not open (窗户摇不下来): whoever
    types is in it, though no one is named — the trapped category's states of a person, read
    as the writer's."""
    if not any(h.category.id == _WATER for h in hits) or any(h.category.id == _TRAPPED for h in hits):
        return []
    trapped = next((c for c in detector.categories if c.info.id == _TRAPPED), None)
    if trapped is None:
        return []
    for pattern in trapped.of_person:
        for start, end in pattern.spans(text):
            if not _negated(text, start, detector.rules.negations, []):
                return [_Hit(trapped.info, start, end, text[start:end])]
    return []


def _many(cat: _Category, composed: list[tuple[_Scan, str]], masked: str) -> bool:
    """Whether the category's group-built words (`composed`: those whose first characters the text
    holds) are said in so many different forms that what it `needs` goes without saying
    (老汉脸煞白 眼睛闭着 嘴唇发紫: no crash told, the signs are enough)."""
    if not cat.info.needs_unless:
        return False
    said = {masked[a:b] for p, _ in composed for a, b in p.spans(masked)}
    return len(said) >= cat.info.needs_unless


def _typed(raw: str, repaired: str, start: int, end: int, detector: Detector) -> bool:
    """Did the citizen type this danger word, or a slip of it? A repair that made it is believed
    only where one character changed and the typed characters are no common word nor part of
    one: 留血 → 流血, but not 上的 → 伤得 nor 受理 → 受伤."""
    changed = [i for i in range(start, end) if i < len(raw) and raw[i] != repaired[i]]
    if not changed:
        return True
    if len(changed) > 1 or detector.freq is None or detector.segment is None:
        return False
    if raw[changed[0]] not in _GRAMMAR and not repaired[end:_clause_end(repaired, end)].lstrip(_RESULT).strip(_TOLD) \
            and _passive_of_person(repaired, changed[0], detector):
        return True  # 老人被装了: a person befallen by the verb, told to the clause's end, is harm's own
        # shape whatever else the slip spells (被装 is a word)
    if detector.masks is not None and any(m.start() <= changed[0] < m.end()
                                          for m in detector.masks.finditer(raw, max(0, changed[0] - 8), changed[0] + 8)):
        return False  # a word staff listed as no danger is typed as meant: 开大货的 is no 大火
    if raw[changed[0]] in _GRAMMAR:
        return False  # a particle is grammar, not a slip: 积了水 is no 积溺水 (了 also reads liao, as 溺 niao)
    if detector.freq(raw[changed[0]]) >= COMMON_CHAR and all(
            ch in _FUNCTION for i, ch in enumerate(raw[start:end], start) if i != changed[0]):
        return False  # 上了 is no slip of 伤了, 上的 none of 伤的: only a particle stands beside the common 上
    if detector.freq(raw[changed[0]]) >= COMMON_CHAR and raw[changed[0] + 1:changed[0] + 2] in tuple(_PARTICLES) \
            and changed[0] + 1 < end:
        return False  # 有人上了 is someone getting on: a common verb with its particle, typed as meant
    if detector.freq(raw[changed[0]]) >= WORD_CHAR and any(ch in _DENIAL for ch in raw[start:end]) and all(
            ch in _FUNCTION + _DENIAL for i, ch in enumerate(raw[start:end], start) if i != changed[0]):
        return False  # 不懂了 is no slip of 不动了: a word of its own, with a denial and a particle beside it
    return detector.freq(raw[start:end]) == 0 and not _in_word(raw, changed[0], detector)


def _passive_of_person(text: str, at: int, detector: Detector) -> bool:
    """The verb at `at` follows a passive (被, 叫, 让) right after a person: 老人被撞了."""
    if at < 2 or text[at - 1] not in _AGENT or detector.persons is None:
        return False
    window = text[max(0, at - 1 - PERSON_AFTER_REACH):at - 1]
    return any(m.end() == len(window) for m in detector.persons.finditer(window))


def _hurried(raw: str, detector: Detector) -> list[_Hit]:
    """A crash told and a clause that only hurries (撞车了，快快；追尾了，你们快点): a report and
    a plea, the crash-now danger; any question around it (怎么定责) is read by the frames. A
    message that only tells a crash (车祸, 出车祸了！, 前面撞车了) is that report too: a frightened
    citizen types no more, and one looking things up asks again."""
    if detector.crash is None or detector.crash_now is None:
        return []
    # 没出事故 就是车牌掉了 急死了: a crash denied is none, however hurried the rest
    crash = next((m for m in detector.crash.finditer(raw) if not _in_mask(raw, m.start(), m.end(), detector)
                  and not _negated(raw, m.start(), detector.rules.negations, [])), None)
    if crash is None:
        return []  # 我又翻车了: a crash word inside a word staff listed as no danger (failing again)
    clauses = [c for c in raw.split(CLAUSE) if c]
    hurried = detector.hurry is not None and any(detector.hurry.fullmatch(c) for c in clauses)
    # a clause naming only who (出车祸了 我朋友他): the writer cut off before the harm, never a question
    reported = detector.report is not None and any(detector.report.fullmatch(c) for c in clauses) and all(
        detector.report.fullmatch(c) or detector.hurry is not None and detector.hurry.fullmatch(c)
        or _only_who(c, detector) for c in clauses)
    if not (hurried or reported):
        return []
    # the hit is the crash told: what is said after it (人都没事) is read by the frames
    return [_Hit(detector.crash_now, crash.start(), crash.end(), crash.group())]


def _only_who(clause: str, detector: Detector) -> bool:
    """A clause that names people and nothing else (我朋友他, 我老婆她, 俺家孩子)."""
    if detector.people is None:
        return False
    rest = detector.people.sub("", clause)
    return rest != clause and all(ch in _WHO_FILL for ch in rest)


def cried_apart(clauses: Sequence[str], cries: frozenset[str], detector: Detector) -> bool:
    """Clauses read with a one-character cry set apart (火 | 车上有人): believed where a clause
    beside each cry tells of someone there or hurries (车上有人, 快), and none beside it asks
    (火 | 车站在哪 is 火车站 typed with a space)."""
    found = False
    cried = [_cry(c, detector.urging) in cries for c in clauses]
    for i in range(len(clauses)):
        if not cried[i]:
            continue
        # the nearest clause on each side that is no cry itself (火 火 | 车上有人)
        before = next((clauses[j] for j in range(i - 1, -1, -1) if not cried[j]), "")
        after = next((clauses[j] for j in range(i + 1, len(clauses)) if not cried[j]), "")
        beside = [x for x in (before, after) if x]
        if not beside or any(HEARD_ASKED.search(x) for x in beside) or not any(
                detector.people is not None and detector.people.search(x)
                or detector.now is not None and detector.now.search(x)
                or detector.hurry is not None and detector.hurry.fullmatch(x) for x in beside):
            return False
        found = True
    return found


def _same_sound(raw: str, fixed: str, start: int, end: int) -> bool:
    """Each character the repair changed sounds exactly as the one it became (收伤 is 受伤); a
    near sound (撞衫, shan for shang) is believed only where an accident was told."""
    return all(_exact_sound(raw[i]) & _exact_sound(fixed[i]) for i in range(start, min(end, len(raw)))
               if raw[i] != fixed[i])


def _exact_sound(ch: str) -> frozenset[str]:
    readings = pinyin_dict.get(ord(ch))
    return frozenset(readings.translate(_TONELESS).split(",")) if readings else frozenset()


def _cry(clause: str, urging: re.Pattern | None) -> str:
    """A clause as a cry: what stands around it dropped, and 有 before it (有火, 有血); a cry typed
    over and over is the cry (火火火, 救命救命)."""
    word = (urging.sub("", clause.strip(_CRY)) if urging is not None else clause.strip(_CRY)).strip(_CRY)
    word = _REPEATED.sub(r"\1", word)
    return word[1:] if word.startswith("有") and len(word) == 2 else word


_REPEATED = re.compile(r"^(.{1,3}?)\1+$")  # the whole of it one short word said again and again


def _without(clause: str, cries: Sequence[str]) -> str:
    """The clause with its cries for help taken out (火救命: 火)."""
    for w in cries:
        clause = clause.replace(w, "")
    return clause


def _capped(clauses: Sequence[str]) -> list[int]:
    """Which clauses are read: all of a normal message; of a very long one its start and end."""
    total = sum(len(c) + 1 for c in clauses)
    if total <= MAX_CHARS:
        return list(range(len(clauses)))
    keep, used = [], 0
    for i, c in enumerate(clauses):
        if used + len(c) > MAX_CHARS // 2:
            break
        keep.append(i)
        used += len(c) + 1
    tail, used = [], 0
    for i in range(len(clauses) - 1, keep[-1] if keep else -1, -1):
        if used + len(clauses[i]) > MAX_CHARS // 2:
            break
        tail.append(i)
        used += len(clauses[i]) + 1
    return keep + tail[::-1]


def assess(raw_clauses: Sequence[str], repaired_clauses: Sequence[str], detector: Detector) -> Danger | None:
    """Danger now in a message, given its clauses as typed (normalised) and typo-repaired."""
    rules = detector.rules
    if len(raw_clauses) > 1 and raw_clauses[0].strip() in detector.address \
            and any(q in c for c in raw_clauses[1:] for q in _ASKS):
        # 大哥 出过死亡事故还能增驾吗: the one addressed is the one asked, no one at a scene (大哥
        # 不动了 asks nothing: the brother may be lying there)
        if len(repaired_clauses) == len(raw_clauses):
            repaired_clauses = repaired_clauses[1:]
        raw_clauses = raw_clauses[1:]
    picked = _capped(raw_clauses)
    raw = CLAUSE.join(read_mixed(raw_clauses[i][:MAX_CHARS], detector) for i in picked)
    if not raw.strip(CLAUSE):
        return None
    urgent = next((u for u in detector.urgent if u in raw), None)
    if urgent is None:
        # a clause that is only a cry (血！, 救护车 快, 快 火 车祸, 有火)
        cries = [_cry(c, detector.urging) for c in raw.split(CLAUSE) if c]  # each clause read as a cry once
        urgent = next((w for w in cries if w in rules.alone or w in rules.alone_fire), None)
        only_cries = all(w in rules.alone or w in rules.alone_fire for w in cries)
        if urgent is not None and _cry(raw, detector.urging) != urgent and not only_cries and any(
                urgent in c.of_person or urgent + "了" in c.of_person for c in rules.categories):
            # 出不来 alone is the writer trapped; beside other words, whose state it is is read;
            # 卡住了 出不来: nothing but cries, still the writer
            urgent = None
        if urgent is None and raw.strip(CLAUSE) in rules.alone:
            urgent = raw.strip(CLAUSE)  # 车祸了 as the whole message, exactly: a crash told, nothing asked
    exasperated = urgent is not None and (any(w in raw for w in rules.urgent_not_with) or urgent in rules.urgent and detector.leave is not None and any(
        detector.leave.search(c) for c in raw.split(CLAUSE)))
    hits = _hits(raw, detector, cry=urgent is not None and not exasperated)
    fixed = None
    if len(repaired_clauses) == len(raw_clauses):
        fixed = CLAUSE.join(read_mixed(repaired_clauses[i][:MAX_CHARS], detector) for i in picked)
        if fixed != raw and len(fixed) == len(raw):
            seen = {h.category.id for h in hits}
            told = detector.accident is not None and detector.accident.search(raw) is not None
            # a two-character harm word the repair made, asked where or whether in its own clause
            # with no accident told, is a slip in a question (现场课在哪上 is no 磕在)
            hits += [h for h in _hits(fixed, detector)
                     if h.category.id not in seen and _typed(raw, fixed, h.start, h.end, detector)
                     # a harm word typed as is, after a figure of speech the repair changed (心在流血:
                     # 心在 is no slip of 陷在), is still the figure's
                     and not (raw[h.start:h.end] == fixed[h.start:h.end] and _figurative(raw, h.start, detector, []))
                     # nor one that a mask covers as typed (大火收汁: the repair made 收汁 手指, which no
                     # mask holds, and the fire word stood bare; 死火, a stalled engine, repaired to 失火)
                     and not _in_mask(raw, h.start, h.end, detector)
                     and (told or _same_sound(raw, fixed, h.start, h.end))
                     and (h.end - h.start > 2 or told or raw[h.start:h.end] == fixed[h.start:h.end]
                          or not HEARD_ASKED.search(fixed, h.end, _clause_end(fixed, h.end)))]
    if urgent is None and fixed is not None and fixed != raw:
        # a clause that is only a cry for help, typed with a slip (救明): the strict repair heard it
        at = 0
        for typed, heard in zip(raw.split(CLAUSE), fixed.split(CLAUSE), strict=False):
            word = _cry(heard, detector.urging)
            if typed != heard and word in detector.urgent and _typed(raw, fixed, at, at + len(heard), detector):
                urgent = word
                break
            at += len(typed) + len(CLAUSE)
    if not hits:
        hits += _hurried(raw, detector)
    found = _heard_words(raw, detector)
    found += [o for o in _opened_slips(raw, detector) if not any(s < o[1] and o[0] < e for s, e, _ in found)]
    hits += _heard_hits(raw, found, detector, {h.category.id for h in hits})
    if urgent is None and found and not any(w in raw for w in rules.urgent_not_with):
        urgent = _heard_cry(raw, found, detector)
    if exasperated and not hits:
        urgent = None  # 科目一又挂了 救命: exasperation, not a call for help
    if not hits and urgent is None:
        runs = _fragment_runs(raw_clauses, repaired_clauses, detector) if len(picked) > 1 else None
        return assess(*runs, detector) if runs is not None else None
    calm = _frame(raw, fixed if fixed is not None else raw, hits, detector, cry=urgent is not None)
    if calm is not None:
        return None
    spoken = [_spoken_len(raw_clauses[i]) for i in picked] if len(picked) >= WORDWISE_PIECES else []
    if spoken and max(spoken) <= WORDWISE_CHARS and sum(spoken) <= WORDWISE_MEAN * len(picked) \
            and len(repaired_clauses) == len(raw_clauses) and len(raw_clauses) > 1 \
            and assess(*_runs(raw_clauses, repaired_clauses, rules.turns), detector) is None:
        return None
    fire = next((h for h in hits if h.category.first == "119"), None)
    first = fire or (hits[0] if hits else None)
    if fire is None and urgent not in rules.alone_fire:
        # 火 救命: a clause that is only a cry of fire, beside another cry, still puts 119 first
        urgent = next((w for w in (_cry(_without(c, detector.urgent), detector.urging) for c in raw.split(CLAUSE))
                       if w in rules.alone_fire), urgent)
    if urgent in rules.alone_fire:
        # 出不来 alone is someone trapped, 火 alone a fire: named by the category that lists the word
        cat = next((c for c in rules.categories if c.first == "119" and urgent in c.words + c.of_person), None)
        name, cid = (cat.name, cat.id) if cat is not None else ("起火", "fire")
        return Danger("fire", cid, f"紧急：{name}（{urgent}） / emergency: {cid}, urgent", rules.fire_reply)
    said = "、".join(f"{h.category.name}（{h.text}）" for h in hits) or f"求救（{urgent}）"
    why = f"紧急：{said} / emergency: " + ", ".join(h.category.id for h in hits) + (
        f"{', ' if hits else ''}urgent" if urgent else "")
    # a crash told and nothing of harm nor a cry for help: whoever is unhurt in a scrape must also
    # hear that the law has them move aside (the injury reply says to leave the cars where they are)
    crash_only = urgent is None and bool(hits) and all(h.category.id == CRASH_NOW for h in hits)
    return Danger("fire" if fire else "harm", first.category.id if first else URGENT, why,
                  rules.fire_reply if fire else rules.crash_reply if crash_only else rules.reply)


_LATIN_RUN = re.compile("[a-z]+")


def _spoken_len(clause: str) -> int:
    """A piece's length as said: a character, or a Latin word (zhuang le is two, as 撞了)."""
    return len(_LATIN_RUN.sub("x", clause).replace(" ", ""))


def _only_back(text: str, words: Sequence[str], back: Sequence[str], hits: list[_Hit]) -> bool:
    """Every past word said is one pointing back (当时), and all come after every harm told."""
    spots = _frame_spots(text, words, hits)
    last = max((h.end for h in hits), default=len(text))
    return bool(spots) and min(spots) >= last and not _frame_spots(text, [w for w in words if w not in back], hits)


def _insisted(text: str, words: Sequence[str], insists: Sequence[str]) -> bool:
    """Each 'fine' said comes right after an insisting word (非说没事, 硬说没事)."""
    spots = [at for w in words for at in _finds(text, w)]
    return bool(spots) and all(any(text.endswith(i, 0, at) for i in insists) for at in spots)


def _runs(raw_clauses: Sequence[str], repaired_clauses: Sequence[str], turns: Sequence[str]) -> tuple[list[str], list[str]]:
    """A message typed in pieces, joined back into what was said: one run, or a new one at each
    piece that is only a turn (对了，那个，罚款，还没交。哦，还有，车，冒烟了: the fine, then the smoke)."""
    return _in_runs(raw_clauses, repaired_clauses, [i == 0 or typed in turns for i, typed in enumerate(raw_clauses)])


def _fragment_runs(raw_clauses: Sequence[str], repaired_clauses: Sequence[str],
                   detector: Detector) -> tuple[list[str], list[str]] | None:
    """Fragments read with the piece they go on from: a short piece joins the one before it
    (三轮车上拉的柴油桶 漏了 满地都是: the barrel is what leaks). None when nothing joins, or when
    the repair changed how many pieces there are."""
    spoken = [_spoken_len(c) for c in raw_clauses]
    if len(repaired_clauses) != len(raw_clauses) or sum(spoken) > FRAGMENTS_TOTAL:
        return None
    if max(spoken) <= FRAGMENT_CHARS:  # all fragments: one thought (被困 车里 进水了)
        return [_glue(raw_clauses)], [_glue(repaired_clauses)]
    # (nor does pinyin go on across a comma: its syllables are grouped by the clause they are in)
    starts = [i == 0 or length > FRAGMENT_CHARS or raw_clauses[i - 1].endswith(_SAID_WHOLE)
              or typed.startswith(_OWN_SUBJECT)
              or detector.people is not None and detector.people.match(typed) is not None
              or _LATIN_RUN.match(raw_clauses[i - 1][-1:]) is not None
              for i, (typed, length) in enumerate(zip(raw_clauses, spoken, strict=True))]
    return _in_runs(raw_clauses, repaired_clauses, starts) if not all(starts) else None


def _in_runs(raw_clauses: Sequence[str], repaired_clauses: Sequence[str], starts: Sequence[bool]) -> tuple[list[str], list[str]]:
    """The pieces glued into runs, a new run at each piece marked as starting one."""
    raw: list[list[str]] = []
    fixed: list[list[str]] = []
    for typed, repaired, start in zip(raw_clauses, repaired_clauses, starts, strict=True):
        if start or not raw:
            raw.append([])
            fixed.append([])
        raw[-1].append(typed)
        fixed[-1].append(repaired)
    return [_glue(r) for r in raw], [_glue(f) for f in fixed]


def _glue(pieces: Sequence[str]) -> str:
    """Pieces joined as one clause; Latin words kept apart (zhuang le, tang zai: not zhuang letang)."""
    out = ""
    for p in pieces:
        out += " " + p if out and p and _LATIN_RUN.match(out[-1]) and _LATIN_RUN.match(p[0]) else p
    return out


def _frame(text: str, fixed: str, hits: list[_Hit], detector: Detector, cry: bool = False) -> str | None:
    """The frame that makes this talk about danger rather than danger now, or None. Words saying
    'now' or 'this one' are looked for in the repaired text too (出车火了 is 出车祸了). A cry for
    help (`cry`: 救命) is calmed only by a strong frame (如果有人喊救命)."""
    rules = detector.rules
    cut = _new_matter(text, hits, rules.new_matter)
    if cut:
        # 假如没有交强险撞了人咋赔 这个先不说 现在地上那个人一直在抽搐: the harm in the question set
        # aside is that question's; what is told after the new matter is weighed alone
        hits = [h for h in hits if h.start >= cut]
        # 上次问的驾照的事还没回我 算了先不说这个 村口有个人被撞了: the frame said before the matter changed
        # is not the frame of the harm told after it
        text = CLAUSE * cut + text[cut:]
        fixed = CLAUSE * cut + fixed[cut:] if len(fixed) == len(text) else text
    if _put_out(text, hits, rules.put_out):
        return "put_out"
    if _banter(text, hits, rules.banter, detector):
        return "banter"
    # 换证的事回头再说吧: a clause putting its matter off, harm-free, frames nothing
    text, fixed = _without_put_off(text, hits, rules.put_off), _without_put_off(fixed, hits, rules.put_off)
    if _now_said(detector.now, text, fixed, detector.figures) and not _now_in_past_story(text, hits, rules.frames, detector):
        return None
    if _got_out(text, hits, rules.got_out):
        return "got_out"
    # a fire or leak told as under way after a crash, in a clause that asks nothing of it (侧翻了
    # 漏油 味道很冲) will not wait any more than bleeding (我的车起火了保险赔不赔 asks of the fire in
    # its clause; 车漏油了一点点 能开去修吗 tells no crash: a fault to mend)
    crashed = detector.accident is not None and detector.accident.search(text) is not None
    # A fire seen or smelt now (机盖缝里能看见火苗) is there without a crash told: no topic of the
    # message (问个年检的事 … 先说年检) talks it away
    acute = any(h.category.acute or _told_now(text, h) or h.category.id in _BURNING
                and (crashed and _burning_now(text, h) or _perceived(text, h) and not asks(_clause_at(text, h.start)))
                and not _clause_says(text, h, rules.not_now) for h in hits)
    # harm told of someone as having happened (额头磕破了), then whom to call first asked (先打120还是先报保险)
    # (not supposed: 如果…磕破了; nor told of another day: 上个月…当时该打120还是…)
    harmed = [h for h in hits if h.category.id in _PERSON_HARMED and text.startswith("了", h.end)]
    if harmed:
        then = _then_words(rules)
        harmed = [h for h in harmed if not any(w in text for w in then) and not any(w in text[:h.start] for w in rules.ifs)]
    if acute and _calls_after(text, rules.frames, hits, detector) or harmed and _calls_after(text, rules.frames, harmed, detector, True) \
            or _calls_after_burning(text, rules, hits) or crashed and _doing_now_after_burning(text, rules, hits):
        # …地上一大滩血 俺是该先打电话还是先扶他 打哪个号 … 会不会吊销: whom to call asked after acute
        # harm told of someone is a call now, whatever the law is asked about beside it; so is
        # whom to call after a fire or smoke told as under way (问一下 …引擎盖那边往外冒烟 …要打哪个电话)
        return None
    for frame in rules.frames:
        said = _framed_in(text, fixed, frame, hits, detector)
        if said is None:
            continue
        if frame.name in ("past", "general", "about", "law") and _told_again(said, frame.words, hits, detector):
            # 当时觉得没事 …现在喘不上气, 认定书还没拿到 …今天又出事 隧道里冒烟: the harm told after 现在 is now;
            # so is one told after the law said of another time (去年…被罚过违停…可现在…车就停在超车道上)
            continue
        if frame.name == "past" and _only_back(said, frame.words, rules.back_then, hits):
            continue  # 一个男的躺在那儿…叫他也不答应 我当时车灯是开着的: 当时 is the moment just told
        if frame.name == "past" and _another_time(said, frame.words, hits, rules.also):
            continue  # 老汉被三轮撞了躺着不动 …去年俺们村也出过这种事: that was another time
        if frame.name == "past" and _dated_apart(said, frame.words, hits):
            continue  # 冒白烟 越冒越大 我上个月刚买的车险 能赔吗: the past dates the insurance, not the smoke
        if frame.name == "hypothetical" and _feared_after(said, frame.words, hits, detector):
            continue  # 现在好疼想吐 会不会内出血: a harm told as now, then what it may be feared
        if frame.name == "hypothetical" and _made_real(said, rules.ifs, rules.real, hits):
            continue  # 如果车自燃了保险赔不赔 我现在就是这情况 仪表台底下冒烟: what was supposed is so
        if frame.name == "hypothetical" and _if_after_acute(said, frame.words, hits):
            continue  # …夹住腿弄不出来 …我要帮忙把人拽出来万一出了事要不要担责任: the 'if' is of the helper
        if frame.name == "hypothetical" and _no_if(said, frame.words, hits, rules.frames, detector):
            continue  # 会不会坐牢啊 …地上一大滩血: what the law will do asked, not harm supposed
        if frame.name == "call" and (acute or _says(detector.here, said, fixed) or _happened(said, hits)
                                     or bool(_burning_apart(said, hits))):
            # 有人受伤了该打什么电话: asking whom to call for a harm that has happened is calling; so is
            # asking it after a fire told as under way in a clause of its own (电池那块滋滋响还冒烟 这个该找谁)
            continue
        if frame.name == "hypothetical" and any(
                h.category.id in _BURNING and _burning_now(said, h) and said.find(CLAUSE, h.end) != -1
                and not _outside(said[:h.start], frame.words, [], detector)
                and (any(w.startswith("会") and w in said[h.end:] for w in frame.words)
                     or not _outside(_clause_at(said, h.start), frame.words, hits, detector)) for h in hits):
            # 一直冒烟 车会不会炸: a fire told as under way, then what it will do feared, is this
            # fire (冒火星子 正常吗 asks whether it is a fire at all); 呼呼冒烟 …这要是着了: the 'if'
            # of a later clause supposes worse to come, not the smoke already told
            continue
        if frame.name in _TOLD_APART and _told_after(said, frame.words, hits, _SEEN) \
                and (_says_after(detector.here, said, frame.words, hits) or _harmed_after(said, frame.words, hits)) \
                and not _speech_before(said, frame.words, hits):
            # 罚款交了多久能消 对了 我车刚撞了一个骑车的 他躺着呢: a question asked first, then harm
            # told of someone in clauses of its own after it, is harm now, not the question's subject
            continue
        if (frame.name in _ASKED_APART or frame.name == "general" and _topic_asked(said, frame.words)) \
                and _noticed_after(said, frame.words, hits, detector):
            # 想问下怎么定责 但是闻着好大一股汽油味: what is noticed after the question is now (a
            # topic word is no question: 婚车放鞭炮 冒烟了 is the firecrackers' smoke; a topic asked
            # of is: 甚时候能考科目一呀 …车刚出了事 好几个人受伤咧)
            continue
        if frame.name in _REPORTED_THEN and _reported_first(said, hits, detector):
            continue  # 出车祸了 头很晕 想吐 是不是要去医院: a crash reported as it happened, harm told after it
        if frame.name in _TOLD_APART and _their_words(said, frame.words, hits):
            continue  # 刮倒了 起不来 司机说他没碰着要走: what another says is their claim, not this talk
        if frame.name == "general" and _habit_after_harm(said, frame.words, hits):
            continue  # 摔下来 吐了两回了 老是想睡觉: what keeps happening since the harm told is its sign
        if frame.name == "general" and _asleep_in_danger(said, frame.words, hits):
            continue  # 轱辘冒烟 …司机在驾驶室睡着咧, 睡着了 敲窗户没反应: asleep is no frame where a fire burns or no one wakes
        if frame.name == "general" and _plea_after_acute(said, frame.words, rules.usually, _how_words(rules), hits):
            continue  # 有个老大爷摔倒了 躺地上没反应 一般该咋办: what to do now, asked after the harm
        if frame.name in ("law", "about") and _asked_on_from_danger(said, frame.words, hits):
            continue  # 隧道里前车着火了…烟都飘过来了…我要不要弃车往外跑 这算不算违法停车: typed on without a break
        if frame.name != "past" and _asked_after_acute(said, frame.words, hits):
            continue  # 人卡在车底下出不来 …没挂牌会不会罚: what is asked after harm told now is another matter
        if frame.name in ("general", "ask") and any(
                h.category.id in _BURNING and (_perceived(said, h) or _burning_now(said, h) and _perceived_before(said, h))
                and not asks(_clause_at(said, h.start)) and not _clause_says(said, h, frame.words) for h in hits):
            continue  # 问个年检的事 …机盖缝里能看见火苗 先说年检: a fire seen now, in a clause the topic is not said in
        if frame.name in ("about", "law", "hypothetical", "ask") and _harm_of_someone_apart(said, frame.words, hits, detector):
            continue  # 俺爸开三轮翻沟里咧人压在车底下出不来 三轮车没上牌算违法不: the frame asks its own clause
        if frame.name == "general" and _harm_of_someone_apart(said, frame.words, hits, detector, before_only=True):
            continue  # 考完科目三回来路上看见大货车侧翻了 司机…腿卡住了出不来: the topic only set the scene before it
        if frame.name == "general" and crashed and any(
                h.category.id in _BURNING and _burning_now(said, h) and not _clause_says(said, h, frame.words) for h in hits):
            continue  # 车撞了以后 …底下滴滴答答流东西 现在还能不能开走: a leak after a crash is no topic
        if frame.name == "general" and _told_after_acute(said, frame.words, hits):
            continue  # 胳膊骨头都露出来了 对方非说…要我赔他修车钱: what is told after harm that will not wait is another matter
        if frame.strong:
            return frame.name
        if cry:
            continue
        if _fine_contradicted(said, hits):
            continue  # 他说没事 可站都站不稳 这种还能私了吗: 'fine', then harm seen after 'but', is harm now
        if frame.name == "fine" and _insisted(said, frame.words, rules.insists):
            continue  # 胸口闷得厉害 一直冒冷汗 她非说没事要回家: insisted on, against what is seen
        if frame.name == "fine" and _asked_whether(said, frame.words):
            continue  # 不知道严不严重: whether it is serious is asked, not said
        if frame.name == "fine" and _their_words(said, frame.words, hits, _OTHER_PARTY):
            continue  # 老太太…躺着喊疼 司机说没事不用管: the one who hit her says so, the writer sees harm
        if frame.name == "fine" and any(h.category.id in _BURNING for h in hits):
            continue  # 车头冒烟了 人都没事: everyone unhurt puts out no fire; they still must get away and call 119
        if frame.name == "fine" and max(said.rfind(w) for w in frame.words) < max(h.end for h in hits):
            continue  # 车没事，人受伤了: the harm is said after, and stands
        if frame.name == "fine" and _people_fine_after(said, frame.words, hits):
            return frame.name  # 车掉沟里了，人没事: where the car went, and everyone in it is fine
        if frame.name in ("how", "when"):
            # 撞了人怎么办, 有人受伤的时候: such accidents in general; 我撞了人, 倒车的时候压到了一个小孩: this one
            if acute or _names_here(detector.here, said) or _names_here(detector.here, fixed):
                continue
            if frame.name == "how" and _pleads(said, frame.words, detector):
                continue  # 撞人 怎么办 怎么办: asked again and again is panic, not a question
            if any(h.category.id in _BURNING and _burning_now(said, h) for h in hits):
                continue  # 电动车充电的时候着了怎么办: a fire told as under way is this one, not fires in general
            if _told_after(said, frame.words, hits):
                continue  # 撞人了咋办，人一直喊疼: the harm told after the question is this one
            if _reported_alone(said, frame.words, hits):
                continue  # 撞人了 怎么办: told as having just happened, in a clause of its own, then asked

            return frame.name
        if not acute:
            return frame.name
    return None


def _asked_whether(said: str, words: Sequence[str]) -> bool:
    """Every word of the frame said is the second half of an A-not-A question (严不严重 holds 不严重):
    whether it is so is asked, not told."""
    found = [(w, at) for w in words for at in _finds(said, w)]
    return bool(found) and all(w.startswith("不") and len(w) > 1 and at > 0 and said[at - 1] == w[1]
                               for w, at in found)


def _clause_at(text: str, at: int) -> str:
    """The clause the character at `at` is in."""
    return text[text.rfind(CLAUSE, 0, at) + 1:_clause_end(text, at)]


def _before_in_clause(text: str, hit: _Hit) -> str:
    """What the hit's clause says before the hit."""
    return text[text.rfind(CLAUSE, 0, hit.start) + 1:hit.start]


def _clause_says(text: str, hit: _Hit, words: Sequence[str]) -> bool:
    """One of `words` is said in the clause the hit is told in."""
    return any(w in _clause_at(text, hit.start) for w in words)


def _put_out(text: str, hits: list[_Hit], words: Sequence[str]) -> bool:
    """Every harm told is a fire, smoke or a leak, and after the last of them it is said to be
    out (油锅起火了 盖上锅盖就灭了): what burned is over. 火灭了 人还在里面 tells a harm after it."""
    if not hits or not all(h.category.id in _BURNING and any(c in h.text for c in _GOES_OUT) for h in hits):
        return False  # a leak (漏油) goes on when a fire, or the cigarette lit beside it, is out
    return _said_after(text, hits, words)


def _said_after(text: str, hits: list[_Hit], words: Sequence[str]) -> bool:
    """One of the words is said after the last harm told."""
    last = max(h.end for h in hits)
    return any(text.find(w, last) != -1 for w in words)


def _got_out(text: str, hits: list[_Hit], words: Sequence[str]) -> bool:
    """Every harm told is someone shut in, pinned or in the water, and after the last of them they
    are said to be got out (一个人被困在落水的车里 路人砸窗才救出来): how it went, not a rescue now.
    Harm told after it (救出来了 可人叫不醒) stands."""
    if not hits or not all(h.category.id in _SHUT_IN for h in hits):
        return False
    last = max(h.end for h in hits)
    # (刚拉出来了: just got out of the water or the wreck, they may need the ambulance yet)
    return any(at != -1 and "刚" not in text[max(last, at - JUST_REACH):at]
               for at in (text.find(w, last) for w in words))


def _banter(text: str, hits: list[_Hit], words: Sequence[str], detector: Detector) -> bool:
    """Each harm told after a figure in its clause (热得车里都快冒烟了: further from it than a figure
    reaches alone), then the writer turns to a serious question (问个正经的, 言归正传): the figure
    was said in jest. Smoke told plainly before the turn (车头冒烟了 问个正经的) stands, as does a
    harm told after it."""
    if not hits or detector.figures is None or not _said_after(text, hits, words):
        return False
    return all(next(detector.figures.spans(text, text.rfind(CLAUSE, 0, h.start) + 1, h.start), None) is not None for h in hits)


def _without_put_off(text: str, hits: list[_Hit], words: Sequence[str]) -> str:
    """The text with each clause that puts its matter off (回头再说) and tells no harm blanked, its
    length kept so the harm's places stand."""
    for w in words:
        for at in _finds(text, w):
            start, end = text.rfind(CLAUSE, 0, at) + 1, _clause_end(text, at)
            if not any(start <= h.start < end for h in hits):
                text = text[:start] + CLAUSE * (end - start) + text[end:]
    return text


def _new_matter(text: str, hits: list[_Hit], words: Sequence[str]) -> int:
    """Where the last new matter opened (先不说这个, 对了对了) before some harm told, or 0. A word
    with a gap (本来想…结果) opens it where its last part ends: what was meant, then what befell."""
    last = max((h.start for h in hits), default=0)
    ends = []
    for w in words:
        first, _, rest = w.partition("…")
        for at in _finds(text, first):
            end = at + len(first)
            if rest:
                then = text.find(rest, end)
                end = then + len(rest) if then != -1 else -1
            if 0 < end <= last:
                ends.append(end)
    return max(ends, default=0)


def _now_in_past_story(text: str, hits: list[_Hit], frames: Sequence[Frame], detector: Detector) -> bool:
    """Words of now (刹不住) said in a story a word of the past opens before them and another
    closes after every harm told (去年…我刹不住把他撞了 腿骨折 现在已经治好了): they tell how it
    happened then. (…冒烟还有火苗 就在小区门口 …这车去年才挂的牌: no past opens the fire)"""
    past = next((f.words for f in frames if f.name == "past"), ())
    places = [(at, at + len(w)) for w in past for at in _finds(text, w)]
    said = [at for at, _ in places]
    found = list(detector.now.finditer(text)) if detector.now is not None else []
    nows = [m.start() for m in found]
    if not said or not nows:
        return False
    story = [at for at, end in places if not _dates_thing(text, end, detector.rules.bought)]
    if story and all(m.group().startswith(_JUST) and any(
            at < m.start() and CLAUSE not in text[at:m.start()] for at in story) for m in found):
        # 前几天高速上刚出了个连环追尾: 'just' dated by a past word before it in its clause is just then
        return True
    if story and min(story) < min(nows) and detector.told_then is not None \
            and all(detector.told_then.fullmatch(m.group()) for m in found):
        # words of now a story of the past tells too, after a word of the past (上个月出车祸有人受伤 打122
        # 没人接 能投诉吗; 去年…烟还往楼道里窜 物业要赔吗): how it went then, a complaint now
        return True
    return min(said) < min(nows) and all(h.end <= max(said) for h in hits) and max(nows) < max(said)


def _dates_thing(text: str, end: int, bought: Sequence[str]) -> bool:
    """去年买的车刹不住了: a past word right before a thing got then (买, 刚买, 新提) dates the thing,
    not a story told."""
    near = text[end:end + DATES_REACH]
    return any(w in near for w in bought)


DATES_REACH = 3
_JUST = "刚"  # 刚, 刚刚, 刚…追尾: relative to the time told before it in its clause


_SHOWN = ("injury", "symptom", "illness", "stroke-signs") + _BODY_STATES  # what a body shows, not what befell it
_RISING = ("water",)  # 现在水已经到车窗下面了: a water level told with this moment's word is this moment's
_TOLD_NOW_KINDS = frozenset(_SHOWN + _RISING)
_NOW_TOLD = ("现在", "这会儿", "此刻", "眼下")  # said in a harm's own clause before it: this moment's


def _told_now(text: str, hit: _Hit) -> bool:
    """A harm told with a word of this moment in its own clause before it (现在说肚子疼得厉害), not
    one that lingers (现在腰还疼) nor one that was (骨折过)."""
    if hit.category.id not in _TOLD_NOW_KINDS or _done_to_someone(text, hit):
        return False  # 现在开车的撞了人, …现在最后买车的人…撞伤了人: who drives now, not a body seen now
    start = text.rfind(CLAUSE, 0, hit.start) + 1
    return not _lived_through(text, hit) and any(
        (at := text.find(w, start, hit.start)) != -1 and "还" not in text[at:hit.end] for w in _NOW_TOLD)


_DONE_TO = ("人", "个人", "一个人", "了人", "了个人", "了一个人")


def _done_to_someone(text: str, hit: _Hit) -> bool:
    """撞伤了人: the harm is told as done to a person named after it, an event like 撞了人, not what
    a body is seen to show."""
    return text.startswith(_DONE_TO, hit.end)


def _lived_through(text: str, hit: _Hit) -> bool:
    """骨折过, 被撞过: 过 after a harm says it was lived through, not that it is happening."""
    return text.startswith("过", hit.end)


def _asked_after_acute(said: str, words: Sequence[str], hits: list[_Hit]) -> bool:
    """A harm seen now (acute, or told with 现在) is told in a clause before every clause the frame's
    words are said in, and none of those clauses tells a harm: the frame asks about something
    else (a fine, the insurance, whether to move the car), not about the harm."""
    found = _frame_spots(said, words, hits)
    if not found:
        return False
    first = min(said.rfind(CLAUSE, 0, at) + 1 for at in found)
    if any(h.start >= first for h in hits):
        return False
    # a clause told between the harm and the question: a scene described, then something else
    # asked (胳膊骨折过 能考驾照吗, 孩子一直不吭声 是不是考砸了 ask of that very harm)
    return any((h.category.acute and not _lived_through(said, h) or _told_now(said, h)
                or h.category.id in _BURNING and _burning_now(said, h))
               and said.find(CLAUSE, h.end, first - 1) != -1 for h in hits)


RUN_ON_SCENE = 6  # characters told between a fire and a question typed on after it: a scene of its own


def _asked_on_from_danger(said: str, words: Sequence[str], hits: list[_Hit]) -> bool:
    """Harm told as under way, then, typed on with no break, a question of its own that every word of
    the frame comes after: the question is of what to do or what the law says, asked from inside the
    danger (as _asked_after_acute where a break is typed). A person's harm that will not wait
    (车翻了人压在下面出不来保险怎么报驾照会不会吊销) needs nothing between; a fire needs a scene told
    after it (我们堵在后面车开不走): 电动车充电着火了算不算违法 asks of the fire itself."""
    if not hits or CLAUSE in said:
        return False
    end = max(h.end for h in hits)
    spots = _frame_spots(said, words, hits)
    if not spots or min(spots) < end:
        return False
    first = min(spots)
    if not (ASKING.search(said, end) or EITHER.search(said, end)):
        return False
    return any(h.category.acute and h.category.id in _PERSON_HARMED and not _lived_through(said, h)
               or h.category.id in _BURNING and _burning_now(said, h) and first - end >= RUN_ON_SCENE for h in hits)


def _how_words(rules: EmergencyRules) -> tuple[str, ...]:
    return next((f.words for f in rules.frames if f.name == "how"), ())


def _plea_after_acute(said: str, words: Sequence[str], usually: Sequence[str], how: Sequence[str],
                      hits: list[_Hit]) -> bool:
    """The general frame says only 'usually' (一般, 通常, 应当; no 规定, 法律 beside it), in clauses
    that ask what to do (咋办, 如何处理), and harm that will not wait (or a fire under way: 车尾有火苗)
    was told in a clause before them all: the question asks what to do now. Harm in the asking clause (有人受伤一般怎么处理)
    asks the rule."""
    covered = [(at, at + len(w)) for w in usually for at in _finds(said, w) if not any(h.start <= at < h.end for h in hits)]
    if not covered or not how:
        return False
    if not all(any(s <= at < e for s, e in covered) for at in _frame_spots(said, words, hits)):
        return False
    asking = {said.rfind(CLAUSE, 0, at) + 1 for at, _ in covered}
    if not all(any(w in said[c:_clause_end(said, c)] for w in how) for c in asking):
        return False
    first = min(asking)
    return all(h.end <= first for h in hits) and any(
        (h.category.acute and not _lived_through(said, h) or _told_now(said, h)
         or h.category.id in _BURNING and _burning_now(said, h)) for h in hits)


_SIGNS = ("symptom", "illness", "stroke-signs")  # signs after a crash (一直吐, 看不见) or a sudden illness: they will not wait either


def _harm_of_someone_apart(said: str, words: Sequence[str], hits: list[_Hit], detector: Detector,
                           before_only: bool = False) -> bool:
    """A frame scopes over the clause it is said in, not over the message: a harm told of someone of
    this moment (俺爸, 我弟, 俺家娃娃, 刚 …) in a clause no frame word is in, with no 'if' before it,
    is danger now, whatever another clause asks (the fine for no plates, who pays, drink driving).
    A harm lived through (骨折过) stays what it was. `before_only`: a topic (考试, 科目) is set apart
    only where said before the harm in a clause setting the scene (考完科目三回来路上): said after the
    harm it may explain it (孩子一直不吭声 是不是考砸了), said alone it is the topic (驾校模拟题)."""
    found = _frame_spots(said, words, hits)
    if not found or detector.here is None:
        return False
    if before_only and (max(found) > min((h.start for h in hits), default=0) or not all(
            any(w in _clause_at(said, at) for w in detector.rules.settings) for at in found)):
        return False  # 驾校模拟题 路上看见有人让车撞了: the topic of the whole; 考完科目三回来路上: a scene
    framed = {(said.rfind(CLAUSE, 0, at) + 1, _clause_end(said, at)) for at in found}
    ifs = [at for w in detector.rules.ifs for at in _finds(said, w)]
    for h in hits:
        start, end = said.rfind(CLAUSE, 0, h.start) + 1, _clause_end(said, h.start)
        if (start, end) in framed or _lived_through(said, h) or any(at < h.start for at in ifs):
            continue
        if not (h.category.acute or h.category.id in _SIGNS or h.category.id in _BURNING and _burning_now(said, h)):
            continue  # 他撞了人, 腿擦破点皮: what befell someone, not a state seen that will not wait
        if h.category.id in _BURNING and (said.endswith(_GOING_BEFORE, 0, h.start) or _perceived(said, h)) \
                and detector.accident is not None and detector.accident.search(said, 0, h.start) is not None:
            # 车撞护栏了 发动机盖缝里往外冒黑烟 …交强险能赔吗: the car burns as it is told, whoever is named
            # (撞了护栏 车头冒烟了 算什么责任 tells the smoke as part of what happened)
            return True
        if _told_before(said, h.start, framed, detector):
            return True
        if before_only and detector.persons is not None and detector.persons.search(said, start, h.start):
            return True  # …侧翻了 司机在驾驶室里喊腿卡住了: anyone named in the harm's own clause
    return False


def _told_before(said: str, at: int, framed: set[tuple[int, int]], detector: Detector) -> bool:
    """Someone of this moment named before a harm: in its own clause, or in the clauses just before
    it back to the nearest one a frame word is in (刚跟一个骑电瓶车的碰了，大爷坐地上起不来，一直捂着
    胸口): the harm's clause goes on telling of them."""
    begin = said.rfind(CLAUSE, 0, at) + 1
    if _names_here(detector.here, said[begin:at]):
        return True
    end = begin - 1
    while end > 0:
        begin = said.rfind(CLAUSE, 0, end) + 1
        if (begin, end) in framed:
            return False
        if _names_here(detector.here, said[begin:end]):
            return True
        end = begin - 1
    return False


_SELF = ("我", "俺", "咱")
_SPEAKER_END = "他她人方机们警生士主的"  # 他说, 对方说, 司机说, 开车的说: someone's words follow


_OTHER_PARTY = ("司机", "开车的", "车主", "肇事的", "撞他的人", "撞她的人", "撞我的人", "撞人的", "撞他的", "撞她的", "撞我的")  # who says 'fine' of the one they hit (对方 may be the one hit)


def _their_words(said: str, words: Sequence[str], hits: list[_Hit], speakers: Sequence[str] = ()) -> bool:
    """Every frame word said is in what another person says (司机说他没碰着, 对方说不关他的事), and
    a harm is told outside it: the writer tells the harm, the other only disputes it. With
    `speakers`, only what they say counts (司机说没事; 他说没事 may be the one hurt speaking)."""
    found = [at for w in words for at in _finds(said, w)
             if not any(h.start <= at < h.end for h in hits)]
    if not found:
        return False
    speech: list[tuple[int, int]] = []
    for at in found:
        start = said.rfind(CLAUSE, 0, at) + 1
        k = said.rfind("说", start, at)  # the words nearest before it (…有一个说肚子疼…司机说没事)
        if k <= start or said[k - 1] not in _SPEAKER_END:
            return False  # 交警一直不说侦办进展: no one's words, the writer's complaint
        speaker = next((p for p in speakers if said.endswith(p, start, k)), None)
        if speakers and speaker is None:
            return False
        # 我跟他说没事: the writer's words; in a message typed without a break (我是老师…司机说没事),
        # the one named right before 说 speaks, not whoever opened it
        if said.startswith(_SELF, start) and (speaker is None or said[k - len(speaker) - 1:k - len(speaker)] in _TOLD_TO):
            return False
        speech.append((k, _clause_end(said, at)))
    return any(not any(s <= h.start < e for s, e in speech) for h in hits)


_TOLD_TO = "跟和对给同"  # 我跟司机说: the one spoken to, not the speaker
_HABIT = ("老是", "总是", "经常", "每次")  # the general frame's words of what keeps happening


def _habit_after_harm(said: str, words: Sequence[str], hits: list[_Hit]) -> bool:
    """The general frame is said only by words of what keeps happening, each after a harm told
    (电动车老是起火 asks about a fault: the fire is told after 老是, and the frame stands)."""
    found = [(w, at) for w in words if w in said for at in _finds(said, w)]
    return bool(found) and all(w in _HABIT for w, _ in found) and all(
        any(h.end <= at for h in hits) for _, at in found)


_ASLEEP = ("睡着",)  # the general frame's words of sleep (开车睡着了): not talk where a fire burns
_SHUT_IN = ("trapped", "locked-unresponsive", "child-locked")  # a sleeper not answering from outside: shut in, not asleep


def _asleep_in_danger(said: str, words: Sequence[str], hits: list[_Hit]) -> bool:
    """The general frame is said only by a word of sleep, and a fire, smoke or leak is told, or
    the sleeper is shut in and does not answer from outside (睡着了 敲窗户没反应: asleep in a running
    car and not waking is unconscious; 孩子睡着了 叫不醒 能不能抱下车 is a deep sleep): the other
    frames judge it (开车睡着了撞了 车头冒烟了 算什么责任 stays a question of blame)."""
    found = [w for w in words if w in said]
    if not found or not all(w in _ASLEEP for w in found):
        return False
    last = max(said.rfind(w) for w in found)
    # 司机趴方向盘上 敲窗户没反应 是不是睡着了: asleep only guessed at, after a state seen that will not wait
    guessed = _GUESS.search(_clause_at(said, last)) is not None and any(
        h.category.acute and h.end <= last for h in hits)
    # 宝宝被反锁在车里睡着了 拍玻璃也叫不醒: shut in before the sleep is told, and not waking after it
    shut_in = any(h.category.id in _SHUT_IN for h in hits) and any(
        h.category.id in _AWAKE and h.start > last for h in hits)
    return guessed or shut_in or any(
        h.category.id in _BURNING or h.category.id == _FUMES
        or h.category.id in _SHUT_IN and h.start > last
        for h in hits)


_GUESS = re.compile("是不是|是否|不会是|可能是|还是|吧$")  # a state guessed at, not told
_FUMES = "fumes"  # asleep in a parked car with the heater running, not waking: poisoned, not sleeping


_WORDS_AFTER = ("都", "也", "说", "讲")  # 的话 before these is the noun 话 (冷的话都说不出来), not an 'if'


def _no_if(said: str, words: Sequence[str], hits: list[_Hit], frames: Sequence[Frame], detector: Detector) -> bool:
    """Every 'if' word here supposes no harm: its clause names no harm and no accident, and either
    asks what the law or money will do (会不会坐牢, 对方全责的话: the `about` frame's words) or is a
    question of its own with harm told after it (万一对方不认账咋办啊 俺男人被撞了 躺路边流了好多血);
    or 的话 is the noun 话. Such a message is judged by its other frames."""
    about = next((f.words for f in frames if f.name == "about"), ())
    law = next((f.words for f in frames if f.name == "law"), ())  # 会不会罚款: what the law will do
    found = [(at, w) for w in words for at in _finds(said, w)]
    if not found:
        return False
    for at, w in found:
        if w == "的话" and said.startswith(_WORDS_AFTER, at + len(w)):
            continue
        if w.startswith("会") and all(h.end <= at for h in hits) \
                and any(said.startswith(a, at + len(w)) for a in about + law):
            continue  # …躺在路边不动了 对了他没戴头盔 会不会罚款: asked last, of the law, all harm told before it
        start, end = said.rfind(CLAUSE, 0, at) + 1, _clause_end(said, at)
        clause = said[start:end]
        if any(start <= h.start < end for h in hits) or detector.accident is not None and detector.accident.search(clause):
            return False
        if (w.startswith("会") or w == "的话") and any(a in clause for a in about + law):
            continue
        if not (IF_ASKS.search(clause) and any(h.start >= end for h in hits)):
            return False
    return True


# an 'if' clause that is a question of its own (万一对方不认账咋办, 如果不报警私了行不行)


def _framed_in(text: str, fixed: str, frame: Frame, hits: list[_Hit], detector: Detector) -> str | None:
    """The text a frame's words are said in: as typed, or else as repaired, or None. 一直想睡觉 is a
    sign of harm, not the frame 睡觉 (开车睡着了). A frame word typed as its homophone (车主也要陪钱么)
    frames as typed right would; everyone said to be fine is believed only as typed: a repair must
    never talk harm away."""
    trades = frame.name != "hypothetical"  # 万一骑车的被撞了 is the if, not a trade
    glued = frame.name in _GLUE_FRAMES
    if _outside(text, frame.words, hits, detector, trades=trades, glued=glued):
        return text
    if frame.name in _FRAMES_TYPED or fixed == text or len(fixed) != len(text):
        return None
    slips = [w for w in frame.words if _slip_of(text, fixed, w, hits, detector)]
    return fixed if slips and _outside(fixed, slips, hits, detector, trades=trades, glued=glued) else None


def _slip_of(raw: str, fixed: str, word: str, hits: list[_Hit], detector: Detector) -> bool:
    """The repair made this frame word from one slipped character, typed as no word of its own:
    陪钱 is 赔钱; 湿了 stays wet (私了 ends in a particle, and a particle word is spelled alike by
    too many), 受理 stays 受理."""
    if len(word) < 2 or word[-1] in _PARTICLES or not all(_HAN.match(ch) for ch in word):
        return False
    for at in _finds(fixed, word):
        typed = raw[at:at + len(word)]
        changed = [i for i in range(len(word)) if typed[i] != word[i]]
        if len(changed) == 1 and typed[changed[0]] not in _GRAMMAR + _COPULA \
                and not any(h.start < at + len(word) and at < h.end for h in hits) \
                and (detector.freq is None or detector.freq(typed) == 0):
            return True
    return False


def _people_fine_after(text: str, words: Sequence[str], hits: list[_Hit]) -> bool:
    """A clause that begins by saying the people are fine (人没事, 人都没事, 没人受伤), after every
    danger told, where no danger is a state of a body (流血, 叫不醒): 其他人没事 is no such clause."""
    if any(h.category.id in _BODY_STATES for h in hits):
        return False
    last = max(h.end for h in hits)
    return any(text.startswith(w, at) for w in words if "人" in w
               for at in (text.find(CLAUSE, last) + 1,) if at > 0)


def _outside(text: str, words: Sequence[str], hits: list[_Hit], detector: Detector, trades: bool = True,
             glued: bool = False) -> bool:
    """One of the words said somewhere that is not part of a danger word (一直想睡觉 holds 睡觉).
    `trades`: a frame word may begin a person named by their work (修车的师傅); an 'if' never does
    (万一骑车的被撞了 is the if). `glued`: a word of time or of 'if' whose first character ends a
    common word is that word's (晚上回村 says no 上回)."""
    built: list[tuple[int, int]] | None = None
    for w in words:
        at = text.find(w)
        while at != -1:
            if not any(h.start <= at and at + len(w) <= h.end for h in hits) \
                    and not (trades and _trade(text, at + len(w), detector)) \
                    and not (glued and _glued_before(text, at, w, detector)):
                if built is None:
                    built = _built_spans(text, detector)
                if not any(s <= at < e for s, e in built):
                    return True
            at = text.find(w, at + 1)
    return False


def _glued_before(text: str, at: int, word: str, detector: Detector) -> bool:
    """A two-character frame word whose first character ends a common word begun just before it
    (晚上回村 holds 上回 'last time', but says 晚上 'at night'): that word is what was said."""
    return len(word) == 2 and at > 0 and detector.freq is not None \
        and detector.freq(text[at - 1:at + 1]) >= GLUED_FREQ


def _trade(text: str, end: int, detector: Detector) -> bool:
    """A frame word that with 的 names who someone is by their work (修车的师傅, 修车的被撞倒了): a
    person, not the repair talked about (修车的钱 stays the frame)."""
    at = text.find("的", end, end + 3)
    if at == -1 or CLAUSE in text[end:at]:
        return False
    after = at + 1
    return text[after:after + 1] in tuple(_AGENT) or (
        detector.people is not None and detector.people.match(text, after) is not None)


def _built_spans(text: str, detector: Detector) -> list[tuple[int, int]]:
    """Where words built from groups run (Listed words are not taken: 血本 stays the frame that
    calms 出血本). Each pattern is run once over the text, so a long message stays cheap."""
    masked = _masked(text, detector)
    # a category's built words stand only beside what it needs (孩子在车上睡着了 is no child locked
    # in unless a lock is told, so its 睡着 stays the frame)
    return [span for cat in detector.categories if cat.needs is None or cat.needs.search(masked)
            for p, _ in cat.composed for span in p.spans(masked)]


# 突然 turns a story: after it, what a body shows (当时没事 突然喘不上气) is now, but what befell
# someone (昨天…一个老头突然往我车上一靠就躺地上说被撞了) is the story's own turn
_STORY_TURN = ("突然",)
_TURNS_OF_STORY = ("hit", "down")


def _told_again(text: str, words: Sequence[str], hits: list[_Hit], detector: Detector) -> bool:
    """A harm said after a word of now (现在) that comes after the story of the past."""
    if detector.now_again is None:
        return False
    past = max(text.rfind(w) for w in words if w in text)
    # 当时没事 …脸发紫: a word of now may open with the past's own word (当时), and still follows it
    found = [m for m in detector.now_again.finditer(text) if m.end() > past + 2]
    again = [m.start() for m in found if m.group(0) not in _STORY_TURN]
    # 现在在家养着 可是一直吐血: a 'but' after the last word of the story turns to harm now
    again += [at for w in detector.rules.but for at in _finds(text, w) if at >= past + 2]
    now = min(again, default=len(text))
    # what a body shows after 突然 (当时没事 突然喘不上气) is now; an event told after it
    # (昨天…一个老头突然往我车上一靠就躺地上说被撞了) is the story's own turn
    turn = min((m.start() for m in found if m.group(0) in _STORY_TURN), default=len(text))
    return any(h.start > now or h.start > turn and h.category.id not in _TURNS_OF_STORY for h in hits)


def _made_real(text: str, ifs: Sequence[str], real: Sequence[str], hits: list[_Hit]) -> bool:
    """An 'if' said, then words saying it is so (我现在就是这情况, 不是假如 是真的), and a harm told
    after them or before: the supposition was this very case."""
    said = [at for w in real for at in _finds(text, w)]
    first_if = min((at for w in ifs for at in _finds(text, w)), default=None)
    return bool(said and hits) and (first_if is None or max(said) > first_if)


_DATES_STORY = ("的事", "那次", "那回", "那会", "时候")  # 上个月的事: a past word dating the story told before it


def _dated_apart(text: str, words: Sequence[str], hits: list[_Hit]) -> bool:
    """A fire or leak told as under way after a crash, and every word of the past said only in
    clauses after it that date something else (我上个月刚买的车险), not the story (上个月的事)."""
    burning = [h for h in hits if h.category.id in _BURNING and _burning_now(text, h)]
    if not burning:
        return False
    last = max(_clause_end(text, h.start) for h in burning)
    found = [at for w in words for at in _finds(text, w)]
    return bool(found) and all(at > last and not any(d in _clause_at(text, at) for d in _DATES_STORY) for at in found)


def _another_time(text: str, words: Sequence[str], hits: list[_Hit], also: Sequence[str]) -> bool:
    """Harm told first, none of it lived through, and every word of the past said only after the
    clause of the first, each in a clause of its own that tells of another time (也) and no harm."""
    if not hits or any(_lived_through(text, h) for h in hits):
        return False
    last = min(_clause_end(text, h.start) for h in hits)
    found = _frame_spots(text, words, hits)
    if not found:
        return False
    for at in found:
        start, end = text.rfind(CLAUSE, 0, at) + 1, _clause_end(text, at)
        if at <= last or not any(a in text[start:end] for a in also) or any(start <= h.start < end for h in hits):
            return False
    return True


def _fine_contradicted(text: str, hits: list[_Hit]) -> bool:
    """Someone said to be fine, then 'but' and a harm told after it: the harm seen outweighs the word."""
    return any(h.start >= m.end() for m in _CONTRADICTED.finditer(text) for h in hits)


def _reported_first(text: str, hits: list[_Hit], detector: Detector) -> bool:
    """The message opens by reporting a crash as it happened (出车祸了, 撞车了), and harm of a body is
    told after it: what follows is asked at the scene."""
    report = detector.report.match(text) if detector.report is not None else None
    return report is not None and report.group().endswith(("了", "啦")) and any(
        h.start >= report.end() and h.category.id != CRASH_NOW for h in hits)


def _feared_after(text: str, words: Sequence[str], hits: list[_Hit], detector: Detector) -> bool:
    """A harm said after a word of now (现在), and every 'if' said after it: what the harm may lead
    to is feared (现在好疼 会不会内出血); 如果现在有人受伤 supposes the harm itself."""
    if detector.now_again is None:
        return False
    first_if = min(text.find(w) for w in words if w in text)
    now = detector.now_again.search(text)
    return now is not None and any(now.start() < h.start and h.end <= first_if for h in hits)


_DIALS = ("打", "拨", "叫救护车")  # the call frame's words that ask a number to dial


def _speech_before(text: str, words: Sequence[str], hits: list[_Hit]) -> bool:
    """A frame word that reports what someone said (教练说, 老师上课说) before every harm told: the
    clauses after it are what was said, not a report of this moment."""
    first = min(h.start for h in hits)
    return any(w[-1] in _SAYING and -1 < text.find(w) < first for w in words)


_SAYING = "说讲"


def _calls_after(text: str, frames: Sequence[Frame], hits: list[_Hit], detector: Detector, told: bool = False) -> bool:
    """Whom to call is asked after an acute harm was told (`told`: after any of `hits`, each told
    as having happened), with someone named (他, 大哥)."""
    call = _dialled(frames)
    first = min((h.start for h in hits if told or h.category.acute), default=len(text))
    if any(w in text[:first] for f in frames if f.strong for w in f.words):
        return False  # 驾校老师上课说，遇到有人被困要先打119: a rule taught, the harm framed before it is told
    return (any(text.find(w, first) != -1 for w in call) or _WHICH_FIRST.search(text, first) is not None) \
        and _says(detector.here, text, text)


# 先打120还是先报保险, 打120还是122: which number to dial first, asked (the numbers are the law's, not staff words)
_WHICH_FIRST = re.compile("先打1[12][029]|打1[12][029]还是")


def _burning_apart(text: str, hits: list[_Hit]) -> list[_Hit]:
    """The fires, smoke or leaks told as under way, each in a clause that asks nothing."""
    return [h for h in hits if h.category.id in _BURNING and _burning_now(text, h) and not asks(_clause_at(text, h.start))]


def _calls_after_burning(text: str, rules: EmergencyRules, hits: list[_Hit]) -> bool:
    """Whom to call is asked after a fire, smoke or leak told as under way, in a clause of its own
    that asks nothing and supposes nothing (如果车冒烟了，打什么电话 supposes it)."""
    told = [h.start for h in _burning_apart(text, hits) if not any(w in text[:h.start] for w in rules.ifs)]
    if not told:
        return False
    later = text.find(CLAUSE, min(told))
    return later != -1 and any(text.find(w, later) != -1 for w in _dialled(rules.frames))


# 现在要先干嘛, 现在咋办: what to do this moment, asked by the one at the scene
_DOING_NOW = re.compile("(?:现在|这会儿|眼下)(?:我|俺)?(?:要|该|应该|得)?先?(?:干嘛|干啥|干什么|做什么|做啥|怎么办|咋办|咋整|咋弄|怎么弄)(?!理)")


def _doing_now_after_burning(text: str, rules: EmergencyRules, hits: list[_Hit]) -> bool:
    """What to do this moment asked after a fire, smoke or fuel told after a crash, nothing
    supposed nor dated before it (停车场里我的车被撞了前面冒烟还有汽油味对方全责吧我现在要先干嘛): the writer is
    beside it. (The caller checks the crash.)"""
    before = _then_words(rules) + list(rules.ifs)
    told = [h.end for h in hits if h.category.id in _BURNING and not any(w in text[:h.start] for w in before)]
    return bool(told) and _DOING_NOW.search(text, min(told)) is not None


def _then_words(rules: EmergencyRules) -> list[str]:
    """The words that date a harm in the past or suppose it (上个月, 如果 …: the frames' own)."""
    return [w for f in rules.frames if f.name in ("past", "hypothetical") for w in f.words]


def _dialled(frames: Sequence[Frame]) -> list[str]:
    """The call frame's words that ask a number to dial (打哪个电话; not 找谁)."""
    return [w for f in frames if f.name == "call" for w in f.words if w.startswith(_DIALS)]


def _happened(text: str, hits: list[_Hit]) -> bool:
    """A harm told as done (受伤了, 撞人了), not named as a kind of accident (受伤的事故)."""
    return any(text.startswith("了", h.end) for h in hits)


_NEWS_END = "了啦"  # 撞人了, 受伤啦: a clause ending so tells what has just happened
# what befalls a person (车里进水了 怎么处理 asks of a car's carpet; fires have `_burning_now`)
_PERSON_HARMED = ("injury", "immobile", "casualty", "severe", "bleeding", "unconscious", "trapped", "down", "hit", "death")


def _reported_alone(text: str, words: Sequence[str], hits: list[_Hit]) -> bool:
    """A harm told as news before the question: in a clause of its own ending with a 了 (撞人了，
    怎么办; 有人受伤了，咋办), so it happened just now; or naming one person hit (撞了个人咋办).
    撞了人怎么办 and 撞伤人了怎么办, in one breath and no one in particular, may ask of such accidents
    in general."""
    asked = min((at for w in words for at in _finds(text, w)), default=-1)
    for h in (h for h in hits if h.category.id in _PERSON_HARMED):
        if h.start >= asked:
            continue
        end = _clause_end(text, h.start)
        tail = text[h.end:end].lstrip(_RESULT)  # 有人被撞飞了: what it did to them, then the news
        if end < asked and tail and tail[0] in _NEWS_END and all(c in _REPORT_TAIL for c in tail):
            return True
        if _PARTICULAR.search(h.text):
            return True  # 撞了个人咋办: one particular person, so this accident, not such accidents
    return False


_PARTICULAR = re.compile("了一?个")  # 撞了个人, 撞了一个老汉: someone in particular was hit


def _pleads(text: str, words: Sequence[str], detector: Detector) -> bool:
    """Panic, not a question: 'how' asked again and again (怎么办 怎么办), a crash cried twice
    running (撞了撞了), or a cry drawn out (啊啊啊)."""
    if any(text.count(w) >= 2 for w in words) or _DRAWN_OUT.search(text):
        return True
    # a clause that only hurries (撞了人怎么办 快, …快告诉我, 快 撞人了 120打不通 怎么办): asked in a hurry, not looked up
    if detector.hurry is not None:
        rests = [text[text.find(w) + len(w):].split(CLAUSE)[0] for w in words if w in text]  # 怎么办快
        if any(c and detector.hurry.fullmatch(c) for c in (_TOLD_ME.sub("", c) for c in text.split(CLAUSE) + rests)):
            return True
    crash = detector.crash
    return crash is not None and any((again := crash.match(text, m.end())) is not None and again.group() == m.group()
                                     for m in crash.finditer(text))


_DRAWN_OUT = re.compile("([啊呀哇呜])\\1\\1")
_TOLD_ME = re.compile("(?:告诉|教教|回复)[我俺]?(?:一下)?")
# 着火了, 冒着烟: told as happening, not named as a kind of accident (着火的车). A tuple, not a string:
# the end of the text ("") is no character after a hit.
_UNDER_WAY = ("了", "着", "啦")


def _burning_now(text: str, hit: _Hit) -> bool:
    """A fire, leak or trap told as happening (着了, 冒烟了, 在漏, 冒着烟), not named (着火的车)."""
    return hit.text.endswith(_UNDER_WAY) or text[hit.end:hit.end + 1] in _UNDER_WAY \
        or text.startswith(_MOVING, hit.end) or _clause_alone(text, hit) or _perceived(text, hit) \
        or any(w in hit.text for w in _SPREAD + _SOUNDING) \
        or text.endswith(_SUDDEN, 0, hit.start) or text.endswith(_GOING_BEFORE, 0, hit.start) \
        or hit.text.startswith(_GOING_BEFORE) \
        or hit.start > 0 and text[hit.start - 1] in _GOING_ON or any(ch in _GOING_ON for ch in hit.text[1:]) or hit.text.startswith("在") \
        or text[hit.end:hit.end + 1] == CLAUSE and text.startswith(_GROWING, hit.end + 1) \
        or any(w in _clause_at(text, hit.start) for w in _SOUNDING) \
        or text.startswith(_STRONG, hit.end) or _filled(text, hit) or _there_at(text, hit)


def _there_at(text: str, hit: _Hit) -> bool:
    """车尾有火苗: a fire said to be at a place, ending its clause, is seen there now (车上有没有
    火苗 asks; 有火苗怎么办 asks in the same clause)."""
    return hit.start > 1 and text[hit.start - 1] == "有" and text[hit.start - 2] not in "没不" \
        and (hit.end == len(text) or text[hit.end] == CLAUSE)


_GROWING = ("越冒越", "越烧越", "越来越大", "越来越浓", "越来越多")  # 冒白烟，越冒越大: the next clause tells it growing
# 满地都是油: a spill told as it lies there now; 火很大: a fire told by its size now
_SPREAD = ("满地", "满路", "一地", "一滩", "一大滩", "一摊", "一大摊", "很大", "好大", "太大", "挺大", "特别大")
# 罐子倒了嘶嘶响, 底盘冒烟还噗噗响, 呼呼冒烟: a leak or a fire heard, in its word or its clause, is going on now
_SOUNDING = ("嘶嘶", "噼啪", "滋滋", "吱吱", "噗噗", "呲呲", "哧哧", "呼呼", "突突", "滴答", "嘀嗒")
# 汽油味呛人, 烟熏人: a smell told by how it strikes the one smelling it is smelt now
_STRONG = ("呛人", "呛得", "刺鼻", "很冲", "好冲", "熏人", "冲鼻")
_PERCEIVING = ("闻着", "闻到", "闻见", "看着", "看到", "看见", "听着", "听到", "听见")
_WHIFF = ("一股",)


def _filled(text: str, hit: _Hit) -> bool:
    """满隧道都是烟, 满屋子全是烟: a place told full of it opens the hit's clause: what is seen there now."""
    before = _before_in_clause(text, hit)
    return before.startswith(_FULL) and len(before) <= _FULL_REACH


_FULL = "满"
_FULL_REACH = 4  # 满隧道, 满车里: the place between 满 and what fills it is a word or two


def _perceived(text: str, hit: _Hit) -> bool:
    """闻着一股焦糊味, 看见冒火苗了: what the writer smells or sees in the hit's clause is there now
    (现在车里一股很冲的天然气味: a whiff, 一股, told with a word of this moment is smelt now)."""
    before = _before_in_clause(text, hit)
    return any(w in before for w in _PERCEIVING) or text.startswith(_WHIFF, hit.start) and any(w in before for w in _NOW_TOLD)


def _perceived_before(text: str, hit: _Hit) -> bool:
    """现在闻着一股焦糊味 楼道里有烟了: the clause just before the hit's says what is smelt or seen now."""
    start = text.rfind(CLAUSE, 0, hit.start)
    if start <= 0:
        return False
    before = text[text.rfind(CLAUSE, 0, start) + 1:start]
    return any(w in before for w in _PERCEIVING)


def _clause_alone(text: str, hit: _Hit) -> bool:
    """The hit is the whole of its clause (…侧翻了，漏油，味道很冲): a thing seen, reported as it is."""
    start = text.rfind(CLAUSE, 0, hit.start) + 1
    return start == hit.start and (text[hit.end:] + CLAUSE).lstrip(_REPORT_TAIL).startswith(CLAUSE)


# fire and what feeds it: told as under way, no 'how' calms them (water in a car after rain may be
# a question of the carpet: 车里进水了 怎么处理)
_BURNING = ("fire", "smoke-fuel", "gas-smell")
_SHUT_IN = ("trapped", "water", "shut-in")  # what 救出来了 can end (a child out of a hot car may still need care)
JUST_REACH = 2  # 刚 this close before 救出来了 tells it happened just now
_GOES_OUT = "火烟燃烧着著炸"  # what a fire or smoke word is told with: what 灭了 can end
_GOING_ON = "着在越得直还闪"  # 冒着烟, 车在燃烧, 火越来越大, 烧得很旺, 还闪火星子: under way now
# 火苗子往外窜, 烟直冒, 汽油味很冲: what the fire does, or how strong it is, told as it is now
_MOVING = ("往", "直", "一直", "不停", "还在", "很", "特别", "越来越")
# 缝里往外冒黑烟: under way, said before the smoke (or as the start of a listed word: 往外冒烟)
_GOING_BEFORE = ("往外", "一直", "不停地", "不停的", "还在")
_SUDDEN = ("突然", "忽然", "一下子", "猛地", "猛然")  # 充电的时候突然冒火星: told as it happened, not named


# Frames that ask about something (a rule, a fee, money, "I want to ask"): harm told after them, in
# clauses of its own that name who it befell, is not what they ask about. A past, an 'if' or a
# 'when' still frames what follows it (昨天被撞了 腿肿了; 如果有人受伤).
_TOLD_APART = frozenset({"general", "law", "about", "ask"})
_ASKED_APART = frozenset({"law", "about", "ask"})  # of those, the frames that ask a question
# what is seen happen to a body (hit, lying there, bleeding, trapped, burning …), not what is felt
# or said of oneself (科目一挂了 我快哭死了 stays a figure after the exam it is about)
_SEEN = frozenset({"hit", "down", "bleeding", "unconscious", "trapped", "severe", "fire", "smoke-fuel",
                   "child-locked", "water", "illness", "stroke-signs"})


def _after_asking(text: str, words: Sequence[str]) -> int:
    """Where the clause of the last of the frame's words said ends (-1: it is the last clause)."""
    return text.find(CLAUSE, max(text.rfind(w) for w in words if w in text))


def _says_after(here: re.Pattern | None, text: str, words: Sequence[str], hits: list[_Hit]) -> bool:
    """Someone or something of this moment named (here: 我, 他, 孩子, 前面 …) in the clauses after the
    last frame word's clause, apart from the harm words themselves (婚车放鞭炮 冒烟了: 冒烟了 is the
    harm, and names no one)."""
    clause_end = _after_asking(text, words)
    return here is not None and clause_end != -1 and any(
        not any(h.start < m.end() and m.start() < h.end for h in hits) for m in here.finditer(text, clause_end))


def _harmed_after(text: str, words: Sequence[str], hits: list[_Hit]) -> bool:
    """Harm that will not wait, of a person the harm words name themselves (人晕了), told in a clause
    after the clause that asks: who it befell is said in the harm, not beside it."""
    clause_end = _after_asking(text, words)
    if clause_end == -1 or not asks(text[text.rfind(CLAUSE, 0, clause_end) + 1:clause_end]):
        return False  # (驾校模拟题 …: a frame's clause that asks nothing is the scene of what follows)
    return any(h.start > clause_end and h.category.acute and h.category.id in _PERSON_HARMED
               and not _lived_through(text, h) for h in hits)


def _told_after(text: str, words: Sequence[str], hits: list[_Hit], kinds: frozenset[str] | None = None) -> bool:
    """A harm (of `kinds`, when given) said in a clause of its own after the clause that asks how."""
    clause_end = _after_asking(text, words)
    return clause_end != -1 and any(h.start > clause_end and (kinds is None or h.category.id in kinds) for h in hits)


def _if_after_acute(text: str, words: Sequence[str], hits: list[_Hit]) -> bool:
    """Every 'if' is said in a clause after one telling harm that will not wait (trapped, bleeding,
    a fire under way): it supposes something further (what happens to one who helps), not the harm."""
    now = [h for h in hits if h.category.acute and not _lived_through(text, h)
           or h.category.id in _BURNING and _burning_now(text, h)]
    return _after_first(text, _frame_spots(text, words, hits), now)


def _told_after_acute(text: str, words: Sequence[str], hits: list[_Hit]) -> bool:
    """Every topic word is told (not asked) in a clause after one that tells acute harm of someone,
    told two ways: the topic is what else happened (the other party wants the repair paid), not
    the harm's frame."""
    # harm told two ways (让小车撞了, 骨头都露出来了): one word alone may be a figure (出血了 信用卡)
    if len({h.category.id for h in hits if h.category.id in _PERSON_HARMED}) < 2:
        return False
    found = _frame_spots(text, words, hits)
    return _after_first(text, found, [h for h in hits if h.category.acute]) \
        and not any(asks(_clause_at(text, at)) for at in found)


def _frame_spots(text: str, words: Sequence[str], hits: list[_Hit]) -> list[int]:
    """Where the frame's words are said, outside every danger word."""
    return [at for w in words for at in _finds(text, w) if not any(h.start <= at < h.end for h in hits)]


def _after_first(text: str, spots: list[int], harms: list[_Hit]) -> bool:
    """There are spots and harms, and every spot lies past the end of the first harm's clause."""
    if not spots or not harms:
        return False
    first = min(_clause_end(text, h.start) for h in harms)
    return all(at > first for at in spots)


def _topic_asked(text: str, words: Sequence[str]) -> bool:
    """Every clause a topic word is said in asks (甚时候能考科目一呀): the topic is a question of its
    own, not the scene of what is told after it."""
    found = [at for w in words for at in _finds(text, w)]
    return bool(found) and all(asks(_clause_at(text, at)) for at in found)


def _noticed_after(text: str, words: Sequence[str], hits: list[_Hit], detector: Detector) -> bool:
    """After the clause that asks, a clause that asks nothing tells a fire or leak under way (引擎盖那边
    有火光了), or a body's harm with someone named there (后座老人说脖子疼): noticed now, while asking."""
    clause_end = _after_asking(text, words)
    if clause_end == -1:
        return False
    framed = {text.rfind(CLAUSE, 0, at) + 1 for w in words for at in _finds(text, w)}
    if any(text.rfind(CLAUSE, 0, h.start) + 1 in framed for h in hits):
        return False  # 起火做饭 烟挺大: the frame is said of a harm in its own clause, and of what follows
    for h in hits:
        if h.start <= clause_end or asks(_clause_at(text, h.start)):
            continue
        if h.category.id in _BURNING and _burning_now(text, h):
            return True
        if h.category.id in _SHOWN and _says_after(detector.here, text, words, hits):
            return True
    return False


def _names_here(here: re.Pattern | None, text: str) -> bool:
    """Someone or something of this moment named (我, 他, 孩子, 前面 …), but not the one asking in a
    plea to be told (交通事故有人受伤怎么办 麻烦告诉我一下)."""
    return here is not None and any(not text.endswith(_ASKING_WHO, 0, m.start()) for m in here.finditer(text))


def _says(pattern: re.Pattern | None, text: str, fixed: str) -> bool:
    return pattern is not None and (pattern.search(text) is not None or pattern.search(fixed) is not None)


_PURPOSE = ("为了", "以便", "好让")  # 为了赶紧送医院把车挪开了: a haste meant, not a moment told


def _now_said(now: re.Pattern | None, text: str, fixed: str, figures: _Scan | None = None) -> bool:
    """A word of this moment (赶紧, 正在, 刚才) said, not as the aim of something done (为了赶紧…),
    nor run on from a figure of speech (心在流血: the heart's bleeding goes on now)."""
    if now is None:
        return False
    for t in (text, fixed):
        said = [m.start() for m in now.finditer(t) if not t.endswith(_PURPOSE, 0, m.start())]
        if said:  # the figures are looked for only where a word of now was found
            spans = list(figures.spans(t)) if figures is not None else []
            if any(not any(s <= at <= e for s, e in spans) for at in said):
                return True
    return False


def detect(normalized: str, detector: Detector, segment: Callable[[str], Sequence[str]] | None = None) -> str | None:
    """'fire' (119 first), 'harm' (122/120 first) or None, for one text read as typed."""
    clauses = [c for c in re.split(r"[，,]+", normalized) if c.strip()]
    danger = assess(clauses, clauses, detector)
    return danger.kind if danger is not None else None

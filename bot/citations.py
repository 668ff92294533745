"""Citation check: every article an entry cites exists, and every number in its answer is in it.

An answer from a police bot must say only what its source says. Staff name the text and article
in `source:` (《机动车驾驶证申领和使用规定》（公安部令第162号）第七十条); this module finds that
article in the copy of the text under `knowledge/sources/` and checks that each number the answer
states (90, 九十日, 一百五十米, 百分之二十, 12分) appears in the cited article(s). Entries from the
2024 Xinzhou review or the national rules are checked against those files. A number that names a
channel every answer may point to (122, 12123 …) is allowed when national-rules.md lists it under
its emergency numbers or online services.

Pure functions over text; `check_entries` reads the source folder once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge import Entry, Problem
from bot.numerals import chinese_to_int as cn_to_int

SOURCES_DIR = "sources"  # under the knowledge folder; the loader reads only top-level *.yaml
LAWS_DIR = "laws"
NATIONAL_RULES = "national-rules.md"
REPORT = "xinzhou-traffic-police-2024-top10.txt"
# Sections of national-rules.md whose numbers any answer may use: channels, not facts.
CHANNEL_SECTIONS = ("Emergency numbers", "Online services")
REPLY_SOURCE = "来源："  # an emergency reply names what it rests on after this, on its last line

CN_NUM = "零〇一二两三四五六七八九十百千万"
ARTICLE = rf"第([{CN_NUM}]+|\d+)条(?:之([一二三四五六七八九十]|\d+))?"
ARTICLE_RE = re.compile(ARTICLE)
RANGE_RE = re.compile(ARTICLE + r"\s*至\s*" + ARTICLE)
HEADER_RE = re.compile(rf"^第([{CN_NUM}]+)条(?:之([一二三四五六七八九十]))?[ \u3000]")
TITLE_RE = re.compile(r"《([^》]+)》")
ORDER_RE = re.compile(r"公安部令第(\d+)号")
SECTION_RE = re.compile(r"（([一二三四五六七八九十]+)）")
REPORT_SECTION_RE = re.compile(r"^([一二三四五六七八九十]+)、", re.MULTILINE)
# Numbers in an answer that are no facts: an article or order named (第七十条, 第162号, 第一款),
# list numbering at a line's start (1.  2、  （一）), ordinals (第一次), the driving tests' names (科目三).
NOT_FACTS_RE = re.compile(rf"第[{CN_NUM}\d]+(?:条之[一二三]|条|款|项|号|章|节)?|科目[一二三四]|^\s*(?:\d+[.、．]|（[{CN_NUM}\d]+）|\([{CN_NUM}\d]+\))", re.MULTILINE)
ARABIC_RE = re.compile(r"\d+(?:\.\d+)?")
# A Chinese numeral is a fact only before a unit (三年, 九十日, 一百五十米, 12分's Chinese twin) or
# in a percentage or fraction: alone, 一 is mostly a word (一律, 统一, 一盔一带).
CN_UNIT_WORDS = ("个工作日", "工作日", "个月", "周岁", "日", "天", "年", "月", "岁", "分", "米", "公里", "千米",
                 "元", "倍", "次", "小时", "周", "辆", "人", "座", "吨", "千克", "公斤", "毫克", "毫升", "级", "项")
CN_AMOUNT_RE = re.compile(rf"百分之([{CN_NUM}]+)|([{CN_NUM}]+)分之([{CN_NUM}]+)|([{CN_NUM}]+)(?=(?:{'|'.join(CN_UNIT_WORDS)}))")
ANY_CN_RE = re.compile(rf"[{CN_NUM}]+")


def _value(token: str) -> str:
    """One spelling for a number: 90, 12, 0.5 (so 九十 and 90 compare equal)."""
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return str(float(token)).removesuffix(".0")
    value = cn_to_int(token)
    return "" if value is None else str(value)


def numbers_in_source(text: str) -> set[str]:
    """Every number a source text states, Arabic or Chinese, each as its value."""
    found = {_value(m.group()) for m in ARABIC_RE.finditer(text)}
    found |= {_value(m.group()) for m in ANY_CN_RE.finditer(text)}
    found.discard("")
    return found


def numbers_in_answer(answer: str) -> list[tuple[str, str]]:
    """(as written, value) for each number the answer states as a fact."""
    text = NOT_FACTS_RE.sub(lambda m: " " * len(m.group()), answer)
    out: list[tuple[str, str]] = []
    for m in ARABIC_RE.finditer(text):
        out.append((m.group(), _value(m.group())))
    for m in CN_AMOUNT_RE.finditer(text):
        if m.group(1):
            out.append((m.group(), _value(m.group(1))))
        elif m.group(2):
            out.extend((m.group(), _value(g)) for g in (m.group(2), m.group(3)))
        else:
            out.append((m.group(4), _value(m.group(4))))
    return [(shown, value) for shown, value in out if value]


@dataclass(frozen=True)
class LawText:
    title: str  # without 中华人民共和国: 道路交通安全法
    file: str
    order: str = ""  # 公安部令第N号, from the file name
    articles: dict[str, str] = field(default_factory=dict)  # "70" / "133-1" -> the article's text


@dataclass(frozen=True)
class Sources:
    laws: tuple[LawText, ...] = ()
    national_rules: str = ""
    channels: frozenset[str] = frozenset()
    report: str = ""
    report_sections: dict[str, str] = field(default_factory=dict)  # "九" -> that section's text
    report_preamble: str = ""


def _article_key(number: str, suffix: str | None) -> str:
    n = number if number.isdigit() else str(cn_to_int(number))
    return f"{n}-{suffix if suffix.isdigit() else cn_to_int(suffix)}" if suffix else n


def _article_label(key: str) -> str:
    def cn(n: int) -> str:
        digits = "零一二三四五六七八九"
        if n < 10:
            return digits[n]
        if n < 20:
            return "十" + (digits[n % 10] if n % 10 else "")
        if n < 100:
            return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
        rest = n % 100
        tail = "" if rest == 0 else ("零" + digits[rest] if rest < 10 else ("一" + cn(rest) if rest < 20 else cn(rest)))
        return digits[n // 100] + "百" + tail
    base, _, suffix = key.partition("-")
    return f"第{cn(int(base))}条" + (f"之{cn(int(suffix))}" if suffix else "")


def parse_articles(text: str) -> dict[str, str]:
    """Article key ("70", "133-1") -> the article's text, up to the next article or heading."""
    articles: dict[str, str] = {}
    current: str | None = None
    for line in text.splitlines():
        header = HEADER_RE.match(line)
        if header:
            current = _article_key(header.group(1), header.group(2))
            articles[current] = line
        elif line.startswith("#"):
            current = None
        elif current is not None:
            articles[current] += "\n" + line
    return articles


def _plain_title(name: str) -> str:
    name = re.sub(r"[（(][^）)]*[）)]", "", name)
    return name.replace("《", "").replace("》", "").replace("中华人民共和国", "").strip()


def load_sources(knowledge_dir: str | Path) -> Sources:
    root = Path(knowledge_dir) / SOURCES_DIR
    laws: list[LawText] = []
    for path in sorted((root / LAWS_DIR).glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        text = path.read_text(encoding="utf-8")
        heading = re.search(r"^# (.+)$", text, re.MULTILINE)
        title = _plain_title(heading.group(1) if heading else path.stem.split("(")[0])
        order = ORDER_RE.search(path.name)
        laws.append(LawText(title, str(path), order.group(1) if order else "", parse_articles(text)))
    national = _read(root / NATIONAL_RULES)
    channels: set[str] = set()
    for section in re.split(r"^## ", national, flags=re.MULTILINE):
        if section.startswith(CHANNEL_SECTIONS):
            channels |= {_value(m.group()) for m in ARABIC_RE.finditer(section)}
    report = _read(root / REPORT)
    marks = list(REPORT_SECTION_RE.finditer(report))
    sections = {m.group(1): report[m.start(): marks[i + 1].start() if i + 1 < len(marks) else len(report)]
                for i, m in enumerate(marks)}
    preamble = report[: marks[0].start()] if marks else report
    return Sources(tuple(laws), national, frozenset(channels), report, sections, preamble)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def find_law(name: str, laws: tuple[LawText, ...]) -> LawText | None:
    """The text a source names: 《中华人民共和国道路交通安全法》, 道路交通安全法实施条例, 实施条例,
    公安部令第162号 or the ministry order's title."""
    order = ORDER_RE.search(name)
    if order:
        for law in laws:
            if law.order == order.group(1):
                return law
    title = _plain_title(name)
    for law in laws:
        if law.title == title:
            return law
    if title == "实施条例":
        return next((law for law in laws if law.title.endswith("实施条例")), None)
    return None


@dataclass(frozen=True)
class Citation:
    """One text named in a source, with the articles cited from it (empty: none named)."""

    name: str
    law: LawText | None
    articles: tuple[str, ...]
    kind: str  # "law", "report", "national"
    report_section: str = ""


def _articles_in(text: str) -> list[str]:
    keys: list[str] = []
    for m in RANGE_RE.finditer(text):
        start, end = _article_key(m.group(1), m.group(2)), _article_key(m.group(3), m.group(4))
        if start.isdigit() and end.isdigit():
            keys.extend(str(n) for n in range(int(start) + 1, int(end)))
    keys.extend(_article_key(m.group(1), m.group(2)) for m in ARTICLE_RE.finditer(text))
    return list(dict.fromkeys(keys))


def parse_source(source: str, sources: Sources) -> list[Citation]:
    """Split `source:` into the texts it names and their articles."""
    citations: list[Citation] = []
    for part in re.split(r"[；;]", source):
        part = part.strip()
        if not part:
            continue
        if "十件大事" in part:
            section = SECTION_RE.search(part)
            citations.append(Citation(part, None, (), "report", section.group(1) if section else ""))
            continue
        # Each 《title》 governs the articles after it up to the next title; without 《》 the name is
        # what comes before the first article (道路交通安全法第七十条).
        titles = list(TITLE_RE.finditer(part))
        pieces: list[tuple[str, str]] = []
        if titles:
            for i, m in enumerate(titles):
                end = titles[i + 1].start() if i + 1 < len(titles) else len(part)
                rest = part[m.end(): end]
                first = ARTICLE_RE.search(rest)
                pieces.append((m.group(1) + (rest[: first.start()] if first else rest), rest))
        else:
            first = ARTICLE_RE.search(part)
            pieces.append((part[: first.start()] if first else part, part[first.start():] if first else ""))
        for name, rest in pieces:
            law = find_law(name, sources.laws)
            articles = tuple(_articles_in(rest))
            kind = "law" if law is not None or articles else "national"
            citations.append(Citation(name.strip(), law, articles, kind))
    return citations


def _line_of(lines: list[str], start: int, key: str) -> int:
    """The line (1-based) of `key:` in the entry starting at line `start`."""
    pattern = re.compile(rf"^\s*{key}\s*:")
    for i in range(max(start - 1, 0), len(lines)):
        if i > start - 1 and re.match(r"^\s*-\s*id\s*:", lines[i]):
            break
        if pattern.match(lines[i]):
            return i + 1
    return start


def check_entry(entry: Entry, sources: Sources, lines: list[str] | None = None) -> list[Problem]:
    """The citation problems of one entry, at the lines of its `source:` and `answer:`."""
    lines = lines or []
    source_line = _line_of(lines, entry.line, "source") if lines else entry.line
    answer_line = _line_of(lines, entry.line, "answer") if lines else entry.line
    problems: list[Problem] = []
    allowed: set[str] = set(sources.channels)
    for cite in parse_source(entry.source, sources):
        if cite.kind == "report":
            text = sources.report_sections.get(cite.report_section, "") if cite.report_section else sources.report
            if cite.report_section and not text:
                problems.append(Problem(entry.file, source_line, f"引用的盘点章节（{cite.report_section}）不存在 / section "
                                        f"({cite.report_section}) of the 2024 review not found"))
            # A section stands under the review's opening (its year): both are what it says.
            allowed |= numbers_in_source(text) | numbers_in_source(sources.report_preamble)
        elif cite.kind == "national":
            allowed |= numbers_in_source(sources.national_rules)
        elif cite.law is None:
            problems.append(Problem(entry.file, source_line, f"引用的法规不在 knowledge/sources/laws/ 里 / cited text "
                                    f"{cite.name!r} not found in knowledge/sources/laws/: name it by its title"))
        elif not cite.articles:
            problems.append(Problem(entry.file, source_line, f"引用《{cite.law.title}》请写明第几条 / name the article of "
                                    f"{cite.law.title!r} this entry rests on"))
        else:
            for key in cite.articles:
                article = cite.law.articles.get(key)
                if article is None:
                    problems.append(Problem(entry.file, source_line, f"引用的条文不存在 / cited article {_article_label(key)} "
                                            f"not found in 《{cite.law.title}》"))
                else:
                    allowed |= numbers_in_source(article)
    reported: set[str] = set()
    for shown, value in numbers_in_answer(entry.answer):
        if value not in allowed and value not in reported:
            reported.add(value)
            problems.append(Problem(entry.file, answer_line, f"答案里的数字 {shown} 不在所引条文中 / number {shown} in the "
                                    f"answer of {entry.id!r} is not in the cited article(s): cite the article that says it, "
                                    "or leave the number out"))
    return problems


def check_entries(entries: tuple[Entry, ...] | list[Entry], knowledge_dir: str | Path,
                  replies: Sequence[tuple[str, str, str, int]] = ()) -> list[Problem]:
    """Citation problems of every entry, against the texts under `knowledge_dir/sources/`; and of
    the emergency `replies` (name, text, file, line), each ending in its 来源： line."""
    sources = load_sources(knowledge_dir)
    if not sources.laws and not sources.national_rules:
        return [Problem(str(Path(knowledge_dir) / SOURCES_DIR), 1, "没有找到法规原文，无法核对引用 / no source texts "
                        "found: citations cannot be checked", "warning")]
    file_lines: dict[str, list[str]] = {}
    problems: list[Problem] = []
    root = Path(knowledge_dir)
    for entry in entries:
        if entry.file not in file_lines:
            file_lines[entry.file] = _entry_file_lines(root, entry.file)
        problems.extend(check_entry(entry, sources, file_lines[entry.file]))
    for name, text, file, line in replies:
        answer, said, source = text.rpartition(REPLY_SOURCE)
        if not said:
            problems.append(Problem(file, line, f"紧急回复 {name} 没有写来源（最后一行“{REPLY_SOURCE}……”）/ the emergency "
                                    f"reply {name!r} cites no source: end it with a line '{REPLY_SOURCE}《…》第…条'", "warning"))
            continue
        problems.extend(check_entry(Entry(name, "", (), answer, source.strip(), "", file=file, line=line), sources))
    return problems


def _entry_file_lines(root: Path, name: str) -> list[str]:
    for candidate in (root.parent / name, root / name, Path(name), root / Path(name).name):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8").splitlines()
    return []

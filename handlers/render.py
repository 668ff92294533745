"""Turn the engine's `Reply` into Telegram messages: escaped HTML, split to Telegram's length, buttons.

Pure functions (no I/O): the handlers send what these return. Callback data (all ≤ 64 bytes; a
button whose data would be longer is dropped), each with the pattern that routes it in
handlers/app.py (ASCII digits only, the whole data matched):

    t / tl:<p>               the topic list (page p)    t:<n> / t:<n>:<p>   topic n's questions (page p)
    a:<entry>                answer an entry            c:<qid>:<entry>     a clarify choice of question qid
    f:<qid>:<entry>:+ / -    feedback on the answer to question qid
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.knowledge import ID_RE
from bot.reply import ANSWER, CLARIFY, FALLBACK, Reply

log = logging.getLogger(__name__)

MAX_MESSAGE = 4096  # Telegram's limit in UTF-16 code units, counted after entity parsing
CHUNK = 3900  # UTF-16 units of escaped text in one message, leaving room for the source line or <pre>
MAX_CALLBACK = 64
MAX_LABEL = 60  # characters on a button before it is shortened with …
MAX_CHOICES = 3
TOPICS_PER_PAGE = 12  # topic buttons on one page of the list (two a row)
QUESTIONS_PER_PAGE = 8  # a topic's questions on one page

# callback data patterns (re.ASCII: `t:²` or `t:٣` is not a topic number)
ENTRY_ID = ID_RE.pattern.removeprefix("^").removesuffix("$")
QUESTION_ID = r"[A-Za-z0-9_-]{1,24}"  # bot.querylog's ids
TOPICS_DATA = re.compile(r"t(?:l:(?P<page>[0-9]{1,3}))?\Z", re.ASCII)
TOPIC_DATA = re.compile(r"t:(?P<topic>[0-9]{1,4})(?::(?P<page>[0-9]{1,3}))?\Z", re.ASCII)
ENTRY_DATA = re.compile(rf"a:(?P<entry>{ENTRY_ID})\Z", re.ASCII)
CHOICE_DATA = re.compile(rf"c:(?P<qid>{QUESTION_ID})?:(?P<entry>{ENTRY_ID})\Z", re.ASCII)
FEEDBACK_DATA = re.compile(rf"f:(?P<qid>{QUESTION_ID}):(?P<entry>{ENTRY_ID}):(?P<sign>[+-])\Z", re.ASCII)

WELCOME = (
    "您好！我是<b>{place}交警</b>的交管业务问答助手 🚦\n\n"
    "直接用一句话输入您的问题，例如：\n"
    "· 电动自行车需要上牌吗？\n"
    "· 轻微剐蹭，没人受伤，怎么处理？\n"
    "· 道路交通事故社会救助基金怎么申请？\n\n"
    "也可以点下面的主题，浏览常见问题。\n"
    "⚠️ 发生交通事故或有人受伤，请立即拨打 <b>122</b> / <b>120</b>。"
)

HELP = (
    "<b>怎么使用</b>\n"
    "· 直接输入您的问题（中文一句话即可），我会给出答复、来源和更新日期。\n"
    "· 如果我不确定您问的是哪一项，会列出几个问题请您选择。\n"
    "· 答复下面的 👍 / 👎 能帮助我们改进答复。\n"
    "· 在群里使用：请 @我 或回复我的消息。\n\n"
    "<b>命令</b>\n"
    "/start 开始\n/topics 按主题浏览常见问题\n/help 使用说明\n\n"
    "本助手的答复仅供参考，以公安交管部门的正式规定为准。"
    "更多业务请使用“交管12123”App，或咨询当地公安交警大队。\n"
    "⚠️ 紧急情况请立即拨打 <b>122</b>（交通事故）或 <b>120</b>（急救）。"
)

PLEASE_TYPE = "抱歉，我暂时只能看懂文字。请直接用文字输入您的问题，例如：“电动车要上牌吗？”"
TOPICS_TITLE = "请选择一个主题："
TOPIC_GONE = "主题已经更新，请重新选择。"
ENTRY_GONE = "这个问题的内容已经更新。请重新输入您的问题，或发送 /topics 浏览常见问题。"
BUTTON_EXPIRED = "这个按钮已失效，请重新输入您的问题。"
THANKS_UP = "感谢您的反馈！"
THANKS_DOWN = "感谢反馈，我们会改进这条答复。也可以通过“交管12123”App或当地公安交警大队咨询。"
NOT_PERMITTED = "抱歉，此命令仅限工作人员使用。"
STAFF_IN_PRIVATE = "工作人员命令只在与机器人的私聊中回复（统计和问题内容不发到群里）。请私聊我发送这个命令。"
ONLY_THE_ASKER = "只有提问的人可以评价这条答复。"
SORRY_ERROR = "抱歉，系统出了点问题，请稍后再试。紧急情况请拨打 122。"
BROWSE_TOPICS = "📚 浏览常见问题"
BACK_TO_TOPICS = "« 返回主题列表"
PREVIOUS_PAGE = "« 上一页"
NEXT_PAGE = "下一页 »"


@dataclass(frozen=True)
class Outgoing:
    """One message to send: HTML text and its inline keyboard (or None)."""

    text: str
    markup: InlineKeyboardMarkup | None = None


def esc(text: str) -> str:
    """Escape anything from the knowledge base or the user for HTML parse mode."""
    return html.escape(text, quote=False)


def fits(data: str) -> bool:
    return 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK


def label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def button(text: str, data: str) -> InlineKeyboardButton | None:
    """A callback button, or None (logged) when its data would break Telegram's 64-byte limit."""
    if not fits(data):
        log.warning("dropped a button whose callback data is %d bytes: %r", len(data.encode()), data[:80])
        return None
    return InlineKeyboardButton(label(text), callback_data=data)


def keyboard(rows: Sequence[Sequence[InlineKeyboardButton | None]]) -> InlineKeyboardMarkup | None:
    clean = [[b for b in row if b is not None] for row in rows]
    clean = [row for row in clean if row]
    return InlineKeyboardMarkup(clean) if clean else None


# ------------------------------------------------------------------------------------ splitting
def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji outside the BMP is two)."""
    return len(text.encode("utf-16-le")) // 2


def cut(text: str, limit: int) -> str:
    """The longest prefix of `text` of at most `limit` UTF-16 units."""
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > limit:
            return text[:i]
    return text


def split_plain(text: str, limit: int = CHUNK) -> list[str]:
    """Split plain text so that each piece, once HTML-escaped, is at most `limit` UTF-16 units.

    Breaks at a blank line, then a line end, then a Chinese or Latin sentence end, then anywhere.
    """
    pieces: list[str] = []
    rest = text.strip("\n")
    while utf16_len(esc(rest)) > limit:
        # the longest prefix whose escaped form fits
        lo, hi = 1, len(rest)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if utf16_len(esc(rest[:mid])) <= limit:
                lo = mid
            else:
                hi = mid - 1
        window = rest[:lo]
        cut = -1
        for sep in ("\n\n", "\n", "。", "；", "！", "？", ". ", "，", " "):
            pos = window.rfind(sep)
            if pos >= lo // 2:
                cut = pos + len(sep)
                break
        if cut <= 0:
            cut = lo
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n")
    if rest.strip() or not pieces:
        pieces.append(rest)
    return [p for p in pieces if p.strip()] or [text[:limit // 2] or "…"]


# ----------------------------------------------------------------------------------- rendering
def source_line(reply: Reply) -> str:
    bits = []
    if reply.source:
        bits.append(f"来源：{esc(reply.source)}")
    if reply.updated:
        bits.append(f"更新：{esc(str(reply.updated))}")
    return "<i>" + "　".join(bits) + "</i>" if bits else ""


def render(reply: Reply, qid: str | None = None) -> list[Outgoing]:
    """The messages for one Reply; buttons go on the last one.

    answer: text, source and date, related follow-ups and 👍/👎 (f:, only when the question was
    logged and so has an id); clarify: up to 3 choices (c:); fallback: a topics button; emergency and
    smalltalk: the text alone. A follow-up of a logged question is a choice of it (c:), so that its
    answer can be rated too and the rating is tied to what was asked; otherwise it is a:.
    """
    # the engine's answer text may already end with its source; add it only when missing
    footer = source_line(reply) if reply.status == ANSWER and not (reply.source and reply.source in reply.text) else ""
    chunks = [esc(p) for p in split_plain(reply.text)]
    if footer:
        if utf16_len(chunks[-1]) + 2 + utf16_len(footer) <= MAX_MESSAGE:
            chunks[-1] = f"{chunks[-1]}\n\n{footer}"
        else:
            chunks.append(footer)

    rows: list[list[InlineKeyboardButton | None]] = []
    if reply.status == ANSWER:
        for c in reply.choices:
            if c.id != reply.entry_id:
                rows.append([button(f"➡️ {c.question}", f"c:{qid}:{c.id}" if qid else f"a:{c.id}")])
        if qid and reply.entry_id:
            rows.append([button("👍 有帮助", f"f:{qid}:{reply.entry_id}:+"),
                         button("👎 没帮助", f"f:{qid}:{reply.entry_id}:-")])
    elif reply.status == CLARIFY:
        for c in reply.choices[:MAX_CHOICES]:
            rows.append([button(c.question, f"c:{qid or ''}:{c.id}")])
    elif reply.status == FALLBACK:
        rows.append([button(BROWSE_TOPICS, "t")])
    markup = keyboard(rows)
    out = [Outgoing(c) for c in chunks[:-1]]
    out.append(Outgoing(chunks[-1], markup))
    return out


def without_feedback(markup: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """The keyboard with its 👍/👎 row removed (after a vote), keeping follow-up buttons."""
    if markup is None:
        return None
    rows = [
        [b for b in row if not (isinstance(b.callback_data, str) and b.callback_data.startswith("f:"))]
        for row in markup.inline_keyboard
    ]
    return keyboard(rows)


def pager(page: int, pages: int, data_for) -> list[InlineKeyboardButton | None]:
    """« previous / next » buttons for page `page` of `pages` (none when there is one page)."""
    row = []
    if page > 0:
        row.append(button(PREVIOUS_PAGE, data_for(page - 1)))
    if page + 1 < pages:
        row.append(button(NEXT_PAGE, data_for(page + 1)))
    return row


def page_of(items: list, page: int, size: int) -> tuple[list, int, int]:
    """The items of page `page` (clamped to the last page), that page, and the number of pages."""
    pages = max(1, -(-len(items) // size))
    page = min(max(page, 0), pages - 1)
    return items[page * size:(page + 1) * size], page, pages


def topics_message(topics: list[tuple[str, list]], page: int = 0) -> Outgoing:
    """The topic list in the knowledge's order (`order:`), two buttons a row (t:<n>), in pages."""
    if not topics:
        return Outgoing("知识库暂时为空，请直接输入您的问题。")
    numbered = list(enumerate(topics))
    shown, page, pages = page_of(numbered, page, TOPICS_PER_PAGE)
    buttons = [button(f"{name}（{len(entries)}）", f"t:{i}") for i, (name, entries) in shown]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    rows.append(pager(page, pages, lambda p: f"tl:{p}" if p else "t"))
    title = TOPICS_TITLE if pages == 1 else f"{TOPICS_TITLE}（第 {page + 1}/{pages} 页）"
    return Outgoing(title, keyboard(rows))


def topic_message(index: int, name: str, entries: list, page: int = 0) -> Outgoing:
    """The standard questions of topic `index` (a:<id>), in pages, and a way back."""
    shown, page, pages = page_of(entries, page, QUESTIONS_PER_PAGE)
    rows = [[button(e.questions[0], f"a:{e.id}")] for e in shown]
    rows.append(pager(page, pages, lambda p: f"t:{index}:{p}" if p else f"t:{index}"))
    back = index // TOPICS_PER_PAGE
    rows.append([button(BACK_TO_TOPICS, f"tl:{back}" if back else "t")])
    where = f"（第 {page + 1}/{pages} 页）" if pages > 1 else ""
    return Outgoing(f"<b>{esc(name)}</b>{where}：请选择您要咨询的问题", keyboard(rows))


def welcome_message(topics: list[tuple[str, list]], place: str) -> Outgoing:
    """The welcome, naming the knowledge's home place, with the topic buttons."""
    return Outgoing(WELCOME.format(place=esc(place)), topics_message(topics).markup)


def callback_datas(markup) -> set[str]:
    """Every callback data on a keyboard (what the message really offers)."""
    rows = getattr(markup, "inline_keyboard", None) or ()
    return {b.callback_data for row in rows for b in row if isinstance(b.callback_data, str)}

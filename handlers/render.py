"""Turn the engine's `Reply` into Telegram messages: escaped HTML, split to Telegram's length, buttons.

Pure functions (no I/O): the handlers send what these return. Callback data formats (all ≤ 64 bytes,
a button whose data would be longer is dropped):

    t            the topic list          t:<n>                  the questions of topic n
    a:<entry>    answer an entry         c:<qid>:<entry>        a clarify choice of question qid
    f:<qid>:<entry>:+ / -                feedback on the answer to question qid
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.reply import ANSWER, CLARIFY, FALLBACK, Reply

log = logging.getLogger(__name__)

MAX_MESSAGE = 4096  # Telegram's limit, counted after entity parsing
CHUNK = 3900  # what we put in one message, leaving room for the source line
MAX_CALLBACK = 64
MAX_LABEL = 60  # characters on a button before it is shortened with …
MAX_CHOICES = 3

WELCOME = (
    "您好！我是<b>忻州交警</b>的交管业务问答助手 🚦\n\n"
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
SORRY_ERROR = "抱歉，系统出了点问题，请稍后再试。紧急情况请拨打 122。"
BROWSE_TOPICS = "📚 浏览常见问题"
BACK_TO_TOPICS = "« 返回主题列表"


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


def keyboard(rows: list[list[InlineKeyboardButton | None]]) -> InlineKeyboardMarkup | None:
    clean = [[b for b in row if b is not None] for row in rows]
    clean = [row for row in clean if row]
    return InlineKeyboardMarkup(clean) if clean else None


# ------------------------------------------------------------------------------- callback data
def parse_callback(data: str) -> tuple[str, list[str]] | None:
    """('t'|'a'|'c'|'f', fields) for our callback data, None for anything else."""
    if not data:
        return None
    kind, _, rest = data.partition(":")
    if kind == "t":
        if rest == "":
            return "t", []
        return ("t", [rest]) if rest.isdigit() else None
    if kind == "a" and rest:
        return "a", [rest]
    if kind == "c":
        qid, sep, entry = rest.partition(":")
        return ("c", [qid, entry]) if sep and entry else None
    if kind == "f":
        qid, sep, tail = rest.partition(":")
        entry, sep2, sign = tail.rpartition(":")
        if sep and sep2 and entry and sign in ("+", "-"):
            return "f", [qid, entry, sign]
    return None


# ------------------------------------------------------------------------------------ splitting
def split_plain(text: str, limit: int = CHUNK) -> list[str]:
    """Split plain text so that each piece, once HTML-escaped, is at most `limit` characters.

    Breaks at a blank line, then a line end, then a Chinese or Latin sentence end, then anywhere.
    """
    pieces: list[str] = []
    rest = text.strip("\n")
    while len(esc(rest)) > limit:
        # the longest prefix whose escaped form fits
        lo, hi = 1, len(rest)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if len(esc(rest[:mid])) <= limit:
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
    return [p for p in pieces if p.strip()] or [text[:limit] or "…"]


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
        if len(chunks[-1]) + 2 + len(footer) <= MAX_MESSAGE:
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


def topics_message(topics: list[tuple[str, list]]) -> Outgoing:
    """The topic list: two buttons a row, t:<n>."""
    buttons = [button(f"{name}（{len(entries)}）", f"t:{i}") for i, (name, entries) in enumerate(topics)]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    if not topics:
        return Outgoing("知识库暂时为空，请直接输入您的问题。")
    return Outgoing(TOPICS_TITLE, keyboard(rows))


def topic_message(name: str, entries: list) -> Outgoing:
    """The standard questions of one topic (a:<id>) and a way back."""
    rows = [[button(e.questions[0], f"a:{e.id}")] for e in entries[:90]]
    rows.append([button(BACK_TO_TOPICS, "t")])
    return Outgoing(f"<b>{esc(name)}</b>：请选择您要咨询的问题", keyboard(rows))


def welcome_message(topics: list[tuple[str, list]]) -> Outgoing:
    return Outgoing(WELCOME, topics_message(topics).markup)

"""Inline button presses, one handler per kind of callback data (routed by pattern in
handlers/app.py). Every query is answered.

Button data comes from the citizen's client and can be forged: a choice or a vote is recorded only
when the entry still exists, the pressed message really carries that button (Telegram sends the
message as it stands; one too old to be sent is judged by the query log alone), and the query log
confirms the question was asked by whoever pressed and offered that entry.
"""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest

from bot.querylog import PRESS_NOT_YOURS, PRESS_OK, PRESS_UNCHECKED
from handlers.common import callback_query, edit_or_send, send, topic_thread
from handlers.context import BotContext
from handlers.render import (
    BUTTON_EXPIRED,
    ENTRY_GONE,
    ONLY_THE_ASKER,
    THANKS_DOWN,
    THANKS_UP,
    TOPIC_GONE,
    callback_datas,
    render,
    topic_message,
    topics_message,
    without_feedback,
)

log = logging.getLogger(__name__)

# what a choice or vote press is, once checked
BELIEVED, EXPIRED, GONE, NOT_YOURS, UNLOGGED = "believed", "expired", "gone", "not-yours", "unlogged"


def _field(context: BotContext, name: str) -> str:
    if not context.matches:  # app.py routes every press here by a pattern, so PTB always passes its match
        raise TypeError("a button handler was called without the match of its pattern")
    return context.matches[0].group(name) or ""


def pressed_message(update: Update) -> Message | None:
    """The pressed message as it stands, or None when Telegram sent one too old to be shown (date 0)."""
    message = callback_query(update).message
    return message if isinstance(message, Message) and message.is_accessible else None


def accessible(update: Update) -> bool:
    """Did Telegram send the pressed message as it stands (not one too old to be shown: date 0)?"""
    return pressed_message(update) is not None


def offered(update: Update) -> bool:
    """Is the pressed data on a button of the message it was pressed under?"""
    message, data = pressed_message(update), callback_query(update).data
    return message is not None and data is not None and data in callback_datas(message.reply_markup)


def question_message(update: Update) -> Message | None:
    """In a group, the citizen's question the pressed answer quotes (None if not known)."""
    message = pressed_message(update)
    asked = message.reply_to_message if message is not None else None
    return asked if isinstance(asked, Message) else None


def pressed_by_asker(update: Update) -> bool:
    """Did the one who asked press? In a private chat always; in a group only the user whose
    question the answer quotes (anyone may read the answers, not vote on them)."""
    query = callback_query(update)
    chat = update.effective_chat
    if chat is not None and chat.type == ChatType.PRIVATE:
        return chat.id == query.from_user.id
    asked = question_message(update)
    return asked is not None and asked.from_user is not None and asked.from_user.id == query.from_user.id


async def judge(update: Update, context: BotContext, qid: str, entry_id: str) -> str:
    """BELIEVED for a press to record; otherwise EXPIRED (forged, voted already, purged), GONE (the
    entry was removed by a reload), NOT_YOURS (someone else's question) or UNLOGGED (a choice under
    a question that was not logged: shown, not recorded)."""
    shown = accessible(update)
    if shown and not offered(update):
        return EXPIRED
    if context.engine.reply_for_entry(entry_id) is None:
        return GONE
    qlog = context.querylog
    if not qid or qlog is None:
        return UNLOGGED if shown else EXPIRED
    verdict = await qlog.check_press(qid, callback_query(update).from_user.id, entry_id)
    if verdict == PRESS_OK:
        return BELIEVED
    if verdict == PRESS_NOT_YOURS:
        return NOT_YOURS
    if verdict == PRESS_UNCHECKED and shown:  # the log cannot be read now: the message is the evidence
        return BELIEVED if pressed_by_asker(update) else NOT_YOURS
    return EXPIRED


async def on_topics(update: Update, context: BotContext) -> None:
    """The topic list (t, tl:<page>)."""
    await callback_query(update).answer()
    page = int(_field(context, "page") or 0)
    await edit_or_send(update, topics_message(context.engine.topics(), page))


async def on_topic(update: Update, context: BotContext) -> None:
    """One topic's questions (t:<n>, t:<n>:<page>)."""
    topics = context.engine.topics()
    index, page = int(_field(context, "topic")), int(_field(context, "page") or 0)
    if index >= len(topics):  # the topics changed since the list was sent
        await callback_query(update).answer(TOPIC_GONE)
        await edit_or_send(update, topics_message(topics))
        return
    await callback_query(update).answer()
    name, entries = topics[index]
    await edit_or_send(update, topic_message(index, name, entries, page))


async def on_entry(update: Update, context: BotContext) -> None:
    """An entry picked from a topic list (a:<entry>): its answer, nothing recorded."""
    await _show(update, context, _field(context, "entry"), qid=None)


async def on_choice(update: Update, context: BotContext) -> None:
    """A clarify choice or follow-up of a logged question (c:<qid>:<entry>): record it, answer it."""
    qid, entry_id = _field(context, "qid"), _field(context, "entry")
    verdict = await judge(update, context, qid, entry_id)
    if verdict == EXPIRED:
        await callback_query(update).answer(BUTTON_EXPIRED)
        return
    if verdict == BELIEVED:
        try:
            context.querylog.record_choice(qid, entry_id)
        except Exception:
            log.exception("query log: could not record a choice")
    # someone else in the group sees the answer too, without buttons tied to another's question
    await _show(update, context, entry_id, qid=qid if verdict == BELIEVED else None)


async def on_feedback(update: Update, context: BotContext) -> None:
    """👍 / 👎 under an answer (f:<qid>:<entry>:+/-): one vote, by the asker, then the row goes."""
    query = callback_query(update)
    qid, entry_id, sign = _field(context, "qid"), _field(context, "entry"), _field(context, "sign")
    verdict = await judge(update, context, qid, entry_id)
    if verdict != BELIEVED:
        await query.answer({GONE: ENTRY_GONE, NOT_YOURS: ONLY_THE_ASKER}.get(verdict, BUTTON_EXPIRED))
        return
    value = 1 if sign == "+" else -1
    try:
        context.querylog.record_feedback(qid, entry_id, value)
    except Exception:
        log.exception("query log: could not record feedback")
    await query.answer(THANKS_UP if value > 0 else THANKS_DOWN)
    message = pressed_message(update)
    if message is not None:
        try:  # one vote per answer: take the 👍/👎 row away, keep the follow-ups
            await query.edit_message_reply_markup(reply_markup=without_feedback(message.reply_markup))
        except BadRequest as exc:
            log.info("could not remove the feedback buttons: %s", exc)


async def on_unknown(update: Update, context: BotContext) -> None:
    """Data no pattern matches: an old keyboard from an earlier version, or a forgery."""
    await callback_query(update).answer(BUTTON_EXPIRED)


async def _show(update: Update, context: BotContext, entry_id: str, qid: str | None) -> None:
    if update.effective_chat is None:  # not a message of ours (inline mode is not offered)
        await callback_query(update).answer(BUTTON_EXPIRED)
        return
    reply = context.engine.reply_for_entry(entry_id)
    if reply is None:  # a button from before a knowledge reload
        await callback_query(update).answer(ENTRY_GONE, show_alert=True)
        return
    if qid:  # its 👍/👎 and follow-ups belong to the question: pressing them later is believed
        try:
            context.querylog.record_offers(qid, [reply.entry_id, *(c.id for c in reply.choices)])
        except Exception:
            log.exception("query log: could not record the buttons offered")
    await callback_query(update).answer()
    asked = question_message(update)  # in a group the answer quotes the question, as the first did
    await send(context.bot, update.effective_chat.id, render(reply, qid), thread_id=topic_thread(update),
               reply_to=asked.message_id if asked is not None else None)

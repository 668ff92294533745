"""Inline button presses: topics, answers, clarify choices, feedback. Every query is answered."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from handlers.common import edit_or_send, engine, querylog, send, topic_thread
from handlers.render import (
    BUTTON_EXPIRED, ENTRY_GONE, THANKS_DOWN, THANKS_UP, TOPIC_GONE, parse_callback, render,
    topic_message, topics_message, without_feedback,
)

log = logging.getLogger(__name__)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Dispatch on the callback data (see handlers/render.py for the formats)."""
    query = update.callback_query
    parsed = parse_callback(query.data or "")
    if parsed is None or update.effective_chat is None:
        await query.answer(BUTTON_EXPIRED)
        return
    kind, fields = parsed
    if kind == "t":
        await _topic(update, context, int(fields[0]) if fields else None)
    elif kind == "a":
        await _entry(update, context, fields[0], qid=None)
    elif kind == "c":
        qid, entry_id = fields
        qlog = querylog(context)
        if qlog is not None and qid:
            try:
                qlog.record_choice(qid, entry_id)
            except Exception:
                log.exception("query log: could not record a choice")
        await _entry(update, context, entry_id, qid=qid or None)
    else:
        await _feedback(update, context, *fields)


async def _topic(update: Update, context: ContextTypes.DEFAULT_TYPE, index: int | None) -> None:
    topics = engine(context).topics()
    if index is None:
        await update.callback_query.answer()
        await edit_or_send(update, topics_message(topics))
    elif index >= len(topics):
        await update.callback_query.answer(TOPIC_GONE)
        await edit_or_send(update, topics_message(topics))
    else:
        await update.callback_query.answer()
        name, entries = topics[index]
        await edit_or_send(update, topic_message(name, entries))


async def _entry(update: Update, context: ContextTypes.DEFAULT_TYPE, entry_id: str, qid: str | None) -> None:
    reply = engine(context).reply_for_entry(entry_id)
    if reply is None:  # a button from before a knowledge reload
        await update.callback_query.answer(ENTRY_GONE, show_alert=True)
        return
    await update.callback_query.answer()
    await send(context.bot, update.effective_chat.id, render(reply, qid), thread_id=topic_thread(update))


async def _feedback(update: Update, context: ContextTypes.DEFAULT_TYPE, qid: str, entry_id: str, sign: str) -> None:
    query = update.callback_query
    value = 1 if sign == "+" else -1
    qlog = querylog(context)
    if qlog is not None and qid:
        try:
            qlog.record_feedback(qid, entry_id, value)
        except Exception:
            log.exception("query log: could not record feedback")
    await query.answer(THANKS_UP if value > 0 else THANKS_DOWN)
    message = query.message
    markup = getattr(message, "reply_markup", None)
    if markup is not None:
        try:  # one vote per answer: take the 👍/👎 row away, keep the follow-ups
            await query.edit_message_reply_markup(reply_markup=without_feedback(markup))
        except BadRequest as exc:
            log.info("could not remove the feedback buttons: %s", exc)

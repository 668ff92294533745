"""How handlers ask the engine, log a question and send: shared by every kind of update."""

from __future__ import annotations

import logging
import time

from telegram import CallbackQuery, Chat, LinkPreviewOptions, Message, ReplyParameters, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest

from bot.reply import Reply
from handlers.context import BotContext
from handlers.render import Outgoing, render

log = logging.getLogger(__name__)

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def ask(context: BotContext, text: str) -> tuple[Reply, float]:
    """The engine's Reply and its latency in ms.

    Run directly on the event loop: the engine is pure CPU work of about a millisecond, and a hop to
    a worker thread costs more than it saves (see benchmarks/bench_telegram.py). Questions are capped
    at 4096 characters by Telegram, so no single call can run long.
    """
    start = time.perf_counter()
    reply = context.engine.answer(text)
    return reply, (time.perf_counter() - start) * 1000


def chat_type(update: Update) -> str:
    return update.effective_chat.type if update.effective_chat else "unknown"


def is_group(update: Update) -> bool:
    return chat_type(update) in (ChatType.GROUP, ChatType.SUPERGROUP)


def record_question(context: BotContext, update: Update, reply: Reply, latency_ms: float) -> str | None:
    """Queue the question in the query log; its id, or None without a log. Never raises."""
    qlog = context.querylog
    if qlog is None:
        return None
    user = update.effective_user
    try:
        return qlog.record_question(user_id=user.id if user else 0, chat_type=chat_type(update),
                                    reply=reply, latency_ms=latency_ms)
    except Exception:  # the log must never break the answer
        log.exception("query log: could not record a question")
        return None


async def send(bot, chat_id: int, outgoing: list[Outgoing], *, reply_to: int | None = None,
               thread_id: int | None = None) -> Message | None:
    """Send the messages in order; the first quotes `reply_to` (groups); the last one sent."""
    last = None
    for i, out in enumerate(outgoing):
        last = await bot.send_message(
            chat_id=chat_id,
            text=out.text,
            parse_mode=ParseMode.HTML,
            reply_markup=out.markup,
            link_preview_options=NO_PREVIEW,
            reply_parameters=ReplyParameters(reply_to, allow_sending_without_reply=True)
            if reply_to and i == 0 else None,
            message_thread_id=thread_id,
        )
    return last


def topic_thread(update: Update) -> int | None:
    """The forum topic the update came from (a message, or the message a button sits on)."""
    msg = update.effective_message
    return msg.message_thread_id if isinstance(msg, Message) and msg.is_topic_message else None


def callback_query(update: Update) -> CallbackQuery:
    """The pressed button's query, for a handler app.py registers only as a CallbackQueryHandler."""
    if update.callback_query is None:  # PTB calls those only for an update that carries one
        raise TypeError("a button handler was called for an update without a callback query")
    return update.callback_query


def chat_of(update: Update) -> Chat:
    """The chat of a message or command update (those app.py routes to respond always have one)."""
    if update.effective_chat is None:  # only inline queries and the like lack one; we do not handle them
        raise TypeError("an update without a chat was routed to a handler that answers in the chat")
    return update.effective_chat


async def respond(update: Update, context: BotContext, outgoing: list[Outgoing]) -> Message | None:
    """Answer the update's chat (in its forum topic); in groups quote the message being answered."""
    msg = update.effective_message
    chat = chat_of(update)
    thread = topic_thread(update)
    quote = msg.message_id if is_group(update) and isinstance(msg, Message) and update.message else None
    return await send(context.bot, chat.id, outgoing, reply_to=quote, thread_id=thread)


async def respond_reply(update: Update, context: BotContext, reply: Reply,
                        qid: str | None) -> Message | None:
    return await respond(update, context, render(reply, qid))


async def edit_or_send(update: Update, out: Outgoing) -> None:
    """Replace the pressed message's text and keyboard; send anew when it cannot be edited."""
    query = callback_query(update)
    try:
        await query.edit_message_text(out.text, parse_mode=ParseMode.HTML, reply_markup=out.markup,
                                      link_preview_options=NO_PREVIEW)
    except BadRequest as exc:
        if "not modified" in str(exc).lower():
            return
        if update.effective_chat is None:
            raise
        log.info("could not edit a message (%s); sending a new one", exc)
        await send(query.get_bot(), update.effective_chat.id, [out], thread_id=topic_thread(update))

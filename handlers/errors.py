"""The error handler: log, tell the citizen something went wrong, keep the bot running."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import NetworkError, TelegramError

from handlers.common import topic_thread
from handlers.context import BotContext
from handlers.render import SORRY_ERROR

log = logging.getLogger("trafficbot.errors")


async def on_error(update: object, context: BotContext) -> None:
    """Log the exception with the update id (not its content); apologise where we can."""
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(context.error, NetworkError) and update is None:
        log.warning("network problem talking to the Bot API: %s", context.error)
        return
    log.error("error while handling update %s", update_id, exc_info=context.error)
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(SORRY_ERROR)
        elif update.effective_chat is not None and update.effective_message is not None:
            await context.bot.send_message(update.effective_chat.id, SORRY_ERROR, message_thread_id=topic_thread(update))
    except TelegramError as exc:  # already answered, chat gone, network down: nothing more to do
        log.info("could not apologise for update %s: %s", update_id, exc)

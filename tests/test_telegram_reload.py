"""Knowledge edited on disk while the bot runs: a good edit is served, a broken one is not, and
every admin hears which file and line to fix."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from fakebotapi import FakeBotAPI
from telegram_support import ADMIN_ID, TOKEN, deliver, holder_for, make_config, one_topic_knowledge, real_engine, run_hook

from bot.config import KnowledgeConfig
from handlers.app import build_application


@pytest.fixture
def api():
    with FakeBotAPI(TOKEN) as server:
        yield server


@pytest.fixture
def kdir(tmp_path):
    return one_topic_knowledge(tmp_path)  # the e-bike topic and every rule: a reload builds in half the time


async def test_edits_on_disk_reach_admins_and_broken_ones_are_not_served(api, kdir):
    config = make_config(api, knowledge_dir=str(kdir))
    config = dataclasses.replace(config, knowledge=KnowledgeConfig(path=str(kdir), watch=True, watch_interval=0.05))
    holder = holder_for(real_engine(), str(kdir), config.matching)
    app = build_application(config, holder, open_querylog=False)
    await app.initialize()
    await run_hook(app, app.post_init)
    try:
        ebike = kdir / "ebike.yaml"
        good = ebike.read_text(encoding="utf-8")
        mark = api.mark()
        ebike.write_text(good + "\n  - id: [broken\n", encoding="utf-8")
        call = await api.async_wait_for_call("sendMessage", since=mark, timeout=30)
        assert str(call.params["chat_id"]) == str(ADMIN_ID)
        assert "ebike.yaml:" in call.text and "上一版" in call.text
        assert holder.engine is real_engine()  # still answering from the last good knowledge

        mark = api.mark()
        ebike.write_text(good.replace("电动自行车需要上牌吗？", "电动自行车到底需要上牌吗？", 1), encoding="utf-8")
        call = await api.async_wait_for_call("sendMessage", since=mark, timeout=30)
        assert "知识库已更新" in call.text
        assert holder.engine is not real_engine()
        mark = api.mark()
        await deliver(app, api.text_update("电动车要上牌吗"))
        answer = await api.async_wait_for_call("sendMessage", since=mark, timeout=5)
        assert "95%" in answer.text
    finally:
        await run_hook(app, app.post_stop)
        await app.shutdown()
        await asyncio.sleep(0)


async def test_a_long_report_to_admins_is_cut_to_whole_lines_by_utf16_units(api):
    """Reload problems can be many and (in quoted YAML) emoji-heavy: the admin message is cut to
    Telegram's 4096 UTF-16 units at a line end, with where to see the rest."""
    from telegram_support import started_app

    from handlers.app import MORE_PROBLEMS, tell_admins

    app = await started_app(api)
    try:
        lines = [f"ebike.yaml:{i}: {'🚦' * 60}" for i in range(100)]
        await tell_admins(app, "\n".join(lines))
        call = await api.async_wait_for_call("sendMessage", timeout=5)
        assert call.ok, call.error
        assert call.text.endswith(MORE_PROBLEMS) and call.text.removesuffix(MORE_PROBLEMS) in "\n".join(lines)
        assert call.text.removesuffix(MORE_PROBLEMS).split("\n")[-1] in lines
    finally:
        await app.shutdown()

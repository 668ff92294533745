"""A stand-in Telegram Bot API server for tests and benchmarks.

It runs on 127.0.0.1:<free port> in a background thread, answers the methods the bot uses with
Telegram-shaped JSON, records every call, and rejects what Telegram rejects: text over 4096
characters, HTML or MarkdownV2 Telegram cannot parse, callback data over 64 bytes, editing a message
it never sent, answering an unknown callback query, "message is not modified".

    with FakeBotAPI(token) as api:
        app = Application.builder().token(token).base_url(api.base_url)...
        api.put_update(api.text_update("你好"))
        call = api.wait_for_call("sendMessage")

Updates are handed out on getUpdates (offset and timeout honoured); `api.put_update` wakes a
waiting long poll at once.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64
MAX_CALLBACK_ANSWER = 200
MAX_BUTTON_ROWS = 100

# Telegram's HTML subset: tag -> allowed attributes (None: no check on values here).
HTML_TAGS = {
    "b": set(), "strong": set(), "i": set(), "em": set(), "u": set(), "ins": set(),
    "s": set(), "strike": set(), "del": set(), "a": {"href"}, "code": {"class"}, "pre": set(),
    "tg-spoiler": set(), "span": {"class"}, "blockquote": {"expandable"}, "tg-emoji": {"emoji-id"},
}
HTML_ENTITY = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")
HTML_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>")
HTML_ATTR = re.compile(r"([a-zA-Z-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
MDV2_RESERVED = set("_*[]()~`>#+-=|{}.!")


class BadRequest(Exception):
    """A call Telegram would refuse (400 Bad Request: ...)."""

    def __init__(self, description: str, code: int = 400):
        super().__init__(description)
        self.description = description
        self.code = code


def parse_html(text: str) -> str:
    """The plain text of Telegram-HTML `text`; BadRequest like Telegram's for what it cannot parse."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "<":
            m = HTML_TAG.match(text, i)
            if not m:
                raise BadRequest(f"Bad Request: can't parse entities: Unsupported start tag at byte offset {i}")
            closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
            if name not in HTML_TAGS:
                raise BadRequest(f'Bad Request: can\'t parse entities: Unsupported start tag "{name}" at byte offset {i}')
            if closing:
                if not stack or stack[-1] != name:
                    raise BadRequest(f'Bad Request: can\'t parse entities: Unmatched end tag at byte offset {i}, expected "</{stack[-1] if stack else ""}>", found "</{name}>"')
                stack.pop()
            else:
                for am in HTML_ATTR.finditer(attrs):
                    attr = am.group(1).lower()
                    value = next((g for g in am.groups()[1:] if g is not None), "")
                    if attr not in HTML_TAGS[name]:
                        continue  # Telegram ignores unknown attributes
                    if name == "span" and value != "tg-spoiler":
                        raise BadRequest("Bad Request: can't parse entities: Tag \"span\" must have class \"tg-spoiler\"")
                if name == "span" and 'tg-spoiler' not in attrs:
                    raise BadRequest("Bad Request: can't parse entities: Tag \"span\" must have class \"tg-spoiler\"")
                stack.append(name)
            i = m.end()
        elif ch == "&":
            m = HTML_ENTITY.match(text, i)
            if not m:
                raise BadRequest(f"Bad Request: can't parse entities: Character '&' is reserved at byte offset {i}")
            ent = m.group(1)
            out.append({"lt": "<", "gt": ">", "amp": "&", "quot": '"'}.get(ent) or chr(
                int(ent[2:], 16) if ent.startswith("#x") else int(ent[1:])))
            i = m.end()
        elif ch == ">":
            raise BadRequest(f"Bad Request: can't parse entities: Character '>' is reserved at byte offset {i}")
        else:
            out.append(ch)
            i += 1
    if stack:
        raise BadRequest(f'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


def parse_markdown_v2(text: str) -> str:
    """The plain text of MarkdownV2 `text` (a strict subset of Telegram's parser)."""
    out: list[str] = []
    open_marks: list[str] = []
    i = 0
    in_code = False
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            if i + 1 >= len(text):
                raise BadRequest("Bad Request: can't parse entities: Character '\\' at the end of the text")
            out.append(text[i + 1])
            i += 2
            continue
        if in_code:
            if ch == "`":
                in_code = False
                open_marks.pop()
            else:
                out.append(ch)
            i += 1
            continue
        if ch == "`":
            in_code = True
            open_marks.append("`")
            i += 1
            continue
        if text.startswith("||", i) or ch in "*_~":
            mark = "||" if text.startswith("||", i) else ("__" if text.startswith("__", i) else ch)
            if open_marks and open_marks[-1] == mark:
                open_marks.pop()
            else:
                open_marks.append(mark)
            i += len(mark)
            continue
        if ch in MDV2_RESERVED:
            raise BadRequest(
                f"Bad Request: can't parse entities: Character '{ch}' is reserved and must be escaped with the preceding '\\'"
            )
        out.append(ch)
        i += 1
    if open_marks:
        raise BadRequest(f"Bad Request: can't parse entities: Can't find end of {open_marks[-1]} entity")
    return "".join(out)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Call:
    """One request the bot made: the method, its parameters (JSON fields decoded) and the time."""

    method: str
    params: dict
    at: float
    ok: bool = True
    error: str = ""

    @property
    def text(self) -> str:
        return self.params.get("text", "")

    @property
    def buttons(self) -> list[dict]:
        markup = self.params.get("reply_markup") or {}
        return [b for row in markup.get("inline_keyboard", []) for b in row]


@dataclass
class _State:
    updates: list[dict] = field(default_factory=list)
    messages: dict[tuple[int, int], dict] = field(default_factory=dict)
    open_callbacks: set[str] = field(default_factory=set)
    answered_callbacks: set[str] = field(default_factory=set)
    webhook_url: str = ""


class FakeBotAPI:
    """The stand-in server; use as a context manager or call start()/stop()."""

    def __init__(self, token: str = "123456:TEST-token-abcdef", *, bot_id: int = 7000001,
                 username: str = "xinzhou_traffic_bot", max_poll_wait: float = 1.0):
        self.token = token
        self.bot_id = bot_id
        self.username = username
        self.max_poll_wait = max_poll_wait
        self.calls: list[Call] = []
        self._state = _State()
        self._cond = threading.Condition()
        self._ids = itertools.count(1)
        self._msg_ids = itertools.count(1000)
        self._cb_ids = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wakeup: asyncio.Event | None = None
        self._closing: asyncio.Future | None = None
        self._writers: set = set()
        self._port = 0
        self._thread: threading.Thread | None = None
        self._stopping = False
        self.on_call: Callable[[Call], None] | None = None  # hook for benchmarks

    # ----------------------------------------------------------------------------------- server
    # An asyncio HTTP/1.1 server (keep-alive, Content-Length bodies) on its own event loop in a
    # background thread: one thread serves every connection, so it stays fast under 64 concurrent
    # clients, and a waiting getUpdates costs nothing.
    @property
    def port(self) -> int:
        assert self._port, "server not started"
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    def start(self) -> FakeBotAPI:
        started = threading.Event()

        def serve() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            self._wakeup = asyncio.Event()

            async def main() -> None:
                server = await asyncio.start_server(self._connection, "127.0.0.1", 0, backlog=512)
                self._port = server.sockets[0].getsockname()[1]
                self._closing = loop.create_future()
                started.set()
                async with server:
                    await self._closing
                    server.close()
                    for writer in list(self._writers):
                        writer.close()

            loop.run_until_complete(main())
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

        self._thread = threading.Thread(target=serve, name="fakebotapi", daemon=True)
        self._thread.start()
        if not started.wait(10):
            raise RuntimeError("the stand-in Bot API server did not start")
        return self

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._loop is not None and not self._loop.is_closed():
            def close() -> None:
                # both exist once start() returned; a stop() before then has nothing to wake
                if self._wakeup is not None:
                    self._wakeup.set()
                if self._closing is not None and not self._closing.done():
                    self._closing.set_result(None)
            try:
                self._loop.call_soon_threadsafe(close)
            except RuntimeError:  # loop already closed
                pass
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def _wake(self) -> None:
        if self._loop is not None and self._wakeup is not None and not self._loop.is_closed():
            try:
                self._loop.call_soon_threadsafe(self._wakeup.set)
            except RuntimeError:
                pass

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        sock = writer.get_extra_info("socket")
        if sock is not None:  # answer at once: no Nagle / delayed-ACK stalls
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method_line = lines[0].split(" ")
                if len(method_line) < 3:
                    return
                path = method_line[1]
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                length = int(headers.get("content-length") or 0)
                body = await reader.readexactly(length) if length else b""
                status, payload = await self._dispatch(path, headers.get("content-type", ""), body)
                data = json.dumps(payload, ensure_ascii=False).encode()
                reason = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found"}.get(status, "Error")
                writer.write(
                    f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(data)}\r\n\r\n".encode() + data
                )
                await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    return
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            return
        finally:
            self._writers.discard(writer)
            writer.close()

    # ------------------------------------------------------------------------------- test API
    def put_update(self, update: dict) -> dict:
        """Queue an update for getUpdates (an update_id is assigned if missing); returns it."""
        with self._cond:
            update.setdefault("update_id", next(self._ids))
            self._state.updates.append(update)
            self._cond.notify_all()
        self._wake()
        return update

    def calls_to(self, method: str, *, ok: bool | None = None) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method and (ok is None or c.ok == ok)]

    def wait_for(self, predicate: Callable[[Call], bool], *, count: int = 1, timeout: float = 5.0,
                 since: int = 0) -> list[Call]:
        """Wait until `count` recorded calls (from index `since`) satisfy `predicate`; return them."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self.calls[since:] if predicate(c)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    summary = [(c.method, c.ok, c.error or c.params.get("text", "")[:60]) for c in self.calls[since:]]
                    raise AssertionError(f"timed out waiting for {count} call(s); calls: {summary}")
                self._cond.wait(left)

    def wait_for_call(self, method: str, *, count: int = 1, timeout: float = 5.0, since: int = 0,
                      chat_id: int | None = None) -> Call:
        """The `count`-th call of `method` (from index `since`), waiting for it."""
        found = self.wait_for(
            lambda c: c.method == method and (chat_id is None or int(c.params.get("chat_id", 0)) == chat_id),
            count=count, timeout=timeout, since=since)
        return found[count - 1]

    async def async_wait_for_call(self, method: str, **kw: Any) -> Call:
        """`wait_for_call` for async tests: waits in a thread so the event loop keeps running."""
        import asyncio

        return await asyncio.to_thread(self.wait_for_call, method, **kw)

    def mark(self) -> int:
        """An index into `calls` to wait for calls made after this point."""
        with self._cond:
            return len(self.calls)

    @property
    def pending_updates(self) -> int:
        with self._cond:
            return len(self._state.updates)

    @property
    def unanswered_callbacks(self) -> set[str]:
        with self._cond:
            return set(self._state.open_callbacks)

    def sent_message(self, chat_id: int, message_id: int) -> dict | None:
        with self._cond:
            return self._state.messages.get((chat_id, message_id))

    # ---------------------------------------------------------------------------- update makers
    def user(self, user_id: int = 1001, first_name: str = "张三") -> dict:
        return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "zh-hans"}

    def chat(self, chat_id: int, chat_type: str = "private") -> dict:
        if chat_type == "private":
            return {"id": chat_id, "type": "private", "first_name": "张三"}
        return {"id": chat_id, "type": chat_type, "title": "忻州车友群"}

    def message(self, *, user_id: int = 1001, chat_id: int | None = None, chat_type: str = "private",
                reply_to: dict | None = None, **content: Any) -> dict:
        msg = {
            "message_id": next(self._msg_ids),
            "date": int(time.time()),
            "from": self.user(user_id),
            "chat": self.chat(user_id if chat_id is None else chat_id, chat_type),
            **content,
        }
        if reply_to is not None:
            msg["reply_to_message"] = reply_to
        with self._cond:  # so that a reply quoting it carries it, as Telegram's do
            self._state.messages[(msg["chat"]["id"], msg["message_id"])] = msg
        return msg

    def text_update(self, text: str, **kw: Any) -> dict:
        """A text message; a leading /command and @mentions get their entities, as Telegram sends."""
        entities = []
        m = re.match(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
        if m:
            entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(m.group(0))})
        for mm in re.finditer(r"@[A-Za-z0-9_]{5,}", text):
            if m and mm.start() < m.end():
                continue
            entities.append({"type": "mention", "offset": utf16_len(text[:mm.start()]),
                             "length": utf16_len(mm.group(0))})
        content: dict = {"text": text}
        if entities:
            content["entities"] = entities
        return {"message": self.message(**content, **kw)}

    def photo_update(self, **kw: Any) -> dict:
        photo = [{"file_id": "AgAD-photo", "file_unique_id": "p1", "width": 90, "height": 90, "file_size": 1000}]
        return {"message": self.message(photo=photo, **kw)}

    def sticker_update(self, **kw: Any) -> dict:
        sticker = {"file_id": "CAAD-sticker", "file_unique_id": "s1", "type": "regular", "width": 512,
                   "height": 512, "is_animated": False, "is_video": False}
        return {"message": self.message(sticker=sticker, **kw)}

    def voice_update(self, **kw: Any) -> dict:
        return {"message": self.message(voice={"file_id": "AwAD-voice", "file_unique_id": "v1", "duration": 3}, **kw)}

    def location_update(self, **kw: Any) -> dict:
        return {"message": self.message(location={"latitude": 38.416, "longitude": 112.734}, **kw)}

    def document_update(self, **kw: Any) -> dict:
        return {"message": self.message(document={"file_id": "BQAD-doc", "file_unique_id": "d1",
                                                  "file_name": "驾驶证.pdf"}, **kw)}

    def video_update(self, **kw: Any) -> dict:
        return {"message": self.message(video={"file_id": "BAAD-video", "file_unique_id": "w1", "width": 320,
                                               "height": 240, "duration": 5}, **kw)}

    def callback_update(self, data: str, *, message: dict | None = None, user_id: int = 1001) -> dict:
        """A button press on `message` (a message the bot sent, from `sent_message` or a Call)."""
        cb_id = f"cb{next(self._cb_ids)}"
        with self._cond:
            self._state.open_callbacks.add(cb_id)
        cb: dict = {"id": cb_id, "from": self.user(user_id), "chat_instance": "ci-1", "data": data}
        if message is not None:
            cb["message"] = message
        return {"callback_query": cb}

    def press(self, call: Call, data: str, *, user_id: int | None = None) -> dict:
        """A press of the button `data` under the message the bot sent in `call` (checked to be there);
        queue it with `put_update` or process it in-process."""
        msg = call.params.get("_result")
        assert msg is not None, "that call sent no message"
        current = self.sent_message(msg["chat"]["id"], msg["message_id"]) or msg
        shown = [b.get("callback_data") for row in (current.get("reply_markup") or {}).get("inline_keyboard", [])
                 for b in row]
        datas = [b.get("callback_data") for b in call.buttons]
        assert data in datas + shown, f"no button {data!r} on that message; buttons: {datas + shown}"
        uid = user_id if user_id is not None else int(msg["chat"]["id"])
        return self.callback_update(data, message=current, user_id=uid)

    # ----------------------------------------------------------------------------- dispatch
    async def _dispatch(self, path: str, content_type: str, body: bytes) -> tuple[int, dict]:
        parts = urlsplit(path)
        m = re.fullmatch(r"/bot([^/]+)/([A-Za-z]+)", parts.path)
        if not m:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        token, method = m.group(1), m.group(2)
        if token != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        call = Call(method=method, params={}, at=time.monotonic())
        try:
            params = call.params = self._params(parts.query, content_type, body)
            handler = getattr(self, f"_m_{method}", None)
            if handler is None:
                raise BadRequest("Not Found", 404)
            result = handler(params)
            if asyncio.iscoroutine(result):
                result = await result
        except BadRequest as exc:
            call.ok, call.error = False, exc.description
            await self._record(call)
            return exc.code, {"ok": False, "error_code": exc.code, "description": exc.description}
        if method != "getUpdates" or result:  # empty long polls are not worth recording
            params["_result"] = result
            await self._record(call)
        return 200, {"ok": True, "result": result}

    async def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()
        if self.on_call is not None:  # may sleep to play a slow server: off the server's loop
            await asyncio.to_thread(self.on_call, call)

    @staticmethod
    def _params(query: str, content_type: str, body: bytes) -> dict:
        params: dict[str, Any] = dict(parse_qsl(query))
        if body:
            if "json" in content_type:
                params.update(json.loads(body))
            elif "multipart" in content_type:
                raise BadRequest("Bad Request: file uploads are not supported by the stand-in server")
            else:
                params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        for key in ("reply_markup", "commands", "allowed_updates", "scope", "entities", "reply_parameters",
                    "link_preview_options"):
            if isinstance(params.get(key), str):
                try:
                    params[key] = json.loads(params[key])
                except json.JSONDecodeError:
                    raise BadRequest(f"Bad Request: can't parse {key} JSON object") from None
        return params

    # ------------------------------------------------------------------------------ validation
    @staticmethod
    def _check_text(params: dict, key: str = "text", limit: int = MAX_TEXT) -> str:
        text = params.get(key)
        if text is None or text == "":
            raise BadRequest("Bad Request: message text is empty")
        mode = (params.get("parse_mode") or "").lower()
        plain = parse_html(text) if mode == "html" else parse_markdown_v2(text) if mode == "markdownv2" else text
        if not plain.strip():
            raise BadRequest("Bad Request: message text is empty")
        if utf16_len(plain) > limit:
            raise BadRequest("Bad Request: message is too long")
        return plain

    @staticmethod
    def _check_markup(params: dict) -> dict | None:
        markup = params.get("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise BadRequest("Bad Request: can't parse reply keyboard markup JSON object")
        rows = markup.get("inline_keyboard")
        if rows is None:
            return markup
        if len(rows) > MAX_BUTTON_ROWS:
            raise BadRequest("Bad Request: too many inline keyboard rows")
        for row in rows:
            for button in row:
                if not button.get("text"):
                    raise BadRequest("Bad Request: text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode("utf-8")) <= MAX_CALLBACK_DATA:
                    raise BadRequest("Bad Request: BUTTON_DATA_INVALID")
                if data is None and not any(k in button for k in ("url", "switch_inline_query", "web_app")):
                    raise BadRequest("Bad Request: can't find field \"callback_data\"")
        return markup

    def _chat_id(self, params: dict) -> int:
        try:
            return int(params["chat_id"])
        except (KeyError, ValueError):
            raise BadRequest("Bad Request: chat not found") from None

    # ------------------------------------------------------------------------------- methods
    def _me(self) -> dict:
        return {"id": self.bot_id, "is_bot": True, "first_name": "忻州交警助手", "username": self.username,
                "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}

    def _m_getMe(self, params: dict) -> dict:
        return self._me()

    async def _m_getUpdates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = min(float(params.get("timeout") or 0), self.max_poll_wait)
        deadline = time.monotonic() + timeout
        wakeup = self._wakeup
        if wakeup is None:  # set by serve() before the server accepts its first connection
            raise RuntimeError("getUpdates reached a server that has not started")
        while True:
            wakeup.clear()
            with self._cond:
                if offset:
                    self._state.updates = [u for u in self._state.updates if u["update_id"] >= offset]
                if self._state.updates or self._stopping:
                    return list(self._state.updates[:limit])
            left = deadline - time.monotonic()
            if left <= 0:
                return []
            try:
                await asyncio.wait_for(wakeup.wait(), left)
            except TimeoutError:
                pass

    def _store_message(self, chat_id: int, text: str, params: dict, message_id: int | None = None) -> dict:
        msg: dict[str, Any] = {
            "message_id": message_id or next(self._msg_ids),
            "date": int(time.time()),
            "from": self._me(),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "text": text,
        }
        if params.get("reply_markup") and params["reply_markup"].get("inline_keyboard"):
            msg["reply_markup"] = params["reply_markup"]
        quoted = (params.get("reply_parameters") or {}).get("message_id")
        with self._cond:
            old = self._state.messages.get((chat_id, message_id)) if message_id else None
            replied = old.get("reply_to_message") if old else self._state.messages.get((chat_id, int(quoted or 0)))
        if replied:
            msg["reply_to_message"] = {k: v for k, v in replied.items() if k != "reply_to_message"}
        if message_id:
            msg["edit_date"] = int(time.time())
        with self._cond:
            self._state.messages[(chat_id, msg["message_id"])] = msg
        return msg

    def _m_sendMessage(self, params: dict) -> dict:
        chat_id = self._chat_id(params)
        plain = self._check_text(params)
        self._check_markup(params)
        return self._store_message(chat_id, plain, params)

    def _existing(self, params: dict) -> tuple[int, int, dict]:
        if "inline_message_id" in params:
            raise BadRequest("Bad Request: inline messages are not supported by the stand-in server")
        chat_id = self._chat_id(params)
        try:
            message_id = int(params["message_id"])
        except (KeyError, ValueError):
            raise BadRequest("Bad Request: message identifier is not specified") from None
        with self._cond:
            old = self._state.messages.get((chat_id, message_id))
        if old is None:
            raise BadRequest("Bad Request: message to edit not found")
        return chat_id, message_id, old

    def _m_editMessageText(self, params: dict) -> dict:
        chat_id, message_id, old = self._existing(params)
        plain = self._check_text(params)
        markup = self._check_markup(params)
        if plain == old.get("text") and (markup or None) == (old.get("reply_markup") or None):
            raise BadRequest("Bad Request: message is not modified: specified new message content and reply "
                             "markup are exactly the same as a current content and reply markup of the message")
        return self._store_message(chat_id, plain, params, message_id)

    def _m_editMessageReplyMarkup(self, params: dict) -> dict:
        chat_id, message_id, old = self._existing(params)
        markup = self._check_markup(params)
        if (markup or None) == (old.get("reply_markup") or None) or (
                not old.get("reply_markup") and not (markup or {}).get("inline_keyboard")):
            raise BadRequest("Bad Request: message is not modified")
        return self._store_message(chat_id, old["text"], params, message_id)

    def _m_answerCallbackQuery(self, params: dict) -> bool:
        cb_id = params.get("callback_query_id", "")
        if len(params.get("text") or "") > MAX_CALLBACK_ANSWER:
            raise BadRequest("Bad Request: MESSAGE_TOO_LONG")
        with self._cond:
            if cb_id not in self._state.open_callbacks:
                raise BadRequest("Bad Request: query is too old and response timeout expired or query ID is invalid")
            self._state.open_callbacks.discard(cb_id)
            self._state.answered_callbacks.add(cb_id)
        return True

    def _m_setMyCommands(self, params: dict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise BadRequest("Bad Request: commands must be a list of at most 100 commands")
        for cmd in commands:
            name, desc = cmd.get("command", ""), cmd.get("description", "")
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise BadRequest("Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(desc) <= 256:
                raise BadRequest("Bad Request: command description is invalid")
        return True

    def _m_deleteWebhook(self, params: dict) -> bool:
        self._state.webhook_url = ""
        return True

    def _m_setWebhook(self, params: dict) -> bool:
        url = params.get("url", "")
        if url and not url.startswith("https://"):
            raise BadRequest("Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        self._state.webhook_url = url
        return True

    def _m_getWebhookInfo(self, params: dict) -> dict:
        return {"url": self._state.webhook_url, "has_custom_certificate": False, "pending_update_count": 0}

    def _m_sendChatAction(self, params: dict) -> bool:
        self._chat_id(params)
        return True

    def _m_close(self, params: dict) -> bool:
        return True

    def _m_logOut(self, params: dict) -> bool:
        return True

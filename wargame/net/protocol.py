"""The messages between the game host and its clients: JSON objects, typed and validated.

Every message carries ``v`` (:data:`PROTOCOL_VERSION`) and ``type``. A client opens with
:class:`Hello` (its join code); the host answers :class:`Welcome` (the role the code gives),
then :class:`View` (the role's ``SeatView`` dict) and, whenever actions are applied,
:class:`Events` (the events the role may see) and a new :class:`View`. A client sends
:class:`Act` (an action in the engine's dict form with an action id the client chose); the
host answers :class:`Result`. :class:`Error` is a refused message or handshake.

Game state travels only in the engine's own dict forms (``SeatView.to_dict``, ``Event.to_dict``,
``Action.to_dict``); this module adds nothing but the envelope.
"""
from __future__ import annotations

import json
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

PROTOCOL_VERSION = 1
"""Raised whenever a message changes shape; a host and a client of different versions refuse
each other with one clear :class:`Error`."""

MAX_MESSAGE_BYTES = 4 * 1024 * 1024
"""The largest message either side accepts (a late-game view is about 40 kB)."""

ACTION_ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,48}$"
"""What a client-chosen action id may look like (a UUID fits)."""

PUBLIC_ROLE = "public"
"""The projector's role: the room's public view, no actions."""


class ProtocolError(ValueError):
    """A message that is not valid JSON, not a known message, or of another protocol version."""

    def __init__(self, reason: str, code: str = "form") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class _Message(BaseModel):
    """The envelope every message shares."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    v: Literal[1] = PROTOCOL_VERSION

    def to_json(self) -> str:
        """The message as one JSON text."""
        return self.model_dump_json()


class Hello(_Message):
    """Client → host, first message: join with a code. ``since`` is the last log index the
    client has (a reconnecting client): the host then also sends the events it missed."""

    type: Literal["hello"] = "hello"
    code: str = Field(min_length=1, max_length=64)
    name: str = Field(default="", max_length=80)
    since: int | None = Field(default=None, ge=0)


class Welcome(_Message):
    """Host → client: the code was right. ``role`` is a seat id, ``facilitator`` or ``public``."""

    type: Literal["welcome"] = "welcome"
    role: str
    scenario: str
    log_index: int
    computer_seats: list[str] = Field(default_factory=list)


class View(_Message):
    """Host → client: the role's whole ``SeatView`` dict after action ``log_index``."""

    type: Literal["view"] = "view"
    log_index: int
    view: dict[str, Any]


class Events(_Message):
    """Host → client: the events the role may see that action ``log_index`` produced
    (``log_index`` 0: the game's opening events)."""

    type: Literal["events"] = "events"
    log_index: int
    events: list[dict[str, Any]]


class Act(_Message):
    """Client → host: apply ``action`` (the engine's action dict). The same ``action_id`` sent
    again gets the first answer again and is never applied twice."""

    type: Literal["act"] = "act"
    action_id: str = Field(pattern=ACTION_ID_PATTERN)
    action: dict[str, Any]


class Result(_Message):
    """Host → client: what became of action ``action_id``: accepted as log entry ``log_index``,
    or refused with the engine's (or the host's) ``reason`` and ``code``."""

    type: Literal["result"] = "result"
    action_id: str
    accepted: bool
    log_index: int | None = None
    reason: str = ""
    code: str = ""


class Error(_Message):
    """Host → client: a message or handshake refused (``code``: ``form``, ``version``,
    ``code`` for a wrong join code, ``save`` when the save could not be written)."""

    type: Literal["error"] = "error"
    reason: str
    code: str = "form"


Message = Annotated[Union[Hello, Welcome, View, Events, Act, Result, Error], Field(discriminator="type")]
_ADAPTER: TypeAdapter[Any] = TypeAdapter(Message)


def parse_message(text: str | bytes) -> Hello | Welcome | View | Events | Act | Result | Error:
    """Parse one message; raises :class:`ProtocolError` with a readable reason."""
    if len(text) > MAX_MESSAGE_BYTES:
        raise ProtocolError("the message is too large")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise ProtocolError("the message is not JSON") from None
    if not isinstance(data, dict):
        raise ProtocolError("a message must be a JSON object")
    if data.get("v") != PROTOCOL_VERSION:
        raise ProtocolError(f"protocol version {data.get('v')!r} is not spoken here (this program "
                            f"speaks version {PROTOCOL_VERSION}); use the same version of Layered "
                            "Deterrence on the host and the clients", "version")
    try:
        return _ADAPTER.validate_python(data)  # type: ignore[no-any-return]
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "message"
        raise ProtocolError(f"bad message ({where}: {first['msg']})") from None

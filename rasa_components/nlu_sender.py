"""Give the NLU pipeline the conversation's sender id, so the online rewriter can use the user's history.

Rasa 3.6's NLU graph sees a `Message` built by `NLUMessageConverter` from
the channel's `UserMessage`: text, message id and metadata, but not the
sender, although the `UserMessage` carries it (proven by the channel: a
token's subject over REST and socket.io when ASSISTANT_SECRET is set; the
conversation id in `rasa shell`). Metadata would not do: a client writes
it. So the converter is wrapped to copy `sender_id` onto the message, under
`SENDER_KEY`, which is not an output property (it never reaches the tracker).

Installed by `rasa_components.launcher` before Rasa starts, so every channel
of every served process has it (`make chat`, `make serve`, `make web`, the
test harness). A Rasa started another way simply has no sender here, and
the online rewriter then uses the global layer only.
"""
from __future__ import annotations

from typing import Any, List

SENDER_KEY = "sender_id"
_MARK = "_teachable_sender_installed"


def install() -> None:
    """Idempotent: wrap NLUMessageConverter.convert_user_message once per process."""
    from rasa.graph_components.converters.nlu_message_converter import NLUMessageConverter

    if getattr(NLUMessageConverter, _MARK, False):
        return
    original = NLUMessageConverter.convert_user_message

    def convert_user_message(self: Any, messages: List[Any]) -> List[Any]:
        converted = original(self, messages)
        for user_message, message in zip(messages, converted):
            sender = getattr(user_message, "sender_id", None)
            if isinstance(sender, str) and sender:
                message.set(SENDER_KEY, sender)
        return converted

    NLUMessageConverter.convert_user_message = convert_user_message  # type: ignore[method-assign]
    setattr(NLUMessageConverter, _MARK, True)

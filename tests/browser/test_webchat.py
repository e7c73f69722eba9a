"""The web chat page end to end: headless Chromium, the rasa-webchat widget, socket.io, the real assistant.

Every step leaves a screenshot in artifacts/browser/. Each test opens a fresh
browser context, which is a new browser profile and therefore a new user.
"""
from __future__ import annotations

import time
from typing import Any

import pytest
import requests

from rasa_components.served import RunningAssistant

pytestmark = pytest.mark.browser

REPLY_TIMEOUT_MS = 90_000


class ChatPage:
    """The page as a user sees it: what the assistant said are the widget's `.rw-response` bubbles."""

    def __init__(self, page: Any, url: str, assistant: RunningAssistant | None = None) -> None:
        self.page = page
        self.url = url
        self.assistant = assistant

    def _wait(self, expression: str, arg: Any = None, what: str = "") -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self.page.wait_for_function(expression, arg=arg, timeout=REPLY_TIMEOUT_MS)
        except PlaywrightTimeout:
            logs = self.assistant.logs()[-3000:] if self.assistant else ""
            pytest.fail(f"no {what or 'answer'} reached the page within {REPLY_TIMEOUT_MS // 1000}s "
                        f"(connection: {self.page.inner_text('#connection')}); server logs:\n{logs}")

    def open(self) -> "ChatPage":
        self.page.goto(self.url)
        return self.ready(new_user=True)

    def ready(self, new_user: bool) -> "ChatPage":
        """Connected, session confirmed, and (for a new user) the greeting shown."""
        self._wait("document.body.dataset.connected === 'true' && !!document.querySelector('.rw-new-message')",
                    what="socket.io session confirmation")
        if new_user:
            self._wait("document.querySelectorAll('.rw-response').length >= 1", what="greeting")
        self._settle()
        return self

    @property
    def user_id(self) -> str:
        return self.page.get_attribute("body", "data-user-id") or ""

    def replies(self) -> list[str]:
        return [t.strip() for t in self.page.locator(".rw-response").all_inner_texts()]

    def _settle(self, quiet: float = 1.5) -> None:
        """Wait until no new bubble has appeared for `quiet` seconds (one turn may bring several)."""
        count, since = len(self.replies()), time.monotonic()
        while time.monotonic() - since < quiet:
            time.sleep(0.2)
            now = len(self.replies())
            if now != count:
                count, since = now, time.monotonic()

    def _new_replies(self, action: Any) -> str:
        before = len(self.replies())
        action()
        self._wait("n => document.querySelectorAll('.rw-response').length > n", arg=before)
        self._settle()
        return " ".join(self.replies()[before:])

    def say(self, text: str) -> str:
        """Type into the widget and press Enter; returns the assistant's new replies."""
        def act() -> None:
            self.page.fill(".rw-new-message", text)
            self.page.press(".rw-new-message", "Enter")
        return self._new_replies(act)

    def click(self, selector: str) -> str:
        return self._new_replies(lambda: self.page.click(selector))

    def press(self, key: str) -> str:
        return self._new_replies(lambda: self.page.keyboard.press(key))


def user_events(assistant: RunningAssistant, user: str) -> list[dict[str, Any]]:
    """The user messages Rasa recorded for this sender id (the page's user id)."""
    r = requests.get(f"{assistant.url}/conversations/{user}/tracker", timeout=30)
    r.raise_for_status()
    return [e for e in r.json()["events"] if e.get("event") == "user"]


def new_page(browser: Any, **options: Any) -> Any:
    context = browser.new_context(**({"viewport": {"width": 1280, "height": 800}} | options))
    return context.new_page()


def test_a_taught_preference_is_used_survives_a_reload_and_a_new_user_starts_clean(
        browser: Any, page_url: str, web_assistant: RunningAssistant, shot: Any) -> None:
    page = new_page(browser)
    chat = ChatPage(page, page_url, web_assistant).open()
    first_user = chat.user_id
    assert first_user, "the page shows no user id"
    assert page.locator("#user-id").inner_text() == first_user
    shot(page, "01-opened")

    assert "you like jazz" in chat.say("I like jazz")
    reply = chat.say("play some music")
    assert "Playing jazz, since you told me you like it" in reply, reply
    shot(page, "02-taught-and-used")
    # The page's user id is the sender id Rasa records (socket.io session id).
    assert [e["text"] for e in user_events(web_assistant, first_user)][-2:] == ["I like jazz", "play some music"]

    page.reload()
    chat.ready(new_user=False)
    assert chat.user_id == first_user, "a reload must keep the user id"
    assert any("Playing jazz" in r for r in chat.replies()), "the conversation is shown again after a reload"
    # "What do you know about me?" fills the panel from the assistant's answer.
    chat.click("#about-me")
    page.wait_for_selector("#profile:not([hidden])")
    assert "jazz" in page.locator("#profile-text").inner_text()
    shot(page, "03-reloaded-what-you-know")
    # Two more turns so that asking for music again is not a repeat of the
    # request three turns ago (which would be a teachable moment, by design).
    chat.say("what's the weather in Boston")
    chat.say("how did the Warriors do")
    reply = chat.say("play some music")
    assert "Playing jazz, since you told me you like it" in reply, reply
    shot(page, "04-reloaded-still-jazz")

    page.click("#new-user")
    chat.ready(new_user=True)
    second_user = chat.user_id
    assert second_user and second_user != first_user
    assert not any("jazz" in r for r in chat.replies()), "the new user's chat starts empty"
    reply = chat.say("play some music")
    assert reply and "since you told me" not in reply and "you like" not in reply, reply
    shot(page, "05-new-user-no-preference")
    page.context.close()


def test_stop_sends_barge_in_and_thumbs_down_sends_dissatisfaction(
        browser: Any, page_url: str, web_assistant: RunningAssistant, shot: Any) -> None:
    page = new_page(browser)
    chat = ChatPage(page, page_url, web_assistant).open()
    user = chat.user_id
    assert page.is_disabled("#thumbs-down") is False  # the greeting is an answer
    chat.say("play some music")
    reply = chat.click("#stop")
    assert "What did you mean?" in reply, reply
    assert page.locator(".rw-client").last.inner_text().strip() == "stop"  # shown in the chat like any message
    shot(page, "06-stop-barge-in")
    chat.say("never mind")

    chat.say("what's the weather in Springfield")
    assert "Springfield" in page.locator("#last-answer-text").inner_text()
    reply = chat.click("#thumbs-down")
    assert "What did you mean?" in reply, reply
    assert page.get_attribute("#thumbs-down", "aria-pressed") is None  # reset by the new answer
    shot(page, "07-thumbs-down")

    signals = {e["text"]: e.get("metadata") or {} for e in user_events(web_assistant, user)}
    assert signals["stop"].get("barge_in") is True
    assert signals["👎"].get("feedback") == "thumbs_down"
    # One-off signals ride on one message only; the device context on every one.
    assert "barge_in" not in signals["never mind"] and "feedback" not in signals["never mind"]
    assert all(m.get("screen") is True for m in signals.values())
    page.context.close()


@pytest.mark.parametrize("screen", [True, False])
def test_the_screen_toggle_is_sent_as_context(browser: Any, page_url: str, web_assistant: RunningAssistant,
                                              shot: Any, screen: bool) -> None:
    page = new_page(browser)
    chat = ChatPage(page, page_url, web_assistant).open()
    if page.is_checked("#has-screen") != screen:
        page.click("#has-screen")
    reply = chat.say("play the hunger games")
    if screen:
        assert "film" in reply, reply
    else:
        assert "audiobook" in reply, reply
    shot(page, f"08-screen-{'on' if screen else 'off'}")
    assert user_events(web_assistant, chat.user_id)[-1]["metadata"].get("screen") is screen
    page.reload()
    chat.ready(new_user=False)
    assert page.is_checked("#has-screen") == screen, "the device toggle is remembered"
    page.context.close()


def test_phone_sized_viewport(browser: Any, page_url: str, web_assistant: RunningAssistant, shot: Any) -> None:
    page = new_page(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                    device_scale_factor=2)
    chat = ChatPage(page, page_url, web_assistant).open()
    shot(page, "09-phone-opened")
    width = 390
    for selector in ("#new-user", "#about-me", "#stop", "#has-screen", ".rw-new-message", "#thumbs-down"):
        box = page.locator(selector).bounding_box()
        assert box and box["width"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, selector
        assert page.locator(selector).is_visible(), selector
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scrolling"
    input_box = page.locator(".rw-new-message").bounding_box()
    assert input_box["y"] + input_box["height"] <= 844, "the message input is on the first screen"

    page.tap(".rw-new-message")
    page.keyboard.type("hello")
    assert chat.press("Enter")
    page.tap("#about-me")
    page.wait_for_selector("#profile:not([hidden])")
    shot(page, "10-phone-chatted")

    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot(page, "11-phone-360")
    page.context.close()


def test_keyboard_only(browser: Any, page_url: str, web_assistant: RunningAssistant, shot: Any) -> None:
    page = new_page(browser)
    chat = ChatPage(page, page_url, web_assistant).open()

    # The first Tab stop is a visible "skip to the chat input" link; Tab alone
    # then reaches the input through every control, each with a visible focus ring.
    seen = []
    for _ in range(15):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement;
            const s = getComputedStyle(e);
            return {id: e.id, cls: String(e.className), outline: s.outlineStyle, width: s.outlineWidth}; }""")
        seen.append(focused["id"] or focused["cls"])
        assert focused["outline"] != "none" and focused["width"] != "0px", f"no visible focus on {focused}"
        if len(seen) == 1:
            assert focused["id"] == "skip-to-chat" and page.locator("#skip-to-chat").is_visible(), focused
        if "rw-new-message" in focused["cls"]:
            break
    else:
        pytest.fail(f"Tab never reached the message input: {seen}")
    assert {"new-user", "about-me", "stop", "has-screen"} <= set(seen), seen
    page.keyboard.type("hello")
    assert chat.press("Enter")
    shot(page, "12-keyboard-typed")

    # After a reload: Tab, Enter on the skip link lands in the input.
    page.reload()
    chat.ready(new_user=False)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "skip-to-chat"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('rw-new-message')")
    page.keyboard.type("play some music")
    assert chat.press("Enter")

    # Buttons work from the keyboard: Shift+Tab back to Stop, Space presses it.
    for _ in range(10):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.id") == "stop":
            break
    else:
        pytest.fail("Shift+Tab never reached the Stop button")
    reply = chat.press("Space")
    assert "What did you mean?" in reply, reply
    assert user_events(web_assistant, chat.user_id)[-1]["metadata"].get("barge_in") is True
    shot(page, "13-keyboard-stop")
    page.context.close()

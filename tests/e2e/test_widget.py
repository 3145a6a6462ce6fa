"""The website widget, for real: action server, `rasa run` with the socket.io connector, scripts/web_server.py
and Debian's Chromium driven by Selenium (headless, no browser or driver download).

Needs `apt-get install chromium chromium-driver` (/usr/bin/chromium, /usr/bin/chromedriver), selenium
(requirements-dev.txt) and the widget bundle (scripts/build_web.sh, run here when it is out of date).
Writes docs/widget.png, a screenshot of the widget mid-conversation.
"""

import http.client
import json
import os
import re
import secrets
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests
import socketio
from conftest import MODEL, PROJECT_DIR, Servers, free_port, running, wait_until_up
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from socketio.exceptions import ConnectionError as SocketIOConnectionError

from connectors.identity import socketio_conversation_id
from padsafety.rules import load_rulebook

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# UPDATE_SCREENSHOT=1 refreshes the README's picture; otherwise the run leaves tracked files alone
SCREENSHOT = PROJECT_DIR / ("docs" if os.environ.get("UPDATE_SCREENSHOT") else "results") / "widget.png"

CHROME_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
]
DISCLAIMER = "Information only, not medical advice"
GREETING = "Hello! I can tell you what red-light therapy pads can and cannot do"
BENEFITS = "red-light therapy pads may help with"
# a benefits question the model understands ("what can it do?" falls just under the NLU fallback threshold)
BENEFITS_QUESTION = "what can the pad do?"
REFERRAL = "please talk to your doctor"
XSS = "<img src=x onerror=alert(1)>"
REPLY_SECONDS = 90  # a bot reply: NLU + policies + action server on a shared 2-core machine


class WidgetServers(Servers):
    """Action server, Rasa (REST + the widget's socket.io channel, --cors for the page), the page's server."""

    def __init__(self, workdir: Path) -> None:
        self.web_port = free_port()
        self.page_url = f"http://127.0.0.1:{self.web_port}"
        super().__init__(
            workdir,  # the project's credentials.yml, as `make run` uses it
            WEB_HOST="127.0.0.1", WEB_PORT=str(self.web_port), CORS_ORIGINS=self.page_url,
        )
        # the HTTP API is on only to push a bot message at the widget and read trackers; token-protected
        self.token = secrets.token_urlsafe(16)
        self.env.update(ENABLE_API="true", RASA_API_TOKEN=self.token)
        self.web = None

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def start_rasa(self):
        super().start_rasa("--cors", self.page_url)

    def start_web(self):
        self.web, log = self._start("web", ["python", "scripts/web_server.py"])
        wait_until_up(f"{self.page_url}/", self.web, log, seconds=30)

    def stop(self):
        if self.web and self.web.poll() is None:
            self.web.terminate()
            self.web.wait(timeout=30)
        super().stop()

    def conversation_id(self, session_id: str) -> str:
        """Rasa's sender id of a widget session: a keyed hash of the session id, never the id itself."""
        return socketio_conversation_id(session_id, self.env["CONVERSATION_ID_SECRET"])

    def tracker_user_texts(self, session_id: str) -> list:
        response = requests.get(
            f"{self.rasa_url}/conversations/{self.conversation_id(session_id)}/tracker",
            params={"token": self.token}, timeout=30,
        )
        response.raise_for_status()
        return [e.get("text") for e in response.json()["events"] if e["event"] == "user"]

    def push_bot_message(self, session_id: str, text: str) -> None:
        """A bot message sent to the widget through the socket.io output channel (as external events are)."""
        response = requests.post(
            f"{self.rasa_url}/conversations/{self.conversation_id(session_id)}/tracker/events",
            params={"token": self.token, "output_channel": "socketio", "execute_side_effects": "true"},
            json={"event": "bot", "text": text}, timeout=30,
        )
        response.raise_for_status()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail("models/current.tar.gz is missing: run `make train`")
    build = subprocess.run(["bash", "scripts/build_web.sh"], cwd=PROJECT_DIR, capture_output=True, text=True)
    if build.returncode != 0:
        pytest.fail(f"scripts/build_web.sh failed:\n{build.stdout}\n{build.stderr}")
    with running(WidgetServers(tmp_path_factory.mktemp("widget"))) as instance:
        instance.start_web()
        yield instance


@pytest.fixture
def new_browser():
    """Makes headless Chromium sessions (Debian's browser and driver, never a download); quits them after."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            pytest.fail(f"{path} is missing: apt-get install -y chromium chromium-driver")
    drivers = []

    def make(width: int = 1280, height: int = 900, phone: bool = False) -> webdriver.Chrome:
        options = Options()
        options.binary_location = str(CHROMIUM)
        for argument in CHROME_ARGS + [f"--window-size={width},{height}"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        # leave an alert open so that the test sees it, instead of the driver dismissing it
        options.set_capability("unhandledPromptBehavior", "ignore")
        with pytest.MonkeyPatch.context() as env:
            env.setenv("SE_AVOID_BROWSER_DOWNLOAD", "true")
            env.setenv("SE_OFFLINE", "true")
            driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
        drivers.append(driver)
        if phone:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 2, "mobile": True,
            })
            driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
        return driver

    yield make
    for driver in drivers:
        driver.quit()


# ---- widget helpers ----------------------------------------------------------------------------------

def wait(driver, seconds: float = REPLY_SECONDS) -> WebDriverWait:
    return WebDriverWait(driver, seconds, ignored_exceptions=(StaleElementReferenceException,))


def bot_texts(driver) -> list:
    """The bot's messages shown so far (not the typing indicator)."""
    selector = "#webchat .rw-message:not(.rw-typing-indication) .rw-response"
    messages = driver.find_elements(By.CSS_SELECTOR, selector)
    return [element.text for element in messages]


def wait_until_idle(driver) -> None:
    """Waits until the widget shows no typing indicator (no bot message pending)."""
    typing = (By.CSS_SELECTOR, "#webchat .rw-typing-indication")
    wait(driver).until_not(EC.presence_of_element_located(typing))


def user_texts(driver) -> list:
    return [element.text for element in driver.find_elements(By.CSS_SELECTOR, "#webchat .rw-client")]


def wait_for_bot(driver, fragment: str, after: int = 0) -> str:
    """Waits until a bot message from index `after` on contains `fragment`; returns that message."""
    def found(_):
        return next((text for text in bot_texts(driver)[after:] if fragment in text), False)
    try:
        return wait(driver).until(found)
    except Exception:
        pytest.fail(f"no bot message containing {fragment!r}; bot said: {bot_texts(driver)[after:]}")


def open_widget(driver, page_url: str) -> None:
    driver.get(page_url + "/")
    wait(driver, 30).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#webchat .rw-launcher"))).click()
    chat = (By.CSS_SELECTOR, "#webchat .rw-conversation-container")
    wait(driver, 30).until(EC.visibility_of_element_located(chat))


def send(driver, text: str) -> int:
    """Types and sends a message; waits until it shows as the user's; returns the bot message count before."""
    before_bot, before_user = len(bot_texts(driver)), len(user_texts(driver))
    box = wait(driver, 30).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#webchat .rw-new-message")))
    box.send_keys(text)
    wait(driver, 10).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#webchat .rw-send"))).click()
    wait(driver, 30).until(lambda d: len(user_texts(d)) > before_user and user_texts(d)[-1] == text)
    return before_bot


def click_reply(driver, title: str) -> int:
    """Clicks the quick-reply button `title` of the last bot message; returns the bot message count before."""
    before = len(bot_texts(driver))
    button = (By.XPATH, "//*[@id='webchat']//div[contains(@class,'rw-replies')]"
                        f"/*[contains(@class,'rw-reply') and normalize-space()='{title}']")
    wait(driver).until(EC.element_to_be_clickable(button)).click()
    return before


def session_id(driver) -> str:
    stored = driver.execute_script("return window.localStorage.getItem('chat_session')")
    assert stored, "the widget keeps no conversation in localStorage"
    return json.loads(stored)["session_id"]


def assert_no_alert(driver) -> None:
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert  # noqa: B018 (the property access is the check)


def severe_browser_errors(driver, expected=()) -> list:
    """SEVERE console entries (JS errors, CSP violations), minus the web font CSP blocks on purpose."""
    allowed = ("fonts.googleapis.com",) + tuple(expected)
    return [e["message"] for e in driver.get_log("browser")
            if e["level"] == "SEVERE" and not any(a in e["message"] for a in allowed)]


# ---- the page server and the socket.io endpoint, over HTTP -------------------------------------------

def test_page_is_served_with_security_headers_and_no_cdn(site):
    response = requests.get(site.page_url + "/", timeout=10)
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert f"connect-src 'self' {site.rasa_url} ws://127.0.0.1:{site.rasa_port}" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert DISCLAIMER in response.text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", response.text), "the page loads remote files"

    config = requests.get(site.page_url + "/config.js", timeout=10)
    assert config.headers["Content-Type"].startswith("text/javascript")
    assert json.dumps(site.rasa_url) in config.text

    bundle = requests.get(site.page_url + "/dist/rasa-webchat.js", timeout=10)
    assert bundle.status_code == 200 and bundle.headers["Content-Type"].startswith("text/javascript")
    assert bundle.content == (PROJECT_DIR / "web/node_modules/rasa-webchat/lib/index.js").read_bytes()
    assert bundle.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", [
    "/package.json", "/package-lock.json", "/node_modules/rasa-webchat/lib/index.js", "/../README.md",
    "/%2e%2e/padsafety/settings.py", "/dist/../index.html", "/dist/%2e%2e/%2e%2e/credentials.yml",
    "/.gitignore", "/dist/", "/web/index.html",
])
def test_page_server_serves_only_the_page_and_the_bundle(site, path):
    connection = http.client.HTTPConnection("127.0.0.1", site.web_port, timeout=10)
    connection.request("GET", path)  # sent as written, no dot-segment normalisation
    response = connection.getresponse()
    assert response.status == 404
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    connection.close()


def test_socketio_accepts_the_page_origin_only(site):
    handshake = f"{site.rasa_url}/socket.io/?EIO=4&transport=polling"
    ok = requests.get(handshake, headers={"Origin": site.page_url}, timeout=10)
    assert ok.status_code == 200 and ok.text.startswith("0{")
    # exactly one value (with `rasa run --cors` as well, a doubled header would make browsers refuse it)
    assert ok.headers["Access-Control-Allow-Origin"] == site.page_url
    refused = requests.get(handshake, headers={"Origin": "http://evil.example"}, timeout=10)
    assert refused.status_code == 400
    assert "Access-Control-Allow-Origin" not in refused.headers

    client = socketio.Client()
    with pytest.raises(SocketIOConnectionError):
        client.connect(site.rasa_url, headers={"Origin": "http://evil.example"}, transports=["polling"])


def test_socketio_checks_messages_before_rasa_sees_them(site):
    client = socketio.Client()
    confirmed, greeted, replies = threading.Event(), threading.Event(), []
    session = {}

    @client.on("session_confirm")
    def on_confirm(session_id):
        session["id"] = session_id
        confirmed.set()

    @client.on("bot_uttered")
    def on_reply(message):
        replies.append(message.get("text", ""))
        if GREETING in message.get("text", ""):
            greeted.set()

    client.connect(site.rasa_url, headers={"Origin": site.page_url}, transports=["polling"], wait_timeout=30)
    try:
        client.emit("session_request", {"session_id": None})
        assert confirmed.wait(30), "no session_confirm"
        sid = session["id"]
        too_long = "I have lupus and " + "x" * 5000
        client.emit("user_uttered", {"message": too_long, "session_id": sid})  # answered by the channel
        client.emit("user_uttered", {"message": {"text": "hi"}, "session_id": sid})  # not a string: ignored
        client.emit("user_uttered", ["hi"])  # not an object: ignored
        client.emit("user_uttered", {"message": "hi", "session_id": "../../x"})  # bad session id: ignored
        client.emit("user_uttered", {"message": "/greet", "session_id": sid})
        # the replies reach this socket: it joined the session's room (enter_room awaited)
        assert greeted.wait(REPLY_SECONDS), replies
    finally:
        client.disconnect()
    assert "too long" in replies[0] and REFERRAL in replies[1], replies
    # Rasa saw only the valid message
    assert site.tracker_user_texts(sid) == ["/greet"]


class WidgetClient:
    """A socket.io client that talks as the widget does: session_request, then user_uttered."""

    def __init__(self, site: WidgetServers) -> None:
        self.client = socketio.Client()
        self.sessions, self.replies = [], []
        self.confirmed, self.replied = threading.Event(), threading.Event()
        self.client.on("session_confirm", self._on_confirm)
        self.client.on("bot_uttered", self._on_reply)
        self.client.connect(
            site.rasa_url, headers={"Origin": site.page_url}, transports=["polling"], wait_timeout=30
        )

    def _on_confirm(self, session_id):
        self.sessions.append(session_id)
        self.confirmed.set()

    def _on_reply(self, message):
        self.replies.append(message.get("text", ""))
        self.replied.set()

    def request_session(self, session_id=None) -> str:
        """The session id the server confirms for a request with ``session_id``."""
        self.confirmed.clear()
        self.client.emit("session_request", {"session_id": session_id})
        assert self.confirmed.wait(30), "no session_confirm"
        return self.sessions[-1]

    def say(self, session_id: str, text: str, until: str = "", expect_reply: bool = True) -> str:
        """Send ``text`` in ``session_id``; the replies, once one contains ``until`` (or settled)."""
        self.replies.clear()
        self.replied.clear()
        self.client.emit("user_uttered", {"message": text, "session_id": session_id})
        if not expect_reply:
            time.sleep(3)
            return "\n".join(self.replies)
        assert self.replied.wait(REPLY_SECONDS), f"no reply to {text!r}"
        deadline = time.monotonic() + (REPLY_SECONDS if until else 3)
        while time.monotonic() < deadline and not (until and until in "\n".join(self.replies)):
            time.sleep(0.2)
        return "\n".join(self.replies)

    def close(self) -> None:
        self.client.disconnect()


def test_a_session_id_the_server_did_not_issue_is_replaced(site):
    widget = WidgetClient(site)
    try:
        issued = widget.request_session(None)
        assert re.fullmatch(r"[0-9a-f]{32}-[0-9a-f]{16}", issued)
        assert widget.request_session(issued) == issued  # a reload keeps its session
        token, signature = issued.split("-")
        forged = f"{'0' * 32}-{signature}"
        for chosen in ("victim", "1", "0" * 32, forged, f"rest-{token}", issued.upper()):
            assert widget.request_session(chosen) not in (chosen, issued), chosen
    finally:
        widget.close()


def test_one_widget_user_cannot_reach_another_s_conversation(site):
    alice, mallory = WidgetClient(site), WidgetClient(site)
    try:
        alice_session = alice.request_session(None)
        assert "Question 1" in alice.say(alice_session, "is it safe for me?", until="Question 1")
        before = site.tracker_user_texts(alice_session)

        # Mallory, with a session id she chose, or Alice's id with its signature altered, gets her own session
        altered = alice_session[:-1] + ("0" if alice_session[-1] != "0" else "1")
        mallory_session = mallory.request_session(altered)
        assert mallory_session != alice_session
        # messages in a session id the server did not issue are dropped, not passed to Rasa
        assert mallory.say(alice_session[:33] + "0" * 16, "/affirm", expect_reply=False) == ""
        # her own conversation is hers: her answer is not taken as Alice's
        assert "Question" not in mallory.say(mallory_session, "/affirm")
        assert site.tracker_user_texts(alice_session) == before

        # Alice's replies reach Alice only
        mallory.replies.clear()
        assert "Question 2" in alice.say(alice_session, "/deny", until="Question 2")
        assert not any("Question" in reply for reply in mallory.replies)

        # over REST, Alice's session id (were it known) names another conversation
        rest = requests.post(
            f"{site.rasa_url}/webhooks/rest/webhook", json={"sender": alice_session, "message": "/affirm"},
            timeout=REPLY_SECONDS,
        )
        assert rest.ok and "Question 3" not in rest.text
        assert site.tracker_user_texts(alice_session) == ["is it safe for me?", "/deny"]
    finally:
        alice.close()
        mallory.close()


# ---- the widget in Chromium --------------------------------------------------------------------------

def test_conversation_screening_history_and_screenshot(site, new_browser):
    driver = new_browser(1280, 900)
    open_widget(driver, site.page_url)
    # the disclaimer is on the page and in the widget's header before any message arrives
    assert driver.find_element(By.ID, "disclaimer").is_displayed()
    header = driver.find_element(By.CSS_SELECTOR, "#webchat .rw-header")
    assert "Red-light pad assistant" in header.text and DISCLAIMER in header.text
    wait_for_bot(driver, GREETING)  # initPayload /greet
    first_session = session_id(driver)

    wait_for_bot(driver, BENEFITS, after=send(driver, BENEFITS_QUESTION))

    after = send(driver, "is it safe for me?")
    total = int(re.search(r"Question 1 of (\d+)", wait_for_bot(driver, "Question 1 of", after)).group(1))
    assert total == len(load_rulebook().screening_rules)
    answer = "Yes"
    for number in range(1, total + 1):
        wait_for_bot(driver, f"Question {number} of {total}", after)
        after = click_reply(driver, answer)
        wait(driver, 30).until(lambda d, a=answer: user_texts(d)[-1] == a)
        answer = "No"
    wait_for_bot(driver, "Verdict: do not use", after)

    wait_for_bot(driver, REFERRAL, after=send(driver, "btw I have lupus"))
    wait_until_idle(driver)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(SCREENSHOT))
    earlier_bot, earlier_user = bot_texts(driver), user_texts(driver)

    # reload: the conversation is still there (localStorage) and goes on in the same Rasa session
    driver.refresh()
    widget = (By.CSS_SELECTOR, "#webchat .rw-launcher, #webchat .rw-conversation-container")
    wait(driver, 30).until(EC.presence_of_element_located(widget))
    if not driver.find_elements(By.CSS_SELECTOR, "#webchat .rw-conversation-container"):
        driver.find_element(By.CSS_SELECTOR, "#webchat .rw-launcher").click()
    wait(driver, 30).until(lambda d: any("Verdict: do not use" in t for t in bot_texts(d)))
    assert bot_texts(driver)[:len(earlier_bot)] == earlier_bot
    assert user_texts(driver)[:len(earlier_user)] == earlier_user
    assert "btw I have lupus" in user_texts(driver) and any(REFERRAL in t for t in bot_texts(driver))
    assert session_id(driver) == first_session
    wait_for_bot(driver, BENEFITS, after=send(driver, BENEFITS_QUESTION))
    said = site.tracker_user_texts(first_session)
    assert said[0] == "/greet" and "btw I have lupus" in said and said[-1] == BENEFITS_QUESTION
    assert said.count(BENEFITS_QUESTION) == 2  # before and after the reload, one conversation

    assert severe_browser_errors(driver) == []


def test_html_in_messages_is_shown_as_text(site, new_browser):
    driver = new_browser(1280, 900)
    open_widget(driver, site.page_url)
    wait_for_bot(driver, GREETING)

    # the user's text
    after = send(driver, XSS)
    wait(driver).until(lambda d: len(bot_texts(d)) > after)  # the bot answered: the page has re-rendered
    assert_no_alert(driver)
    assert user_texts(driver)[-1] == XSS
    assert driver.find_elements(By.CSS_SELECTOR, 'img[src="x"]') == []

    # the bot's text (markdown): raw HTML is escaped; a javascript: link is rendered but CSP blocks it
    bot_html = "Bot <img src=x onerror=alert(2)> <b>bold</b> <script>alert(3)</script>"
    before = len(bot_texts(driver))
    site.push_bot_message(session_id(driver), bot_html + "\n\n[click me](javascript:alert(4))")
    assert bot_html in wait_for_bot(driver, "Bot <img", before)
    assert driver.find_elements(By.CSS_SELECTOR, 'img[src="x"]') == []
    assert driver.find_elements(By.CSS_SELECTOR, ".rw-markdown b, .rw-markdown script") == []
    link = wait(driver, 30).until(EC.element_to_be_clickable((By.LINK_TEXT, "click me")))
    windows = driver.window_handles
    link.click()
    wait(driver, 10).until(lambda d: any("JavaScript URL" in e["message"] for e in d.get_log("browser")))
    for handle in driver.window_handles:
        driver.switch_to.window(handle)
        assert_no_alert(driver)
    driver.switch_to.window(windows[0])
    assert driver.execute_script("return document.title").startswith("Glow Clinic")
    assert severe_browser_errors(driver, expected=("JavaScript URL",)) == []


def test_widget_is_usable_on_a_phone_sized_screen(site, new_browser, tmp_path):
    width, height = 390, 844
    driver = new_browser(width, height, phone=True)
    driver.get(site.page_url + "/")
    assert driver.execute_script("return window.innerWidth") == width
    assert driver.execute_script("return document.documentElement.scrollWidth") <= width  # no sideways scroll
    assert driver.find_element(By.ID, "disclaimer").is_displayed()
    launcher = wait(driver, 30).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#webchat .rw-launcher")))
    box = launcher.rect
    assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height
    launcher.click()
    chat = wait(driver, 30).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, "#webchat .rw-conversation-container"))
    )
    wait_for_bot(driver, GREETING)
    area = chat.rect
    assert area["x"] >= 0 and area["x"] + area["width"] <= width + 1
    assert area["y"] >= 0 and area["y"] + area["height"] <= height + 1
    assert area["width"] >= width - 2  # the chat takes the phone's full width
    field = driver.find_element(By.CSS_SELECTOR, "#webchat .rw-new-message").rect
    assert 0 <= field["y"] and field["y"] + field["height"] <= height  # the input is on screen
    assert DISCLAIMER in driver.find_element(By.CSS_SELECTOR, "#webchat .rw-header").text

    wait_for_bot(driver, BENEFITS, after=send(driver, BENEFITS_QUESTION))
    # quick replies fit the screen and work by touch
    buttons = driver.find_elements(By.CSS_SELECTOR, "#webchat .rw-replies .rw-reply")
    assert buttons and all(b.rect["x"] >= 0 and b.rect["x"] + b.rect["width"] <= width for b in buttons)
    assert driver.save_screenshot(str(tmp_path / "phone.png"))
    # and the chat can be closed again
    driver.find_element(By.CSS_SELECTOR, "#webchat .rw-close-button").click()
    wait(driver, 10).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#webchat .rw-launcher")))
    assert severe_browser_errors(driver) == []

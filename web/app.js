/* The web chat page: the rasa-webchat 1.0.1 widget (embedded) plus the
 * controls the assistant understands (see docs/webchat.md).
 *
 * - User id: the widget's socket.io session id, which Rasa's socket.io
 *   channel (session_persistence: true) uses as the sender id. The widget
 *   keeps it in localStorage ("chat_session"), so it survives reloads;
 *   "Start over as a new user" removes it and reloads, and Rasa hands out a
 *   new one.
 * - Metadata: the widget sends its `customData` object with every message
 *   (Rasa reads it with `metadata_key: customData`). It keeps a reference to
 *   the object we pass, so the device context lives in that object, and a
 *   one-off signal (barge-in, thumbs-down) is put in it just for the one
 *   message the button sends. socket.io encodes the message synchronously
 *   when connected, and the buttons are enabled only while connected.
 * - Identity (docs/security.md): the page first asks its own server for a
 *   token (GET token). With ASSISTANT_SECRET set, the page server answers
 *   with this browser's stable user id (kept in an HttpOnly cookie) and a
 *   signed token for it; the page passes the token in the socket.io handshake
 *   query and Rasa uses the token's subject as the user id. Without the
 *   secret (or with a plain static server) the answer is {"secured": false}
 *   or an error, and the page works as described above.
 * - Everything shown from the assistant is set with textContent (a taught
 *   "<script>" is text); links in answers that are not http(s) or mailto are
 *   not followed.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "chat_session";            // rasa-webchat's own key (params.storage "local")
  var CONTEXT_KEY = "teachable.deviceContext";  // this page's device toggles
  var ABOUT_ME = "What do you know about me?";
  var STOP_TEXT = "stop";
  var THUMBS_DOWN_TEXT = "👎";
  var AUTH_RELOAD_KEY = "teachable.authReloadAt";   // at most one reload for a new token per 30 s

  var query = new URLSearchParams(window.location.search);
  var rasaUrl = (query.get("rasa") || (window.location.protocol === "https:" ? "https://" : "http://") +
                 (window.location.hostname || "localhost") + ":5005").replace(/\/+$/, "");

  var $ = function (id) { return document.getElementById(id); };
  var ui = {
    userId: $("user-id"), connection: $("connection"), newUser: $("new-user"), aboutMe: $("about-me"),
    stop: $("stop"), screen: $("has-screen"), oven: $("oven-on"), chat: $("chat"),
    lastAnswer: $("last-answer-text"), thumbsDown: $("thumbs-down"), profile: $("profile"),
    profileText: $("profile-text"), profileClose: $("profile-close"), skip: $("skip-to-chat")
  };

  // --- device context: the metadata sent with every message ------------------
  // The widget holds a reference to this very object (never replace it).
  var context = {};
  function loadContext() {
    var saved = {};
    try { saved = JSON.parse(window.localStorage.getItem(CONTEXT_KEY) || "{}"); } catch (e) { saved = {}; }
    if (typeof saved.screen === "boolean") ui.screen.checked = saved.screen;
    if (typeof saved.oven === "boolean") ui.oven.checked = saved.oven;
    applyContext();
  }
  function applyContext() {
    context.screen = ui.screen.checked;
    if (ui.oven.checked) context.oven = "on"; else delete context.oven;
    window.localStorage.setItem(CONTEXT_KEY, JSON.stringify({ screen: ui.screen.checked, oven: ui.oven.checked }));
  }
  ui.screen.addEventListener("change", applyContext);
  ui.oven.addEventListener("change", applyContext);
  loadContext();

  // --- state shown on the page --------------------------------------------------
  var widget = null;        // the widget's handle: sendMessage(text), getSessionId()
  var connected = false;
  var hasAnswer = false;
  var collectingProfile = false;

  function storedSessionId() {
    try {
      var s = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
      return s && s.session_id ? s.session_id : null;
    } catch (e) { return null; }
  }
  function showUser(id) {
    ui.userId.textContent = id || "(connecting...)";
    document.body.dataset.userId = id || "";
  }
  function setConnected(isConnected, label) {
    connected = isConnected;
    ui.connection.textContent = label;
    ui.connection.className = "connection " + (isConnected ? "online" : "offline");
    document.body.dataset.connected = isConnected ? "true" : "false";
    refreshButtons();
  }
  function refreshButtons() {
    ui.stop.disabled = !connected;
    ui.aboutMe.disabled = !connected;
    ui.thumbsDown.disabled = !(connected && hasAnswer);
  }

  // --- sending ------------------------------------------------------------------
  function userSends() {            // any message ends the "what do you know" answer
    collectingProfile = false;
  }
  function send(text, signal) {
    if (!widget || !connected) return false;
    userSends();
    var keys = Object.keys(signal || {});
    keys.forEach(function (k) { context[k] = signal[k]; });
    try {
      // sendMessage(payload, shownText): emitted (and encoded) synchronously while connected;
      // without the second argument the widget would hide the message from the chat.
      widget.sendMessage(text, text);
    } finally {
      keys.forEach(function (k) { delete context[k]; });
      applyContext();
    }
    return true;
  }

  ui.stop.addEventListener("click", function () {
    send(STOP_TEXT, { barge_in: true });
  });
  ui.thumbsDown.addEventListener("click", function () {
    if (send(THUMBS_DOWN_TEXT, { feedback: "thumbs_down" })) {
      ui.thumbsDown.setAttribute("aria-pressed", "true");
    }
  });
  ui.aboutMe.addEventListener("click", function () {
    if (!send(ABOUT_ME)) return;
    collectingProfile = true;
    ui.profileText.textContent = "";
    var waiting = document.createElement("p");
    waiting.className = "waiting";
    waiting.textContent = "Asking the assistant...";
    ui.profileText.appendChild(waiting);
    ui.profile.hidden = false;
  });
  ui.profileClose.addEventListener("click", function () {
    ui.profile.hidden = true;
    collectingProfile = false;
    ui.aboutMe.focus();
  });
  var auth = null;          // {user, token, expires_in} from the page server, when it signs users
  ui.newUser.addEventListener("click", function () {
    var restart = function () {
      window.localStorage.removeItem(STORAGE_KEY);   // the widget asks Rasa for a new session id
      window.sessionStorage.setItem("teachable.previousUser", ui.userId.textContent);
      window.location.reload();
    };
    if (!auth) { restart(); return; }
    // Signed users: the page server hands out the new id (and its cookie); the reload fetches its token.
    fetch("token/new", { method: "POST", credentials: "same-origin", cache: "no-store",
                         headers: { "X-Requested-With": "teachable-page" } })
      .then(restart, restart);
  });
  ui.skip.addEventListener("click", function (ev) {
    var input = ui.chat.querySelector(".rw-new-message");
    if (input) { ev.preventDefault(); input.focus(); }
  });
  // Messages typed into the widget itself.
  ui.chat.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && !ev.shiftKey && ev.target.classList.contains("rw-new-message")) userSends();
  }, true);
  ui.chat.addEventListener("click", function (ev) {
    if (ev.target.closest && ev.target.closest(".rw-send")) userSends();
    // The widget renders answers as Markdown without filtering link targets: never follow javascript: etc.
    var link = ev.target.closest ? ev.target.closest("a[href]") : null;
    if (link && !/^(https?:|mailto:)/i.test(link.getAttribute("href") || "")) ev.preventDefault();
  }, true);

  // --- receiving ------------------------------------------------------------------
  function onBotMessage(message) {
    var text = message && typeof message.text === "string" ? message.text : "";
    if (!text) return;
    hasAnswer = true;
    ui.lastAnswer.textContent = text;
    ui.thumbsDown.removeAttribute("aria-pressed");
    refreshButtons();
    if (collectingProfile) {
      var waiting = ui.profileText.querySelector(".waiting");
      if (waiting) waiting.remove();
      var p = document.createElement("p");
      p.textContent = text;
      ui.profileText.appendChild(p);
    }
  }

  // --- accessibility of the widget's own markup -------------------------------------
  function labelWidget() {
    var input = ui.chat.querySelector(".rw-new-message");
    if (input && !input.getAttribute("aria-label")) input.setAttribute("aria-label", "Message to the assistant");
    var sendButton = ui.chat.querySelector(".rw-send");
    if (sendButton && !sendButton.getAttribute("aria-label")) sendButton.setAttribute("aria-label", "Send");
    var log = ui.chat.querySelector(".rw-messages-container");
    if (log && !log.getAttribute("role")) {
      log.setAttribute("role", "log");
      log.setAttribute("aria-live", "polite");
      log.setAttribute("aria-label", "Messages");
      log.setAttribute("tabindex", "0");     // scrollable with the keyboard
    }
  }
  new MutationObserver(labelWidget).observe(ui.chat, { childList: true, subtree: true });

  // --- identity: a token from the page's own server ---------------------------------------
  function reloadForNewToken() {     // the token expired or was refused: the page server mints a new one
    var last = parseInt(window.sessionStorage.getItem(AUTH_RELOAD_KEY) || "0", 10);
    if (Date.now() - last < 30000) {
      setConnected(false, "not signed in: reload the page");
      return;
    }
    window.sessionStorage.setItem(AUTH_RELOAD_KEY, String(Date.now()));
    window.location.reload();
  }
  function fetchAuth() {
    return fetch("token", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        return body && body.secured && typeof body.token === "string" && typeof body.user === "string" ? body : null;
      }, function () { return null; });   // a plain static server: no token, the page works as before
  }

  // --- the widget -------------------------------------------------------------------
  var previous = window.sessionStorage.getItem("teachable.previousUser");
  if (previous) window.sessionStorage.removeItem("teachable.previousUser");
  showUser(storedSessionId());
  setConnected(false, "connecting");

  if (!window.WebChat || typeof window.WebChat.default !== "function") {
    setConnected(false, "widget failed to load (run the setup: npm ci in web/)");
    return;
  }
  fetchAuth().then(function (signed) {
    auth = signed;
    if (auth) {
      // The id is the page server's; a different one kept by the widget belongs to an earlier user.
      if (storedSessionId() !== auth.user) window.localStorage.removeItem(STORAGE_KEY);
      showUser(auth.user);
    }
    startWidget();
  });

  function startWidget() {
    window.WebChat.default({
      // rasa-webchat passes no socket.io auth object: the token rides in the handshake query.
      socketUrl: auth ? rasaUrl + "/?token=" + encodeURIComponent(auth.token) : rasaUrl,
      socketPath: "/socket.io/",
      embedded: true,
      withRules: false,            // no Botfront rules: show the widget at once
      initPayload: "/greet",       // sent once per new session id
      customData: context,
      title: "Teachable assistant",
      subtitle: "Teach me what you like",
      inputTextFieldHint: "Type a message, then Enter",
      connectingText: "Waiting for the assistant...",
      hideWhenNotConnected: false,
      showCloseButton: false,
      customMessageDelay: function () { return 150; },
      params: { storage: "local" },
      innerRef: function (handle) { if (handle) widget = handle; },
      onSocketEvent: {
        connect: function () { setConnected(false, "connected, starting session"); },
        session_confirm: function (data) {
          var id = data && data.session_id ? data.session_id : data;
          showUser(id);
          setConnected(true, previous && previous !== id ? "connected (new user)" : "connected");
        },
        bot_uttered: onBotMessage,
        auth_error: function () { if (auth) reloadForNewToken(); },
        disconnect: function () { setConnected(false, "disconnected, retrying"); },
        connect_error: function (err) {
          if (auth && err && err.data && err.data.status === 401) { reloadForNewToken(); return; }
          setConnected(false, "cannot reach the assistant at " + rasaUrl);
        }
      }
    }, ui.chat);
  }

  window.teachablePage = { rasaUrl: rasaUrl, context: context, send: send };
})();

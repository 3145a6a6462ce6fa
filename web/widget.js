/* Mounts the self-hosted rasa-webchat 1.0.1 widget (web/dist/rasa-webchat.js).
 * Where Rasa is comes from /config.js, which scripts/web_server.py generates from the settings. */
(function () {
  "use strict";

  var config = window.WIDGET_CONFIG || {};
  var status = document.getElementById("widget-status");

  function unavailable(reason) {
    if (status) {
      status.textContent = "The chat assistant is unavailable right now (" + reason + ").";
      status.hidden = false;
    }
  }

  if (!window.WebChat || typeof window.WebChat.default !== "function") {
    unavailable("widget script missing: run scripts/build_web.sh");
    return;
  }
  if (!config.socketUrl) {
    unavailable("no server configured");
    return;
  }

  window.WebChat.default({
    socketUrl: config.socketUrl,
    socketPath: config.socketPath || "/socket.io/",
    initPayload: "/greet",
    title: "Red-light pad assistant",
    subtitle: "Information only, not medical advice",
    inputTextFieldHint: "Ask about red-light therapy pads…",
    connectingText: "Connecting to the assistant…",
    // conversation kept in localStorage: it survives reloads and the session id is reused
    params: { storage: "local" },
    customData: { language: "en" },
    // Rasa's socket.io channel sends no widget rules; without this the widget waits for them
    withRules: false,
    hideWhenNotConnected: false,
    showFullScreenButton: false,
    // short typing delay: long enough to read as a reply, short enough for a 9-question check
    customMessageDelay: function (message) {
      return Math.min(900, 250 + 3 * (message ? message.length : 0));
    },
    mainColor: "#9b1c1c",
    userBackgroundColor: "#9b1c1c",
    userTextColor: "#ffffff",
    assistBackgoundColor: "#f4eeeb", // sic: rasa-webchat's spelling
    assistTextColor: "#1f1b1a",
    conversationBackgroundColor: "#ffffff"
  }, document.getElementById("webchat"));
})();

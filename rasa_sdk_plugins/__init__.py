"""The action server's guard, loaded by rasa-sdk itself: its plug-in package is ``rasa_sdk_plugins``.

rasa-sdk 3.6 (``rasa_sdk.plugin``) imports this package when the action server starts (``rasa run actions``
or ``python -m rasa_sdk``, with the project on the path, as scripts/with_env.py puts it) and calls
``attach_sanic_app_extensions(app)`` before serving. Here that:

- refuses, with a 403 and before any action runs, every request to ``/webhook`` and ``/actions`` without
  ``Authorization: Bearer <ACTION_SERVER_TOKEN>`` (padsafety/action_auth.py); with no token configured it
  refuses them all. ``/health`` stays open;
- makes the server listen on ``ACTION_SERVER_HOST`` from the settings (rasa-sdk reads ``SANIC_HOST`` right
  after this hook and would otherwise listen on every interface, 0.0.0.0, when it is unset);
- rate-limits repeated warnings and errors in the log (padsafety/log_limits.py);
- answers errors with a short JSON error: rasa-sdk's own handler echoes the exception and the request body.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any, Optional

import pluggy

hookimpl = pluggy.HookimplMarker("rasa_sdk")
logger = logging.getLogger(__name__)

REFUSED = {"error": "this action server only runs actions for its Rasa server"}


def init_hooks(manager: pluggy.PluginManager) -> None:
    """Called by rasa_sdk.plugin: register this module's hooks."""
    manager.register(sys.modules[__name__])


@hookimpl
def attach_sanic_app_extensions(app: Any) -> None:
    """Authentication, the listening interface, log limits and quiet errors for rasa-sdk's Sanic app."""
    from sanic import response

    from padsafety.action_auth import HEADER, MIN_TOKEN_LENGTH, is_authorized, is_protected
    from padsafety.log_limits import RateLimitedLogger, limit_handlers
    from padsafety.settings import settings

    config = settings()
    token = config.action_server_token
    if len(token) < MIN_TOKEN_LENGTH:
        logger.error(
            "ACTION_SERVER_TOKEN is missing or shorter than %d characters: every action call is refused "
            "(start the action server through scripts/with_env.py, or set the token in .env)",
            MIN_TOKEN_LENGTH,
        )
    refusals = RateLimitedLogger(logger)

    async def require_token(request: Any) -> Optional[Any]:
        if is_protected(request.path) and not is_authorized(request.headers.get(HEADER), token):
            refusals.warning("refused", "refused an action server request without the shared secret (403)")
            return response.json(REFUSED, status=403)
        return None

    app.register_middleware(require_token, "request")

    async def quiet_error(request: Any, exception: Exception) -> Any:
        # rasa-sdk's handler answers with str(exception) and the whole request body (tracker included)
        status = getattr(exception, "status_code", 500)
        if status >= 500:
            name = type(exception).__name__
            refusals.error("exception", "action server error %s on %s", name, request.path[:100])
            logger.debug("action server error", exc_info=exception)
        return response.json({"error": "the action server could not handle this request"}, status=status)

    app.error_handler.add(Exception, quiet_error)
    os.environ["SANIC_HOST"] = config.action_server_host
    limit_handlers()

"""Refuses the model-changing endpoints of Rasa's HTTP API, whatever the configuration.

With ``--enable-api`` Rasa serves ``PUT /model`` (load a model from a path or URL: the code-execution hole
of Rasa before 3.6.21 came in through model files), ``DELETE /model``, ``POST /model/train`` and the
``/model/test`` endpoints. This assistant loads its model from ``models/`` at start-up only, so those
answer 403 even with a valid token. The read and conversation endpoints keep Rasa's own token check.

It also replaces Rasa's ``GET /`` ("Hello from Rasa: 3.6.21", with or without the API): the health check
answers a plain ``ok`` and tells nobody which version, with its known holes, is running.
"""

from __future__ import annotations

from typing import Any, Optional

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

REFUSED = "this server loads its model at start-up only; the model endpoints are switched off"


def is_model_change(method: str, path: str) -> bool:
    """Whether a request would load, unload, train or test a model."""
    path = "/" + path.strip("/")
    if path == "/model":
        return method in {"PUT", "DELETE", "POST"}
    return path == "/model/train" or path.startswith("/model/test")


async def refuse_model_changes(request: Request) -> Optional[HTTPResponse]:
    """Sanic request middleware: a 403 for model changes, nothing (carry on) otherwise."""
    if is_model_change(request.method, request.path):
        return response.json({"error": REFUSED}, status=403)
    return None


HEALTH_BODY = "ok"


def add_health_route(app: Any) -> None:
    """``GET /``: a plain health answer without versions (replaces ``rasa.server.add_root_route``)."""

    @app.get("/")
    async def hello(_: Request) -> HTTPResponse:
        return response.text(HEALTH_BODY)


def install() -> None:
    """Make ``rasa.server.create_app`` (used by ``rasa run --enable-api``) add the guard to its app."""
    import rasa.server

    # both the app with the API and the one without (rasa.core.run) call rasa.server.add_root_route(app)
    rasa.server.add_root_route = add_health_route

    original = rasa.server.create_app
    if getattr(original, "guarded", False):
        return

    def create_app(*args: Any, **kwargs: Any) -> Any:
        app = original(*args, **kwargs)
        app.register_middleware(refuse_model_changes, "request")
        return app

    create_app.guarded = True  # type: ignore[attr-defined]
    rasa.server.create_app = create_app

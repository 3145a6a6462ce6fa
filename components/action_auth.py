"""Rasa's side of the action server's shared secret: every custom action call carries it.

Rasa calls the action server through ``RemoteAction`` (custom actions, form validation) with the
``action_endpoint`` of the endpoints file. ``install()`` makes every ``RemoteAction`` send
``Authorization: Bearer <ACTION_SERVER_TOKEN>`` (padsafety/action_auth.py), whichever endpoints file or
program built the endpoint (`make run`, scale-out, the benchmark, the safety evaluation), and only to the
action server: no other endpoint gets the secret. Installed when Rasa imports ``components``.
"""

from __future__ import annotations

from typing import Any

from padsafety.action_auth import HEADER, header_value
from padsafety.settings import settings


def with_token(endpoint: Any, token: str) -> Any:
    """A copy of an ``EndpointConfig`` that also sends the token (None stays None)."""
    if endpoint is None or not token:
        return endpoint
    from rasa.utils.endpoints import EndpointConfig

    return EndpointConfig(
        url=endpoint.url,
        params=endpoint.params,
        headers={**(endpoint.headers or {}), HEADER: header_value(token)},
        basic_auth=endpoint.basic_auth,
        token=endpoint.token,
        token_name=endpoint.token_name,
        cafile=endpoint.cafile,
        **endpoint.kwargs,
    )


def install() -> None:
    """Make ``RemoteAction`` (and the subclasses Rasa uses) send the token (idempotent)."""
    from rasa.core.actions.action import RemoteAction

    original = RemoteAction.__init__
    if getattr(original, "sends_token", False):
        return

    def __init__(self: Any, name: str, action_endpoint: Any, *args: Any, **kwargs: Any) -> None:
        original(self, name, with_token(action_endpoint, settings().action_server_token), *args, **kwargs)

    __init__.sends_token = True  # type: ignore[attr-defined]
    RemoteAction.__init__ = __init__  # type: ignore[method-assign]

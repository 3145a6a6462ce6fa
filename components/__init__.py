"""Rasa server plug-ins: the condition extractor, the safety policy and the privacy tracker store.

Importing this package (Rasa does, to load the components named in config.yml) also makes custom
action calls fail safely: see resilient_actions.py, and carry the action server's shared secret: see
action_auth.py.
"""

from components import action_auth
from components.resilient_actions import install

install()
action_auth.install()

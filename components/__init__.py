"""Rasa server plug-ins: the condition extractor, the safety policy and the privacy tracker store.

Importing this package (Rasa does, to load the components named in config.yml) also makes custom
action calls fail safely: see resilient_actions.py.
"""

from components.resilient_actions import install

install()

"""The assistant's knowledge and safety, with no Rasa imports.

The rule book and its engine (``rules``), condition recognition (``conditions``, ``recognition``), the
wording of verdicts (``messages``) and the settings (``settings``). The Rasa server's plug-ins
(``components``, ``connectors``) and the action server (``actions``) are thin adapters over it.
"""

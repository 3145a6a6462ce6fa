"""Rasa server plug-ins: the condition extractor, the safety policy and the privacy tracker store."""

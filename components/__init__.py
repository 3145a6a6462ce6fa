"""Rasa graph components of this project: the condition extractor and the safety policy."""

"""The learning library of the teachable assistant: storage, detection, extraction, resolution.

Nothing in this package imports Rasa, so it can be used and tested on its own;
Rasa's action server is one front end of it.
"""

"""Rasa SDK actions: thin adapters from Rasa trackers to the preferences library."""

"""The demo skills: offline providers behind small interfaces, plus the replies.

Each skill module has a provider Protocol (what a real service would
implement) and an offline implementation that answers from the catalogs,
deterministically, so tests and conversation tests can rely on it.
"""

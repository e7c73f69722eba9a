"""A population simulator that proves (or disproves) that the assistant improves itself.

No public log of real rephrase chains exists, so the self-learning loop is
measured on simulated users who make realistic mistakes. The simulator knows
each user's true goal, so it judges every turn by what the assistant actually
did (the song that plays, the city the forecast is for), never by what the
assistant says about itself.

Modules, one idea each:

* ``seeds``      stable random streams, so paired runs see identical noise
* ``world``      goals the assistant can serve, taken from its own catalogs
* ``noise``      the noise channel: mishearings, partial titles, nicknames, unseen words
* ``population`` users with habits (favourites, some niche; a home town), their own names for them, a history
* ``reactions``  what a user does after an answer: done, rephrase, complain, barge in, give up
* ``judge``      what the assistant did, read from its reply, against the true goal
* ``driver``     episodes over REST against the real served assistant, a few users at once
* ``tracker``    which turns were rewritten, read from Rasa's tracker over HTTP
* ``jobs``       the learning jobs (`prefs rewrites mine`, `prefs rewrites index`) run by hand
* ``experiment`` the phases: mined traffic, learning, fresh users under three conditions
* ``metrics``    defect rates, win/loss (judged and replay), confidence intervals
* ``report``     report.json, report.html with plots, and the headline table
"""

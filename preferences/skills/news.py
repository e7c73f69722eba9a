"""Headlines from an offline set, rotated by day."""
from __future__ import annotations

from datetime import date
from typing import Protocol

from preferences.catalogs.news import TOPICS
from preferences.skills.base import SkillReply, stable_number

_HEADLINES: dict[str, tuple[str, ...]] = {
    "technology": ("Chip makers race to cut the power drawn by AI data centres",
                   "A new open-source phone operating system reaches its first stable release",
                   "Researchers show a battery that charges in five minutes"),
    "politics": ("Lawmakers reach a late-night deal on the transport budget",
                 "A record number of first-time voters register ahead of the election",
                 "City councils weigh new rules for short-term rentals"),
    "sports": ("An underdog clinches the title in overtime",
               "A veteran quarterback announces his retirement",
               "The marathon sets a new course record"),
    "business": ("Markets close higher as inflation cools",
                 "A major airline orders two hundred new jets",
                 "Small businesses report their best quarter in years"),
    "science": ("A probe sends back the sharpest images yet of Jupiter's moon Europa",
                "Biologists find a new species of deep-sea octopus",
                "Physicists measure the neutron's lifetime more precisely"),
    "health": ("A large study links daily walking to better sleep",
               "A new flu vaccine shows broader protection in trials",
               "Hospitals cut waiting times with a shared scheduling system"),
    "entertainment": ("A quiet indie film tops the weekend box office",
                      "A beloved sitcom returns for a reunion special",
                      "The music festival line-up is announced"),
    "world": ("Leaders meet to sign a new agreement on ocean protection",
              "A high-speed rail link opens between two capitals",
              "Relief groups expand aid after spring floods"),
    "climate": ("Solar overtakes coal in the national power mix for the first time",
                "Glaciers retreated faster last year, a survey finds",
                "Cities plant shade trees to fight summer heat"),
    "local": ("The downtown farmers market moves to a bigger square",
              "The public library extends its weekend hours",
              "Road works on Main Street finish ahead of schedule"),
}
assert set(_HEADLINES) == set(TOPICS), "every catalog topic needs headlines"


class NewsProvider(Protocol):
    def headlines(self, topic: str | None, today: date, count: int = 2) -> list[tuple[str, str]]: ...


class OfflineNewsProvider:
    def headlines(self, topic: str | None, today: date, count: int = 2) -> list[tuple[str, str]]:
        topics = [topic] if topic else sorted(_HEADLINES)
        picked: list[tuple[str, str]] = []
        for i in range(count):
            t = topics[stable_number(today, i, modulo=len(topics))] if not topic else topic
            pool = _HEADLINES[t]
            picked.append((t, pool[(stable_number(today, t, modulo=len(pool)) + i) % len(pool)]))
        return picked


def news_reply(provider: NewsProvider, topic: str | None, today: date) -> SkillReply:
    items = provider.headlines(topic, today)
    intro = f"Here are the latest {topic} headlines: " if topic else "Here are today's top headlines: "
    text = intro + " ".join(f"{h}." for _, h in items)
    return SkillReply(text, {"topic": topic, "headlines": [h for _, h in items]})


# --- the skill, declared once ------------------------------------------------------------------------
from typing import TYPE_CHECKING  # noqa: E402

from preferences.catalogs import normalize  # noqa: E402
from preferences.catalogs.news import normalize_topic  # noqa: E402
from preferences.personalization import Choice, reason_for  # noqa: E402
from preferences.resolution import How, ResolvedEntity  # noqa: E402
from preferences.skills.base import Entities, Question, Skill, Slot, first, with_choices, with_resolutions  # noqa: E402

if TYPE_CHECKING:
    from preferences.service import AssistantService


def reply(service: AssistantService, user: str, entities: Entities, utterance: str | None = None) -> SkillReply:
    topic_text = first(entities, "news_topic")
    topic = normalize("news_topic", topic_text) if topic_text else None
    resolved = [ResolvedEntity.named("news_topic", topic_text, topic) if topic_text else None]
    if topic_text and not topic:
        reply = news_reply(service.provider("news"), None, service.today)
        return with_resolutions(SkillReply(f"I have no {topic_text} news, but here is the rest. {reply.text}",
                                           reply.facts), resolved)
    if topic:
        return with_resolutions(with_choices(news_reply(service.provider("news"), topic, service.today), []),
                                resolved)
    fav = service.profile(user).favourite("news_topic")
    if fav:
        reason = reason_for(fav, "topic")
        return with_resolutions(with_choices(news_reply(service.provider("news"), fav.value, service.today),
                                             [Choice("news_topic", fav.value, reason)],
                                             f"Here's {fav.value}, {reason}."),
                                [ResolvedEntity("news_topic", None, fav.value, (), How.PREFERENCE)])
    return with_choices(news_reply(service.provider("news"), None, service.today), [])


def resolve_named(entity: str, words: str) -> ResolvedEntity | None:
    """What a topic named `words` resolves to (`Skill.resolves`)."""
    return ResolvedEntity.named("news_topic", words, normalize("news_topic", words)) if entity == "news_topic" \
        else None


SKILLS = (
    Skill(name="news", intent="get_news", action="action_news", reply=reply,
          provider=lambda today=None: OfflineNewsProvider(), hint="Which news topic did you want?",
          teaches=("news_topic",), answers=("news_topic",), follows=("news_topic",),
          slots=(Slot("news_topic", "news", "news_topic", normalize=normalize_topic, noun="{} news", order=50),),
          questions=(Question("news_topic", "Which news topics interest you most?", order=50),),
          examples=("what's in the news", "technology news"), resolves=resolve_named),
)

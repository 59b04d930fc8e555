"""What a carousel's body slides say, in order: points first, then sections, then (content run out) restatements."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from connector.generations.content import Extracted
from connector.generations.planning import sentences


@dataclass
class Body:
    """One body slide's content: a heading, and bullets or a paragraph (either may be empty)."""

    heading: str = ""
    bullets: list[str] = field(default_factory=list)
    paragraph: str = ""
    continued: bool = False


def _clean(items) -> list[str]:
    return list(dict.fromkeys(" ".join(i.split()) for i in items if i and i.strip()))


def body_units(extracted: Extracted, count: int) -> list[Body]:
    """The candidate body slides, best first. Points come first: one a slide when there are no more points than
    slides (a point that is a section's heading brings that section's first paragraph along), else the points
    shared out as bullet lists. Then each remaining section (heading, bullets or first paragraph), then the
    sections' further paragraphs."""
    points = _clean(extracted.points)
    summary = " ".join(extracted.summary.split())
    by_heading = {" ".join(s.heading.split()): s for s in extracted.sections if s.heading}
    used = set(points) | {summary}
    units: list[Body] = []
    done = set()
    if points and len(points) <= count:
        for point in points:
            section = by_heading.get(point)
            if section is not None:
                done.add(id(section))
                paras = [p for p in _clean(section.paragraphs) if p not in used]
                bullets = [b for b in _clean(section.bullets) if b not in used]
                units.append(Body(point, bullets, "" if bullets else (paras[0] if paras else "")))
            else:
                units.append(Body(point))
    elif points:
        share = math.ceil(len(points) / count)
        units += [Body("", points[i:i + share]) for i in range(0, len(points), share)]
    later: list[Body] = []
    for section in extracted.sections:
        if id(section) in done:
            continue
        heading = " ".join((section.heading or "").split())
        bullets = [b for b in _clean(section.bullets) if b not in used]
        paras = [p for p in _clean(section.paragraphs) if p not in used]
        if bullets:
            units.append(Body(heading, bullets))
        elif paras:
            units.append(Body(heading, [], paras[0]))
            paras = paras[1:]
        elif heading and heading not in used:
            units.append(Body(heading))
        later += [Body(heading, [], p, continued=bool(heading)) for p in paras]
    return units + later


def restatements(extracted: Extracted) -> list[Body]:
    """What fills body slides once the content has run out: the summary a sentence a slide, then the title."""
    out = [Body("", [], s) for s in sentences(extracted.summary)]
    return out + [Body(" ".join(extracted.title.split()))]


def closing_words(extracted: Extracted) -> str | None:
    """"Follow for more" for English content (its language, else a title in plain ASCII), else None: no
    translations are shipped, so other languages close with the site's name and address."""
    language = (extracted.language or "").lower()
    if language.startswith("en") or (not language and extracted.title.isascii()):
        return "Follow for more"
    return None

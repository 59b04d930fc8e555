"""What a carousel's body slides say, in order: points first, then sections, then (content run out) restatements."""

from __future__ import annotations

from dataclasses import dataclass, field

from connector.generations.content import Extracted
from connector.generations.layouts.parts import site_host
from connector.generations.planning import join, sentences


@dataclass
class Body:
    """One body slide's content: a heading, and bullets or a paragraph (either may be empty). ``start`` is the
    number of its first bullet (a list continued from the slide before goes on counting)."""

    heading: str = ""
    bullets: list[str] = field(default_factory=list)
    paragraph: str = ""
    continued: bool = False
    start: int = 1


def _clean(items) -> list[str]:
    return list(dict.fromkeys(" ".join(i.split()) for i in items if i and i.strip()))


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def body_units(extracted: Extracted, count: int) -> list[Body]:
    """The candidate body slides, best first: a headline a slide. Content with headed sections walks them in
    order (when there are more than slides, those with bullets first, then the earliest), each its heading over
    its bullets or its first paragraph's first two sentences; then points no section holds. Content without
    headed sections: one point a slide (the point as the headline) when they are no more than the slides, else
    the points shared out as lists under the title, numbered on from slide to slide.
    Then the sections' further paragraphs."""
    points = _clean(extracted.points)
    summary = _words(extracted.summary)
    title = _words(extracted.title)
    headed = [sec for sec in extracted.sections if _words(sec.heading) and (sec.bullets or sec.paragraphs)
              and _words(sec.heading) != title]
    units: list[Body] = []
    later: list[Body] = []
    if headed:
        chosen = headed
        if len(headed) > count:
            ranked = sorted(range(len(headed)), key=lambda i: (not headed[i].bullets, i))[:count]
            chosen = [headed[i] for i in sorted(ranked)]
        held = set()
        for sec in chosen:
            bullets = _clean(sec.bullets)
            paras = [p for p in _clean(sec.paragraphs) if p != summary]
            held.update(bullets)
            if bullets:
                units.append(Body(_words(sec.heading), bullets))
            elif paras:
                units.append(Body(_words(sec.heading), [], key_sentences(paras[0])))
            later += [Body(_words(sec.heading), [], p, continued=True) for p in paras[1:]]
        for sec in extracted.sections:
            held.update(_clean(sec.bullets))
            held.add(_words(sec.heading))
        loose = [p for p in points if p not in held and p != summary]
        if loose:
            units += _shared(title, loose, max(1, count - len(units)))
        return units + later
    if points and len(points) <= count:
        units += [Body(point) for point in points]
    elif points:
        units += _shared(title, points, count)
    for sec in extracted.sections:
        paras = [p for p in _clean(sec.paragraphs) if p != summary and p not in points]
        later += [Body("", [], p) for p in paras]
    return units + later


def key_sentences(paragraph: str, count: int = 2) -> str:
    """A paragraph's first ``count`` sentences: a slide under a heading says the gist, in large type."""
    return join(sentences(paragraph)[:count])


def _shared(heading: str, points: list[str], count: int) -> list[Body]:
    """Points shared out evenly over ``count`` slides as lists under ``heading``, numbered on across them."""
    slides = max(1, min(count, len(points)))   # 7 over 3: 3, 2, 2 (not 3, 3, 1)
    base, extra = divmod(len(points), slides)
    out, start = [], 0
    for n in range(slides):
        share = base + (n < extra)
        out.append(Body(heading, points[start:start + share], continued=n > 0, start=start + 1))
        start += share
    return out


def restatements(extracted: Extracted) -> list[Body]:
    """What fills body slides once the content has run out: the summary a sentence a slide, then the title."""
    out = [Body("", [], s) for s in sentences(extracted.summary)]
    return out + [Body(" ".join(extracted.title.split()))]


def closing_words(extracted: Extracted) -> str:
    """The closing slide's call to action. English content (its language, else a title in plain ASCII): "Read
    more at <host>", else "Follow <author> for more", else "Follow for more". No translations are shipped, so
    other languages get the bare address (or nothing)."""
    host = site_host(extracted.url)
    language = (extracted.language or "").lower()
    if language.startswith("en") or (not language and extracted.title.isascii()):
        if host:
            return f"Read more at {host}"
        return f"Follow {extracted.author} for more" if extracted.author else "Follow for more"
    return host

"""What a generation's input says, once extracted: the one shape extraction produces and layout planning reads."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Section:
    """A stretch of the body under one heading (``None`` before the first heading): its paragraphs and its list
    items, in reading order, as plain text (no markup, whitespace collapsed)."""

    heading: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)


@dataclass
class Extracted:
    """The content of a text, a web page or a PDF.

    ``title``: one line. ``summary``: one or two sentences (a page's description, else its lead). ``points``: short
    statements in order (list items, else headings, else key sentences), what a card or a carousel's slides say.
    ``sections``: the whole body in order, for planning slides. ``image``: an absolute http(s) URL of the lead
    image, or None; ``image_data``: the bytes of an image found inside the input (a PDF's first image), which the
    generation stores as an asset of the account and then names in ``image``. ``url``: the page's canonical URL.
    """

    title: str
    summary: str = ""
    points: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    image: str | None = None
    site_name: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None
    image_data: bytes | None = field(default=None, repr=False)

    def to_api(self) -> dict:
        """``extracted`` as a generation shows it."""
        return {"title": self.title, "summary": self.summary, "points": list(self.points), "image": self.image,
                "site_name": self.site_name, "author": self.author, "url": self.url}

    def to_dict(self) -> dict:
        """Everything but the image bytes, for storing with the generation (``from_dict`` reads it back)."""
        return {**self.to_api(), "language": self.language,
                "sections": [{"heading": s.heading, "paragraphs": s.paragraphs, "bullets": s.bullets}
                             for s in self.sections]}

    @classmethod
    def from_dict(cls, data: dict) -> Extracted:
        sections = [Section(s.get("heading"), list(s.get("paragraphs") or []), list(s.get("bullets") or []))
                    for s in data.get("sections") or []]
        return cls(title=data["title"], summary=data.get("summary") or "", points=list(data.get("points") or []),
                   sections=sections, image=data.get("image"), site_name=data.get("site_name"),
                   author=data.get("author"), url=data.get("url"), language=data.get("language"))

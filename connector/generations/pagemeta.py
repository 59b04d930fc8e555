"""A web page's metadata read from its parsed tree: og:/twitter: first, then title, description, JSON-LD, links."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from connector.generations.outline import clean

_SEPARATOR = re.compile(r"\s+[|–—·•»-]\s+")
_SMALL_IMAGE = re.compile(r"logo|icon|avatar|sprite|pixel|spacer|badge|emoji|gravatar|blank|placeholder|banner|"
                          r"advert|sponsor|anzeige|/ads?/|/pdf\.\w+$", re.I)
_SIZE_IN_NAME = re.compile(r"[-_](\d{2,4})x(\d{2,4})(?=[._-][^/]*$)")
# a site's stand-in when a page has no picture of its own: not a lead image
_STAND_IN = re.compile(r"(?:^|[/_.-])(?:logo|favicon|icon|blank|placeholder|default|fallback|spacer|pixel)"
                       r"(?:$|[/_.-])|/(?:facebook|twitter|social|share|og)[_-]?(?:image|default|logo)?\.\w+$", re.I)
_BYLINE_NOISE = re.compile(r"^(?:view all posts by|all posts by|posts by|written by|by|von|par|por)\s+", re.I)


@dataclass
class PageMeta:
    title: str | None = None
    description: str | None = None
    image: str | None = None
    site_name: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None


def absolute(base: str | None, value: str | None) -> str | None:
    """``value`` joined to ``base``; None unless the result is an http(s) URL with a host."""
    if not value or not (value := value.strip()) or value.startswith("data:"):
        return None
    try:
        joined = urljoin(base or "", value)
        parts = urlsplit(joined)
    except ValueError:
        return None
    return joined if parts.scheme in ("http", "https") and parts.hostname else None


def read_meta(tree, url: str | None) -> PageMeta:
    """What the page says about itself; relative URLs joined to its ``<base href>`` or ``url``."""
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        value = element.get("content")
        if key and value and clean(value) and key not in meta:   # the first of a repeated tag counts
            meta[key] = clean(value)
    base = next((absolute(url, b.get("href")) for b in tree.iter("base") if b.get("href")), None) or url
    ld = _json_ld(tree)
    site_name = _first(meta.get("og:site_name"), meta.get("application-name"), _name(ld.get("publisher")))
    title_tag = next((clean(t.text_content()) for t in tree.iter("title")), None)
    h1 = next((clean(h.text_content()) for h in tree.iter("h1") if clean(h.text_content())), None)
    canonical = next((absolute(base, link.get("href")) for link in tree.iter("link")
                      if "canonical" in (link.get("rel") or "").lower().split()), None)
    images = [absolute(base, meta.get(k)) for k in ("og:image", "og:image:secure_url", "og:image:url",
                                                     "twitter:image", "twitter:image:src")]
    root = tree.getroottree().getroot()
    return PageMeta(
        title=_first(_trim_title(meta.get("og:title"), site_name), _trim_title(meta.get("twitter:title"), site_name),
                     _trim_title(title_tag, site_name, h1, guess=True),
                     clean(str(ld.get("headline") or "")) or None),
        description=_first(meta.get("og:description"), meta.get("twitter:description"), meta.get("description"),
                           clean(str(ld.get("description") or "")) or None),
        image=_first(*(i for i in images if i and not _STAND_IN.search(urlsplit(i).path))),
        site_name=site_name,
        author=_first(_name(ld.get("author")), person(meta.get("author")), person(meta.get("article:author"))),
        url=_first(canonical, absolute(base, meta.get("og:url"))),
        language=_language(root.get("lang") or meta.get("og:locale") or meta.get("content-language")))


def lead_image(tree, base: str | None, sources: list[str]) -> str | None:
    """The first large image among ``sources`` (the main text's images, absolute) by the page's own <img>
    attributes: no logo, icon, avatar or tracking pixel, at least 200×120 px when it says its size."""
    attributes: dict[str, dict] = {}
    for img in tree.iter("img"):
        for name in ("src", "data-src", "data-lazy-src", "data-original"):
            found = absolute(base, img.get(name))
            if found and found not in attributes:
                attributes[found] = dict(img.attrib)
    for source in sources:
        attrs = attributes.get(source, {})
        path = urlsplit(source).path.lower()
        if path.endswith((".svg", ".ico")) or _SMALL_IMAGE.search(path + " " + attrs.get("class", "")):
            continue
        width, height = _pixels(attrs.get("width")), _pixels(attrs.get("height"))
        named = _SIZE_IN_NAME.search(path)   # WordPress and others name their resized copies "-200x200.jpg"
        if named and width is None and height is None:
            width, height = int(named.group(1)), int(named.group(2))
        if (width is not None and width < 200) or (height is not None and height < 120):
            continue
        return source
    return None


def _pixels(value: str | None) -> int | None:
    match = re.match(r"\s*(\d+)(?:px)?\s*$", value or "")
    return int(match.group(1)) if match else None


def _first(*values):
    return next((v for v in values if v), None)


def _trim_title(title: str | None, site_name: str | None, h1: str | None = None, guess: bool = False) -> str | None:
    """A title without the site's name around it ("The article | The Site"). ``guess`` (a <title>): the part
    that is the <h1>, else the first part when the others are not the site's known name."""
    if not title:
        return None
    parts = [p for p in _SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    if guess and h1 and h1 in parts:
        return h1
    kept = [p for p in parts if not site_name or p.strip().lower() != site_name.lower()]
    if len(kept) < len(parts):
        return " – ".join(kept) if kept else title
    return kept[0] if guess and len(kept[0]) >= 12 else title


def person(value: str | None) -> str | None:
    """An author's name, not a profile URL or an @handle ("View all posts by" and HTML entities removed)."""
    value = clean(_BYLINE_NOISE.sub("", html.unescape(value or "")))
    if not value or value.startswith(("http://", "https://", "@", "/")):
        return None
    return value


def _name(value) -> str | None:
    """A JSON-LD Person or Organization's name (several authors joined with commas)."""
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value[:4]) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        return person(clean(str(value.get("name") or ""))) or None
    if isinstance(value, str):
        return person(clean(value)) or None
    return None


def _json_ld(tree) -> dict:
    """The page's main JSON-LD object: the first with a headline or an author, else the first; {} when none."""
    found: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack and len(found) < 50:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return next((f for f in found if f.get("headline") or f.get("author")), found[0] if found else {})


def _language(value: str | None) -> str | None:
    """"en" from "en-GB", "en_US" or "EN"; None when it does not look like a language tag."""
    match = re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|\s*$)", value or "")
    return match.group(1).lower() if match else None

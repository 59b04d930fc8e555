"""Contact sheets of generated designs: seven inputs × eight styles × the main formats, and the article in every
other format (story, pin, thumbnail, print), into docs/screenshots/.

    .venv/bin/python scripts/generation_contact_sheet.py [--out docs/screenshots]

Inputs are the extraction fixtures in tests/connector/generations/data/, read with the real extraction when it can
be imported, else with a small stand-in reader. Lead images come from examples/assets (no network).
"""

from __future__ import annotations

import argparse
import html
import io
import re
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from connector.fetch.sources import local_loader  # noqa: E402
from connector.generations.content import Extracted, Section  # noqa: E402
from connector.generations.designs import STYLES, design  # noqa: E402
from connector.templates.formats import BY_NAME  # noqa: E402
from renderer import render  # noqa: E402

try:
    from connector.generations import extracting
except ImportError:   # extraction not importable in this checkout: the stand-in reader below is used
    extracting = None

DATA = ROOT / "tests" / "connector" / "generations" / "data"
ASSETS = ROOT / "examples" / "assets"
LABEL_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
INPUTS = ("tips", "article", "article-plain", "pdf", "arabic", "japanese", "emoji")
OTHER = ("instagram_story", "pinterest_pin", "youtube_thumbnail", "a4_portrait", "a4_landscape", "letter_portrait")


def _text(raw: str) -> Extracted:
    """A stand-in for extracting.from_text: first line the title, bullets and paragraphs after it."""
    lines = [line.strip() for line in raw.strip().splitlines()]
    title = re.sub(r"^#+\s*", "", lines[0])
    section = Section()
    for line in lines[1:]:
        if not line:
            continue
        bullet = re.match(r"^([-*•]|\d+[.)])\s+(.*)", line)
        (section.bullets.append(bullet.group(2)) if bullet else section.paragraphs.append(line))
    return Extracted(title=title, summary=section.paragraphs[0] if section.paragraphs else "",
                     points=section.bullets, sections=[section])


def _html(raw: str, og: bool) -> Extracted:
    """A stand-in for extracting.from_html: h1, og:description or the first paragraph, h2 sections."""
    def clean(text):
        return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())
    body = raw.split("<article", 1)[-1]
    title = clean(re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1))
    sections, current = [], Section()
    for tag, text in re.findall(r"<(h2|p|li)[^>]*>(.*?)</\1>", body, re.S):
        if tag == "h2":
            current = Section(clean(text))
            sections.append(current)
        elif tag == "p":
            current.paragraphs.append(clean(text))
        else:
            current.bullets.append(clean(text))
    paras = [p for s in sections for p in s.paragraphs]
    desc = re.search(r'property="og:description" content="([^"]+)"', raw)
    return Extracted(title=title, summary=clean(desc.group(1)) if og and desc else (paras[0] if paras else ""),
                     points=[s.heading for s in sections if s.heading], sections=sections,
                     site_name="Northwind Journal" if og else None, author="Ana Lima" if og else None,
                     url="https://northwind.example/journal/remote-meetings")


def load_input(name: str) -> Extracted:
    url = "https://northwind.example/journal/remote-meetings"
    if name in ("tips", "arabic", "japanese", "emoji"):
        raw = (DATA / f"{name}.txt").read_text(encoding="utf-8")
        extracted = extracting.from_text(raw) if extracting else _text(raw)
        extracted.language = extracted.language or {"arabic": "ar", "japanese": "ja"}.get(name)
    elif name in ("article", "article-plain"):
        raw = (DATA / f"{name}.html").read_bytes()
        try:
            extracted = extracting.from_html(raw, url, "text/html")
        except Exception:   # extraction not built yet here: read the page with the stand-in
            extracted = _html(raw.decode("utf-8"), name == "article")
    else:
        try:
            extracted = extracting.from_pdf((DATA / "document.pdf").read_bytes(), "https://example.com/report.pdf")
        except Exception:
            extracted = Extracted("Quarterly field report", "What our support team learned from 1,200 "
                                  "conversations this quarter, and what we will change next.",
                                  ["Most questions arrive on Monday mornings", "Short answers close tickets "
                                   "faster", "Customers ask for PDF exports more than any other feature"],
                                  url="https://example.com/report.pdf", site_name="example.com")
    # lead images stay local: the article's (when it has one) becomes a photo from examples/assets
    extracted.image = {"article": "photo-workspace.jpg", "pdf": "photo-city.jpg",
                       "emoji": "photo-coast.jpg"}.get(name) if (name != "article" or extracted.image) else None
    if name == "article":
        extracted.image = "photo-workspace.jpg"
    return extracted


def thumbs(extracted: Extracted, fmt: str, style: str, width: int) -> list[Image.Image]:
    data = design(extracted, fmt, style)
    result = render(data, load_image=local_loader(str(ASSETS)))
    out = []
    for page in result.pages:
        image = Image.open(io.BytesIO(page)).convert("RGB")
        out.append(image.resize((width, round(image.height * width / image.width)), Image.LANCZOS))
    return out


def sheet(rows: list[tuple[str, list[Image.Image]]], columns: list[str], cell_w: int, cell_h: int) -> Image.Image:
    pad, head, side = 12, 36, 150
    font = ImageFont.truetype(LABEL_FONT, 18)
    out = Image.new("RGB", (side + len(columns) * (cell_w + pad) + pad, head + len(rows) * (cell_h + pad) + pad),
                    "#e5e7eb")
    draw = ImageDraw.Draw(out)
    for i, name in enumerate(columns):
        draw.text((side + pad + i * (cell_w + pad), 10), name, font=font, fill="#111827")
    for r, (label, images) in enumerate(rows):
        y = head + pad + r * (cell_h + pad)
        draw.text((10, y + cell_h // 2 - 10), label, font=font, fill="#111827")
        for i, image in enumerate(images):
            out.paste(image, (side + pad + i * (cell_w + pad), y))
    return out.convert("P", palette=Image.ADAPTIVE, colors=256)   # a contact sheet: a quarter of the bytes


def other_sheet(rows: list[tuple[str, list[Image.Image]]], columns: list[str]) -> Image.Image:
    """Like ``sheet``, for cells of different sizes: each column as wide as its widest image, rows as tall as
    their tallest."""
    pad, head, side = 12, 36, 150
    font = ImageFont.truetype(LABEL_FONT, 18)
    widths = [max(images[i].width for _, images in rows) for i in range(len(columns))]
    heights = [max(image.height for image in images) for _, images in rows]
    out = Image.new("RGB", (side + sum(widths) + pad * (len(columns) + 1), head + sum(heights) + pad *
                            (len(rows) + 1)), "#e5e7eb")
    draw = ImageDraw.Draw(out)
    xs = [side + pad + sum(widths[:i]) + pad * i for i in range(len(columns))]
    for x, name in zip(xs, columns, strict=True):
        draw.text((x, 10), name, font=font, fill="#111827")
    y = head + pad
    for (label, images), height in zip(rows, heights, strict=True):
        draw.text((10, y + height // 2 - 10), label, font=font, fill="#111827")
        for x, image in zip(xs, images, strict=True):
            out.paste(image, (x, y))
        y += height + pad
    return out.convert("P", palette=Image.ADAPTIVE, colors=256)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--inputs", default=",".join(INPUTS))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    inputs = {name: load_input(name) for name in args.inputs.split(",")}
    for fmt, width in (("og", 300), ("instagram_post", 240)):
        rows = [(name, [thumbs(ex, fmt, style, width)[0] for style in STYLES]) for name, ex in inputs.items()]
        height = rows[0][1][0].height
        sheet(rows, list(STYLES), width, height).save(out / f"generations-{fmt}.png", optimize=True)
        print(f"generations-{fmt}.png")
    other = inputs.get("article") or next(iter(inputs.values()))
    rows = [(style, [thumbs(other, fmt, style, 170 if BY_NAME[fmt].height > BY_NAME[fmt].width else 300)[0]
                     for fmt in OTHER]) for style in STYLES]
    other_sheet(rows, list(OTHER)).save(out / "generations-other-formats.png", optimize=True)
    print("generations-other-formats.png")
    for name, ex in inputs.items():
        rows = [(style, thumbs(ex, "linkedin_carousel", style, 190)) for style in STYLES]
        pages = [f"page {n}" for n in range(1, len(rows[0][1]) + 1)]
        sheet(rows, pages, 190, rows[0][1][0].height).save(out / f"generations-carousel-{name}.png", optimize=True)
        print(f"generations-carousel-{name}.png")


if __name__ == "__main__":
    main()

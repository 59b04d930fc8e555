"""Writes article.html, article-plain.html and document.pdf beside this script from article_text.py.

Run: .venv/bin/python tests/connector/generations/data/make_fixtures.py  (the output is committed; it is stable).
The PDF is written by hand like a word processor's export: real text in Helvetica, lines hard-wrapped with a few
words hyphenated at the line end, a tiny icon image then a photo, and a Title/Author in its metadata.
"""

from __future__ import annotations

import html
import io
import json
import zlib
from pathlib import Path

import article_text as a
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
CANONICAL = "https://journal.example.com/2026/12/quiet-art-of-remote-meetings"


def body_html() -> str:
    out = []
    for kind, value in a.BODY:
        if kind == "img":
            out.append(f'<figure><img src="{value}" width="960" height="540" alt="Illustration"></figure>')
        elif kind in ("ul", "ol"):
            out.append(f"<{kind}>" + "".join(f"<li>{html.escape(i)}</li>" for i in value) + f"</{kind}>")
        else:
            out.append(f"<{kind}>{html.escape(value)}</{kind}>")
    return "\n".join(out)


def page(meta: bool) -> str:
    head = [f"<title>{html.escape(a.TITLE)} | {a.SITE}</title>"]
    if meta:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.TITLE,
              "author": {"@type": "Person", "name": a.AUTHOR},
              "publisher": {"@type": "Organization", "name": a.SITE}, "datePublished": "2026-12-01"}
        head += [f'<meta name="description" content="{html.escape(a.DESCRIPTION)}">',
                 f'<meta property="og:title" content="{html.escape(a.TITLE)}">',
                 f'<meta property="og:description" content="{html.escape(a.DESCRIPTION)}">',
                 '<meta property="og:image" content="/images/remote-meetings-og.jpg">',
                 f'<meta property="og:site_name" content="{a.SITE}">',
                 '<meta property="og:type" content="article">',
                 '<meta name="twitter:card" content="summary_large_image">',
                 '<meta name="twitter:image" content="/images/remote-meetings-twitter.jpg">',
                 f'<link rel="canonical" href="{CANONICAL}">',
                 f'<script type="application/ld+json">{json.dumps(ld)}</script>']
    nav = "".join(f'<li><a href="/{n.lower().replace(" ", "-")}">{n}</a></li>' for n in a.NAV)
    related = "".join(f'<li><a href="/r/{i}">{html.escape(t)}</a></li>' for i, t in enumerate(a.RELATED))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{chr(10).join(head)}
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<header class="site-header"><a href="/"><img src="/static/logo.svg" alt="{a.SITE}" width="120" height="32"></a>
<nav><ul>{nav}</ul></nav></header>
<img src="/px.gif" width="1" height="1" alt="">
<main>
<article>
<h1>{html.escape(a.TITLE)}</h1>
<p class="byline">By {a.AUTHOR} · December 1, 2026</p>
<figure><img src="images/remote-meetings-hero.jpg" width="1200" height="675" alt="A laptop on a kitchen table">
<figcaption>Fewer calls, better decisions.</figcaption></figure>
{body_html()}
</article>
<aside><h3>Related</h3><ul>{related}</ul></aside>
</main>
<footer><p>{html.escape(a.FOOTER)}</p></footer>
</body>
</html>
"""


def wrap(text: str, width: int) -> list[str]:
    """Hard-wrap at ``width`` characters; a long word that does not fit is hyphenated across the break."""
    lines, line = [], ""
    for word in text.split():
        room = width - len(line) - (1 if line else 0)
        if len(word) <= room:
            line = f"{line} {word}" if line else word
        elif len(word) >= 9 and room >= 5:
            cut = room - 1
            lines.append(f"{line} {word[:cut]}-" if line else f"{word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    return lines + [line] if line else lines


def jpeg(size: tuple[int, int], colours: tuple) -> bytes:
    image = Image.new("RGB", size, colours[0])
    draw = ImageDraw.Draw(image)
    w, h = size
    for i in range(0, w, max(1, w // 8)):
        draw.rectangle([i, 0, i + w // 16, h], fill=colours[1])
    draw.ellipse([w // 4, h // 4, 3 * w // 4, 3 * h // 4], fill=colours[2])
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def pdf_text(value: str) -> str:
    data = value.encode("cp1252")
    return "".join("\\" + chr(b) if chr(b) in "()\\" else chr(b) if 32 <= b < 127 else f"\\{b:03o}" for b in data)


class Pdf:
    def __init__(self):
        self.objects: list[bytes] = []

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def stream(self, data: bytes, extra: str = "") -> int:
        return self.add(f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream")

    def write(self, root: int, info: int) -> bytes:
        out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
        for number, body in enumerate(self.objects, 1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode()
        out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
        out += f"trailer\n<< /Size {len(self.objects) + 1} /Root {root} 0 R /Info {info} 0 R >>\n".encode()
        return bytes(out + f"startxref\n{xref}\n%%EOF\n".encode())


def section(kind_texts: list) -> list:
    """(font, size, text, gap-before) lines of a page from ("title"|"h2"|"p"|"li", text) blocks."""
    lines = []
    for kind, text in kind_texts:
        if kind == "title":
            lines.append(("F2", 22, text, 0))
        elif kind == "h2":
            lines.append(("F2", 15, text, 14))
        elif kind == "li":
            for i, line in enumerate(wrap(text, 84)):
                lines.append(("F1", 11, ("\u2022 " if i == 0 else "  ") + line, 4 if i == 0 else 0))
        else:
            lines += [("F1", 11, line, 10 if i == 0 else 0) for i, line in enumerate(wrap(text, 88))]
    return lines


def document() -> bytes:
    pdf = Pdf()
    font = pdf.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = pdf.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    icon_data, photo_data = jpeg((16, 16), ((20, 60, 120), (240, 240, 240), (250, 180, 0))), \
        jpeg((640, 400), ((32, 80, 160), (60, 120, 200), (250, 190, 60)))
    icon = pdf.stream(icon_data, "/Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceRGB "
                                 "/BitsPerComponent 8 /Filter /DCTDecode ")
    photo = pdf.stream(photo_data, "/Type /XObject /Subtype /Image /Width 640 /Height 400 /ColorSpace /DeviceRGB "
                                   "/BitsPerComponent 8 /Filter /DCTDecode ")
    blocks = [b for b in a.BODY if b[0] != "img"]
    first = [("title", "Field Guide to Remote Meetings"), ("p", blocks[0][1]), ("p", blocks[1][1])]
    after_image = [("h2", blocks[2][1]), ("p", blocks[3][1]), ("p", blocks[4][1])]
    habits = [b for b in blocks if b[0] == "ul"][0][1]
    second = [("h2", "Five habits of meetings that end on time")] + [("li", i) for i in habits] + \
             [("h2", "Record decisions, not transcripts")] + \
             [("p", t) for k, t in blocks if k == "p" and t.startswith(("Recording every", "A decision log"))]
    pages = []
    fonts = f"/Font << /F1 {font} 0 R /F2 {bold} 0 R >>"
    resources = [f"<< {fonts} /XObject << /Im1 {icon} 0 R /Im2 {photo} 0 R >> >>", f"<< {fonts} >>"]
    for number, parts in enumerate(([first, after_image], [second])):
        ops, y = [], 800.0
        if number == 0:
            ops.append("q 16 0 0 16 523 806 cm /Im1 Do Q")
        for index, part in enumerate(parts):
            for font_name, size, text, gap in section(part):
                y -= gap + size * 1.35
                ops.append(f"BT /{font_name} {size} Tf 56 {y:.1f} Td ({pdf_text(text)}) Tj ET")
            if number == 0 and index == 0:
                y -= 12 + 300
                ops.append(f"q 480 0 0 300 56 {y:.1f} cm /Im2 Do Q")
        ops.append(f"BT /F1 9 Tf 290 30 Td ({number + 1}) Tj ET")
        pages.append(pdf.stream(zlib.compress("\n".join(ops).encode("latin-1")), "/Filter /FlateDecode "))
    pages_id = len(pdf.objects) + len(pages) + 1
    kids = [pdf.add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] /Resources {res} "
                    f"/Contents {content} 0 R >>".encode()) for content, res in zip(pages, resources, strict=True)]
    assert pdf.add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
                   .encode()) == pages_id
    root = pdf.add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    info = pdf.add(b"<< /Title (Field Guide to Remote Meetings) /Author (Maya Lindqvist) "
                   b"/Producer (make_fixtures.py) >>")
    return pdf.write(root, info)


def main() -> None:
    (HERE / "article.html").write_text(page(meta=True), encoding="utf-8")
    (HERE / "article-plain.html").write_text(page(meta=False), encoding="utf-8")
    (HERE / "document.pdf").write_bytes(document())


if __name__ == "__main__":
    main()

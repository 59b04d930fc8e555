"""Canvas size presets (``GET /formats``): the sizes new templates start from and generations render to."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    width: int
    height: int
    pages: bool = False    # a carousel: one design of several pages

    @property
    def dpi(self) -> int:
        """300 for the print sizes (so their PDFs are real A4 or Letter pages), else 72."""
        return 300 if "300 dpi" in self.label else 72

    def to_api(self) -> dict:
        return {"name": self.name, "label": self.label, "width": self.width, "height": self.height, "dpi": self.dpi,
                "pages": self.pages}


FORMATS = (
    Format("og", "Open Graph / link preview", 1200, 630),
    Format("instagram_post", "Instagram post", 1080, 1080),
    Format("instagram_portrait", "Instagram portrait", 1080, 1350),
    Format("instagram_story", "Instagram story", 1080, 1920),
    Format("instagram_carousel", "Instagram carousel", 1080, 1350, pages=True),
    Format("linkedin_post", "LinkedIn post", 1200, 627),
    Format("linkedin_carousel", "LinkedIn carousel", 1080, 1350, pages=True),
    Format("x_post", "X (Twitter) post", 1600, 900),
    Format("facebook_post", "Facebook post", 1200, 630),
    Format("pinterest_pin", "Pinterest pin", 1000, 1500),
    Format("youtube_thumbnail", "YouTube thumbnail", 1280, 720),
    Format("a4_portrait", "A4 portrait (300 dpi)", 2480, 3508),
    Format("a4_landscape", "A4 landscape (300 dpi)", 3508, 2480),
    Format("letter_portrait", "US Letter portrait (300 dpi)", 2550, 3300),
    Format("square_small", "Square", 512, 512),
)
BY_NAME = {f.name: f for f in FORMATS}

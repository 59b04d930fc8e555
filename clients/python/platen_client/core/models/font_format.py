from enum import StrEnum


class FontFormat(StrEnum):
    OTF = "otf"
    TTC = "ttc"
    TTF = "ttf"
    WOFF = "woff"
    WOFF2 = "woff2"

    def __str__(self) -> str:
        return str(self.value)

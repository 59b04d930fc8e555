from enum import StrEnum


class FontFaceStyleStyle(StrEnum):
    ITALIC = "italic"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class FontFamilySource(StrEnum):
    INSTALLED = "installed"
    UPLOADED = "uploaded"

    def __str__(self) -> str:
        return str(self.value)

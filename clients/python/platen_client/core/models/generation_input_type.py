from enum import StrEnum


class GenerationInputType(StrEnum):
    PDF = "pdf"
    TEXT = "text"
    URL = "url"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class RenderTemplateUrlExt(StrEnum):
    JPEG = "jpeg"
    JPG = "jpg"
    PDF = "pdf"
    PNG = "png"
    WEBP = "webp"

    def __str__(self) -> str:
        return str(self.value)

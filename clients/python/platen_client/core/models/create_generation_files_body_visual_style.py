from enum import StrEnum


class CreateGenerationFilesBodyVisualStyle(StrEnum):
    BOLD = "bold"
    CORPORATE = "corporate"
    CREATIVE = "creative"
    DARK = "dark"
    ELEGANT = "elegant"
    MINIMAL = "minimal"
    MODERN = "modern"
    PLAYFUL = "playful"

    def __str__(self) -> str:
        return str(self.value)

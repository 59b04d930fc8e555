from enum import StrEnum


class CreateGenerationFilesBodyInputType(StrEnum):
    PDF = "pdf"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class N8NFieldType(StrEnum):
    BOOLEAN = "boolean"
    NUMBER = "number"
    OPTIONS = "options"
    STRING = "string"
    URL = "url"

    def __str__(self) -> str:
        return str(self.value)

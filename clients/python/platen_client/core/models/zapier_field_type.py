from enum import StrEnum


class ZapierFieldType(StrEnum):
    BOOLEAN = "boolean"
    INTEGER = "integer"
    NUMBER = "number"
    STRING = "string"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)

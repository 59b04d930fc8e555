from enum import StrEnum


class MakeParameterType(StrEnum):
    BOOLEAN = "boolean"
    COLOR = "color"
    NUMBER = "number"
    SELECT = "select"
    TEXT = "text"
    URL = "url"

    def __str__(self) -> str:
        return str(self.value)

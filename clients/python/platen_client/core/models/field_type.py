from enum import StrEnum


class FieldType(StrEnum):
    BOOLEAN = "boolean"
    COLOR = "color"
    IMAGE = "image"
    INTEGER = "integer"
    NUMBER = "number"
    QR = "qr"
    SELECT = "select"
    TEXT = "text"
    TEXTAREA = "textarea"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ListTemplateFieldsFormat(StrEnum):
    JSONSCHEMA = "jsonschema"
    MAKE = "make"
    N8N = "n8n"
    NATIVE = "native"
    ZAPIER = "zapier"

    def __str__(self) -> str:
        return str(self.value)

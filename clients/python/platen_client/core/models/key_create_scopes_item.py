from enum import StrEnum


class KeyCreateScopesItem(StrEnum):
    HOOKSREAD = "hooks:read"
    HOOKSWRITE = "hooks:write"
    KEYSWRITE = "keys:write"
    RENDERSREAD = "renders:read"
    RENDERSWRITE = "renders:write"
    TEMPLATESREAD = "templates:read"
    TEMPLATESWRITE = "templates:write"

    def __str__(self) -> str:
        return str(self.value)

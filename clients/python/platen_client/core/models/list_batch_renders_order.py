from enum import StrEnum


class ListBatchRendersOrder(StrEnum):
    NEWEST = "newest"
    ROWS = "rows"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class HookCreateEvent(StrEnum):
    BATCH_COMPLETED = "batch.completed"
    GENERATION_COMPLETED = "generation.completed"
    GENERATION_FAILED = "generation.failed"
    RENDER_COMPLETED = "render.completed"
    RENDER_FAILED = "render.failed"

    def __str__(self) -> str:
        return str(self.value)

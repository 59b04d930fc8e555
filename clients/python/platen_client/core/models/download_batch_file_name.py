from enum import StrEnum


class DownloadBatchFileName(StrEnum):
    ARCHIVE_ZIP = "archive.zip"
    RESULTS_CSV = "results.csv"

    def __str__(self) -> str:
        return str(self.value)

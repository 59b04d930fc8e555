from enum import StrEnum


class GenerationCreateOutputFormatsItem(StrEnum):
    A4_LANDSCAPE = "a4_landscape"
    A4_PORTRAIT = "a4_portrait"
    FACEBOOK_POST = "facebook_post"
    INSTAGRAM_CAROUSEL = "instagram_carousel"
    INSTAGRAM_PORTRAIT = "instagram_portrait"
    INSTAGRAM_POST = "instagram_post"
    INSTAGRAM_STORY = "instagram_story"
    LETTER_PORTRAIT = "letter_portrait"
    LINKEDIN_CAROUSEL = "linkedin_carousel"
    LINKEDIN_POST = "linkedin_post"
    OG = "og"
    PINTEREST_PIN = "pinterest_pin"
    SQUARE_SMALL = "square_small"
    X_POST = "x_post"
    YOUTUBE_THUMBNAIL = "youtube_thumbnail"

    def __str__(self) -> str:
        return str(self.value)

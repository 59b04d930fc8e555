"""Extraction of a pasted text: title, headings, lists, paragraphs, points and summary, in several scripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from connector.generations.extracting import MAX_TEXT, ExtractionFailed, from_text
from connector.generations.outline import sentences

DATA = Path(__file__).resolve().parent / "data"


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_a_tip_list_gives_its_title_and_its_items_as_points():
    got = from_text(read("tips.txt"))
    assert got.title == "5 tips for remote work"
    assert got.points == ["Keep a fixed start and end to your day", "Set up a desk that is only for work",
                          "Write things down: decisions, plans, questions",
                          "Take a real lunch break away from the screen", "Say hello on the team chat every morning"]
    assert [s.bullets for s in got.sections] == [got.points]
    assert got.summary == "" and got.image is None and got.language is None


def test_arabic_text_keeps_its_words_and_is_marked_arabic():
    got = from_text(read("arabic.txt"))
    assert got.title == "خمس نصائح للعمل عن بعد"
    assert got.language == "ar"
    assert got.points[0] == "حدد وقتاً ثابتاً لبداية يومك ونهايته." and len(got.points) == 5
    assert got.summary.startswith("العمل من المنزل يمنحك حرية كبيرة")
    assert got.sections[0].paragraphs == [got.summary]


def test_japanese_text_heading_numbered_list_and_sentences_without_spaces():
    got = from_text(read("japanese.txt"))
    assert got.title == "リモートワークを快適にする5つのコツ"
    assert got.language == "ja"
    assert got.points == ["一日の始まりと終わりの時間を決める。", "仕事専用の静かな場所を用意する。",
                          "決定事項や計画、質問を書き残す。", "画面から離れて、しっかり昼休みを取る。",
                          "毎朝チャットで挨拶をする。"]
    # two sentences that fit, joined as written (no space after 。)
    assert got.summary == ("在宅勤務は自由ですが、はっきりした習慣が必要です。"
                           "分散したチームが生産的でいるためのヒントを紹介します。")


def test_emoji_survive_in_title_points_and_paragraphs():
    got = from_text(read("emoji.txt"))
    assert got.title == "🚀 Launch week is here!"
    assert got.points[1] == "🎨 Brand kits keep every image on-brand" and len(got.points) == 4
    assert got.sections[0].paragraphs[-1] == "Thanks for building with us 💜"
    assert "🎉" in got.summary


def test_invisible_characters_go_and_joiners_and_flags_stay():
    family, england = "👨\u200d👩\u200d👧", "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
    got = from_text(f"Soft\u00adhy\u200bphen {family} {england}\n\nCafe\u0301 \ufeffdone.")
    assert got.title == f"Softhyphen {family} {england}"
    assert got.summary == "Café done."


def test_lines_led_by_the_same_kind_of_emoji_are_a_list():
    got = from_text("Launch notes\n\n✅ Faster renders\n✅ Brand kits\n✅ Carousels\n\nTry it today.")
    assert got.points == ["✅ Faster renders", "✅ Brand kits", "✅ Carousels"]
    assert got.sections[0].paragraphs == ["Try it today."]


def test_markdown_headings_and_bold_become_sections_and_marks_are_removed():
    text = ("# **Remote work**, _done well_\n\nIntro with a [link](https://example.com) and `code`.\n\n"
            "## Tools\n\nPick *one* chat app. Keep it.\n\n**Habits**\n\n1) Start on time\n2) End on time\n"
            "  even on Fridays\n\nRituals\n=======\n\nA weekly demo.\n\n---\n\n![cover](https://cdn.example.com/c.png)")
    got = from_text(text)
    assert got.title == "Remote work, done well"
    assert [s.heading for s in got.sections] == [None, "Tools", "Habits", "Rituals"]
    assert got.sections[0].paragraphs == ["Intro with a link and code."]
    assert got.sections[2].bullets == ["Start on time", "End on time even on Fridays"]
    assert got.points == ["Start on time", "End on time even on Fridays"]
    assert got.image == "https://cdn.example.com/c.png"


def test_quote_marks_and_a_closing_line_of_hashtags_are_dropped():
    got = from_text("Big news\n\n> We doubled our speed.\n> Try it now.\n\nMore soon.\n\n#launch #speed @platen")
    assert got.sections[0].paragraphs == ["We doubled our speed. Try it now.", "More soon."]


def test_every_list_mark_is_read():
    got = from_text("Marks\n- dash\n* star\n• bullet\n1. one\n2) two\n(3) three\n４．four")
    assert got.points == ["dash", "star", "bullet", "one", "two", "three", "four"]


def test_without_lists_the_headings_are_the_points():
    got = from_text("Guide\n\n## Plan the week\nText one.\n\n## Write it down\nText two.\n\n## Review on Friday\nText.")
    assert got.points == ["Plan the week", "Write it down", "Review on Friday"]
    assert got.summary == "Text one."


def test_without_lists_or_headings_the_first_sentences_are_the_points():
    text = ("Why we write\n\nWriting makes plans clear. It also saves meetings.\n\n"
            "Decisions last longer on paper. Nobody forgets them.\n\nNew people learn faster. They read the past.")
    got = from_text(text)
    assert got.summary == "Writing makes plans clear. It also saves meetings."
    # the first sentences but the summary's, topped up with the ones after them: fewer than three were left
    assert got.points == ["Decisions last longer on paper.", "New people learn faster.", "Nobody forgets them.",
                          "They read the past."]


def test_a_single_paragraph_gives_its_other_sentences_as_points():
    got = from_text("Focus\n\nTurn off alerts. Close the tabs. Set a timer. Take a break after.")
    assert got.summary == "Turn off alerts. Close the tabs."
    assert got.points == ["Set a timer.", "Take a break after."]


def test_a_long_first_line_gives_its_first_sentence_as_title():
    line = "Remote teams that write things down make better decisions. " + "They also meet less often. " * 6
    got = from_text(line.strip())
    assert got.title == "Remote teams that write things down make better decisions."
    assert got.sections[0].paragraphs[0].startswith("They also meet less often.")


def test_hard_wrapped_lines_are_joined_and_cjk_lines_without_a_space():
    got = from_text("T\n\nThis line is\nwrapped by hand.\n\n日本語の文章は\n改行されても続く。")
    assert got.sections[0].paragraphs == ["This line is wrapped by hand.", "日本語の文章は改行されても続く。"]


def test_hebrew_text_is_marked_hebrew():
    got = from_text("חמישה טיפים לעבודה מרחוק\n\nקבעו שעת התחלה וסיום קבועה. שמרו על פינת עבודה שקטה.")
    assert got.language == "he" and got.title == "חמישה טיפים לעבודה מרחוק"
    assert got.summary == "קבעו שעת התחלה וסיום קבועה. שמרו על פינת עבודה שקטה."


@pytest.mark.parametrize(("text", "expected"), [
    ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
    ("See e.g. the guide. Dr. Smith agrees. J. R. R. Tolkien wrote it.",
     ["See e.g. the guide.", "Dr. Smith agrees.", "J. R. R. Tolkien wrote it."]),
    ("Version 2.5 is out. It is fast.", ["Version 2.5 is out.", "It is fast."]),
    ("He said “stop.” Then he left.", ["He said “stop.”", "Then he left."]),
    ("今日は晴れ。明日は雨！本当？", ["今日は晴れ。", "明日は雨！", "本当？"]),
    ("هل أنت مستعد؟ لنبدأ الآن.", ["هل أنت مستعد؟", "لنبدأ الآن."]),
    ("Wait… What happened? and then", ["Wait…", "What happened? and then"]),
])
def test_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text", ["", "   \n\t  \n", None])
def test_empty_text_is_input_empty(text):
    with pytest.raises(ExtractionFailed) as failed:
        from_text(text)
    assert failed.value.code == "input_empty"
    assert failed.value.message == "input_content is empty: paste the text to design from."


def test_text_of_only_marks_is_input_empty():
    with pytest.raises(ExtractionFailed) as failed:
        from_text("---\n\n#\n- \n***")
    assert failed.value.code == "input_empty" and failed.value.message.startswith("input_content has no words")


def test_text_over_the_limit_has_its_own_code():
    with pytest.raises(ExtractionFailed) as failed:
        from_text("word " * (MAX_TEXT // 5 + 1))
    assert failed.value.code == "input_too_long"
    assert failed.value.message == ("input_content is 20,005 characters, more than the 20,000 a generation reads: "
                                    "send the first part of it.")


def test_points_are_short_and_the_summary_bounded():
    long_item = "A very long list item " + "that goes on and on " * 20
    got = from_text(f"T\n\n{'Long sentence ' * 40}. Short one.\n\n- {long_item}\n- ok")
    assert all(len(p) <= 160 for p in got.points) and got.points[0].endswith("…")
    assert len(got.summary) <= 300


def test_the_same_text_gives_the_same_result():
    text = read("emoji.txt")
    assert from_text(text) == from_text(text)
    assert from_text(text).to_dict() == from_text(text).to_dict()

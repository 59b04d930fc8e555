"""Extraction of a web page: metadata (og:/twitter: first), main text by trafilatura, lead image, decoding, errors."""

from __future__ import annotations

from pathlib import Path

import dateparser.date
import pytest

from connector.generations.extracting import ExtractionFailed, from_html

DATA = Path(__file__).resolve().parent / "data"
URL = "https://blog.example.org/2026/12/remote-meetings.html"
HABITS = ["Give every meeting a single owner who starts it and ends it.",
          "Put the decision you need at the top of the agenda, not the bottom.",
          "Keep status updates in writing and use the call for questions.",
          "End five minutes early so people can reach their next call.",
          "Close by reading the decisions and owners aloud."]
HEADINGS = [None, "Start with the why", "Write the agenda down first", "Five habits of meetings that end on time",
            "Make space for quiet voices", "Record decisions, not transcripts", "Steps to try next week",
            "When not to meet at all", "Time zones are a design constraint", "Tools matter less than you think",
            "What managers can do", "The bottom line"]


def page(name: str) -> bytes:
    return (DATA / name).read_bytes()


def html(head: str = "", body: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


ARTICLE_BODY = "<article><h1>Heading</h1>" + "".join(
    f"<p>Paragraph {n} says something useful about the topic at hand, in enough words to count as text.</p>"
    for n in range(4)) + "</article>"


@pytest.fixture(scope="module")
def article():
    return from_html(page("article.html"), URL, "text/html; charset=utf-8")


@pytest.fixture(scope="module")
def plain():
    return from_html(page("article-plain.html"), URL, "text/html")


def test_the_article_reads_its_og_twitter_and_json_ld_metadata(article):
    assert article.title == "The Quiet Art of Remote Meetings"
    assert article.summary.startswith("Distributed teams that meet less, and better, share a handful of habits")
    assert article.site_name == "Northwind Journal"
    assert article.author == "Maya Lindqvist"   # JSON-LD
    assert article.url == "https://journal.example.com/2026/12/quiet-art-of-remote-meetings"   # canonical
    assert article.language == "en"


def test_the_og_image_is_joined_to_the_page_url(article):
    assert article.image == "https://blog.example.org/images/remote-meetings-og.jpg"


def test_the_article_body_is_its_sections_without_navigation_or_footer(article):
    assert [s.heading for s in article.sections] == HEADINGS
    assert article.sections[0].paragraphs[0].startswith("Ask anyone who has worked on a distributed team")
    assert article.sections[3].bullets == HABITS
    assert len(article.sections[6].bullets) == 5
    text = " ".join(p for s in article.sections for p in s.paragraphs + s.bullets)
    assert 1300 < len(text.split()) < 1600
    for furniture in ("Newsletter", "Privacy policy", "Related", "async standups", "By Maya"):
        assert furniture not in text


def test_the_article_points_are_its_list_items(article):
    assert article.points[:5] == HABITS and len(article.points) == 10


def test_the_plain_article_falls_back_to_title_byline_and_first_large_image(plain):
    assert plain.title == "The Quiet Art of Remote Meetings"   # <title> without " | Northwind Journal"
    assert plain.author == "Maya Lindqvist"                      # the byline, without its date
    assert plain.image == "https://blog.example.org/2026/12/images/remote-meetings-hero.jpg"   # not the logo
    assert plain.url == URL and plain.site_name is None
    assert plain.summary == ("Ask anyone who has worked on a distributed team what drains their week and the "
                             "answer rarely involves the work itself.")
    assert [s.heading for s in plain.sections] == HEADINGS


def test_twitter_tags_count_when_there_are_no_og_tags():
    head = ('<meta name="twitter:title" content="Tweet title"><meta name="twitter:description" content="Tweet desc.">'
            '<meta name="twitter:image" content="//cdn.example.net/t.png"><title>Other | Site</title>')
    got = from_html(html(head, ARTICLE_BODY), URL)
    assert (got.title, got.summary, got.image) == ("Tweet title", "Tweet desc.", "https://cdn.example.net/t.png")


def test_og_tags_come_before_twitter_and_title_tags():
    head = ('<meta property="og:title" content="OG"><meta name="twitter:title" content="TW"><title>T</title>'
            '<meta name="description" content="Plain."><meta property="og:description" content="From og.">')
    got = from_html(html(head, ARTICLE_BODY), URL)
    assert (got.title, got.summary) == ("OG", "From og.")


def test_the_site_name_is_trimmed_from_og_title_and_the_h1_is_not_a_section():
    head = ('<meta property="og:title" content="Great Post | Acme Blog">'
            '<meta property="og:site_name" content="Acme Blog">')
    got = from_html(html(head, ARTICLE_BODY.replace("Heading", "Great Post: the long version")), URL)
    assert got.title == "Great Post" and got.site_name == "Acme Blog"
    assert [s.heading for s in got.sections] == [None] and len(got.sections[0].paragraphs) == 4


def test_line_breaks_join_lines_and_an_empty_line_splits_paragraphs():
    body = ("<div class=post><h2>Update</h2><div>Line one of the post<br>line two of the post<br><br>"
            "Another paragraph here with words.</div></div>")
    got = from_html(html("", body), URL)
    assert got.title == "Update" and [s.heading for s in got.sections] == [None]
    assert got.sections[0].paragraphs == ["Line one of the post line two of the post",
                                          "Another paragraph here with words."]


def test_json_ld_graph_authors_and_publisher():
    ld = ('{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "x"}, {"@type": "Article", '
          '"headline": "LD headline", "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"name": "Bo Li"}], '
          '"publisher": {"@type": "Organization", "name": "Daily Widget"}}]}')
    head = f'<script type="application/ld+json">{ld}</script><script type="application/ld+json">{{broken</script>'
    got = from_html(html(head, ARTICLE_BODY), URL)
    assert (got.title, got.author, got.site_name) == ("LD headline", "Ana Ruiz, Bo Li", "Daily Widget")


def test_image_urls_that_are_not_http_are_dropped():
    head = '<meta property="og:image" content="javascript:alert(1)"><meta name="twitter:image" content="ftp://x/y.png">'
    body = ARTICLE_BODY.replace("</h1>", '</h1><img src="data:image/png;base64,AAAA" width="800" height="600">'
                                         '<img src="/pics/icon-small.png" width="900" height="600">'
                                         '<img src="/pics/photo.jpg" width="800" height="500">')
    got = from_html(html(head, body), URL)
    assert got.image == "https://blog.example.org/pics/photo.jpg"


def test_a_stand_in_og_image_gives_way_to_the_article_picture():
    head = ('<meta property="og:image" content="https://s0.wp.com/i/blank.jpg">'
            '<meta name="twitter:image" content="/static/social_placeholder.png">')
    body = ARTICLE_BODY.replace("</h1>", '</h1><img src="/ads/banner-728.jpg" width="728" height="300">'
                                         '<img src="/uploads/shot-150x150.jpg"><img src="/uploads/shot.jpg">')
    assert from_html(html(head, body), URL).image == "https://blog.example.org/uploads/shot.jpg"


def test_a_content_image_that_says_it_is_small_is_skipped():
    body = ARTICLE_BODY.replace("</h1>", '</h1><img src="/uploads/small.jpg" width="120" height="90">'
                                         '<img src="/uploads/big.jpg" width="800px" height="450">')
    assert from_html(html("", body), URL).image == "https://blog.example.org/uploads/big.jpg"


def test_author_names_are_cleaned():
    head = '<meta name="author" content="View all posts by Lindsey O&amp;#039;Donnell">'
    assert from_html(html(head, ARTICLE_BODY), URL).author == "Lindsey O'Donnell"


def test_base_href_is_used_to_join():
    head = '<base href="https://static.example.org/a/"><meta property="og:image" content="img/x.jpg">'
    assert from_html(html(head, ARTICLE_BODY), URL).image == "https://static.example.org/a/img/x.jpg"


def test_the_declared_charset_decodes_the_page():
    body = "<article><h1>Café crème</h1>" + "<p>Über die Straße gehen wir zusammen, jeden Tag ein Stück.</p>" * 3
    data = html("", body + "</article>").decode().encode("cp1252")
    got = from_html(data, URL, "text/html; charset=windows-1252")
    assert got.title == "Café crème" and got.sections[0].paragraphs[0].startswith("Über die Straße")


def test_a_meta_charset_decodes_the_page():
    data = html('<meta charset="shift_jis"><title>日本語のページ</title>', ARTICLE_BODY).decode().encode("shift_jis")
    assert from_html(data, URL, "text/html").title == "日本語のページ"


def test_an_undeclared_encoding_is_detected():
    text = ("<article><h1>Новости недели</h1>" + "<p>Команда выпустила новую версию сервиса, и теперь отчёты "
            "строятся вдвое быстрее, чем раньше.</p>" * 4 + "</article>")
    got = from_html(html("", text).decode().encode("cp1251"), URL)
    assert got.title == "Новости недели" and "Команда выпустила" in got.summary


def test_a_pdf_is_the_wrong_type():
    for data, content_type in ((b"%PDF-1.4 ...", None), (b"<html></html>", "application/pdf")):
        with pytest.raises(ExtractionFailed) as failed:
            from_html(data, URL, content_type)
        assert failed.value.code == "input_wrong_type"
        assert failed.value.message == f'input_url: {URL} is a PDF, not a web page; send it with input_type "pdf".'


def test_an_image_is_the_wrong_type():
    with pytest.raises(ExtractionFailed) as failed:
        from_html(b"\x89PNG", URL, "image/png")
    assert failed.value.code == "input_wrong_type" and "is image/png, not a web page" in failed.value.message


@pytest.mark.parametrize("data", [b"", b"   ", html("<title>App</title>", '<div id="root"></div><script>x()</script>')])
def test_a_page_without_text_is_unreadable(data):
    with pytest.raises(ExtractionFailed) as failed:
        from_html(data, URL, "text/html")
    assert failed.value.code == "input_unreadable"
    assert failed.value.message == (f"input_url: the page at {URL} has no readable text; send the article's own "
                                    'address, or paste its text (input_type "text").')


def test_a_page_with_only_a_description_gives_title_and_summary():
    head = ('<meta property="og:title" content="The App">'
            '<meta property="og:description" content="Plan your week. Fast.">')
    got = from_html(html(head, '<div id="root"></div>'), URL)
    assert (got.title, got.summary, got.points) == ("The App", "Plan your week. Fast.", ["Plan your week.", "Fast."])


def test_the_same_page_gives_the_same_result(article):
    again = from_html(page("article.html"), URL, "text/html; charset=utf-8")
    assert again == article and again.to_dict() == article.to_dict()


def test_a_page_without_a_date_is_not_searched_for_one_in_every_language(monkeypatch):
    # htmldate's extensive search runs every dateparser locale over such a page (seconds, the first time in a
    # process); Platen shows no date, so it never starts.
    called: list = []
    real = dateparser.date.DateDataParser.get_date_data
    monkeypatch.setattr(dateparser.date.DateDataParser, "get_date_data",
                        lambda self, *a, **k: called.append(a) or real(self, *a, **k))
    words = " ".join(["Quiet teams write things down and meet less often than loud ones."] * 30)
    got = from_html(html("<title>Quiet teams</title>", f"<article><h1>Quiet teams</h1><p>{words}</p>"
                                                         f"<p class='byline'>By Word Word · Cls 1, 2026</p></article>"),
                    URL)
    assert got.title == "Quiet teams" and called == []

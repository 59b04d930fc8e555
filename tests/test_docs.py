"""README and docs/ point only at what the repo holds; the README stays a front page; every setting is documented."""

import re
from pathlib import Path

from connector.runtime.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
README_MAX_LINES = 250

# [text](target) and ![alt](target); the target ends at the first space or ")".
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)[^)]*\)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def anchors(text: str) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered."""
    seen: dict[str, int] = {}
    out = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", FENCE.sub("", text), re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def broken_links(doc: Path, root: Path = ROOT) -> list[str]:
    """Relative links (and their #anchors) in ``doc`` that lead nowhere inside ``root``."""
    text = doc.read_text()
    bad = []
    for target in LINK.findall(FENCE.sub("", text)):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):   # http:, https:, mailto: … are not files of the repo
            continue
        path, _, anchor = target.partition("#")
        file = (doc.parent / path).resolve() if path else doc
        if not file.is_relative_to(root.resolve()) or not file.exists():
            bad.append(f"{doc.name}: {target} (no such file in the repo)")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file.read_text()):
            bad.append(f"{doc.name}: {target} (no heading #{anchor} in {file.name})")
    return bad


def test_links_lead_to_files_and_headings_of_the_repo():
    assert (ROOT / "docs").is_dir()
    assert [bad for doc in documents() for bad in broken_links(doc)] == []


def test_the_check_catches_a_missing_file_and_a_missing_heading(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "api.md").write_text("# The API\n\n## Who am I — `GET /me`\n")
    doc = tmp_path / "README.md"
    doc.write_text("[spec](../shared/SPEC.md) [ok](docs/api.md#who-am-i--get-me) [no](docs/api.md#nope)\n"
                   "[web](https://example.com/x) [gone](docs/gone.md)\n```\n[in code](nowhere.md)\n```\n")
    assert broken_links(doc, tmp_path) == ["README.md: ../shared/SPEC.md (no such file in the repo)",
                                           "README.md: docs/api.md#nope (no heading #nope in api.md)",
                                           "README.md: docs/gone.md (no such file in the repo)"]


def test_the_readme_is_a_front_page():
    lines = len((ROOT / "README.md").read_text().splitlines())
    assert lines <= README_MAX_LINES, f"README.md has {lines} lines; move reference material into docs/"


def test_no_document_cites_text_outside_the_repo():
    for doc in documents():
        text = doc.read_text()
        assert "SPEC" not in text and "../shared" not in text, f"{doc.name} cites a text that is not in the repo"


def test_every_setting_is_in_the_configuration_table():
    operations = (ROOT / "docs" / "operations.md").read_text()
    missing = [env for env, _default, _help in Settings.documented() if f"| `{env}` |" not in operations]
    assert missing == [], f"add these to the configuration table in docs/operations.md: {', '.join(missing)}"


def test_every_dependency_says_what_it_is_for():
    design = (ROOT / "docs" / "design.md").read_text().lower()
    missing = []
    for requirements in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / requirements).read_text().splitlines():
            name = re.split(r"[=<>\[ ;]", line.strip(), maxsplit=1)[0]
            if name and not name.startswith("#") and f"`{name.lower()}" not in design:
                missing.append(name)
    assert missing == [], f"say in docs/design.md (Dependencies) what these are for: {', '.join(missing)}"

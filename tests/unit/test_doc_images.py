"""The images of the documentation: every image a Markdown file of the
repository shows exists, and every file of docs/images is shown somewhere
(docs/take_screenshots.py, docs/take_incident_screenshots.py and
docs/render_examples.py regenerate them)."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMAGES = ROOT / "docs" / "images"
# ![text](target) and <img src="target">; a target may carry a title after a space
LINK = re.compile(r"!\[[^\]]*\]\(\s*(?:<([^>]+)>|([^)\s]+))(?:\s+\"[^\"]*\")?\s*\)|<img\s[^>]*src=\"([^\"]+)\"")


def markdown_files() -> list[Path]:
    return sorted([*ROOT.glob("*.md"), *(ROOT / "docs").glob("*.md")])


def image_links() -> list[tuple[Path, str]]:
    return [(page, next(group for group in match.groups() if group))
            for page in markdown_files()
            for match in LINK.finditer(page.read_text(encoding="utf-8"))]


def test_the_link_pattern_reads_both_forms():
    text = '![a](images/x.png) | ![b](<images/y z.png> "title") <img width="3" src="images/w.png">'
    assert [next(g for g in m.groups() if g) for m in LINK.finditer(text)] == [
        "images/x.png", "images/y z.png", "images/w.png"]


def test_every_image_shown_exists():
    links = image_links()
    assert any(page.name == "huong-dan.md" for page, _target in links)
    missing = [f"{page.relative_to(ROOT)}: {target}" for page, target in links
               if not target.startswith(("http://", "https://")) and not (page.parent / target).is_file()]
    assert missing == []


def test_every_image_file_is_shown():
    shown = {(page.parent / target).resolve() for page, target in image_links()}
    unused = sorted(path.name for path in IMAGES.iterdir() if path.resolve() not in shown)
    assert unused == []

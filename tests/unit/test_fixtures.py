"""The example plans' texts are the ones given, byte for byte (SOURCES.md)."""
import hashlib
import re

from conftest import EXAMPLE_TEXTS, FIXTURE_FILES, FIXTURES, fixture_name


def test_each_example_text_is_byte_for_byte_the_one_given():
    listed = dict(re.findall(r"^([0-9a-f]{64})  (\S+\.txt)$", (FIXTURES / "SOURCES.md").read_text(encoding="utf-8"),
                             re.MULTILINE))
    digests = {hashlib.sha256(path.read_bytes()).hexdigest(): path.name for path in EXAMPLE_TEXTS}
    assert digests == listed and len(listed) == 5


def test_each_example_text_sits_beside_its_structured_form():
    assert [path.stem for path in EXAMPLE_TEXTS] == [fixture_name(path) for path in FIXTURE_FILES]

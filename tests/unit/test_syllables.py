"""The Vietnamese syllable grammar of kehoach_desktop.core.syllables."""
import unicodedata

import pytest
from conftest import EXAMPLE_TEXTS

from kehoach_desktop.core.syllables import is_syllable, misspelt_words, tone_normalised

# Typos really present in the example plans; the checker must report these and nothing else.
KNOWN_TYPOS = {"luậm"}  # "tham luậm" in 000

VALID = """
    quyết nghiêng khuỷu giếng gì gìn quốc thuở khuya uống ước oẳn loắt ngoằn
    hoạch huỳnh xuyên chuyện người ươm yểng oái hoè hòe thuý thúy thủy thuỷ quý quí
    hoà hòa khoẻ khỏe ủy uỷ giữa già gió giỏi giun giặc quả quân quên quặp quầy quýt
    quỳnh quyển quạt quăng quét quê nghề nghĩ nghe ghế ghi ghét ghiền kiếm kìa kỹ kỳ
    kẻ kêu cuộc cửa của cua rượu hươu khuấy khuâng thuật xuân tuyết huých huynh
    nguệch huênh ngoẹo xoáy ngoài oanh choáng goá tiếng yêu yến yết ếch ích ạch ông
    ăn ấm mượn bướm cướp gặp mặc đẹp nhà phở trường thương khuyên Nguyễn Việt VIỆT
    chiếc việc ngỗng trứng ngoạm đuốc muối sướng xoong rìu mưu hưu
""".split()

INVALID = """
    luậm thák thắk kô ka kan ko ku kư kă kâ ngê nge ngi ngiêng ngho gha ghá ghô ghu
    ghư nghă gê ciên ce ci cy coa cuy qa qan quu tàp bàc hỏp lãt hẽch hoc mat xach
    ăp đêp đươc khôg trog phươg thàh sanhh uêm mươ muô miê iêu tyêu hoăi nguòi
    ngừoi thuong tieng nguoi viet aa hộii ng hm tr áá
""".split()


def test_at_least_60_valid_and_40_invalid_examples():
    assert len(set(VALID)) >= 60 and len(set(INVALID)) >= 40
    assert not set(VALID) & set(INVALID)


@pytest.mark.parametrize("word", VALID)
def test_valid_syllables_are_accepted(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", INVALID)
def test_invalid_syllables_are_rejected(word):
    assert not is_syllable(word)


@pytest.mark.parametrize("word", ["muà", "gìa", "qúy", "nguời", "hóà", "hoaì"])
def test_tone_over_the_wrong_vowel_or_two_tones_are_rejected(word):
    assert not is_syllable(word)


def test_stop_coda_takes_only_sac_or_nang():
    assert is_syllable("học") and is_syllable("hóc")
    for tone in ("hoc", "hòc", "hỏc", "hõc"):
        assert not is_syllable(tone)
    assert is_syllable("thích") and is_syllable("thịch") and not is_syllable("thìch")


@pytest.mark.parametrize("old, new", [
    ("hoà", "hòa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("uỷ", "ủy"), ("hoè", "hòe"),
    ("thuý", "thúy"), ("toà", "tòa"), ("loã", "lõa"),
])
def test_both_tone_placements_are_accepted_and_normalise_equal(old, new):
    assert is_syllable(old) and is_syllable(new)
    assert tone_normalised(old) == tone_normalised(new) == new


def test_normalising_keeps_case_and_fixed_words():
    assert tone_normalised("Hoà") == "Hòa"
    assert tone_normalised("HOÀ") == "HÒA"
    assert tone_normalised("Thuỷ") == "Thủy"
    assert tone_normalised("hoàn") == "hoàn"  # a coda follows: only one placement
    assert tone_normalised("người") == "người"


def test_non_syllables_are_returned_unchanged():
    for word in ("luậm", "online", "", "Covid-19"):
        assert tone_normalised(word) == word


def test_decomposed_input_is_accepted_and_composed_on_output():
    for word in ("nghiệp", "quyết", "Đoàn", "ưu", "hoà", "khuỷu"):
        nfd = unicodedata.normalize("NFD", word)
        assert nfd != word or word.isascii()
        assert is_syllable(nfd)
        assert tone_normalised(nfd) == tone_normalised(word)
        assert unicodedata.is_normalized("NFC", tone_normalised(nfd))
    assert not is_syllable(unicodedata.normalize("NFD", "luậm"))


def test_misspelt_words_reports_offsets_in_the_original_text():
    text = "Phát biểu tham luậm; thák và hoc bài."
    found = misspelt_words(text)
    assert [w for _, _, w in found] == ["luậm", "thák", "hoc"]
    assert all(text[a:b] == w for a, b, w in found)


def test_misspelt_words_offsets_in_decomposed_text():
    text = unicodedata.normalize("NFD", "Hội nghị tham luậm.")
    [(a, b, word)] = misspelt_words(text)
    assert text[a:b] == word and unicodedata.normalize("NFC", word) == "luậm"


def test_misspelt_words_skips_abbreviations_foreign_words_names_and_numbers():
    text = ("UBND, ĐTN, BCH và LĐTBXH; phòng chống Covid-19 qua Zalo, email, "
            "website và online; ông Peter Smith, 08g00, số 37-KH/ĐTN; chữ a, ý.")
    assert misspelt_words(text) == []


def test_misspelt_words_checks_inside_quotes_hyphens_and_long_capitals():
    text = 'Chủ đề "tham luậm" và pa-nô ngiêng; KHÔNGGIANMẠNG'
    assert [w for _, _, w in misspelt_words(text)] == ["luậm", "ngiêng", "KHÔNGGIANMẠNG"]


def test_words_glued_by_a_lost_line_break_are_checked_apart():
    assert misspelt_words("BAN THƯỜNG VỤ ĐOÀN KHỐINơi nhận:") == []
    text = "ĐOÀN KHỐINơi luậm"
    assert [w for _, _, w in misspelt_words(text)] == ["luậm"]


def test_example_plans_report_only_the_known_typos():
    reported = {}
    for path in EXAMPLE_TEXTS:
        text = path.read_text(encoding="utf-8")
        for start, end, word in misspelt_words(text):
            assert text[start:end] == word
            reported.setdefault(word, []).append(path.name)
    unexpected = {w: names for w, names in reported.items() if w not in KNOWN_TYPOS}
    assert not unexpected, f"false positives: {unexpected}"
    assert any(name.startswith("000_") for name in reported.get("luậm", []))

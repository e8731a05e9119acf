import pytest

from kehoach_desktop.core.amount_words import parse_money
from kehoach_desktop.core.budget import (
    HEADER,
    MAX_BUDGET_AMOUNT,
    Budget,
    BudgetGroup,
    BudgetItem,
    budget_lines,
    budget_table,
    problems,
    words_line,
)
from kehoach_desktop.core.codec import DataError, from_data, to_data


def two_payers() -> Budget:
    """Two payers, 8 items: the budget of the issue's acceptance plan."""
    return Budget(groups=[
        BudgetGroup("Thành Đoàn hỗ trợ", [
            BudgetItem("Thuê hội trường", 1, "buổi", 3_000_000),
            BudgetItem("Nước uống đại biểu", 120, "người", 15_000),
            BudgetItem("In tài liệu", 120, "bộ", 25_000),
            BudgetItem("Khen thưởng tập thể", 5, "giấy khen", 300_000),
            BudgetItem("Khen thưởng cá nhân", 10, "giấy khen", 200_000),
        ]),
        BudgetGroup("Đơn vị tự túc", [
            BudgetItem("Trang trí sân khấu", 1, "gói", 2_500_000),
            BudgetItem("Xe đưa đón", 2, "chuyến", 1_750_000),
            BudgetItem("Ăn trưa", 60, "suất", 45_000),
        ]),
    ], note="Nguồn kinh phí: ngân sách Thành Đoàn năm 2023 và kinh phí tự túc của đơn vị.")


def test_amounts_and_totals():
    budget = two_payers()
    assert budget.groups[0].items[1].amount() == 1_800_000
    assert budget.groups[0].total() == 3_000_000 + 1_800_000 + 3_000_000 + 1_500_000 + 2_000_000 == 11_300_000
    assert budget.groups[1].total() == 2_500_000 + 3_500_000 + 2_700_000 == 8_700_000
    assert budget.total() == 20_000_000
    assert Budget().total() == 0


def test_budget_goes_through_the_codec_unchanged():
    budget = two_payers()
    budget.typed_total = 20_000_000
    budget.groups[1].typed_total = 8_700_000
    budget.groups[0].items[0].typed_amount = 3_000_000
    data = to_data(budget)
    assert data["kind"] == "budget"
    assert from_data(Budget, data, "$") == budget
    data["groups"][0]["items"][0]["quantity"] = "1,5"
    with pytest.raises(DataError):
        from_data(Budget, data, "$")


def test_table_rows_of_two_payers():
    rows = budget_lines(two_payers())
    assert [r.kind for r in rows] == (["header", "group"] + ["item"] * 5 + ["subtotal", "group"] + ["item"] * 3
                                      + ["subtotal", "total", "words", "note"])
    assert rows[0].cells == HEADER == ("STT", "Nội dung", "Số lượng", "Đơn vị tính", "Đơn giá", "Thành tiền")
    assert rows[1].cells == ("I", "Thành Đoàn hỗ trợ", "", "", "", "")
    assert rows[2].cells == ("1", "Thuê hội trường", "1", "buổi", "3.000.000", "3.000.000")
    assert rows[3].cells == ("2", "Nước uống đại biểu", "120", "người", "15.000", "1.800.000")
    assert rows[7].cells == ("", "Cộng", "", "", "", "11.300.000")
    assert rows[8].cells == ("II", "Đơn vị tự túc", "", "", "", "")
    assert [r.cells[0] for r in rows[9:12]] == ["1", "2", "3"]  # numbered again in each group
    assert rows[12].cells == ("", "Cộng", "", "", "", "8.700.000")
    assert rows[13].cells == ("", "Tổng cộng", "", "", "", "20.000.000")
    assert rows[14].cells == ("Bằng chữ: Hai mươi triệu đồng chẵn.",)
    assert rows[15].cells == ("Nguồn kinh phí: ngân sách Thành Đoàn năm 2023 và kinh phí tự túc của đơn vị.",)
    for row in rows:
        assert len(row.cells) == (1 if row.kind in ("words", "note") else len(HEADER)), row
        assert all(isinstance(cell, str) for cell in row.cells)


def test_printed_figures_add_up():
    """The figures as printed, read back, give the printed totals."""
    budget = two_payers()
    budget.groups[1].items.append(BudgetItem("Quà tặng", 1_234, "phần", 101_005))
    rows = budget_lines(budget)
    items = [r for r in rows if r.kind == "item"]
    for row in items:
        assert parse_money(row.cells[2]) * parse_money(row.cells[4]) == parse_money(row.cells[5])
    subtotals = [parse_money(r.cells[5]) for r in rows if r.kind == "subtotal"]
    (total,) = [parse_money(r.cells[5]) for r in rows if r.kind == "total"]
    assert sum(parse_money(r.cells[5]) for r in items) == sum(subtotals) == total == budget.total()
    assert items[-1].cells[2] == "1.234"  # quantities have their thousands separated too
    assert rows[-2].cells == ("Bằng chữ: Một trăm bốn mươi tư triệu sáu trăm bốn mươi nghìn một trăm bảy mươi "
                              "đồng chẵn.",)
    assert total == 1_234 * 101_005 + 20_000_000 == 144_640_170


def test_one_group_without_payer_has_no_group_rows():
    budget = Budget(groups=[BudgetGroup("", [BudgetItem("Nước uống", 50, "người", 10_000),
                                             BudgetItem("Hoa", 1, "lẵng", 500_000)])])
    rows = budget_lines(budget)
    assert [r.kind for r in rows] == ["header", "item", "item", "total", "words"]
    assert rows[-1].cells == ("Bằng chữ: Một triệu đồng chẵn.",)


def test_one_named_group_has_its_row_but_no_subtotal():
    budget = Budget(groups=[BudgetGroup("Thành Đoàn hỗ trợ", [BudgetItem("Nước uống", 105, "người", 1_000)])])
    rows = budget_lines(budget)
    assert [r.kind for r in rows] == ["header", "group", "item", "total", "words"]
    assert rows[1].cells[:2] == ("I", "Thành Đoàn hỗ trợ")
    assert rows[-1].cells == ("Bằng chữ: Một trăm linh năm nghìn đồng chẵn.",)


def test_several_groups_are_numbered_even_without_payers():
    budget = Budget(groups=[BudgetGroup("", [BudgetItem("Hoa", 1, "lẵng", 500_000)]),
                            BudgetGroup("", [BudgetItem("Nước", 2, "thùng", 100_000)])])
    rows = budget_lines(budget)
    assert [r.kind for r in rows] == ["header", "group", "item", "subtotal", "group", "item", "subtotal", "total",
                                      "words"]
    assert [r.cells[0] for r in rows if r.kind == "group"] == ["I", "II"]


def test_empty_budget_and_a_blank_note():
    rows = budget_lines(Budget(note="   "))
    assert [r.kind for r in rows] == ["header", "total", "words"]
    assert rows[1].cells[-1] == "0"
    assert rows[2].cells == ("Bằng chữ: Không đồng.",)


def test_a_total_no_one_can_read_is_printed_as_computed():
    budget = Budget(groups=[BudgetGroup("", [BudgetItem("Hoàn trả", 1, "lần", -500_000)])])
    rows = budget_lines(budget)
    assert rows[-2].cells[-1] == "-500.000"
    assert rows[-1].cells == ("Bằng chữ: (số tiền -500.000 đồng không đọc được thành chữ)",)
    assert words_line(10**18) == "Bằng chữ: (số tiền 1.000.000.000.000.000.000 đồng không đọc được thành chữ)"
    assert words_line(10**18 - 1).startswith("Bằng chữ: Chín trăm chín mươi chín triệu")


# ------------------------------------------------------------------ checks


def test_a_sound_budget_has_no_problems():
    budget = two_payers()
    budget.typed_total = 20_000_000
    budget.groups[0].typed_total = 11_300_000
    budget.groups[1].items[2].typed_amount = 2_700_000
    assert problems(budget) == []


def test_a_typed_amount_that_disagrees_names_its_item():
    budget = two_payers()
    budget.groups[0].items[1].typed_amount = 1_500_000
    (problem,) = problems(budget)
    assert problem.severity == "error"
    assert problem.field == "groups[0].items[1].typed_amount"
    assert problem.message == ("mục 2 của nhóm I (Thành Đoàn hỗ trợ) “Nước uống đại biểu”: thành tiền ghi "
                               "1.500.000 đồng nhưng 120 × 15.000 = 1.800.000 đồng")


def test_typed_totals_that_disagree():
    budget = two_payers()
    budget.groups[1].typed_total = 8_000_000
    budget.typed_total = 19_300_000
    found = problems(budget)
    assert [(p.severity, p.field) for p in found] == [("error", "groups[1].typed_total"), ("error", "typed_total")]
    assert found[0].message == ("dòng “Cộng” của nhóm II (Đơn vị tự túc): ghi 8.000.000 đồng nhưng cộng các mục "
                                "được 8.700.000 đồng")
    assert found[1].message == "dòng “Tổng cộng”: ghi 19.300.000 đồng nhưng cộng các mục được 20.000.000 đồng"


def test_items_without_groups_are_named_by_number_only():
    budget = Budget(groups=[BudgetGroup("", [BudgetItem("Hoa", 2, "lẵng", 300_000, typed_amount=500_000)])])
    (problem,) = problems(budget)
    assert problem.message == "mục 1 “Hoa”: thành tiền ghi 500.000 đồng nhưng 2 × 300.000 = 600.000 đồng"


@pytest.mark.parametrize(("item", "field", "words"), [
    (BudgetItem("Hoa", -2, "lẵng", 300_000), "quantity", "số lượng là số âm (-2)"),
    (BudgetItem("Hoa", 10**10, "lẵng", 1), "quantity", "số lượng 10.000.000.000 quá lớn"),
    (BudgetItem("Hoa", 2, "lẵng", -300_000), "unit_price", "đơn giá là số âm (-300.000)"),
    (BudgetItem("Hoa", 2, "lẵng", -1), "unit_price", "đơn giá là số âm (-1)"),
    (BudgetItem("Hoa", 2, "lẵng", 10**16), "unit_price", "đơn giá 10.000.000.000.000.000 đồng quá lớn"),
    (BudgetItem("Hoa", 10**8, "lẵng", 10**8), "", "thành tiền 10.000.000.000.000.000 đồng quá lớn"),
    (BudgetItem("Hoa", 2, "lẵng", 300_000, typed_amount=-600_000), "typed_amount", "thành tiền ghi là số âm"),
    (BudgetItem("Hoa", 2, "lẵng", 300_000, typed_amount=10**17), "typed_amount", "thành tiền ghi 100.000"),
])
def test_negative_or_absurd_figures_are_errors_and_totals_are_then_not_compared(item, field, words):
    # the typed totals agree with nothing, but the item's own error is the only one reported
    budget = Budget(groups=[BudgetGroup("Thành Đoàn hỗ trợ", [BudgetItem("Nước", 10, "thùng", 100_000), item],
                                        typed_total=1)], typed_total=2)
    found = problems(budget)
    assert [p.severity for p in found][0] == "error"
    assert found[0].field == "groups[0].items[1]" + (f".{field}" if field else "")
    assert found[0].message.startswith("mục 2 của nhóm I (Thành Đoàn hỗ trợ) “Hoa”: " + words), found[0].message
    if field != "typed_amount":  # a typed amount does not change what is computed
        assert len(found) == 1, found


def test_absurd_typed_totals():
    budget = Budget(groups=[BudgetGroup("", [BudgetItem("Nước", 10, "thùng", 100_000)], typed_total=-1_000_000)],
                    typed_total=MAX_BUDGET_AMOUNT + 1)
    found = problems(budget)
    assert [p.field for p in found] == ["groups[0].typed_total", "typed_total"]
    assert found[0].message == "dòng “Cộng” của nhóm I: ghi là số âm (-1.000.000)"
    assert "quá lớn" in found[1].message


def test_a_total_past_the_limit_from_sound_items():
    items = [BudgetItem(f"Mục {i}", 1, "gói", MAX_BUDGET_AMOUNT) for i in range(2)]
    (problem,) = problems(Budget(groups=[BudgetGroup("", items)]))
    assert problem.field == ""
    assert problem.message.startswith("dòng “Tổng cộng”: số tiền 2.000.000.000.000.000 đồng quá lớn")


def test_warnings_for_what_is_missing():
    budget = Budget(groups=[BudgetGroup("Thành Đoàn hỗ trợ", []),
                            BudgetGroup("Đơn vị tự túc", [BudgetItem("  ", 1, "gói", 100_000)])])
    found = problems(budget)
    assert [(p.severity, p.field, p.message) for p in found] == [
        ("warning", "groups[0].items", "nhóm I (Thành Đoàn hỗ trợ) chưa có mục chi nào"),
        ("warning", "groups[1].items[0].text", "mục 1 của nhóm II (Đơn vị tự túc): chưa ghi nội dung chi"),
    ]


def test_the_table_columns_hold_their_widest_figures_on_one_line():
    """At 13 pt on the A4 text width, "Đơn giá" holds 150.000.000 and "Thành
    tiền" 1.500.000.000 whole (Word and LibreOffice broke "150.000.00|0"
    with the first widths), and the titles' words fit."""
    from kehoach_desktop.core.tables import column_widths
    from kehoach_desktop.formats.page_measures import measures
    from kehoach_desktop.formats.text_metrics import CELL_MARGINS, text_width

    table = budget_table(Budget())
    widths = [w / 100 for w in column_widths(table, round(measures("doan").text_width * 100))]
    for col, word, bold in ((0, "STT", True), (0, "VIII", False), (2, "lượng", True), (3, "Đơn", True),
                            (3, "chuyến", False), (4, "150.000.000", False), (5, "1.500.000.000", False),
                            (5, "Thành", True)):
        assert text_width(word, 13, bold) + CELL_MARGINS <= widths[col], (word, col)

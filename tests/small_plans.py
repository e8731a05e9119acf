"""The body of a small plan of our own writing, under headers the tests
vary (tests/formats/test_header_flattenings.py, test_header_odd_pages.py)."""

BODY = """
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích: tạo sân chơi cho đoàn viên.
II. TỔ CHỨC THỰC HIỆN
Các chi đoàn triển khai thực hiện./.
"""

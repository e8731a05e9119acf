"""Does the plan importer generalise to plans it has never seen?

Ten hand-written plans in the shapes real offices produce (a district,
ward, school, branch and joint plans; before and after the 2025
reorganisation) and three Word files laid out unlike the program's own
export, each checked for what a careful reader gets out of it: number and
symbol, date and place, bodies, title, sections, the structured kinds that
are unambiguous, recipients, signers, closing -- and always that no word of
the source is lost once the imported plan is written out again.

Then small focused plans, one real-file habit each. Every known weakness is
an ``xfail(strict=True)`` with the reason, so the suite stays green and a
fix shows up as an XPASS to turn into a plain test.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import docx
import pytest
from doc_compare import compare_words, document_text, words

from kehoach_desktop.core.layout import content_lines
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.plan_import import import_plan, plan_from_text
from kehoach_desktop.formats.text_export import render_text

MIN_RATIO = 0.97

# ====================================================================== plans
# A district plan before the reorganisation: a summer campaign. Colons on
# headings, "1." subsections, "-" and "+" items, a timeline, assignments
# with deadlines. Saved with a BOM and Windows line ends.
PLAN_A = """\
THÀNH ĐOÀN TP. HỒ CHÍ MINH
BCH ĐOÀN QUẬN GÒ VẤP
***
Số: 112-KH/ĐTN
\tĐOÀN TNCS HỒ CHÍ MINH
\tGò Vấp, ngày 12 tháng 5 năm 2025

KẾ HOẠCH
Tổ chức Chiến dịch Thanh niên tình nguyện hè năm 2025
-----

Thực hiện Kế hoạch số 245-KH/TĐTN-BPT ngày 02/4/2025 của Ban Thường vụ Thành Đoàn về tổ chức Chiến dịch Thanh niên tình nguyện hè năm 2025;
Căn cứ Chương trình công tác Đoàn và phong trào thanh thiếu nhi quận Gò Vấp năm 2025, Ban Thường vụ Quận Đoàn xây dựng kế hoạch tổ chức Chiến dịch Thanh niên tình nguyện hè năm 2025 như sau:

I. MỤC ĐÍCH, YÊU CẦU:
1. Mục đích:
- Phát huy vai trò xung kích, tình nguyện của đoàn viên, thanh niên trong tham gia giải quyết các vấn đề bức xúc của địa phương, góp phần thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội của quận năm 2025.
- Tạo môi trường để thanh niên rèn luyện, cống hiến và trưởng thành qua hoạt động thực tiễn.
2. Yêu cầu:
- Các hoạt động được tổ chức thiết thực, hiệu quả, phù hợp với điều kiện của từng đơn vị; đảm bảo an toàn tuyệt đối cho chiến sĩ tình nguyện.
- Mỗi cơ sở Đoàn đăng ký thực hiện ít nhất 01 công trình thanh niên.

II. THỜI GIAN, LỰC LƯỢNG THAM GIA:
1. Thời gian: Từ ngày 25/5/2025 đến ngày 31/8/2025.
2. Lực lượng tham gia:
- Đoàn viên, thanh niên các cơ sở Đoàn trực thuộc Quận Đoàn;
- Sinh viên tình nguyện các trường đại học, cao đẳng về địa bàn quận.

III. NỘI DUNG HOẠT ĐỘNG:
1. Chương trình “Ngày thứ Bảy tình nguyện”:
- Tổ chức ra quân vệ sinh môi trường, khơi thông kênh rạch, xóa điểm đen ô nhiễm vào sáng thứ Bảy hằng tuần.
- Vận động nhân dân thực hiện phân loại rác tại nguồn.
2. Chương trình “Kỳ nghỉ hồng”:
+ Phối hợp tổ chức các lớp kỹ năng, bơi lội cho thiếu nhi tại 16 phường;
+ Tổ chức trại hè “Chiến sĩ nhỏ Điện Biên” cho 200 thiếu nhi.
3. Chương trình “Tiếp sức mùa thi” năm 2025:
- Hỗ trợ thí sinh và phụ huynh tại các điểm thi tốt nghiệp trung học phổ thông trên địa bàn quận trong 02 ngày 26 và 27/6/2025.

IV. TIẾN ĐỘ THỰC HIỆN:
- Ngày 15/5/2025: Triển khai kế hoạch đến các cơ sở Đoàn.
- Ngày 25/5/2025: Lễ ra quân Chiến dịch.
- Tháng 6/2025: Tổ chức các hoạt động cao điểm.
- Từ ngày 01 đến ngày 15/9/2025: Các cơ sở Đoàn báo cáo kết quả thực hiện.

V. TỔ CHỨC THỰC HIỆN:
1. Ban Phong trào Quận Đoàn:
- Tham mưu Ban Thường vụ Quận Đoàn triển khai kế hoạch; theo dõi, đôn đốc các cơ sở Đoàn thực hiện.
- Tổng hợp đăng ký công trình, phần việc thanh niên trước ngày 20/5/2025.
2. Văn phòng Quận Đoàn:
- Chuẩn bị cơ sở vật chất, hậu cần cho Lễ ra quân.
- Dự trù kinh phí tổ chức Chiến dịch trình Thường trực Quận Đoàn trước ngày 18/5/2025.
3. Các cơ sở Đoàn:
- Xây dựng kế hoạch triển khai tại đơn vị, gửi về Quận Đoàn (qua Ban Phong trào) trước ngày 22/5/2025.
- Báo cáo kết quả thực hiện trước 17g00 ngày 15/9/2025.

Trên đây là Kế hoạch tổ chức Chiến dịch Thanh niên tình nguyện hè năm 2025 của Ban Thường vụ Quận Đoàn Gò Vấp. Đề nghị các cơ sở Đoàn nghiêm túc triển khai thực hiện./.

Nơi nhận:
- Thành Đoàn: Thường trực, Ban Phong trào;
- Thường trực Quận ủy;
- Ủy ban nhân dân quận;
- Các cơ sở Đoàn trực thuộc;
- Lưu: VP.
\tTM. BAN THƯỜNG VỤ QUẬN ĐOÀN
\tBÍ THƯ



\tLê Hoàng Minh Tâm
"""

# A branch congress under a ward Đoàn after 01/7/2025. "I/" numerals, no
# colons, "08 giờ 30" in the time and "07:30" in the programme, "(Thứ 7)",
# counts and a total. Stored in decomposed Unicode (NFD).
PLAN_B = """\
ĐOÀN PHƯỜNG BÌNH THẠNH
BCH CHI ĐOÀN KHU PHỐ 12
***
Số: 04-KH/CĐ
ĐOÀN TNCS HỒ CHÍ MINH
Phường Bình Thạnh, ngày 05 tháng 9 năm 2025

KẾ HOẠCH
Tổ chức Đại hội Chi đoàn Khu phố 12
nhiệm kỳ 2025 - 2027
----------

Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;
Căn cứ Hướng dẫn số 05-HD/ĐTN ngày 20/8/2025 của Ban Thường vụ Đoàn phường Bình Thạnh về tổ chức đại hội chi đoàn, nhiệm kỳ 2025 - 2027;
Ban Chấp hành Chi đoàn Khu phố 12 xây dựng kế hoạch tổ chức Đại hội Chi đoàn như sau:

I/ MỤC ĐÍCH - YÊU CẦU
- Đánh giá kết quả thực hiện Nghị quyết Đại hội Chi đoàn nhiệm kỳ 2024 - 2025; xác định phương hướng, nhiệm vụ nhiệm kỳ 2025 - 2027.
- Bầu Ban Chấp hành Chi đoàn nhiệm kỳ mới đủ phẩm chất, năng lực, uy tín.
- Đại hội được tổ chức trang trọng, đúng Điều lệ Đoàn và hướng dẫn của Đoàn cấp trên.

II/ THỜI GIAN - ĐỊA ĐIỂM
- Thời gian: 08 giờ 30 ngày 20/9/2025 (Thứ 7).
- Địa điểm: Hội trường Văn phòng Khu phố 12.

III/ THÀNH PHẦN
1. Khách mời:
- Đại diện Ban Thường vụ Đoàn phường (02 đồng chí);
- Đại diện Chi bộ Khu phố 12 (01 đồng chí);
- Ban điều hành Khu phố 12 (02 đồng chí).
2. Đại biểu chính thức:
- Toàn thể đoàn viên Chi đoàn Khu phố 12 (27 đồng chí).
(Dự kiến: 32 đồng chí)

IV/ CHƯƠNG TRÌNH ĐẠI HỘI
- 07:30 - 08:30: Đón tiếp đại biểu, văn nghệ chào mừng.
- 08:30 - 09:00: Chào cờ; tuyên bố lý do, giới thiệu đại biểu.
- 09:00 - 10:00: Báo cáo tổng kết nhiệm kỳ; thảo luận.
- 10:00 - 10:45: Bầu cử Ban Chấp hành nhiệm kỳ 2025 - 2027.
- 10:45 - 11:00: Thông qua Nghị quyết Đại hội; bế mạc.

V/ PHÂN CÔNG THỰC HIỆN
1. Đồng chí Bí thư Chi đoàn:
- Chuẩn bị báo cáo tổng kết nhiệm kỳ và phương hướng nhiệm kỳ mới, gửi Đoàn phường trước ngày 12/9/2025.
2. Đồng chí Phó Bí thư Chi đoàn:
- Chuẩn bị đề án nhân sự, hồ sơ đại hội.
- Liên hệ mượn hội trường, chuẩn bị phông, âm thanh.

Trên đây là Kế hoạch tổ chức Đại hội Chi đoàn Khu phố 12 nhiệm kỳ 2025 - 2027, đề nghị các đồng chí đoàn viên tham dự đầy đủ./.

Nơi nhận:
- BTV Đoàn phường Bình Thạnh;
- Chi bộ Khu phố 12;
- Đoàn viên chi đoàn;
- Lưu: CĐ.

TM. BAN CHẤP HÀNH
BÍ THƯ



Trương Thị Ngọc Hân
"""

# A university sports event: headings without numerals (one of them,
# "ĐIỀU LỆ THI ĐẤU", not a usual heading word), "•" items, "14h00",
# "(Chủ nhật)", "KT. BÍ THƯ / PHÓ BÍ THƯ".
PLAN_C = """\
THÀNH ĐOÀN TP. HỒ CHÍ MINH
BCH ĐOÀN TRƯỜNG ĐẠI HỌC CÔNG NGHỆ
***
Số: 27-KH/ĐTN-BTG
ĐOÀN TNCS HỒ CHÍ MINH
TP. Hồ Chí Minh, ngày 05 tháng 3 năm 2025

KẾ HOẠCH
Tổ chức Giải bóng đá nam sinh viên
chào mừng kỷ niệm 94 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh
----------

Nhằm chào mừng kỷ niệm 94 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh (26/3/1931 - 26/3/2025), đẩy mạnh phong trào rèn luyện thể dục thể thao trong đoàn viên, sinh viên, Ban Thường vụ Đoàn trường xây dựng kế hoạch tổ chức Giải bóng đá nam sinh viên năm 2025 như sau:

MỤC ĐÍCH, YÊU CẦU
• Tạo sân chơi lành mạnh, bổ ích, góp phần nâng cao sức khỏe cho đoàn viên, sinh viên.
• Tăng cường giao lưu, đoàn kết giữa các Liên chi đoàn, Chi đoàn trực thuộc.
• Giải đấu được tổ chức an toàn, tiết kiệm, đúng tinh thần thể thao.

ĐỐI TƯỢNG THAM GIA
• Mỗi Liên chi đoàn khoa đăng ký 01 đội bóng, gồm tối đa 15 cầu thủ là sinh viên đang học tập tại trường.

THỜI GIAN, ĐỊA ĐIỂM
• Thời gian: 14h00 ngày 16/3/2025 (Chủ nhật).
• Địa điểm: Sân bóng đá mini cơ sở 2 của Trường.

ĐIỀU LỆ THI ĐẤU
• Thi đấu theo Luật bóng đá 7 người hiện hành của Liên đoàn Bóng đá Việt Nam.
• Vòng bảng thi đấu vòng tròn một lượt; vòng loại trực tiếp thi đấu loại trực tiếp một trận.
• Mỗi trận đấu gồm 02 hiệp, mỗi hiệp 25 phút.

CƠ CẤU GIẢI THƯỞNG
• 01 giải Nhất: Cúp, cờ lưu niệm và tiền thưởng 3.000.000 đồng;
• 01 giải Nhì: Cờ lưu niệm và tiền thưởng 2.000.000 đồng;
• 02 giải Ba: Cờ lưu niệm và tiền thưởng 1.000.000 đồng.

TỔ CHỨC THỰC HIỆN
• Ban Tuyên giáo Đoàn trường chủ trì xây dựng điều lệ, lịch thi đấu và tổng hợp đăng ký của các đơn vị.
• Các Liên chi đoàn gửi danh sách đội bóng về Văn phòng Đoàn trường trước ngày 12/3/2025.

Trên đây là Kế hoạch tổ chức Giải bóng đá nam sinh viên năm 2025, đề nghị các Liên chi đoàn triển khai thực hiện./.

Nơi nhận:
- Thường trực Đảng ủy trường;
- Ban Giám hiệu;
- Các Liên chi đoàn, Chi đoàn trực thuộc;
- Lưu: VP, BTG.
KT. BÍ THƯ
PHÓ BÍ THƯ



Phạm Quốc Bảo
"""

# A training course: no rule line and no blank line between the title and
# the preamble, "1.1." subsections, a date range, "a)"/"b)" days of the
# programme, a total, "KT.", tabs after the labels.
PLAN_D = """\
THÀNH ĐOÀN TP. HỒ CHÍ MINH
BCH ĐOÀN QUẬN BÌNH TÂN
***
Số: 88-KH/ĐTN-BTC
\tĐOÀN TNCS HỒ CHÍ MINH
\tBình Tân, ngày 24 tháng 3 năm 2025

KẾ HOẠCH
Mở Lớp bồi dưỡng nghiệp vụ công tác Đoàn
cho cán bộ Đoàn cơ sở năm 2025
Căn cứ Chương trình công tác Đoàn và phong trào thanh thiếu nhi quận Bình Tân năm 2025;
Nhằm trang bị kiến thức, kỹ năng và nghiệp vụ công tác Đoàn cho đội ngũ cán bộ Đoàn cơ sở, Ban Thường vụ Quận Đoàn xây dựng kế hoạch mở Lớp bồi dưỡng như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
1.1. Trang bị cho cán bộ Đoàn cơ sở những kiến thức cơ bản về nghiệp vụ công tác Đoàn, kỹ năng tổ chức hoạt động.
1.2. Tạo điều kiện để cán bộ Đoàn giao lưu, chia sẻ kinh nghiệm, cách làm hay trong công tác Đoàn.
2. Yêu cầu
2.1. Học viên tham gia đầy đủ thời gian, nghiêm túc chấp hành nội quy lớp học.
2.2. Nội dung bồi dưỡng thiết thực, gắn với thực tiễn hoạt động tại cơ sở.

II. THỜI GIAN, ĐỊA ĐIỂM
1. Thời gian:\tTừ ngày 12/4/2025 đến ngày 13/4/2025 (thứ Bảy - Chủ nhật).
2. Địa điểm:\tHội trường Nhà Văn hóa Thanh niên quận Bình Tân.

III. ĐỐI TƯỢNG THAM GIA
- Bí thư, Phó Bí thư các cơ sở Đoàn trực thuộc Quận Đoàn (62 đồng chí);
- Cán bộ các Ban, Văn phòng Quận Đoàn (18 đồng chí).
(Dự kiến: 80 đồng chí)

IV. NỘI DUNG VÀ CHƯƠNG TRÌNH
a) Ngày 12/4/2025 (thứ Bảy):
- 07g30 – 08g00: Khai giảng lớp bồi dưỡng.
- 08g00 – 11g00: Chuyên đề 1: Nghiệp vụ công tác tổ chức, xây dựng Đoàn.
- 13g30 – 16g30: Chuyên đề 2: Kỹ năng soạn thảo văn bản của Đoàn.
b) Ngày 13/4/2025 (Chủ nhật):
- 07g30 – 11g00: Chuyên đề 3: Kỹ năng tổ chức sinh hoạt chi đoàn.
- 13g30 – 15g30: Kiểm tra cuối khóa.
- 15g30 – 16g00: Bế giảng, trao giấy chứng nhận.

V. KINH PHÍ
Kinh phí tổ chức lớp bồi dưỡng trích từ nguồn kinh phí hoạt động năm 2025 của Quận Đoàn.

VI. TỔ CHỨC THỰC HIỆN
1. Ban Tổ chức Quận Đoàn:
- Tham mưu nội dung chương trình, mời báo cáo viên.
- Tổng hợp danh sách học viên trước ngày 05/4/2025.
2. Văn phòng Quận Đoàn:
- Chuẩn bị hội trường, tài liệu, giấy chứng nhận.
3. Các cơ sở Đoàn:
- Cử cán bộ tham gia đầy đủ, gửi danh sách về Quận Đoàn (qua Ban Tổ chức) trước ngày 05/4/2025.

Đề nghị các cơ sở Đoàn nghiêm túc triển khai thực hiện./.

Nơi nhận:
- Thành Đoàn (Ban Tổ chức);
- Thường trực Quận ủy;
- Các cơ sở Đoàn;
- Lưu: VP, BTC.

KT. BÍ THƯ
PHÓ BÍ THƯ



Đỗ Thị Kim Ngân
"""

# A joint plan with the Hội LHTN after the reorganisation: "Phường X, TP. Hồ
# Chí Minh", "KẾ HOẠCH LIÊN TỊCH", "*" group labels, activities with their
# duties, two signature blocks before the recipients.
PLAN_E = """\
BCH ĐOÀN PHƯỜNG TÂN ĐỊNH
ỦY BAN HỘI LHTN VIỆT NAM PHƯỜNG TÂN ĐỊNH
***
Số: 21-KHLT/ĐTN-HLHTN
ĐOÀN TNCS HỒ CHÍ MINH
Phường Tân Định, TP. Hồ Chí Minh, ngày 08 tháng 10 năm 2025

KẾ HOẠCH LIÊN TỊCH
Tổ chức Ngày hội “Thanh niên với văn hóa giao thông” năm 2025
---------

Thực hiện Chương trình công tác Đoàn và phong trào thanh thiếu nhi phường Tân Định năm 2025, Ban Thường vụ Đoàn phường và Ủy ban Hội Liên hiệp Thanh niên Việt Nam phường Tân Định thống nhất kế hoạch liên tịch tổ chức Ngày hội như sau:

I. MỤC ĐÍCH - YÊU CẦU:
- Nâng cao ý thức chấp hành pháp luật về trật tự an toàn giao thông trong đoàn viên, hội viên, thanh niên trên địa bàn phường.
- Hoạt động được tổ chức sinh động, thu hút đông đảo thanh niên tham gia.

II. THỜI GIAN - ĐỊA ĐIỂM - HÌNH THỨC:
1. Thời gian: 07g30 ngày 26 tháng 10 năm 2025 (Chủ nhật).
2. Địa điểm: Công viên Lê Văn Tám.
3. Hình thức: Trực tiếp.

III. THÀNH PHẦN THAM DỰ:
* Đoàn phường:
- Ban Thường vụ Đoàn phường (05 đồng chí);
- Đoàn viên các chi đoàn khu phố (60 đồng chí).
* Hội LHTN phường:
- Ủy ban Hội LHTN phường (07 đồng chí);
- Hội viên các chi hội (40 đồng chí).
(Dự kiến: 112 đồng chí)

IV. NỘI DUNG HOẠT ĐỘNG:
1. Hội thi “Thanh niên hiểu luật giao thông”:
- Thời gian: 07g30 – 09g30.
- Nội dung:
+ Thi trắc nghiệm kiến thức Luật Trật tự, an toàn giao thông đường bộ;
+ Thi xử lý tình huống giao thông.
- Phụ trách:
+ Đoàn phường chịu trách nhiệm xây dựng bộ câu hỏi, mời Ban Giám khảo.
+ Hội LHTN phường vận động hội viên tham gia thi.
2. Hoạt động “Đội mũ bảo hiểm cho trẻ em”:
- Thời gian: 09g30 – 11g00.
- Nội dung: Trao tặng 200 mũ bảo hiểm đạt chuẩn cho học sinh tiểu học trên địa bàn phường.
- Phụ trách:
+ Hội LHTN phường phụ trách vận động nguồn lực.
+ Đoàn phường phối hợp trường tiểu học lập danh sách học sinh.

V. TỔ CHỨC THỰC HIỆN:
1. Ban Thường vụ Đoàn phường:
- Chủ trì xây dựng kịch bản chương trình, phân công lực lượng phục vụ.
- Báo cáo kết quả về Thành Đoàn trước ngày 31/10/2025.
2. Ủy ban Hội LHTN phường:
- Vận động tài trợ, chuẩn bị quà tặng.
- Truyền thông về Ngày hội trên trang thông tin của Hội.

Trên đây là Kế hoạch liên tịch tổ chức Ngày hội “Thanh niên với văn hóa giao thông” năm 2025, đề nghị các chi đoàn, chi hội triển khai thực hiện./.

TM. ỦY BAN HỘI LHTN PHƯỜNG
CHỦ TỊCH



Võ Thành Đạt

TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG
BÍ THƯ



Huỳnh Ngọc Phương Uyên

Nơi nhận:
- Thành Đoàn: Ban Tổ chức, Ban Mặt trận;
- Thường trực Đảng ủy phường;
- Ủy ban Mặt trận Tổ quốc Việt Nam phường;
- Các chi đoàn, chi hội;
- Lưu: VP.
"""

# A ward Đoàn after the reorganisation: lunar note, "8 giờ 30" everywhere,
# venue and address, totals, a programme with "+" sub-items, deadlines,
# "PHÓ BÍ THƯ THƯỜNG TRỰC". Windows line ends, tabs.
PLAN_F = """\
THÀNH ĐOÀN TP. HỒ CHÍ MINH
BCH ĐOÀN PHƯỜNG BẾN THÀNH
***
Số: 03-KH/ĐTN
\tĐOÀN TNCS HỒ CHÍ MINH
\tPhường Bến Thành, TP. Hồ Chí Minh, ngày 02 tháng 02 năm 2026


KẾ HOẠCH
Tổ chức Họp mặt đầu Xuân Bính Ngọ năm 2026
-------

Nhằm ôn lại truyền thống, gặp gỡ, chúc Tết các thế hệ cán bộ Đoàn phường qua các thời kỳ, Ban Thường vụ Đoàn phường Bến Thành xây dựng kế hoạch tổ chức Họp mặt đầu Xuân Bính Ngọ năm 2026, cụ thể như sau:

I. MỤC ĐÍCH, YÊU CẦU:
- Thắt chặt tình đoàn kết giữa các thế hệ cán bộ Đoàn, Hội, Đội trên địa bàn phường sau khi sắp xếp đơn vị hành chính.
- Tổ chức trang trọng, ấm cúng, tiết kiệm.

II. THỜI GIAN – ĐỊA ĐIỂM:
1. Thời gian:
Dự kiến 8 giờ 30 ngày 24 tháng 02 năm 2026 (thứ Ba).
(Mùng 8 Tết Bính Ngọ)
2. Địa điểm:
Hội trường Ủy ban nhân dân phường Bến Thành.
(Số 92 Nguyễn Du, Phường Bến Thành, TP. Hồ Chí Minh)

III. THÀNH PHẦN THAM DỰ:
1. Khách mời:
- Đại diện Thường trực Đảng ủy phường (02 đồng chí);
- Đại diện Ban Thường vụ Thành Đoàn (01 đồng chí);
- Nguyên Bí thư, Phó Bí thư Đoàn các phường cũ qua các thời kỳ (25 đồng chí).
2. Đoàn phường:
- Ban Chấp hành Đoàn phường (19 đồng chí);
- Bí thư các chi đoàn trực thuộc (33 đồng chí).
(Dự kiến: 80 đồng chí)

IV. CHƯƠNG TRÌNH:
- 08 giờ 00 – 08 giờ 30: Đón tiếp đại biểu.
- 08 giờ 30 – 10 giờ 30: Chương trình họp mặt
+ Văn nghệ chào mừng;
+ Ôn lại truyền thống Đoàn phường;
+ Phát biểu của lãnh đạo Đảng ủy phường;
+ Chúc Tết, tặng quà lưu niệm.

V. PHÂN CÔNG THỰC HIỆN:
1. Văn phòng Đoàn phường:
- Phát hành thư mời trước ngày 10/02/2026.
- Chuẩn bị hội trường, quà lưu niệm.
2. Các chi đoàn trực thuộc:
- Cử đoàn viên tham gia đội hình lễ tân, văn nghệ.

Trên đây là Kế hoạch tổ chức Họp mặt đầu Xuân Bính Ngọ năm 2026 của Ban Thường vụ Đoàn phường Bến Thành./.

Nơi nhận:
- Thành Đoàn (Ban Tổ chức);
- Thường trực Đảng ủy phường;
- Lưu: VP.

TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG
PHÓ BÍ THƯ THƯỜNG TRỰC



Lâm Gia Huy
"""

# Text pasted from Word, where the header and the closing are tables: each
# row of a table comes out as its cells joined by tabs. What a reader reads
# is the left column, then the right one (the reference for the word check).
G_HEADER = (["THÀNH ĐOÀN TP. HỒ CHÍ MINH", "BCH ĐOÀN PHƯỜNG XUÂN HÒA", "***", "Số: 46-KH/ĐTN"],
            ["ĐOÀN TNCS HỒ CHÍ MINH", "", "Phường Xuân Hòa, ngày 03 tháng 11 năm 2025", ""])
G_BODY = """
KẾ HOẠCH
Tổ chức Ngày Chủ nhật xanh tháng 11 năm 2025
----------

Thực hiện Chương trình công tác Đoàn và phong trào thanh thiếu nhi phường Xuân Hòa năm 2025, Ban Thường vụ Đoàn phường xây dựng kế hoạch tổ chức Ngày Chủ nhật xanh tháng 11 năm 2025 như sau:

I. MỤC ĐÍCH, YÊU CẦU:
- Góp phần xây dựng cảnh quan đô thị xanh, sạch, đẹp trên địa bàn phường.
- Huy động đông đảo đoàn viên, thanh niên tham gia.

II. THỜI GIAN, ĐỊA ĐIỂM:
1. Thời gian: 07g00 ngày 09 tháng 11 năm 2025 (Chủ nhật).
2. Địa điểm: Tuyến kênh Nhiêu Lộc - Thị Nghè (đoạn qua địa bàn phường).

III. TỔ CHỨC THỰC HIỆN:
1. Văn phòng Đoàn phường:
- Chuẩn bị dụng cụ, áo đội hình, nước uống.
2. Các chi đoàn:
- Đăng ký số lượng đoàn viên tham gia trước ngày 06/11/2025.

Đề nghị các chi đoàn nghiêm túc triển khai thực hiện./.

"""
G_BACK = (["Nơi nhận:", "- Thành Đoàn (Ban Mặt trận);", "- Thường trực Đảng ủy phường;", "- Các chi đoàn;", "- Lưu: VP.", ""],
          ["TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ", "", "", "", "Nguyễn Văn An"])


def _rows(columns) -> str:
    return "\n".join("\t".join(cells) for cells in zip(*columns, strict=True)) + "\n"


def _columns(columns) -> str:
    return "\n".join(line for column in columns for line in column) + "\n"


PLAN_G = _rows(G_HEADER) + G_BODY + _rows(G_BACK)
PLAN_G_READ = _columns(G_HEADER) + G_BODY + _columns(G_BACK)

# Three bodies on three lines, three signature blocks, a programme with "+"
# sub-items under a slot, "14h00".
PLAN_H = """\
BCH ĐOÀN PHƯỜNG AN KHÁNH
BAN THƯỜNG VỤ HỘI LHPN PHƯỜNG AN KHÁNH
HỘI ĐỒNG ĐỘI PHƯỜNG AN KHÁNH
***
Số: 09-KHPH/ĐTN-HLHPN-HĐĐ
ĐOÀN TNCS HỒ CHÍ MINH
Phường An Khánh, ngày 15 tháng 5 năm 2025

KẾ HOẠCH PHỐI HỢP
Tổ chức Ngày hội “Gia đình - Thiếu nhi” nhân Ngày Quốc tế Thiếu nhi 01/6/2025
-----------

Nhằm chào mừng Ngày Quốc tế Thiếu nhi 01/6 và Ngày Gia đình Việt Nam 28/6, Ban Chấp hành Đoàn phường, Ban Thường vụ Hội Liên hiệp Phụ nữ phường và Hội đồng Đội phường An Khánh thống nhất phối hợp tổ chức Ngày hội như sau:

I. MỤC ĐÍCH, YÊU CẦU:
- Tạo sân chơi vui tươi, bổ ích cho thiếu nhi và gia đình trên địa bàn phường.
- Phát huy vai trò của gia đình trong giáo dục, chăm lo thiếu nhi.

II. THỜI GIAN, ĐỊA ĐIỂM:
- Thời gian: 14h00 ngày 01/6/2025 (Chủ nhật).
- Địa điểm: Sân Nhà Văn hóa phường An Khánh.

III. CHƯƠNG TRÌNH NGÀY HỘI:
- 14h00 – 14h30: Đón tiếp đại biểu, các gia đình tham gia.
- 14h30 – 16h30: Các hoạt động trải nghiệm:
+ Gian hàng trò chơi dân gian;
+ Hội thi “Bé vẽ tranh cùng mẹ”;
+ Góc đọc sách thiếu nhi.
- 16h30 – 17h00: Trao giải, tặng quà; bế mạc.

IV. PHÂN CÔNG THỰC HIỆN:
1. Đoàn phường:
- Chủ trì xây dựng kịch bản, điều phối lực lượng tình nguyện viên.
2. Hội Liên hiệp Phụ nữ phường:
- Vận động các gia đình tham gia Hội thi “Bé vẽ tranh cùng mẹ”.
3. Hội đồng Đội phường:
- Tổ chức các gian hàng trò chơi dân gian, góc đọc sách.
- Báo cáo kết quả trước ngày 05/6/2025.

Trên đây là Kế hoạch phối hợp tổ chức Ngày hội “Gia đình - Thiếu nhi” năm 2025./.

TM. HỘI ĐỒNG ĐỘI PHƯỜNG
CHỦ TỊCH



Trần Thị Mai Anh

TM. BAN THƯỜNG VỤ HỘI LHPN PHƯỜNG
CHỦ TỊCH



Nguyễn Thị Hồng Nhung

TM. BAN CHẤP HÀNH ĐOÀN PHƯỜNG
BÍ THƯ



Phan Minh Khôi

Nơi nhận:
- Thành Đoàn;
- Hội LHPN Thành phố;
- Thường trực Đảng ủy phường;
- Lưu: VP.
"""

# A high-school Đoàn: section headings in sentence case ("I. Mục đích, yêu
# cầu", as many schools type them, bold), "–" items, and "T/M".
PLAN_I = """\
THÀNH ĐOÀN TP. HỒ CHÍ MINH
BCH ĐOÀN TRƯỜNG THPT NGUYỄN HỮU HUÂN
***
Số: 19-KH/ĐTN
ĐOÀN TNCS HỒ CHÍ MINH
Phường Thủ Đức, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
Tổ chức Hội trại truyền thống chào mừng kỷ niệm 95 năm
Ngày thành lập Đoàn TNCS Hồ Chí Minh (26/3/1931 - 26/3/2026)
-------

Căn cứ Kế hoạch năm học 2025 - 2026 của Ban Chấp hành Đoàn trường;
Ban Chấp hành Đoàn trường xây dựng kế hoạch tổ chức Hội trại truyền thống như sau:

I. Mục đích, yêu cầu
– Giáo dục truyền thống vẻ vang của Đoàn TNCS Hồ Chí Minh cho đoàn viên, học sinh.
– Hội trại được tổ chức an toàn, vui tươi, tiết kiệm.
II. Thời gian, địa điểm
– Thời gian: 07g00 ngày 21/3/2026 (thứ Bảy).
– Địa điểm: Sân trường THPT Nguyễn Hữu Huân.
III. Thành phần tham dự
– Ban Giám hiệu nhà trường (04 đồng chí);
– Ban Chấp hành Đoàn trường (15 đồng chí);
– Bí thư, Phó Bí thư các chi đoàn lớp (60 đồng chí).
(Dự kiến: 79 đồng chí)
IV. Tổ chức thực hiện
1. Ban Chấp hành Đoàn trường:
– Xây dựng kế hoạch, điều lệ hội trại; phân công Ủy viên Ban Chấp hành phụ trách từng khối lớp.
2. Các chi đoàn lớp:
– Đăng ký tham gia hội trại trước ngày 14/3/2026.

Trên đây là kế hoạch tổ chức Hội trại truyền thống năm 2026 của Ban Chấp hành Đoàn trường THPT Nguyễn Hữu Huân, đề nghị các chi đoàn nghiêm túc thực hiện./.

Nơi nhận:
- Thành Đoàn (Ban Thanh niên trường học);
- Chi bộ, Ban Giám hiệu nhà trường;
- Các chi đoàn lớp;
- Lưu: VP Đoàn trường.

T/M BAN CHẤP HÀNH ĐOÀN TRƯỜNG
BÍ THƯ



Ngô Thanh Tùng
"""

# A youth-month plan with an appendix after the signature (a list of
# projects), as offices attach them.
PLAN_J = """\
THÀNH ĐOÀN TP. HỒ CHÍ MINH
BCH ĐOÀN PHƯỜNG CHỢ LỚN
***
Số: 07-KH/ĐTN
ĐOÀN TNCS HỒ CHÍ MINH
Phường Chợ Lớn, ngày 20 tháng 02 năm 2026

KẾ HOẠCH
Tổ chức các hoạt động Tháng Thanh niên năm 2026
--------

Thực hiện Kế hoạch của Ban Thường vụ Thành Đoàn về tổ chức Tháng Thanh niên năm 2026, Ban Thường vụ Đoàn phường Chợ Lớn xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU:
- Tạo đợt sinh hoạt chính trị sâu rộng trong đoàn viên, thanh niên.
- Mỗi chi đoàn thực hiện ít nhất 01 công trình, phần việc thanh niên.

II. TỔ CHỨC THỰC HIỆN:
1. Văn phòng Đoàn phường:
- Theo dõi, tổng hợp kết quả các công trình (theo phụ lục đính kèm).
2. Các chi đoàn:
- Đăng ký công trình trước ngày 28/02/2026.

Trên đây là Kế hoạch tổ chức các hoạt động Tháng Thanh niên năm 2026./.

Nơi nhận:
- Thành Đoàn;
- Thường trực Đảng ủy phường;
- Lưu: VP.

TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG
BÍ THƯ



Quách Bảo Ngọc

PHỤ LỤC
DANH MỤC CÔNG TRÌNH THANH NIÊN THÁNG THANH NIÊN NĂM 2026
(Kèm theo Kế hoạch số 07-KH/ĐTN ngày 20/02/2026 của Ban Thường vụ Đoàn phường Chợ Lớn)
1. Công trình “Tuyến hẻm xanh - sạch - đẹp” tại Khu phố 3.
2. Công trình “Bức tường bích họa” tại Trường Tiểu học Chợ Lớn.
3. Công trình “Tủ sách thanh niên” tại Nhà Văn hóa phường.
"""


# ================================================================ Word files
def _para(container, text: str, bold: bool = False, style: str | None = None):
    """A paragraph; "\n" in the text becomes a line break (Shift+Enter)."""
    paragraph = container.add_paragraph(style=style) if style else container.add_paragraph()
    parts = text.split("\n")
    for i, part in enumerate(parts):
        run = paragraph.add_run(part)
        run.bold = bold
        if i < len(parts) - 1:
            run.add_break()
    return paragraph


def _cell(cell, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def build_docx_header_and_signature_tables(path) -> None:
    """The header in a 2-column table, the recipients and the signature
    in a 1x2 table, a title and one task with line breaks."""
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    _cell(t.cell(0, 0), ["THÀNH ĐOÀN TP. HỒ CHÍ MINH", "BCH ĐOÀN PHƯỜNG THỦ ĐỨC", "***", "Số: 52-KH/ĐTN"])
    _cell(t.cell(0, 1), ["ĐOÀN TNCS HỒ CHÍ MINH", "", "Phường Thủ Đức, ngày 03 tháng 10 năm 2025"])
    _para(d, "KẾ HOẠCH", bold=True)
    _para(d, "Tổ chức Hội thi “Tuổi trẻ sáng tạo”\nphường Thủ Đức năm 2025", bold=True)
    _para(d, "-----")
    _para(d, "Thực hiện Chương trình công tác Đoàn và phong trào thanh thiếu nhi năm 2025, Ban Thường vụ Đoàn "
             "phường Thủ Đức xây dựng kế hoạch tổ chức Hội thi “Tuổi trẻ sáng tạo” năm 2025 như sau:")
    for text, bold in [
        ("I. MỤC ĐÍCH, YÊU CẦU:", True),
        ("- Khơi dậy tinh thần sáng tạo, nghiên cứu khoa học trong đoàn viên, thanh niên.", False),
        ("- Lựa chọn các sáng kiến tiêu biểu giới thiệu tham gia Hội thi cấp Thành phố.", False),
        ("II. THỜI GIAN, ĐỊA ĐIỂM:", True),
        ("1. Thời gian: 08g00 ngày 25 tháng 10 năm 2025 (thứ Bảy).", False),
        ("2. Địa điểm: Hội trường Ủy ban nhân dân phường Thủ Đức.", False),
        ("III. THÀNH PHẦN THAM DỰ:", True),
        ("- Thường trực Đoàn phường (03 đồng chí);", False),
        ("- Đại diện các chi đoàn trực thuộc (30 đồng chí);", False),
        ("- Thí sinh dự thi (20 đồng chí).", False),
        ("(Dự kiến: 53 đồng chí)", False),
        ("IV. TỔ CHỨC THỰC HIỆN:", True),
        ("1. Văn phòng Đoàn phường:", True),
        ("- Phát hành thư mời, chuẩn bị hội trường, âm thanh,\nánh sáng phục vụ Hội thi.", False),
        ("- Tổng hợp hồ sơ dự thi trước ngày 20/10/2025.", False),
        ("2. Các chi đoàn:", True),
        ("- Vận động đoàn viên tham gia, gửi hồ sơ về Văn phòng Đoàn phường trước ngày 18/10/2025.", False),
        ("Trên đây là Kế hoạch tổ chức Hội thi “Tuổi trẻ sáng tạo” năm 2025./.", False),
    ]:
        _para(d, text, bold)
    t2 = d.add_table(rows=1, cols=2)
    _cell(t2.cell(0, 0), ["Nơi nhận:", "- Thành Đoàn (Ban Tuyên giáo);", "- Thường trực Đảng ủy phường;",
                          "- Các chi đoàn;", "- Lưu: VP."])
    _cell(t2.cell(0, 1), ["TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ", "", "", "", "Nguyễn Thị Thu Trang"])
    d.save(path)


DX2_HEADER = (["THÀNH ĐOÀN TP. HỒ CHÍ MINH", "BCH ĐOÀN PHƯỜNG LINH XUÂN", "***", "Số: 61-KH/ĐTN"],
              ["ĐOÀN TNCS HỒ CHÍ MINH", "", "Phường Linh Xuân, ngày 14 tháng 11 năm 2025", ""])
DX2_BACK = (["Nơi nhận:", "- Thành Đoàn;", "- Đảng ủy phường;", "- Lưu: VP.", "", ""],
            ["TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ", "", "", "", "Trần Quốc Việt"])
DX2_BODY = [
    ("I. MỤC ĐÍCH, YÊU CẦU", None, True),
    ("Nâng cao sức khỏe, tinh thần đoàn kết của đoàn viên, thanh niên.", "List Bullet", False),
    ("Hội thao tổ chức an toàn, tiết kiệm.", "List Bullet", False),
    ("II. NỘI DUNG THI ĐẤU", None, True),
    ("Kéo co nam nữ phối hợp.", "List Bullet", False),
    ("Chạy việt dã 3 km.", "List Bullet", False),
    ("III. TIẾN ĐỘ THỰC HIỆN", None, True),
    ("Ngày 20/11/2025: Các chi đoàn đăng ký vận động viên.", "List Bullet", False),
    ("Ngày 30/11/2025: Tổ chức Hội thao.", "List Bullet", False),
    ("IV. PHÂN CÔNG THỰC HIỆN", None, True),
    ("Văn phòng Đoàn phường:", "List Number", True),
    ("Chuẩn bị sân bãi, dụng cụ thi đấu.", "List Bullet", False),
    ("Các chi đoàn:", "List Number", True),
    ("Đăng ký vận động viên trước ngày 20/11/2025.", "List Bullet", False),
    ("Đề nghị các chi đoàn nghiêm túc triển khai thực hiện./.", None, False),
]
DX2_TITLE = ["KẾ HOẠCH", "Tổ chức Hội thao “Thanh niên khỏe” năm 2025", "",
             "Nhằm đẩy mạnh phong trào rèn luyện thân thể trong đoàn viên, thanh niên, Ban Thường vụ Đoàn phường "
             "Linh Xuân xây dựng kế hoạch tổ chức Hội thao như sau:"]


def _tab_rows(columns) -> list[str]:
    return ["\t".join(cells) for cells in zip(*columns, strict=True)]


def build_docx_without_tables(path) -> None:
    """No table at all: the header and the closing laid out with tab stops
    (left text, a tab, right text on one line), Word's own bullets and
    numbering for the items and the units."""
    d = docx.Document()
    for line in _tab_rows(DX2_HEADER):
        _para(d, line)
    _para(d, "")
    for line in DX2_TITLE:
        _para(d, line, bold=line.isupper())
    for text, style, bold in DX2_BODY:
        _para(d, text, bold, style)
    for line in _tab_rows(DX2_BACK):
        _para(d, line)
    d.save(path)


def reading_order_without_tables() -> str:
    """What a reader reads in that file: left column, then right column."""
    body = [text for text, _style, _bold in DX2_BODY]
    return "\n".join([*DX2_HEADER[0], *DX2_HEADER[1], "", *DX2_TITLE, *body, *DX2_BACK[0], *DX2_BACK[1]])


def build_docx_joint_with_line_breaks(path) -> None:
    """A joint plan: the left header cell is one paragraph broken by line
    breaks; three signers side by side, each one cell holding one paragraph
    with line breaks; the recipients under them as plain paragraphs."""
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    left = t.cell(0, 0).paragraphs[0]
    parts = ["BCH ĐOÀN PHƯỜNG HIỆP BÌNH", "ỦY BAN HỘI LHTN VIỆT NAM PHƯỜNG HIỆP BÌNH", "HỘI ĐỒNG ĐỘI PHƯỜNG HIỆP BÌNH",
             "***", "Số: 14-KHLT/ĐTN-HLHTN-HĐĐ"]
    for i, part in enumerate(parts):
        run = left.add_run(part)
        if i < len(parts) - 1:
            run.add_break()
    _cell(t.cell(0, 1), ["ĐOÀN TNCS HỒ CHÍ MINH", "Phường Hiệp Bình, ngày 20 tháng 11 năm 2025"])
    _para(d, "KẾ HOẠCH LIÊN TỊCH", True)
    _para(d, "Tổ chức chương trình “Xuân yêu thương” năm 2026", True)
    _para(d, "---------")
    _para(d, "Nhằm chăm lo Tết cho thiếu nhi và thanh niên có hoàn cảnh khó khăn, Ban Chấp hành Đoàn phường, Ủy "
             "ban Hội LHTN Việt Nam phường và Hội đồng Đội phường Hiệp Bình thống nhất kế hoạch như sau:")
    for text, bold in [
        ("I. MỤC ĐÍCH - YÊU CẦU:", True),
        ("- Chăm lo cho thiếu nhi, thanh niên có hoàn cảnh khó khăn đón Tết cổ truyền.", False),
        ("II. THỜI GIAN - ĐỊA ĐIỂM:", True),
        ("1. Thời gian: 08g00 ngày 07 tháng 02 năm 2026 (thứ Bảy).", False),
        ("2. Địa điểm: Sân Trường Tiểu học Hiệp Bình.", False),
        ("III. CHƯƠNG TRÌNH:", True),
        ("- 08g00 – 08g30: Đón tiếp đại biểu, văn nghệ.", False),
        ("- 08g30 – 10g00: Trao quà Tết cho 150 thiếu nhi, thanh niên.", False),
        ("- 10g00 – 10g30: Bế mạc.", False),
        ("IV. PHÂN CÔNG THỰC HIỆN:", True),
        ("1. Đoàn phường:", True),
        ("- Xây dựng kịch bản, vận động nguồn lực.", False),
        ("2. Hội LHTN phường:", True),
        ("- Rà soát danh sách thanh niên khó khăn trước ngày 25/01/2026.", False),
        ("3. Hội đồng Đội phường:", True),
        ("- Rà soát danh sách thiếu nhi khó khăn trước ngày 25/01/2026.", False),
        ("Trên đây là Kế hoạch liên tịch tổ chức chương trình “Xuân yêu thương” năm 2026./.", False),
    ]:
        _para(d, text, bold)
    t2 = d.add_table(rows=1, cols=3)
    signers = [("TM. HỘI ĐỒNG ĐỘI PHƯỜNG", "CHỦ TỊCH", "Lê Thị Bích Ngọc"),
               ("TM. ỦY BAN HỘI LHTN PHƯỜNG", "CHỦ TỊCH", "Đặng Văn Hùng"),
               ("TM. BAN CHẤP HÀNH ĐOÀN PHƯỜNG", "BÍ THƯ", "Vũ Hoàng Long")]
    for col, (authority, position, name) in enumerate(signers):
        paragraph = t2.cell(0, col).paragraphs[0]
        lines = [authority, position, "", "", "", name]
        for i, line in enumerate(lines):
            run = paragraph.add_run(line)
            if i < len(lines) - 1:
                run.add_break()
    _para(d, "Nơi nhận:", True)
    for line in ["- Thành Đoàn;", "- Thường trực Đảng ủy phường;", "- Lưu: VP."]:
        _para(d, line)
    d.save(path)


# ====================================================================== cases
TDTP = "THÀNH ĐOÀN TP. HỒ CHÍ MINH"
DOAN = "ĐOÀN TNCS HỒ CHÍ MINH"


@dataclass
class Case:
    name: str
    write: Callable  # folder -> path of the source file
    reference: Callable  # path -> the text a reader reads, in reading order
    number: tuple
    plan_date: date
    place: str
    superior: str
    bodies: list
    title: str
    preamble: str  # how the first preamble paragraph starts
    headings: list
    kinds: dict  # heading -> kind, only where the structure is unambiguous
    recipients: tuple  # (count, last item)
    signers: list  # (authority line, position, name)
    closing: str  # how the closing paragraph starts
    document_type: str = "KẾ HOẠCH"
    details: Callable | None = None  # further checks of the structured contents
    xfail: dict = field(default_factory=dict)  # aspect -> reason


def text_file(name: str, text: str, transform=lambda t: t, encoding: str = "utf-8"):
    def write(folder):
        path = folder / f"{name}.txt"
        path.write_bytes(transform(text).encode(encoding))
        return path
    return write


def docx_file(name: str, build):
    def write(folder):
        path = folder / f"{name}.docx"
        build(path)
        return path
    return write


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def same(text: str):
    return lambda _path: text


# ---- details of the structured contents, for the kinds that were recognised
def section(plan, heading: str):
    return next(s.content for s in plan.sections if s.heading.upper() == heading)


def details_a(plan):
    steps = section(plan, "TIẾN ĐỘ THỰC HIỆN").steps
    assert [(s.when.start, s.when.end) for s in steps] == [
        ("2025-05-15", ""), ("2025-05-25", ""), ("2025-06", ""), ("2025-09-01", "2025-09-15")]
    units = section(plan, "TỔ CHỨC THỰC HIỆN").units
    assert [u.unit for u in units] == ["Ban Phong trào Quận Đoàn", "Văn phòng Quận Đoàn", "Các cơ sở Đoàn"]
    assert units[0].tasks[1].deadline_date == date(2025, 5, 20)
    assert (units[2].tasks[1].deadline_date, units[2].tasks[1].deadline_time) == (date(2025, 9, 15), "17:00")


def details_b(plan):
    people = section(plan, "THÀNH PHẦN")
    assert [g.title for g in people.groups] == ["Khách mời", "Đại biểu chính thức"]
    assert people.stated_total == people.counted_total() == 32
    slots = section(plan, "CHƯƠNG TRÌNH ĐẠI HỘI").slots
    assert [(s.start_time, s.end_time) for s in slots][:2] == [("07:30", "08:30"), ("08:30", "09:00")]
    assert len(slots) == 5




def details_c(plan):
    assert (plan.number.issuer_codes, plan.number.suffix) == (["ĐTN"], "BTG")


def details_d(plan):
    """The programme's days "a) Ngày 12/4/2025 (thứ Bảy):" are subsections
    holding a programme each."""
    days = section(plan, "NỘI DUNG VÀ CHƯƠNG TRÌNH").blocks
    assert [b.heading for b in days] == ["Ngày 12/4/2025 (thứ Bảy)", "Ngày 13/4/2025 (Chủ nhật)"]
    assert [b.content.kind for b in days] == ["programme", "programme"]
    assert days[0].content.slots[1].start_time == "08:00"


def details_e(plan):
    tp = section(plan, "THỜI GIAN - ĐỊA ĐIỂM - HÌNH THỨC")
    assert (tp.event_date, tp.start_time, tp.venue, tp.form) == (date(2025, 10, 26), "07:30", "Công viên Lê Văn Tám.",
                                                                 "in_person")
    people = section(plan, "THÀNH PHẦN THAM DỰ")
    assert people.group_style == "labels" and [g.title for g in people.groups] == ["Đoàn phường", "Hội LHTN phường"]
    assert people.stated_total == people.counted_total() == 112
    acts = section(plan, "NỘI DUNG HOẠT ĐỘNG").activities
    assert [a.time for a in acts] == ["07g30 – 09g30.", "09g30 – 11g00."]
    assert [d.body for d in acts[0].duties] == ["Đoàn phường", "Hội LHTN phường"]
    assert plan.is_joint


def details_f(plan):
    tp = section(plan, "THỜI GIAN – ĐỊA ĐIỂM")
    assert (tp.event_date, tp.start_time, tp.tentative, tp.show_lunar) == (date(2026, 2, 24), "08:30", True, True)
    assert tp.address == "Số 92 Nguyễn Du, Phường Bến Thành, TP. Hồ Chí Minh"
    people = section(plan, "THÀNH PHẦN THAM DỰ")
    assert people.stated_total == people.counted_total() == 80
    slots = section(plan, "CHƯƠNG TRÌNH").slots
    assert (slots[1].start_time, slots[1].end_time, len(slots[1].items)) == ("08:30", "10:30", 4)
    assert section(plan, "PHÂN CÔNG THỰC HIỆN").units[0].tasks[0].deadline_date == date(2026, 2, 10)
    assert plan.style.time_format == "giờ"


def details_h(plan):
    tp = section(plan, "THỜI GIAN, ĐỊA ĐIỂM")
    assert (tp.event_date, tp.start_time, tp.layout) == (date(2025, 6, 1), "14:00", "items")
    slots = section(plan, "CHƯƠNG TRÌNH NGÀY HỘI").slots
    assert [(s.start_time, len(s.items)) for s in slots] == [("14:00", 0), ("14:30", 3), ("16:30", 0)]
    assert section(plan, "PHÂN CÔNG THỰC HIỆN").units[2].tasks[1].deadline_date == date(2025, 6, 5)


def details_j(plan):
    """The appendix after the signature is an appendix (issue 19): its title,
    its typed "(Kèm theo …)" line (the generated one would name the body
    otherwise), its numbered list as content."""
    (appendix,) = plan.appendices
    assert appendix.title == "DANH MỤC CÔNG TRÌNH THANH NIÊN THÁNG THANH NIÊN NĂM 2026"
    assert appendix.attached == ("(Kèm theo Kế hoạch số 07-KH/ĐTN ngày 20/02/2026 của Ban Thường vụ Đoàn phường "
                                 "Chợ Lớn)")
    words = " ".join(line.plain() for line in content_lines(plan, appendix.content))
    assert "Tuyến hẻm xanh - sạch - đẹp" in words and "Tủ sách thanh niên" in words


def details_dx1(plan):
    tp = section(plan, "THỜI GIAN, ĐỊA ĐIỂM")
    assert (tp.event_date, tp.start_time) == (date(2025, 10, 25), "08:00")
    people = section(plan, "THÀNH PHẦN THAM DỰ")
    assert people.stated_total == people.counted_total() == 53


def details_dx3(plan):
    slots = section(plan, "CHƯƠNG TRÌNH").slots
    assert [s.start_time for s in slots] == ["08:00", "08:30", "10:00"]
    units = section(plan, "PHÂN CÔNG THỰC HIỆN").units
    assert [t.deadline_date for t in (units[1].tasks[0], units[2].tasks[0])] == [date(2026, 1, 25)] * 2


W_TAB = ("text pasted from Word tables: each row comes as 'left cell<TAB>right cell'; the importer joins the cells "
         "with a space instead of reading the columns")
W_TAB_DOCX = ("header and closing laid out with tab stops (no table): the importer joins the two sides of a tab "
              "into one line")


def cases() -> list[Case]:
    as_docx = document_text
    return [
        Case("A-chien-dich-he", text_file("A", PLAN_A, lambda t: "\ufeff" + crlf(t)), same(PLAN_A),
             (112, "KH/ĐTN"), date(2025, 5, 12), "Gò Vấp", TDTP, ["BCH ĐOÀN QUẬN GÒ VẤP"],
             "Tổ chức Chiến dịch Thanh niên tình nguyện hè năm 2025", "Thực hiện Kế hoạch số 245-KH/TĐTN-BPT",
             ["MỤC ĐÍCH, YÊU CẦU", "THỜI GIAN, LỰC LƯỢNG THAM GIA", "NỘI DUNG HOẠT ĐỘNG", "TIẾN ĐỘ THỰC HIỆN",
              "TỔ CHỨC THỰC HIỆN"],
             {"MỤC ĐÍCH, YÊU CẦU": "free", "TIẾN ĐỘ THỰC HIỆN": "timeline", "TỔ CHỨC THỰC HIỆN": "assignments"},
             (5, "Lưu: VP"), [("TM. BAN THƯỜNG VỤ QUẬN ĐOÀN", "BÍ THƯ", "Lê Hoàng Minh Tâm")],
             "Trên đây là Kế hoạch tổ chức Chiến dịch", details=details_a),
        Case("B-dai-hoi-chi-doan-nfd", text_file("B", PLAN_B, nfd), same(PLAN_B),
             (4, "KH/CĐ"), date(2025, 9, 5), "Phường Bình Thạnh", "ĐOÀN PHƯỜNG BÌNH THẠNH", ["BCH CHI ĐOÀN KHU PHỐ 12"],
             "Tổ chức Đại hội Chi đoàn Khu phố 12 nhiệm kỳ 2025 - 2027", "Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;",
             ["MỤC ĐÍCH - YÊU CẦU", "THỜI GIAN - ĐỊA ĐIỂM", "THÀNH PHẦN", "CHƯƠNG TRÌNH ĐẠI HỘI", "PHÂN CÔNG THỰC HIỆN"],
             {"THÀNH PHẦN": "participants", "CHƯƠNG TRÌNH ĐẠI HỘI": "programme", "PHÂN CÔNG THỰC HIỆN": "assignments",
              "THỜI GIAN - ĐỊA ĐIỂM": "time_place"},
             (4, "Lưu: CĐ"), [("TM. BAN CHẤP HÀNH", "BÍ THƯ", "Trương Thị Ngọc Hân")],
             "Trên đây là Kế hoạch tổ chức Đại hội Chi đoàn", details=details_b),
        Case("C-bong-da-khong-so-muc", text_file("C", PLAN_C), same(PLAN_C),
             (27, "KH/ĐTN-BTG"), date(2025, 3, 5), "TP. Hồ Chí Minh", TDTP, ["BCH ĐOÀN TRƯỜNG ĐẠI HỌC CÔNG NGHỆ"],
             "Tổ chức Giải bóng đá nam sinh viên chào mừng kỷ niệm 94 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh",
             "Nhằm chào mừng kỷ niệm 94 năm",
             ["MỤC ĐÍCH, YÊU CẦU", "ĐỐI TƯỢNG THAM GIA", "THỜI GIAN, ĐỊA ĐIỂM", "ĐIỀU LỆ THI ĐẤU", "CƠ CẤU GIẢI THƯỞNG",
              "TỔ CHỨC THỰC HIỆN"],
             {"MỤC ĐÍCH, YÊU CẦU": "free", "THỜI GIAN, ĐỊA ĐIỂM": "time_place"},
             (4, "Lưu: VP, BTG"), [("KT. BÍ THƯ", "PHÓ BÍ THƯ", "Phạm Quốc Bảo")],
             "Trên đây là Kế hoạch tổ chức Giải bóng đá", details=details_c),
        Case("D-lop-boi-duong", text_file("D", PLAN_D), same(PLAN_D),
             (88, "KH/ĐTN-BTC"), date(2025, 3, 24), "Bình Tân", TDTP, ["BCH ĐOÀN QUẬN BÌNH TÂN"],
             "Mở Lớp bồi dưỡng nghiệp vụ công tác Đoàn cho cán bộ Đoàn cơ sở năm 2025",
             "Căn cứ Chương trình công tác Đoàn",
             ["MỤC ĐÍCH, YÊU CẦU", "THỜI GIAN, ĐỊA ĐIỂM", "ĐỐI TƯỢNG THAM GIA", "NỘI DUNG VÀ CHƯƠNG TRÌNH", "KINH PHÍ",
              "TỔ CHỨC THỰC HIỆN"],
             {"MỤC ĐÍCH, YÊU CẦU": "free", "ĐỐI TƯỢNG THAM GIA": "participants", "TỔ CHỨC THỰC HIỆN": "assignments",
              "THỜI GIAN, ĐỊA ĐIỂM": "time_place"},
             (4, "Lưu: VP, BTC"), [("KT. BÍ THƯ", "PHÓ BÍ THƯ", "Đỗ Thị Kim Ngân")],
             "Đề nghị các cơ sở Đoàn nghiêm túc", details=details_d),
        Case("E-lien-tich-hoi-lhtn", text_file("E", PLAN_E), same(PLAN_E),
             (21, "KHLT/ĐTN-HLHTN"), date(2025, 10, 8), "Phường Tân Định, TP. Hồ Chí Minh", "",
             ["BCH ĐOÀN PHƯỜNG TÂN ĐỊNH", "ỦY BAN HỘI LHTN VIỆT NAM PHƯỜNG TÂN ĐỊNH"],
             "Tổ chức Ngày hội “Thanh niên với văn hóa giao thông” năm 2025", "Thực hiện Chương trình công tác",
             ["MỤC ĐÍCH - YÊU CẦU", "THỜI GIAN - ĐỊA ĐIỂM - HÌNH THỨC", "THÀNH PHẦN THAM DỰ", "NỘI DUNG HOẠT ĐỘNG",
              "TỔ CHỨC THỰC HIỆN"],
             {"THỜI GIAN - ĐỊA ĐIỂM - HÌNH THỨC": "time_place", "THÀNH PHẦN THAM DỰ": "participants",
              "NỘI DUNG HOẠT ĐỘNG": "activities", "TỔ CHỨC THỰC HIỆN": "assignments"},
             (5, "Lưu: VP"), [("TM. ỦY BAN HỘI LHTN PHƯỜNG", "CHỦ TỊCH", "Võ Thành Đạt"),
                              ("TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ", "Huỳnh Ngọc Phương Uyên")],
             "Trên đây là Kế hoạch liên tịch", document_type="KẾ HOẠCH LIÊN TỊCH", details=details_e),
        Case("F-doan-phuong-sau-sap-xep", text_file("F", PLAN_F, crlf), same(PLAN_F),
             (3, "KH/ĐTN"), date(2026, 2, 2), "Phường Bến Thành, TP. Hồ Chí Minh", TDTP, ["BCH ĐOÀN PHƯỜNG BẾN THÀNH"],
             "Tổ chức Họp mặt đầu Xuân Bính Ngọ năm 2026", "Nhằm ôn lại truyền thống",
             ["MỤC ĐÍCH, YÊU CẦU", "THỜI GIAN – ĐỊA ĐIỂM", "THÀNH PHẦN THAM DỰ", "CHƯƠNG TRÌNH", "PHÂN CÔNG THỰC HIỆN"],
             {"THỜI GIAN – ĐỊA ĐIỂM": "time_place", "THÀNH PHẦN THAM DỰ": "participants", "CHƯƠNG TRÌNH": "programme",
              "PHÂN CÔNG THỰC HIỆN": "assignments"},
             (3, "Lưu: VP"), [("TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Lâm Gia Huy")],
             "Trên đây là Kế hoạch tổ chức Họp mặt", details=details_f),
        Case("G-dan-tu-bang-word", text_file("G", PLAN_G), same(PLAN_G_READ),
             (46, "KH/ĐTN"), date(2025, 11, 3), "Phường Xuân Hòa", TDTP, ["BCH ĐOÀN PHƯỜNG XUÂN HÒA"],
             "Tổ chức Ngày Chủ nhật xanh tháng 11 năm 2025", "Thực hiện Chương trình công tác",
             ["MỤC ĐÍCH, YÊU CẦU", "THỜI GIAN, ĐỊA ĐIỂM", "TỔ CHỨC THỰC HIỆN"],
             {"THỜI GIAN, ĐỊA ĐIỂM": "time_place", "TỔ CHỨC THỰC HIỆN": "assignments"},
             (4, "Lưu: VP"), [("TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ", "Nguyễn Văn An")],
             "Đề nghị các chi đoàn"),
        Case("H-phoi-hop-ba-ben", text_file("H", PLAN_H), same(PLAN_H),
             (9, "KHPH/ĐTN-HLHPN-HĐĐ"), date(2025, 5, 15), "Phường An Khánh", "",
             ["BCH ĐOÀN PHƯỜNG AN KHÁNH", "BAN THƯỜNG VỤ HỘI LHPN PHƯỜNG AN KHÁNH", "HỘI ĐỒNG ĐỘI PHƯỜNG AN KHÁNH"],
             "Tổ chức Ngày hội “Gia đình - Thiếu nhi” nhân Ngày Quốc tế Thiếu nhi 01/6/2025", "Nhằm chào mừng",
             ["MỤC ĐÍCH, YÊU CẦU", "THỜI GIAN, ĐỊA ĐIỂM", "CHƯƠNG TRÌNH NGÀY HỘI", "PHÂN CÔNG THỰC HIỆN"],
             {"THỜI GIAN, ĐỊA ĐIỂM": "time_place", "CHƯƠNG TRÌNH NGÀY HỘI": "programme",
              "PHÂN CÔNG THỰC HIỆN": "assignments"},
             (4, "Lưu: VP"), [("TM. HỘI ĐỒNG ĐỘI PHƯỜNG", "CHỦ TỊCH", "Trần Thị Mai Anh"),
                              ("TM. BAN THƯỜNG VỤ HỘI LHPN PHƯỜNG", "CHỦ TỊCH", "Nguyễn Thị Hồng Nhung"),
                              ("TM. BAN CHẤP HÀNH ĐOÀN PHƯỜNG", "BÍ THƯ", "Phan Minh Khôi")],
             "Trên đây là Kế hoạch phối hợp", document_type="KẾ HOẠCH PHỐI HỢP", details=details_h),
        Case("I-truong-thpt-muc-chu-thuong", text_file("I", PLAN_I), same(PLAN_I),
             (19, "KH/ĐTN"), date(2026, 3, 2), "Phường Thủ Đức", TDTP, ["BCH ĐOÀN TRƯỜNG THPT NGUYỄN HỮU HUÂN"],
             "Tổ chức Hội trại truyền thống chào mừng kỷ niệm 95 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh "
             "(26/3/1931 - 26/3/2026)", "Căn cứ Kế hoạch năm học",
             ["MỤC ĐÍCH, YÊU CẦU", "THỜI GIAN, ĐỊA ĐIỂM", "THÀNH PHẦN THAM DỰ", "TỔ CHỨC THỰC HIỆN"],
             {"THỜI GIAN, ĐỊA ĐIỂM": "time_place", "THÀNH PHẦN THAM DỰ": "participants",
              "TỔ CHỨC THỰC HIỆN": "assignments"},
             (4, "Lưu: VP Đoàn trường"), [("TM. BAN CHẤP HÀNH ĐOÀN TRƯỜNG", "BÍ THƯ", "Ngô Thanh Tùng")],
             "Trên đây là kế hoạch tổ chức Hội trại"),
        Case("J-phu-luc-sau-chu-ky", text_file("J", PLAN_J), same(PLAN_J),
             (7, "KH/ĐTN"), date(2026, 2, 20), "Phường Chợ Lớn", TDTP, ["BCH ĐOÀN PHƯỜNG CHỢ LỚN"],
             "Tổ chức các hoạt động Tháng Thanh niên năm 2026", "Thực hiện Kế hoạch của Ban Thường vụ",
             ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"],
             {"TỔ CHỨC THỰC HIỆN": "assignments"},
             (3, "Lưu: VP"), [("TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ", "Quách Bảo Ngọc")],
             "Trên đây là Kế hoạch tổ chức các hoạt động", details=details_j),
        Case("DX1-bang-dau-va-chu-ky", docx_file("DX1", build_docx_header_and_signature_tables), as_docx,
             (52, "KH/ĐTN"), date(2025, 10, 3), "Phường Thủ Đức", TDTP, ["BCH ĐOÀN PHƯỜNG THỦ ĐỨC"],
             "Tổ chức Hội thi “Tuổi trẻ sáng tạo” phường Thủ Đức năm 2025", "Thực hiện Chương trình công tác",
             ["MỤC ĐÍCH, YÊU CẦU", "THỜI GIAN, ĐỊA ĐIỂM", "THÀNH PHẦN THAM DỰ", "TỔ CHỨC THỰC HIỆN"],
             {"THỜI GIAN, ĐỊA ĐIỂM": "time_place", "THÀNH PHẦN THAM DỰ": "participants",
              "TỔ CHỨC THỰC HIỆN": "assignments"},
             (4, "Lưu: VP"), [("TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ", "Nguyễn Thị Thu Trang")],
             "Trên đây là Kế hoạch tổ chức Hội thi", details=details_dx1),
        Case("DX2-khong-bang-tab", docx_file("DX2", build_docx_without_tables), same(reading_order_without_tables()),
             (61, "KH/ĐTN"), date(2025, 11, 14), "Phường Linh Xuân", TDTP, ["BCH ĐOÀN PHƯỜNG LINH XUÂN"],
             "Tổ chức Hội thao “Thanh niên khỏe” năm 2025", "Nhằm đẩy mạnh phong trào",
             ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG THI ĐẤU", "TIẾN ĐỘ THỰC HIỆN", "PHÂN CÔNG THỰC HIỆN"],
             {"TIẾN ĐỘ THỰC HIỆN": "timeline", "PHÂN CÔNG THỰC HIỆN": "assignments"},
             (3, "Lưu: VP"), [("TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ", "Trần Quốc Việt")],
             "Đề nghị các chi đoàn"),
        Case("DX3-lien-tich-ba-chu-ky", docx_file("DX3", build_docx_joint_with_line_breaks), as_docx,
             (14, "KHLT/ĐTN-HLHTN-HĐĐ"), date(2025, 11, 20), "Phường Hiệp Bình", "",
             ["BCH ĐOÀN PHƯỜNG HIỆP BÌNH", "ỦY BAN HỘI LHTN VIỆT NAM PHƯỜNG HIỆP BÌNH", "HỘI ĐỒNG ĐỘI PHƯỜNG HIỆP BÌNH"],
             "Tổ chức chương trình “Xuân yêu thương” năm 2026", "Nhằm chăm lo Tết",
             ["MỤC ĐÍCH - YÊU CẦU", "THỜI GIAN - ĐỊA ĐIỂM", "CHƯƠNG TRÌNH", "PHÂN CÔNG THỰC HIỆN"],
             {"THỜI GIAN - ĐỊA ĐIỂM": "time_place", "CHƯƠNG TRÌNH": "programme", "PHÂN CÔNG THỰC HIỆN": "assignments"},
             (3, "Lưu: VP"), [("TM. HỘI ĐỒNG ĐỘI PHƯỜNG", "CHỦ TỊCH", "Lê Thị Bích Ngọc"),
                              ("TM. ỦY BAN HỘI LHTN PHƯỜNG", "CHỦ TỊCH", "Đặng Văn Hùng"),
                              ("TM. BAN CHẤP HÀNH ĐOÀN PHƯỜNG", "BÍ THƯ", "Vũ Hoàng Long")],
             "Trên đây là Kế hoạch liên tịch", document_type="KẾ HOẠCH LIÊN TỊCH", details=details_dx3),
    ]


CASE_NAMES = ["A-chien-dich-he", "B-dai-hoi-chi-doan-nfd", "C-bong-da-khong-so-muc", "D-lop-boi-duong",
              "E-lien-tich-hoi-lhtn", "F-doan-phuong-sau-sap-xep", "G-dan-tu-bang-word", "H-phoi-hop-ba-ben",
              "I-truong-thpt-muc-chu-thuong", "J-phu-luc-sau-chu-ky", "DX1-bang-dau-va-chu-ky", "DX2-khong-bang-tab",
              "DX3-lien-tich-ba-chu-ky"]
# Words the program rewrites on purpose: times in the plan's main form
# ("8 giờ 30" next to "07:30" is written "08:30"), "T/M" as "TM.".
PROGRAM_REWRITES = {"giờ", "t", "m"}
ASPECTS = ["header", "bodies", "title", "sections", "kinds", "details", "recipients", "signatures", "closing",
           "words", "words_docx"]


_CASES = {c.name: c for c in cases()}
PARAMS = [pytest.param(name, aspect, id=f"{name}-{aspect}",
                       marks=[pytest.mark.xfail(strict=True, reason=_CASES[name].xfail[aspect])]
                       if aspect in _CASES[name].xfail else [])
          for name in CASE_NAMES for aspect in ASPECTS if aspect != "details" or _CASES[name].details]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("unseen")
    by_name = {c.name: c for c in cases()}
    assert list(by_name) == CASE_NAMES
    done: dict = {}

    def get(name: str):
        if name not in done:
            case = by_name[name]
            path = case.write(folder)
            plan, report = import_plan(path)
            done[name] = (case, path, plan, report)
        return done[name]
    return get


# ================================================================ the checks
def _words(text: str) -> list[str]:
    """doc_compare's words, also without the "I/" section numerals some plans
    type, numbers compared by value ("8" and "08" agree)."""
    text = re.sub(r"(?m)^(\s*)[IVXLC]+/(?=\s)", r"\1", text)
    return [str(int(w)) if w.isdigit() else w for w in words(text)]


def _compare(reference: str, written: str) -> tuple[float, list[str]]:
    result = compare_words(_words(reference), _words(written))
    return result.ratio, result.missing


def check(aspect: str, case: Case, path, plan, report, tmp_path) -> None:
    if aspect == "header":
        got = (plan.number.value, plan.number.symbol, plan.plan_date, plan.place, plan.superior_body,
               plan.organisation_title, plan.document_type)
        assert got == (*case.number, case.plan_date, case.place, case.superior, DOAN, case.document_type)
        assert plan.status == "issued"
    elif aspect == "bodies":
        assert plan.issuing_bodies == case.bodies
    elif aspect == "title":
        assert plan.title_one_line == case.title
        assert plan.preamble and plan.preamble[0].startswith(case.preamble)
    elif aspect == "sections":
        assert [s.heading.upper() for s in plan.sections] == case.headings
    elif aspect == "kinds":
        got = {s.heading.upper(): s.content.kind for s in plan.sections}
        assert {h: got.get(h) for h in case.kinds} == case.kinds
    elif aspect == "details":
        case.details(plan)
    elif aspect == "recipients":
        assert (len(plan.recipients), plan.recipients[-1] if plan.recipients else None) == case.recipients
        assert not any(r.startswith(("TM.", "KT.")) for r in plan.recipients)
    elif aspect == "signatures":
        assert [(s.authority_line, s.position, s.name) for s in plan.signatures] == case.signers
    elif aspect == "closing":
        assert plan.closing.startswith(case.closing)
        assert not any(p.startswith(case.closing) for p in plan.preamble)
    elif aspect == "words":
        ratio, missing = _compare(case.reference(path), render_text(plan))
        assert ratio >= MIN_RATIO, f"ratio {ratio:.4f}; missing: {missing[:8]}"
    elif aspect == "words_docx":
        out = tmp_path / "lai.docx"
        out.write_bytes(render_docx(plan))
        reference = _words(case.reference(path))
        lost = Counter(reference) - Counter(_words(document_text(out)))
        lost = {word: n for word, n in lost.items() if word not in PROGRAM_REWRITES}
        assert not lost, f"words of the source missing from the Word file: {dict(lost)}"
    else:  # pragma: no cover
        raise AssertionError(aspect)


@pytest.mark.parametrize("name, aspect", PARAMS)
def test_an_unseen_plan(name, aspect, imported, tmp_path):
    case, path, plan, report = imported(name)
    check(aspect, case, path, plan, report, tmp_path)


def test_every_plan_reports_what_it_found(imported):
    for name in CASE_NAMES:
        _case, _path, plan, report = imported(name)
        lines = report.lines()
        assert any(line.startswith("Đã nhận ra: số, ký hiệu") for line in lines), name
        assert any("nơi nhận" in line for line in lines), name


# ============================================================ focused plans
# One real-file habit each, in an otherwise ordinary ward plan.
HEAD = """\
THÀNH ĐOÀN TP. HỒ CHÍ MINH
BCH ĐOÀN PHƯỜNG LINH XUÂN
***
Số: 15-KH/ĐTN
ĐOÀN TNCS HỒ CHÍ MINH
Phường Linh Xuân, ngày 10 tháng 10 năm 2025

KẾ HOẠCH
Tổ chức Hội thi Tin học trẻ năm 2025
--------

Ban Thường vụ Đoàn phường xây dựng kế hoạch như sau:

"""
BODY = """\
I. MỤC ĐÍCH, YÊU CẦU:
- Nâng cao kỹ năng tin học cho thanh thiếu nhi trên địa bàn phường.
II. TIẾN ĐỘ THỰC HIỆN:
- Ngày 12/10/2025: Các chi đoàn đăng ký thí sinh.
- Ngày 19/10/2025: Tổ chức Hội thi.
"""
TAIL = """
Trên đây là Kế hoạch tổ chức Hội thi Tin học trẻ năm 2025./.

Nơi nhận:
- Thành Đoàn;
- Lưu: VP.

TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG
BÍ THƯ



Nguyễn Minh Trí
"""


def small(body: str = BODY, head: str = HEAD, tail: str = TAIL):
    return plan_from_text(head + body + tail)


def only_section(body: str):
    plan, _ = small(body)
    assert len(plan.sections) == 1, [s.heading for s in plan.sections]
    return plan.sections[0].content


def test_the_small_plan_itself_reads_completely():
    plan, _ = small()
    assert (plan.number.value, plan.number.symbol, plan.plan_date) == (15, "KH/ĐTN", date(2025, 10, 10))
    assert plan.superior_body == TDTP and plan.issuing_bodies == ["BCH ĐOÀN PHƯỜNG LINH XUÂN"]
    assert [s.content.kind for s in plan.sections] == ["free", "timeline"]
    assert plan.closing.startswith("Trên đây") and plan.recipients == ["Thành Đoàn", "Lưu: VP"]
    assert [(s.authority_line, s.position, s.name) for s in plan.signatures] == [
        ("TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ", "Nguyễn Minh Trí")]


# ---------------------------------------------------------------- holds up
def test_a_utf16_notepad_file_imports_like_utf8(tmp_path):
    """Windows Notepad's "Unicode" is UTF-16 with a BOM and CRLF."""
    utf8, utf16 = tmp_path / "a.txt", tmp_path / "b.txt"
    utf8.write_text(PLAN_E, encoding="utf-8")
    utf16.write_bytes(crlf(PLAN_E).encode("utf-16"))
    assert import_plan(utf16)[0] == import_plan(utf8)[0]


def test_decomposed_unicode_crlf_nbsp_and_invisible_characters_change_nothing():
    messy = nfd(PLAN_E).replace("\n", "\r\n").replace("Địa điểm: ", "Địa điểm:\u00a0").replace(
        "Nơi nhận:", "\u200bNơi nhận:").replace("- Lưu: VP.", "-\tLưu: VP.")
    assert plan_from_text(messy)[0] == plan_from_text(PLAN_E)[0]


@pytest.mark.parametrize("line", ["Số:15-KH/ĐTN", "Số 15 - KH/ĐTN", "Số : 15-KH/ĐTN", "Số: 15 -KH/ĐTN"])
def test_number_lines_typed_loosely(line):
    plan, _ = small(head=HEAD.replace("Số: 15-KH/ĐTN", line))
    assert (plan.number.value, plan.number.symbol) == (15, "KH/ĐTN")


def test_a_number_left_blank_for_the_register_is_a_draft():
    plan, _ = small(head=HEAD.replace("Số: 15-KH/ĐTN", "Số:        -KH/ĐTN"))
    assert (plan.number.value, plan.number.symbol, plan.status) == (None, "KH/ĐTN", "draft")


def test_a_draft_mark_is_not_a_body():
    plan, _ = small(head=HEAD.replace("Số: 15-KH/ĐTN", "Số:      -KH/ĐTN\nDỰ THẢO"))
    assert plan.issuing_bodies == ["BCH ĐOÀN PHƯỜNG LINH XUÂN"] and plan.show_draft_mark


def test_a_signed_copy_marked_da_ky_keeps_its_signer():
    # "(Đã ký)" is kept (issue 20: nothing lost), after the position, where it is printed.
    plan, _ = small(tail=TAIL.replace("BÍ THƯ\n", "BÍ THƯ\n(Đã ký)\n"))
    assert [(s.position, s.name) for s in plan.signatures] == [("BÍ THƯ (Đã ký)", "Nguyễn Minh Trí")]


def test_numerals_with_a_parenthesis():
    plan, _ = small(BODY.replace("I. ", "I) ").replace("II. ", "II) "))
    assert [s.heading for s in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "TIẾN ĐỘ THỰC HIỆN"]


def test_a_programme_with_en_dash_items_and_tabs():
    prog = only_section("I. CHƯƠNG TRÌNH HỘI THI:\n– 07g30 – 08g00\t: Đón tiếp đại biểu.\n"
                        "– 08g00 – 10g30: Các đội thi tranh tài.\n")
    assert prog.kind == "programme" and [(s.start_time, s.end_time) for s in prog.slots] == [
        ("07:30", "08:00"), ("08:00", "10:30")]


def test_recipients_without_dashes():
    plan, _ = small(tail=TAIL.replace("- Thành Đoàn;\n- Lưu: VP.", "Như trên;\nThành Đoàn (b/c);\nLưu VP."))
    assert plan.recipients == ["Như trên", "Thành Đoàn (b/c)", "Lưu VP"]


# ------------------------------------------------------------- weaknesses
def test_a_drafting_unit_the_importer_does_not_know():
    plan, _ = small(head=HEAD.replace("Số: 15-KH/ĐTN", "Số: 15-KH/ĐTN-BMT"))
    assert plan.superior_body == TDTP and plan.issuing_bodies == ["BCH ĐOÀN PHƯỜNG LINH XUÂN"]
    assert (plan.number.issuer_codes, plan.number.suffix) == (["ĐTN"], "BMT")


def test_a_state_style_number():
    plan, _ = small(head=HEAD.replace("Số: 15-KH/ĐTN", "Số: 15/KH-ĐTN"))
    assert plan.number.value == 15


def test_a_header_date_in_figures():
    plan, _ = small(head=HEAD.replace("ngày 10 tháng 10 năm 2025", "ngày 10/10/2025"))
    assert (plan.place, plan.plan_date) == ("Phường Linh Xuân", date(2025, 10, 10))


def test_a_signer_name_in_capitals():
    plan, _ = small(tail=TAIL.replace("Nguyễn Minh Trí", "NGUYỄN MINH TRÍ"))
    assert [(s.position, s.name.upper()) for s in plan.signatures] == [("BÍ THƯ", "NGUYỄN MINH TRÍ")]


@pytest.mark.parametrize("authority", ["TM BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "T/M BAN THƯỜNG VỤ ĐOÀN PHƯỜNG"])
def test_authority_written_without_the_dot(authority):
    plan, _ = small(tail=TAIL.replace("TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", authority))
    assert [(s.authority, s.body, s.position) for s in plan.signatures] == [
        ("TM.", "BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ")]


def test_sections_with_arabic_numerals():
    plan, _ = small(BODY.replace("II. ", "2. ").replace("I. ", "1. "))
    assert [s.heading for s in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "TIẾN ĐỘ THỰC HIỆN"]


def test_numerals_followed_by_a_dash():
    plan, _ = small(BODY.replace("I. ", "I - ").replace("II. ", "II - "))
    assert [s.heading for s in plan.sections] == ["MỤC ĐÍCH, YÊU CẦU", "TIẾN ĐỘ THỰC HIỆN"]


def test_the_last_numbered_paragraph_stays_a_paragraph():
    plan, _ = small("I. KINH PHÍ:\n1. Kinh phí tổ chức trích từ ngân sách hoạt động của Đoàn phường.\n"
                    "2. Các chi đoàn tự cân đối kinh phí tham gia.\n")
    assert [b.type for b in plan.sections[0].content.blocks] == ["numbered", "numbered"]
    assert plan.closing.startswith("Trên đây")


def test_participant_groups_lettered():
    people = only_section("I. THÀNH PHẦN THAM DỰ:\na) Khách mời:\n- Đại diện Thường trực Đảng ủy phường (01 đồng chí);\n"
                          "- Đại diện Thành Đoàn (01 đồng chí).\nb) Đoàn phường:\n"
                          "- Ban Chấp hành Đoàn phường (15 đồng chí).\n(Dự kiến: 17 đồng chí)\n")
    assert people.kind == "participants" and [g.title for g in people.groups] == ["Khách mời", "Đoàn phường"]


def test_assignment_units_lettered():
    tasks = only_section("I. TỔ CHỨC THỰC HIỆN:\na) Văn phòng Đoàn phường:\n- Chuẩn bị hội trường.\n"
                         "b) Các chi đoàn:\n- Đăng ký thí sinh trước ngày 15/10/2025.\n")
    assert tasks.kind == "assignments" and tasks.units[1].tasks[0].deadline_date == date(2025, 10, 15)


def test_participant_counts_abbreviated():
    people = only_section("I. THÀNH PHẦN THAM DỰ:\n- Thường trực Đoàn phường (03 đ/c);\n"
                          "- Bí thư các chi đoàn (17 đ/c).\n(Dự kiến: 20 đ/c)\n")
    assert people.kind == "participants" and people.stated_total == people.counted_total() == 20


def test_participant_groups_as_dash_items_with_plus_entries():
    people = only_section("I. THÀNH PHẦN THAM DỰ:\n- Khách mời:\n+ Đại diện Thường trực Đảng ủy phường (01 đồng chí);\n"
                          "+ Đại diện Thành Đoàn (01 đồng chí).\n- Đoàn phường:\n"
                          "+ Ban Chấp hành Đoàn phường (15 đồng chí);\n+ Bí thư các chi đoàn (18 đồng chí).\n"
                          "(Dự kiến: 35 đồng chí)\n")
    assert people.kind == "participants" and people.stated_total == people.counted_total() == 35


def test_a_timeline_with_a_before_step():
    steps = only_section("I. TIẾN ĐỘ THỰC HIỆN:\n- Trước ngày 12/10/2025: Các chi đoàn đăng ký thí sinh.\n"
                         "- Ngày 19/10/2025: Tổ chức Hội thi.\n")
    assert steps.kind == "timeline" and steps.steps[1].when.start == "2025-10-19"


def test_a_timeline_with_weekdays():
    """A timeline step has no weekday of its own: a dated step with one
    keeps its date as typed, weekday included, rather than lose it."""
    steps = only_section("I. TIẾN ĐỘ THỰC HIỆN:\n- Ngày 12/10/2025 (Chủ nhật): Các chi đoàn đăng ký thí sinh.\n"
                         "- Ngày 19/10/2025 (Chủ nhật): Tổ chức Hội thi.\n")
    assert steps.kind == "timeline"
    assert [s.when.text for s in steps.steps] == ["Ngày 12/10/2025 (Chủ nhật)", "Ngày 19/10/2025 (Chủ nhật)"]


LONG_TITLE = ("Tổ chức Hội nghị sơ kết chương trình phối hợp hoạt động giữa Ban Thường vụ Đoàn phường với Ủy ban "
              "Hội Liên hiệp Thanh niên Việt Nam phường, Hội đồng Đội phường và các chi đoàn khu phố giai đoạn "
              "2023 - 2025; thống nhất phương hướng, nội dung phối hợp hoạt động giai đoạn 2026 - 2030 trên địa bàn "
              "phường Linh Xuân")


def test_a_long_title_can_be_written_to_word():
    plan, _ = small(head=HEAD.replace("Tổ chức Hội thi Tin học trẻ năm 2025", LONG_TITLE))
    assert len(plan.title) > 255
    assert render_docx(plan)

"""The office profile: who this office is, and how its document numbers run.

One profile per database (store/office.py keeps it). It gives new plans their
header and signers, gives an issued plan its issuer code when the plan has
none, and tells the register which numbers share a sequence: numbers run from
01 per document type and restart with each congress term (nhiệm kỳ) for the
Youth Union, with each calendar year for State bodies (format-rules.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from .dates import short_date
from .errors import UserError
from .model import AUTHORITIES, MAX_SIGNATURES, Plan, Signature
from .text import clean_text

Numbering = Literal["term", "year"]
NUMBERING_VI = {"term": "theo nhiệm kỳ", "year": "theo năm"}
# The settable fields, in the order they are shown, with what they mean.
FIELD_LABELS = {
    "superior_body": "Cơ quan cấp trên",
    "issuing_body": "Cơ quan ban hành",
    "issuer_code": "Ký hiệu cơ quan ban hành",
    "organisation_title": "Tên tổ chức (góc phải)",
    "place": "Địa danh",
    "term_start": "Ngày bắt đầu nhiệm kỳ",
    "numbering": "Đánh số văn bản",
    "signers": "Người ký mặc định",
    "invitation_code": "Mã loại thư mời",
    "contact": "Người liên hệ",
}
TEXT_FIELDS = ("superior_body", "issuing_body", "issuer_code", "organisation_title", "place", "invitation_code",
               "contact")
# The type codes of an invitation: "TM" (thư mời), usual in the Youth Union,
# or "GM" (giấy mời), usual in State bodies; and the name printed on it.
INVITATION_TYPES = {"TM": "THƯ MỜI", "GM": "GIẤY MỜI"}
_ISSUER_CODE = re.compile(r"^[A-ZĐ0-9]+$")


@dataclass
class OfficeProfile:
    superior_body: str = ""  # "THÀNH ĐOÀN TP. HỒ CHÍ MINH"
    issuing_body: str = ""  # "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP"
    issuer_code: str = "ĐTN"  # the code after the type code: "KH/ĐTN"
    organisation_title: str = "ĐOÀN TNCS HỒ CHÍ MINH"
    place: str = ""  # "TP. Hồ Chí Minh", "Quận 12"
    signers: list[Signature] = field(default_factory=list)
    term_start: date | None = None  # the first day of the current congress term
    numbering: Numbering = "term"  # numbers restart with each term, or each 1 January
    invitation_code: str = "TM"  # a key of INVITATION_TYPES: the register's type of a batch of letters
    contact: str = ""  # who guests call: "đồng chí Nguyễn Văn A (Văn phòng), điện thoại 0909 123 456"

    def numbering_period(self, day: date) -> tuple[date, date | None]:
        """The period whose numbers a document issued on ``day`` shares:
        (first day, last day), the last day None while the term runs.

        Raises UserError when the term's start is not known, or ``day`` lies
        before it (numbers of an earlier term are not given any more)."""
        if self.numbering == "year":
            return date(day.year, 1, 1), date(day.year, 12, 31)
        if self.term_start is None:
            raise UserError("chưa khai báo ngày bắt đầu nhiệm kỳ, nên chưa cấp được số văn bản (số chạy lại từ 01 "
                            "mỗi nhiệm kỳ); hãy khai báo trong hồ sơ cơ quan, ví dụ: "
                            "kehoach office set term_start 2025-12-30")
        if day < self.term_start:
            raise UserError(f"ngày ban hành {short_date(day)} trước ngày bắt đầu nhiệm kỳ hiện tại "
                            f"({short_date(self.term_start)}); sổ văn bản đi chỉ cấp số cho nhiệm kỳ hiện tại")
        return self.term_start, None

    def apply_to(self, plan: Plan) -> Plan:
        """A copy of a new plan with the office's header, place, issuer code
        and signers (fields the profile leaves empty keep the plan's value)."""
        plan = replace(plan, number=replace(plan.number), issuing_bodies=list(plan.issuing_bodies),
                       signatures=list(plan.signatures))
        if self.superior_body:
            plan.superior_body = self.superior_body
        if self.issuing_body:
            plan.issuing_bodies = [self.issuing_body]
        if self.organisation_title:
            plan.organisation_title = self.organisation_title
        if self.place:
            plan.place = self.place
        if plan.number.issuer_codes != [self.issuer_code]:
            plan.number.drop_written()  # the office's code: our own form, not another office's
        plan.number.issuer_codes = [self.issuer_code]
        if self.signers:
            plan.signatures = [replace(s) for s in self.signers]
        return plan

    # ------------------------------------------------------------ plain data
    def to_dict(self) -> dict[str, Any]:
        return {
            **{name: getattr(self, name) for name in TEXT_FIELDS},
            "signers": [{"authority": s.authority, "body": s.body, "position": s.position, "name": s.name}
                        for s in self.signers],
            "term_start": self.term_start.isoformat() if self.term_start else None,
            "numbering": self.numbering,
        }

    @classmethod
    def from_dict(cls, data: Any) -> OfficeProfile:
        """The profile from plain data (JSON); keys it does not know are
        ignored, missing keys take the defaults. Raises UserError naming the
        field of a bad value."""
        if not isinstance(data, dict):
            raise UserError("hồ sơ cơ quan phải là một đối tượng JSON")
        profile = cls()
        for name in TEXT_FIELDS:
            if name in data:
                setattr(profile, name, _text(data[name], name))
        profile.issuer_code = check_issuer_code(profile.issuer_code)
        profile.invitation_code = check_invitation_code(profile.invitation_code)
        if "term_start" in data:
            profile.term_start = parse_day(data["term_start"], "term_start")
        if "numbering" in data:
            profile.numbering = parse_numbering(data["numbering"])
        if "signers" in data:
            profile.signers = _signers(data["signers"])
        return profile


def _text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise UserError(f"{FIELD_LABELS[name].lower()} ({name}) phải là chữ")
    text = " ".join(clean_text(value, single_line=True).split())
    if len(text) > 300:
        raise UserError(f"{FIELD_LABELS[name].lower()} ({name}) dài quá 300 ký tự")
    return text


def check_issuer_code(value: str) -> str:
    """"ĐTN", "TĐTN", "CĐCS": capitals and digits, no "/" or spaces."""
    code = clean_text(value, single_line=True).strip().upper()
    if not code:
        raise UserError("ký hiệu cơ quan ban hành (issuer_code) không được để trống, ví dụ ĐTN")
    if not _ISSUER_CODE.match(code):
        raise UserError(f"ký hiệu cơ quan ban hành (issuer_code) {value!r} chỉ được gồm chữ in hoa và chữ số, "
                        "không dấu cách, không “/” hay “-”, ví dụ ĐTN, TĐTN, CĐCS")
    return code


def check_invitation_code(value: str) -> str:
    code = value.strip().upper()
    if code not in INVITATION_TYPES:
        raise UserError(f"mã loại thư mời “{value}” không dùng được; chọn một trong: {', '.join(INVITATION_TYPES)}")
    return code


def parse_day(value: Any, name: str = "term_start") -> date | None:
    """"2025-12-30" or "30/12/2025"; None or "" for no date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return date.fromisoformat(text)
            match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
            if match:
                day, month, year = (int(g) for g in match.groups())
                return date(year, month, day)
        except ValueError:
            raise UserError(f"{FIELD_LABELS.get(name, name).lower()} ({name}): {value!r} "
                            "không phải một ngày có thật") from None
    raise UserError(f"{FIELD_LABELS.get(name, name).lower()} ({name}) phải là một ngày dạng YYYY-MM-DD "
                    f"hoặc DD/MM/YYYY, không phải {value!r}")


def parse_numbering(value: Any) -> Numbering:
    if value in NUMBERING_VI:
        return value
    raise UserError(f"cách đánh số văn bản (numbering) phải là “term” (chạy lại mỗi nhiệm kỳ, như của Đoàn) hoặc "
                    f"“year” (chạy lại mỗi năm, như cơ quan nhà nước), không phải {value!r}")


def _signers(value: Any) -> list[Signature]:
    if not isinstance(value, list):
        raise UserError("người ký mặc định (signers) phải là một danh sách")
    if len(value) > MAX_SIGNATURES:
        raise UserError(f"người ký mặc định (signers): nhiều nhất {MAX_SIGNATURES} người ký")
    signers = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise UserError(f"người ký mặc định thứ {i + 1} phải là một đối tượng "
                            "(authority, body, position, name)")
        parts = {}
        for key in ("authority", "body", "position", "name"):
            part = item.get(key, "")
            if not isinstance(part, str):
                raise UserError(f"người ký mặc định thứ {i + 1}: {key} phải là chữ")
            parts[key] = " ".join(clean_text(part, single_line=True).split())
        if parts["authority"] not in AUTHORITIES:
            raise UserError(f"người ký mặc định thứ {i + 1}: thẩm quyền ký {parts['authority']!r} không hợp lệ "
                            f"(chọn một trong: {', '.join(a for a in AUTHORITIES if a)} hoặc để trống)")
        signers.append(Signature(**parts))
    return signers

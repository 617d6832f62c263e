"""Reporting units and their place in local government.

Since 1 July 2025 Vietnam has two levels: provinces (tỉnh, thành phố trực thuộc trung ương)
and communes (xã, phường, đặc khu). Districts (huyện, quận, thị xã, thành phố thuộc tỉnh) and
towns (thị trấn) remain for reports of earlier periods. A province's departments (Sở, Ban …)
are units too, reporting to it; so was a district's Phòng before.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from drafter.vi.text import clean, without_marks

# The day the district level was abolished (Luật Tổ chức chính quyền địa phương 2025).
TWO_LEVEL_FROM = dt.date(2025, 7, 1)


class Tier(StrEnum):
    COMMUNE = "commune"
    DISTRICT = "district"
    PROVINCE = "province"
    DEPARTMENT = "department"


@dataclass(frozen=True)
class Kind:
    """A kind of unit: ``name`` as an official names it (unambiguous), ``word`` as documents
    write it before the unit's name, the tier, the head's title (for ``KT. GIÁM ĐỐC``) and
    whether the kind still exists since 1 July 2025."""

    name: str
    word: str
    tier: Tier
    head: str = "Chủ tịch"
    current: bool = True


KINDS: tuple[Kind, ...] = (
    Kind("tỉnh", "tỉnh", Tier.PROVINCE),
    Kind("thành phố trực thuộc trung ương", "thành phố", Tier.PROVINCE),
    Kind("xã", "xã", Tier.COMMUNE),
    Kind("phường", "phường", Tier.COMMUNE),
    Kind("đặc khu", "đặc khu", Tier.COMMUNE),
    Kind("sở", "Sở", Tier.DEPARTMENT, "Giám đốc"),
    Kind("ban", "Ban", Tier.DEPARTMENT, "Trưởng ban"),
    Kind("văn phòng", "Văn phòng", Tier.DEPARTMENT, "Chánh Văn phòng"),
    Kind("thanh tra", "Thanh tra", Tier.DEPARTMENT, "Chánh Thanh tra"),
    Kind("huyện", "huyện", Tier.DISTRICT, current=False),
    Kind("quận", "quận", Tier.DISTRICT, current=False),
    Kind("thị xã", "thị xã", Tier.DISTRICT, current=False),
    Kind("thành phố thuộc tỉnh", "thành phố", Tier.DISTRICT, current=False),
    Kind("thị trấn", "thị trấn", Tier.COMMUNE, current=False),
    Kind("phòng", "Phòng", Tier.DEPARTMENT, "Trưởng phòng", current=False),
)

# Kind word → tier, for the words that name one tier only (every word but "thành phố").
UNIT_KINDS: dict[str, Tier] = {k.word: k.tier for k in KINDS if k.word != "thành phố"}
# The order kind words are listed in running text ("các xã, phường, đặc khu",
# "các huyện, thị xã, thành phố").
KIND_ORDER: tuple[str, ...] = ("tỉnh", "xã", "phường", "đặc khu", "thị trấn", "huyện", "quận",
                               "thị xã", "thành phố", "Sở", "Ban", "Văn phòng", "Thanh tra",
                               "Phòng")
_AMBIGUOUS = "thành phố"


def parse_kind(text: str) -> Kind:
    """The kind an official typed (``xã``, ``Thành phố trực thuộc trung ương``, ``Sở``).

    Raises ``ValueError`` with a Vietnamese message; plain ``thành phố`` is refused because it
    names a province-level city and, before July 2025, a district-level one.
    """
    wanted = clean(text).lower()
    for kind in KINDS:
        if wanted in (kind.name, kind.word.lower()) and wanted != _AMBIGUOUS:
            return kind
    if wanted == _AMBIGUOUS:
        raise ValueError("«thành phố» có ở hai cấp: ghi «thành phố trực thuộc trung ương» "
                         "(cấp tỉnh) hoặc «thành phố thuộc tỉnh» (cấp huyện, trước 01/7/2025)")
    raise ValueError(f"loại đơn vị {text!r} không hợp lệ, phải là một trong: "
                     f"{', '.join(k.name for k in KINDS)}")


@dataclass(frozen=True)
class Signer:
    """Who signs: the name, the title (``Chủ tịch``, ``Phó Giám đốc``), and whether it is a
    deputy signing for the head (``KT. CHỦ TỊCH``)."""

    name: str
    title: str = "Chủ tịch"
    deputy: bool = False


@dataclass(frozen=True)
class Unit:
    """A body that issues reports: a People's Committee, or a department.

    ``code`` is the stable identifier (``xa-cam-giang``, ``^[a-z0-9-]+$``); ``kind`` the kind
    word (``xã``, ``thành phố``, ``Sở``) and ``level`` its tier where the word alone does not
    tell (``thành phố``; empty means the tier the word names, and ``thành phố`` without a level
    is the district-level city it meant before July 2025); ``name`` the proper name
    (``Cẩm Giàng``, ``Nội vụ``); ``superior`` the header line above the issuing body as the
    official set it (empty: what the unit's place gives, see :attr:`header_superior`);
    ``parent`` the code of the unit it reports to. ``official_code`` is the state's code of
    the division; ``symbol`` the issuing body's part of document symbols (empty: derived);
    ``predecessors`` the codes of the units merged into this one on ``formed``.

    ``parent_kind``, ``parent_name``, ``child_kinds`` (the kinds of the units reporting to
    this one in the report's period) and ``predecessor_labels`` (how the units it was formed
    from are named, ``xã Quân Hà``, in the order of ``predecessors``) describe the unit's
    place; the store fills them in and data files may carry them. They are never stored with
    the unit.
    """

    code: str
    kind: str
    name: str
    province: str
    place: str
    signer: Signer
    superior: str = ""
    parent: str = ""
    recipients: tuple[str, ...] = field(default_factory=tuple)
    archive: str = "VT"
    level: str = ""
    official_code: str = ""
    symbol: str = ""
    predecessors: tuple[str, ...] = ()
    formed: dt.date | None = None
    parent_kind: str = ""
    parent_name: str = ""
    child_kinds: tuple[str, ...] = ()
    predecessor_labels: tuple[str, ...] = ()

    @property
    def tier(self) -> Tier:
        if self.level:
            return Tier(self.level)
        if self.kind == _AMBIGUOUS:
            return Tier.DISTRICT
        return UNIT_KINDS[self.kind]

    @property
    def merged_on(self) -> dt.date | None:
        """The day the unit was formed from its predecessors (a merger without a recorded
        date is taken to be the two-level reform of 1 July 2025); ``None`` when not merged."""
        return (self.formed or TWO_LEVEL_FROM) if self.predecessors else None

    @property
    def kind_info(self) -> Kind:
        """The :class:`Kind` of this unit (its full name, head's title, whether current)."""
        return next(k for k in KINDS if k.word == self.kind and k.tier is self.tier)

    @property
    def is_committee(self) -> bool:
        """Whether the unit is a People's Committee (else a department)."""
        return self.tier is not Tier.DEPARTMENT

    @property
    def aggregates(self) -> bool:
        """Whether other units report to this one and it rolls their figures up."""
        return self.tier in (Tier.PROVINCE, Tier.DISTRICT)

    @property
    def label(self) -> str:
        """``xã Cẩm Giàng``, ``đặc khu Phú Quốc``, ``Sở Nội vụ``: as running text names it."""
        return f"{self.kind} {self.name}"

    @property
    def body(self) -> str:
        """``Ủy ban nhân dân xã Cẩm Giàng``; a department is its own body (``Sở Nội vụ``)."""
        return f"Ủy ban nhân dân {self.label}" if self.is_committee else self.label

    @property
    def short_body(self) -> str:
        """``UBND xã Cẩm Giàng``; ``Sở Nội vụ``."""
        return f"UBND {self.label}" if self.is_committee else self.label

    @property
    def collective(self) -> str:
        """The body a collective signature is on behalf of (``TM. ỦY BAN NHÂN DÂN``); empty
        for a department, whose head signs in his own right."""
        return "Ủy ban nhân dân" if self.is_committee else ""

    @property
    def head_title(self) -> str:
        """``Chủ tịch``, ``Giám đốc``: whom a deputy signs for (``KT. GIÁM ĐỐC``)."""
        return self.kind_info.head

    @property
    def doc_symbol(self) -> str:
        """The issuer's part of a document symbol: ``UBND``, ``SNV`` (Sở Nội vụ)."""
        if self.symbol:
            return self.symbol
        return "UBND" if self.is_committee else initials(self.label)

    @property
    def parent_label(self) -> str:
        """``tỉnh Thái Nguyên``; empty when the parent is not known."""
        return f"{self.parent_kind} {self.parent_name}" if self.parent_name else ""

    @property
    def header_superior(self) -> str:
        """The header line above the issuing body: as set, else for a department its parent's
        People's Committee (Decree 30 prints the chủ quản); People's Committees print none."""
        if self.superior:
            return self.superior
        if not self.is_committee and self.parent_label:
            return f"UBND {self.parent_label}"
        return ""


def superior_kind(unit: Unit, start: dt.date) -> str:
    """The kind word of the level ``unit`` reports to for a period starting on ``start``
    (``tỉnh``, ``thành phố``, ``huyện``): its parent's when known, else what its tier reported
    to then (a commune: the district before 1 July 2025, the province since); empty for a
    province."""
    if unit.parent_kind:
        return unit.parent_kind
    if unit.tier is Tier.PROVINCE:
        return ""
    if unit.tier is Tier.COMMUNE and start < TWO_LEVEL_FROM:
        return "huyện"
    return "tỉnh"


# Words left out of an abbreviation (Sở Giáo dục và Đào tạo → SGDĐT).
_CONNECTORS = {"và", "của", "các"}


def initials(label: str) -> str:
    """``Sở Nội vụ`` → ``SNV``: the first letter of each word, in capitals."""
    return "".join(word[0].upper() for word in label.split()
                   if word.lower() not in _CONNECTORS)


def unit_code(kind: str, name: str) -> str:
    """A stable ASCII code from the kind and name: ``xã``, ``Cẩm Giàng`` → ``xa-cam-giang``."""
    return "-".join(re.findall(r"[a-z0-9]+", without_marks(f"{kind} {name}").lower()))


def twin_of(unit: Unit, others: Iterable[Unit]) -> Unit | None:
    """The unit of ``others`` that ``unit``, under another code, would duplicate: the same
    kind and name under the same parent (a commune's file sent under another code would be
    a second commune, summed twice). Two communes the official list tells apart by their
    codes, and a unit and its predecessor of the same name ("xã Chợ Mới (cũ)"), are not."""
    for other in others:
        if other.code == unit.code or other.kind != unit.kind or other.parent != unit.parent \
                or other.name.casefold() != unit.name.casefold():
            continue
        if unit.official_code and other.official_code and \
                unit.official_code != other.official_code:
            continue
        if other.code in unit.predecessors or unit.code in other.predecessors:
            continue
        return other
    return None


def twin_problem(unit: Unit, twin: Unit) -> str:
    """Why ``unit`` is refused as a second ``twin``, naming the first."""
    where = f" trực thuộc {twin.parent}" if twin.parent else ""
    return (f"đã có {twin.label} mã {twin.code}{where}; mã {unit.code} sẽ là đơn vị thứ hai "
            f"cùng tên: dùng mã {twin.code}, hoặc đổi tên đơn vị nếu đây thật là đơn vị khác")

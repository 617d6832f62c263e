"""Reporting units: communes (xã, phường, thị trấn) and districts (huyện, quận, thị xã,
thành phố)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from drafter.vi.text import without_marks


class Tier(StrEnum):
    COMMUNE = "commune"
    DISTRICT = "district"


# Vietnamese kind word of a unit → its tier.
UNIT_KINDS: dict[str, Tier] = {
    "xã": Tier.COMMUNE,
    "phường": Tier.COMMUNE,
    "thị trấn": Tier.COMMUNE,
    "huyện": Tier.DISTRICT,
    "quận": Tier.DISTRICT,
    "thị xã": Tier.DISTRICT,
    "thành phố": Tier.DISTRICT,
}


@dataclass(frozen=True)
class Signer:
    """Who signs: ``TM. ỦY BAN NHÂN DÂN`` / ``CHỦ TỊCH``, or for a deputy ``KT. CHỦ TỊCH``."""

    name: str
    title: str = "Chủ tịch"
    deputy: bool = False


@dataclass(frozen=True)
class Unit:
    """A People's Committee that issues reports.

    ``code`` is the stable identifier (``xa-cam-giang``); ``kind`` the Vietnamese kind word
    (``xã``); ``name`` the proper name (``Cẩm Giàng``); ``superior`` the body printed above the
    issuing body in the header (empty where Decree 30 prints none); ``parent`` the code of the
    district a commune reports to.
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

    @property
    def tier(self) -> Tier:
        return UNIT_KINDS[self.kind]

    @property
    def label(self) -> str:
        """``xã Cẩm Giàng``, as running text names the unit."""
        return f"{self.kind} {self.name}"

    @property
    def body(self) -> str:
        """``Ủy ban nhân dân xã Cẩm Giàng``."""
        return f"Ủy ban nhân dân {self.label}"

    @property
    def short_body(self) -> str:
        """``UBND xã Cẩm Giàng``."""
        return f"UBND {self.label}"


def unit_code(kind: str, name: str) -> str:
    """A stable ASCII code from the kind and name: ``xã``, ``Cẩm Giàng`` → ``xa-cam-giang``."""
    return "-".join(re.findall(r"[a-z0-9]+", without_marks(f"{kind} {name}").lower()))

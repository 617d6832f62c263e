"""Template packs: a versioned directory of catalogue, rules and Jinja templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from drafter.domain.assessment_rules import AssessmentRules, build_assessment_rules
from drafter.domain.catalogue import Catalogue, build_catalogue
from drafter.domain.check_rules import CheckRules, build_rules
from drafter.domain.phrases import Phrases, build_phrases
from drafter.domain.ranking import RankingRules, build_ranking_rules
from drafter.domain.standings import StandingRule, build_standings
from drafter.errors import PackError
from drafter.packs.schema import read_pack_files, read_pack_text
from drafter.resources import builtin_pack_dir

# A pack's name and version go into every DOCX's properties (255 characters at most there).
MAX_NAME = 100


@dataclass(frozen=True)
class Band:
    """Wording chosen when a figure is at least ``min``."""

    min: Decimal
    text: str


@dataclass
class TemplatePack:
    """A loaded pack. ``bands`` hold the threshold wording declared in ``rules.toml``,
    ``checks`` the cross-field checks and their messages from ``checks.toml``, ``ranking``
    the fields and classes of the communes' yearly index from ``ranking.toml``, ``assessment``
    the evidence rules of III. Đánh giá chung from ``assessment.toml``, ``phrases`` the
    standard sentences an official picks per sub-item from ``phrases.toml``, ``standings``
    the rates (and targets) on which an aggregating report names its units, from
    ``rules.toml``."""

    path: Path
    name: str
    version: str
    settings: dict[str, Any]
    abbreviations: dict[str, str]
    catalogue: Catalogue
    bands: dict[str, list[Band]] = field(default_factory=dict)
    checks: CheckRules = field(default_factory=CheckRules)
    ranking: RankingRules | None = None
    assessment: AssessmentRules = field(default_factory=AssessmentRules)
    phrases: Phrases = field(default_factory=Phrases)
    standings: dict[str, StandingRule] = field(default_factory=dict)

    @property
    def template_dir(self) -> Path:
        return self.path / "templates"

    @property
    def leading_zero(self) -> bool:
        return bool(self.settings.get("leading_zero", True))

    @property
    def missing_cell(self) -> str:
        """What a table cell shows for a figure not entered."""
        return str(self.settings.get("missing_cell", "-"))

    @property
    def undefined_note(self) -> str:
        """What a table shows for a 0/0 rate."""
        return str(self.settings.get("rate_undefined_note", "Chưa phát sinh"))

    def band(self, name: str, value: Decimal | int) -> str:
        """The wording of the first band (highest ``min`` first) that ``value`` reaches."""
        try:
            bands = self.bands[name]
        except KeyError:
            raise PackError(f"bộ mẫu không khai báo ngưỡng: {name}") from None
        for band in bands:
            if Decimal(value) >= band.min:
                return band.text
        raise PackError(f"ngưỡng {name} không có mức cho giá trị {value}")


def load_pack(path: Path) -> TemplatePack:
    """Load and cross-check a pack directory; any problem is a :class:`PackError` (the first
    one; ``drafter pack check`` lists them all)."""
    if not path.is_dir():
        raise PackError(f"không có thư mục bộ mẫu {path}")
    docs, problems = read_pack_files(path)
    if problems:
        more = f" (và {len(problems) - 1} lỗi khác; xem: drafter pack check {path})" \
            if len(problems) > 1 else ""
        raise PackError(f"bộ mẫu {path}: {problems[0]}{more}")
    try:
        return _build(path, docs)
    except PackError as exc:
        raise PackError(f"bộ mẫu {path}: {exc}") from None
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise PackError(f"bộ mẫu {path}: giá trị không hợp lệ ({exc!r})") from None


def _build(path: Path, docs: dict[str, dict[str, Any]]) -> TemplatePack:
    meta = docs["pack.toml"]
    catalogue = build_catalogue(docs["catalogue.toml"], docs["appendix.toml"])
    bands = {
        name: sorted(
            (Band(Decimal(str(b["min"])), str(b["text"])) for b in raw),
            key=lambda band: band.min,
            reverse=True,
        )
        for name, raw in docs["rules.toml"].get("bands", {}).items()
    }
    read_pack_text(path, "templates/document.j2")  # there, and a regular file
    name, version = str(meta.get("name", path.name)), str(meta.get("version", "0"))
    if len(name) > MAX_NAME or len(version) > MAX_NAME:
        raise PackError(f"pack.toml: tên và phiên bản không quá {MAX_NAME} ký tự")
    return TemplatePack(
        path=path.resolve(),
        name=name,
        version=version,
        settings=dict(meta.get("settings", {})),
        abbreviations=dict(meta.get("abbreviations", {})),
        catalogue=catalogue,
        bands=bands,
        checks=build_rules(docs["checks.toml"], catalogue),
        ranking=build_ranking_rules(docs["ranking.toml"]),
        # Packs made before assessment.toml existed still load (with no evidence rules).
        assessment=build_assessment_rules(docs.get("assessment.toml", {}), catalogue),
        # Packs made before phrases.toml existed offer none.
        phrases=build_phrases(docs.get("phrases.toml", {}), catalogue),
        standings=build_standings(docs["rules.toml"], catalogue),
    )


@cache
def builtin_pack() -> TemplatePack:
    """The built-in pack, loaded once per process."""
    return load_pack(builtin_pack_dir())

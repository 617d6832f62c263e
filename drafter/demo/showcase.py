"""The bundled demo: a commune and a district of 2024 (before the two-level reform), and a
province of 2026 — tỉnh Thái Nguyên with its communes from the official list, one of them
formed by a merger, and its departments — with their reports, the province's report
aggregated from them, and the rankings of its communes and departments its Sở Nội vụ
issues; and the commune's report of every other built-in kind (its pack's samples). Built
in its own database, never the user's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from drafter.api import demo_files, render_to_file, save_document
from drafter.datafile import load_report
from drafter.datafile.content import load_content
from drafter.demo.sample import detailed_scores, varied_reports
from drafter.domain.periods import Period, PeriodKind
from drafter.domain.report import Report, Status
from drafter.domain.units import Signer, Tier, Unit, parse_kind, unit_code
from drafter.office.aggregation import aggregate
from drafter.office.index import make_ranking
from drafter.packs.kinds import builtin_packs
from drafter.packs.load import TemplatePack
from drafter.packs.tools import SAMPLES
from drafter.records.workflow import comparisons, mark_final
from drafter.resources import demo_dir
from drafter.storage import Store
from drafter.units.registry import load_official, register

PROVINCE, COMMUNE = "tinh-thai-nguyen", "xa-bach-thong"
JUSTICE = f"so-tu-phap-{PROVINCE}"
# The communes (departments) whose generated report is still a draft, or was not sent, by
# their place in the list.
COMMUNE_DRAFTS, COMMUNES_MISSING = (16, 43, 70), (59,)
DEPARTMENT_DRAFTS, DEPARTMENTS_MISSING = (8,), (11,)
# The province's departments: kind, name, the symbol of their documents.
DEPARTMENTS = (
    ("văn phòng", "UBND tỉnh", "VP"), ("thanh tra", "tỉnh", "TTr"), ("sở", "Nội vụ", "SNV"),
    ("sở", "Tư pháp", "STP"), ("sở", "Tài chính", "STC"), ("sở", "Công Thương", "SCT"),
    ("sở", "Nông nghiệp và Môi trường", "SNNMT"), ("sở", "Xây dựng", "SXD"),
    ("sở", "Khoa học và Công nghệ", "SKHCN"), ("sở", "Giáo dục và Đào tạo", "SGDĐT"),
    ("sở", "Y tế", "SYT"), ("sở", "Văn hóa, Thể thao và Du lịch", "SVHTTDL"),
    ("sở", "Dân tộc và Tôn giáo", "SDTTG"), ("sở", "Ngoại vụ", "SNgV"),
    ("ban", "Quản lý các khu công nghiệp tỉnh", "BQL"),
)
# The departments' index totals, in the order of their codes (Sở Tư pháp's 2025 is the
# 88,42 its report cites, 3rd of 15).
DEPARTMENT_TOTALS = {
    2024: [Decimal(v) for v in ("86.12", "79.35", "88.40", "83.07", "90.15", "81.66", "84.93",
                                "87.21", "82.74", "85.48", "89.02", "80.11", "76.83",
                                "88.95", "84.20")],
    2025: [Decimal(v) for v in ("87.65", "81.20", "85.37", "84.61", "91.48", "83.95", "82.16",
                                "86.73", "80.54", "88.42", "90.26", "84.08", "78.91",
                                "86.10", "87.04")],
}
SIGNERS = ("Nguyễn Văn Hải", "Trần Thị Mai", "Lê Minh Tuấn", "Phạm Thu Hà", "Hoàng Văn Đức",
           "Đặng Thị Lan", "Vũ Quốc Hưng", "Bùi Thị Ngọc", "Đỗ Văn Thắng", "Ngô Thị Hồng")
PREDECESSORS = {"xa-quan-ha": "Quân Hà", "xa-nguyen-phuc": "Nguyên Phúc",
                "xa-my-thanh": "Mỹ Thanh"}


def build_demo(store: Store, out_dir: Path, pack: TemplatePack) -> Iterator[Path]:
    """Fill ``store`` with the demo and write its DOCX files (and text previews) into
    ``out_dir``; yields each file as it is written."""
    for path in demo_files():
        store.save_report(load_report(path, pack.catalogue))
    for path in demo_files():
        report = load_report(path, pack.catalogue)
        stored = store.find(report.unit.code, report.period)
        assert stored is not None
        previous, last_year = comparisons(store, stored, pack)
        yield render_to_file(stored, out_dir / f"{path.stem}.docx", previous=previous,
                             last_year=last_year, pack=pack, text=True)
    yield from _two_levels(store, out_dir, pack)
    yield from _other_kinds(store, out_dir, pack)


def _other_kinds(store: Store, out_dir: Path, pack: TemplatePack) -> Iterator[Path]:
    """The sample reports of every other built-in kind (the commune's report on tiếp công
    dân, giải quyết khiếu nại, tố cáo …), stored beside the CCHC ones and rendered."""
    for other in builtin_packs():
        if other.kind == pack.kind:
            continue
        kind_store = Store(store.engine, pack=other)
        for path in sorted((other.path / SAMPLES).glob("*.toml")):
            report = load_report(path, other.catalogue)
            kind_store.save_report(report)
            stored = kind_store.find(report.unit.code, report.period)
            assert stored is not None
            previous, last_year = comparisons(kind_store, stored, other)
            yield render_to_file(stored, out_dir / f"{stored.file_stem}.docx",
                                 previous=previous, last_year=last_year, pack=other,
                                 text=True)


def _two_levels(store: Store, out_dir: Path, pack: TemplatePack) -> Iterator[Path]:
    files = demo_dir() / "2026"
    loaded = load_official(store, "Thái Nguyên")
    commune = load_report(files / f"{COMMUNE}-2026-Q1.toml", pack.catalogue)
    justice = load_report(files / "so-tu-phap-2026-Q1.toml", pack.catalogue)
    _history(store, commune.unit)
    departments = _departments(store, justice.unit)
    # The merged commune's profile (its predecessors, the merger date, its signer) is the
    # file's, not the official list's: its next reports start from it.
    store.save_report(commune, update_unit=True)
    # Quarter II, a draft: with quarter I it makes the 6-month report (`report new`).
    store.save_report(load_report(files / f"{COMMUNE}-2026-Q2.toml", pack.catalogue))
    # Imported as an official would: its unit profile (the signer) becomes the province's.
    store.save_report(load_report(files / f"{PROVINCE}-2026-Q1.toml", pack.catalogue),
                      update_unit=True)
    others = [unit for unit in loaded.communes if unit.code != COMMUNE]
    blank = replace(commune, basis=[], documents=[], notes={})
    for index, report in enumerate(varied_reports(blank, others)):
        _save(store, report, index, COMMUNE_DRAFTS, COMMUNES_MISSING)
    store.save_report(justice)
    blank = replace(justice, basis=[], documents=[], notes={}, lists={})
    others = [unit for unit in departments if unit.code != justice.unit.code]
    # The other departments' files are a tenth of the Sở Tư pháp's (lý lịch tư pháp, hộ tịch,
    # chứng thực make most of the province's files): all of them add up to the centre's.
    for index, report in enumerate(varied_reports(blank, others, files=10)):
        _save(store, report, index, DEPARTMENT_DRAFTS, DEPARTMENTS_MISSING)
    rules = pack.ranking
    assert rules is not None
    store.save_scores(2025, detailed_scores(loaded.communes, rules))
    for year, totals in DEPARTMENT_TOTALS.items():
        store.save_scores(year, detailed_scores(departments, rules, totals))
    period = commune.period
    for code in (COMMUNE, justice.unit.code):
        stored = store.find(code, period)
        assert stored is not None
        previous, last_year = comparisons(store, stored, pack)
        yield render_to_file(stored, out_dir / f"{code}-{period.code}.docx", previous=previous,
                             last_year=last_year, pack=pack, text=True)
    result = aggregate(store, PROVINCE, period, pack=pack)
    report_id = store.save_report(result.report)
    # Made final over the communes' reports still in draft: confirmed, and recorded so.
    final = mark_final(store, report_id, over_drafts=True)
    previous, last_year = comparisons(store, final, pack)
    yield render_to_file(final, out_dir / f"{PROVINCE}-{period.code}.docx",
                         previous=previous, last_year=last_year, pack=pack, text=True,
                         rollup=result.rollup)
    content = load_content(files / "xep-hang-2025.toml")
    ranking = make_ranking(store, PROVINCE, 2025, pack, content)
    yield save_document(ranking.document, out_dir / f"xep-hang-chi-so-cchc-2025-{PROVINCE}.docx",
                        text=True)
    content = load_content(files / "xep-hang-so-nganh-2025.toml")
    ranking = make_ranking(store, PROVINCE, 2025, pack, content, departments=True)
    yield save_document(ranking.document,
                        out_dir / f"xep-hang-chi-so-cchc-2025-so-nganh-{PROVINCE}.docx", text=True)


def _save(store: Store, report: Report, index: int, drafts: tuple[int, ...],
          missing: tuple[int, ...]) -> None:
    """A generated report stored as its signer would leave it: final, or (``drafts``) still
    a draft, or (``missing``) not sent."""
    if index in missing:
        return
    signer = Signer(SIGNERS[index % len(SIGNERS)], report.unit.signer.title or "Chủ tịch")
    status = Status.DRAFT if index in drafts else Status.FINAL
    store.save_report(replace(report, unit=replace(report.unit, signer=signer),
                              status=status))


def _departments(store: Store, justice: Unit) -> list[Unit]:
    """The province's departments (sở, ban, ngành), the Sở Nội vụ and Sở Tư pháp among them."""
    units = [Unit(code=f"{unit_code(kind, name)}-{PROVINCE}", kind=parse_kind(kind).word,
                  level="department", name=name, province="Thái Nguyên", place="Thái Nguyên",
                  parent=PROVINCE, signer=Signer("", parse_kind(kind).head), symbol=symbol,
                  archive="VT") for kind, name, symbol in DEPARTMENTS]
    register(store, [unit for unit in units
                     if unit.code not in (justice.code, f"so-noi-vu-{PROVINCE}")])
    register(store, [justice])
    return sorted((unit for unit in store.units() if unit.parent == PROVINCE
                   and unit.tier is Tier.DEPARTMENT), key=lambda unit: unit.code)


def _history(store: Store, merged: Unit) -> None:
    """The Sở Nội vụ, and the communes xã Bạch Thông was formed from on 1 July 2025 with
    their reports of quarters I and II of 2025 (what its same periods last year compare
    with)."""
    register(store, [Unit(code=f"so-noi-vu-{PROVINCE}", kind="Sở", level="department",
                          name="Nội vụ", province="Thái Nguyên", place="Thái Nguyên",
                          parent=PROVINCE, signer=Signer("Đỗ Thị Lan", "Phó Giám đốc", True),
                          recipients=("UBND tỉnh (b/c)", "UBND các xã, phường"),
                          archive="VT, CCHC")])
    old = [replace(merged, code=code, name=name, parent="", official_code="", predecessors=(),
                   formed=None, recipients=()) for code, name in PREDECESSORS.items()]
    register(store, old)
    for quarter, end in ((1, dt.date(2025, 3, 14)), (2, dt.date(2025, 6, 14))):
        demo_2024 = load_report(next(demo_dir().glob(f"xa-*-2024-Q{quarter}.toml")))
        start = demo_2024.data_from.replace(year=demo_2024.data_from.year + 1) \
            if demo_2024.data_from else None
        for unit in old:
            store.save_report(replace(demo_2024, unit=unit, period=Period(2025, PeriodKind.QUARTER,
                                                                          quarter),
                                      basis=[], documents=[], date=end, data_from=start,
                                      data_to=end, number=None))

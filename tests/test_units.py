"""Units since July 2025: kinds and tiers, labels, issuing body and signature, and their place
in the structure as the store fills it in."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from drafter.datafile import dump_report, load_report
from drafter.domain.periods import Period
from drafter.domain.report import Report
from drafter.domain.structure import children, kinds_of, ranked_tier
from drafter.domain.units import Signer, Tier, Unit, parse_kind
from drafter.narrative import render
from drafter.narrative.blocks import Header, Signoff
from drafter.storage import Store, connect
from drafter.writer.text import to_text

SIGNER = Signer("Nguyễn Văn A")


def unit(code: str, kind: str, name: str, parent: str = "", **extra: object) -> Unit:
    info = parse_kind(kind)
    made = Unit(code=code, kind=info.word, level=info.tier.value, name=name,
                province="Thái Nguyên", place=name, signer=Signer("Nguyễn Văn A", info.head),
                parent=parent)
    return replace(made, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(("typed", "word", "tier"), [
    ("xã", "xã", Tier.COMMUNE), ("Phường", "phường", Tier.COMMUNE),
    ("đặc khu", "đặc khu", Tier.COMMUNE), ("tỉnh", "tỉnh", Tier.PROVINCE),
    ("Thành phố trực thuộc trung ương", "thành phố", Tier.PROVINCE),
    ("thành phố thuộc tỉnh", "thành phố", Tier.DISTRICT), ("huyện", "huyện", Tier.DISTRICT),
    ("thị trấn", "thị trấn", Tier.COMMUNE), ("Sở", "Sở", Tier.DEPARTMENT),
])
def test_kinds_name_their_tier(typed: str, word: str, tier: Tier) -> None:
    kind = parse_kind(typed)
    assert (kind.word, kind.tier) == (word, tier)


def test_plain_thanh_pho_is_ambiguous_and_refused() -> None:
    with pytest.raises(ValueError, match="thành phố trực thuộc trung ương"):
        parse_kind("thành phố")
    with pytest.raises(ValueError, match="phải là một trong"):
        parse_kind("làng")


def test_labels_and_bodies() -> None:
    hanoi = unit("thanh-pho-ha-noi", "thành phố trực thuộc trung ương", "Hà Nội")
    assert (hanoi.tier, hanoi.label, hanoi.short_body) == (
        Tier.PROVINCE, "thành phố Hà Nội", "UBND thành phố Hà Nội")
    assert unit("dk", "đặc khu", "Phú Quốc").label == "đặc khu Phú Quốc"
    assert unit("p", "phường", "Sông Cầu").body == "Ủy ban nhân dân phường Sông Cầu"
    snv = unit("so-noi-vu", "sở", "Nội vụ", parent="tinh-thai-nguyen",
               parent_kind="tỉnh", parent_name="Thái Nguyên")
    assert (snv.body, snv.short_body, snv.doc_symbol, snv.collective) == (
        "Sở Nội vụ", "Sở Nội vụ", "SNV", "")
    assert snv.header_superior == "UBND tỉnh Thái Nguyên"
    assert unit("sgd", "sở", "Giáo dục và Đào tạo").doc_symbol == "SGDĐT"
    # A People's Committee prints no superior line unless one is set.
    commune = unit("x", "xã", "An", parent="t", parent_kind="tỉnh", parent_name="X")
    assert commune.header_superior == ""
    # A legacy stored "thành phố" without a level is the district-level city it meant.
    old = Unit("thanh-pho-bac-kan", "thành phố", "Bắc Kạn", "Bắc Kạn", "Bắc Kạn", SIGNER)
    assert old.tier is Tier.DISTRICT


def _rendered(report: Report) -> tuple[Header, Signoff, str]:
    document = render(report)
    header = next(b for b in document.blocks if isinstance(b, Header))
    signoff = next(b for b in document.blocks if isinstance(b, Signoff))
    return header, signoff, to_text(document)


def test_a_department_issues_and_signs_in_its_own_right(commune_q1: Report) -> None:
    snv = unit("so-noi-vu-thai-nguyen", "sở", "Nội vụ", parent="tinh-thai-nguyen",
               parent_kind="tỉnh", parent_name="Thái Nguyên",
               signer=Signer("Trần Thị B", "Phó Giám đốc", deputy=True))
    header, signoff, text = _rendered(replace(commune_q1, unit=snv, basis=[]))
    assert (header.superior, header.issuer) == ("UBND TỈNH THÁI NGUYÊN", "SỞ NỘI VỤ")
    assert header.number == "Số: 18/BC-SNV" and "BC-UBND" not in text
    assert (signoff.authority, signoff.signer) == (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Trần Thị B")
    assert "TM." not in text
    assert "Sở Nội vụ báo cáo kết quả" in text


def test_a_commune_signs_on_behalf_of_its_committee(commune_q1: Report) -> None:
    deputy = replace(commune_q1.unit, signer=Signer("Lê C", "Phó Chủ tịch", deputy=True))
    header, signoff, _ = _rendered(replace(commune_q1, unit=deputy))
    assert signoff.authority == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert signoff.signer == "Lê C" and header.number == "Số: 18/BC-UBND"


def test_children_follow_mergers_and_the_reform() -> None:
    province = unit("tinh-tn", "tỉnh", "Thái Nguyên")
    district = unit("huyen-a", "huyện", "A", parent="tinh-tn")
    old = [unit(f"xa-{n}", "xã", n, parent="tinh-tn") for n in ("b", "c")]
    town = unit("thi-tran-d", "thị trấn", "D", parent="tinh-tn")
    new = unit("phuong-e", "phường", "E", parent="tinh-tn", predecessors=("xa-b", "xa-c"),
               formed=dt.date(2025, 7, 1))
    island = unit("dac-khu-f", "đặc khu", "F", parent="tinh-tn", formed=dt.date(2025, 7, 1))
    dept = unit("so-nv", "sở", "Nội vụ", parent="tinh-tn")
    everyone = [province, district, *old, town, new, island, dept]
    before = children(everyone, province, Period.parse("2024-Q4"))
    assert [u.code for u in before] == ["huyen-a", "thi-tran-d", "xa-b", "xa-c"]
    after = children(everyone, province, Period.parse("2026-Q1"))
    assert [u.code for u in after] == ["dac-khu-f", "phuong-e"]
    assert kinds_of(after) == ("phường", "đặc khu")
    assert kinds_of(before) == ("xã", "thị trấn", "huyện")
    assert [u.code for u in children(everyone, province, tiers=(Tier.DEPARTMENT,))] == ["so-nv"]
    assert ranked_tier(before, Period.parse("2024")) is Tier.DISTRICT
    assert ranked_tier(after, Period.parse("2026")) is Tier.COMMUNE


def test_the_store_fills_in_the_units_place(db_url: str, commune_q1: Report) -> None:
    store = Store(connect(db_url))
    province = unit("tinh-thai-nguyen", "tỉnh", "Thái Nguyên")
    store.save_units([province, unit("phuong-a", "phường", "A", parent=province.code),
                      unit("xa-b", "xã", "B", parent=province.code),
                      unit("so-noi-vu", "sở", "Nội vụ", parent=province.code)])
    placed = store.unit("tinh-thai-nguyen")
    assert placed is not None and placed.child_kinds == ("xã", "phường")
    snv = store.unit("so-noi-vu")
    assert snv is not None and snv.header_superior == "UBND tỉnh Thái Nguyên"
    report_id = store.save_report(replace(commune_q1, unit=replace(
        commune_q1.unit, code="xa-b", parent=province.code, superior="")))
    assert store.get(report_id).unit.parent_label == "tỉnh Thái Nguyên"


def test_a_report_file_never_erases_the_units_place(db_url: str, tmp_path: Path,
                                                    commune_q1: Report) -> None:
    store = Store(connect(db_url))
    merged = replace(commune_q1.unit, predecessors=("xa-a", "xa-b"), formed=dt.date(2025, 7, 1),
                     official_code="05443", symbol="UBND")
    store.save_unit(merged)
    store.save_report(commune_q1)  # its unit, as a data file gives it, knows none of that
    kept = store.unit(commune_q1.unit.code)
    assert kept is not None
    assert (kept.predecessors, kept.formed, kept.official_code) == (
        ("xa-a", "xa-b"), dt.date(2025, 7, 1), "05443")
    # A data file carries the place and reads it back.
    path = tmp_path / "r.toml"
    path.write_text(dump_report(replace(commune_q1, unit=kept)), encoding="utf-8")
    assert load_report(path).unit == kept


def test_unit_structure_migration_upgrades_an_older_database(tmp_path: Path,
                                                              commune_q1: Report) -> None:
    path = tmp_path / "old.sqlite"
    Store(connect(f"sqlite:///{path}")).save_report(commune_q1)
    with sqlite3.connect(path) as old:  # as it was before 0010
        for column in ("level", "official_code", "symbol", "predecessors", "formed"):
            old.execute(f"ALTER TABLE units DROP COLUMN {column}") if column != "official_code" \
                else (old.execute("DROP INDEX ix_units_official_code"),
                      old.execute("ALTER TABLE units DROP COLUMN official_code"))
        old.execute("DELETE FROM migrations WHERE name = '0010_unit_structure'")
    store = Store(connect(f"sqlite:///{path}"))
    again = store.find(commune_q1.unit.code, commune_q1.period)
    assert again is not None and again.unit.tier is Tier.COMMUNE
    store.save_unit(replace(again.unit, predecessors=("xa-x",)))
    kept = store.unit(commune_q1.unit.code)
    assert kept is not None and kept.predecessors == ("xa-x",)

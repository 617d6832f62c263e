"""The unit registry from the command line: add, edit, list, import; every rule one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter.cli.main import main
from drafter.domain.units import Tier
from drafter.storage import Store, connect


def _run(db_url: str, *args: str) -> int:
    return main(["--db", db_url, "unit", *args])


def test_add_edit_and_list(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(db_url, "add", "--kind", "thành phố trực thuộc trung ương", "--name", "Huế",
                "--signer", "Nguyễn Văn A") == 0
    assert _run(db_url, "add", "--kind", "phường", "--name", "Phường Thuận Hóa",
                "--parent", "thanh-pho-hue") == 0
    assert _run(db_url, "add", "--kind", "Sở", "--name", "Nội vụ", "--parent",
                "thanh-pho-hue", "--signer", "Trần B") == 0
    store = Store(connect(db_url))
    hue, ward, snv = (store.unit(c) for c in ("thanh-pho-hue", "phuong-thuan-hoa",
                                              "so-noi-vu-thanh-pho-hue"))
    assert hue is not None and hue.tier is Tier.PROVINCE and hue.label == "thành phố Huế"
    assert ward is not None and ward.name == "Thuận Hóa" and ward.province == "Huế"
    assert snv is not None and snv.place == "Huế" and snv.signer.title == "Giám đốc"
    assert snv.header_superior == "UBND thành phố Huế"
    assert _run(db_url, "edit", "phuong-thuan-hoa", "--predecessor", "so-noi-vu-thanh-pho-hue",
                "--formed", "01/7/2025") == 0  # registered, though a strange merger
    assert _run(db_url, "edit", "phuong-thuan-hoa", "--signer", "Lê C") == 0
    kept = store.unit("phuong-thuan-hoa")
    assert kept is not None and kept.formed == dt.date(2025, 7, 1)
    assert kept.predecessors == ("so-noi-vu-thanh-pho-hue",) and kept.signer.name == "Lê C"
    capsys.readouterr()
    assert _run(db_url, "list", "--parent", "thanh-pho-hue") == 0
    out = capsys.readouterr().out
    assert "phường Thuận Hóa" in out and "Sở Nội vụ" in out and "Cộng 2 đơn vị." in out


@pytest.mark.parametrize(("args", "message"), [
    (["add", "--kind", "thành phố", "--name", "Huế"], "kind: «thành phố» có ở hai cấp"),
    (["add", "--kind", "xã", "--name", "An", "--parent", "khong-co"],
     "parent: chưa có đơn vị cấp trên mã khong-co"),
    (["add", "--kind", "xã", "--name", "An", "--province", "Huế", "--code", "Xa_An"],
     "code: mã đơn vị «Xa_An» chỉ được gồm"),
    (["add", "--kind", "tỉnh", "--name", "Bắc Hà", "--parent", "tinh-nam-ha"],
     "parent: tỉnh Bắc Hà không thể trực thuộc tỉnh Nam Hà"),
    (["add", "--kind", "xã", "--name", "An", "--parent", "tinh-nam-ha", "--predecessor",
      "xa-khong-co"], "predecessors: chưa có đơn vị trước sắp xếp mã xa-khong-co"),
    (["add", "--kind", "xã", "--name", "An", "--parent", "tinh-nam-ha", "--formed", "1/7/2025"],
     "formed: chỉ ghi ngày sắp xếp khi có đơn vị trước sắp xếp"),
    (["add", "--kind", "tỉnh", "--name", "Nam Hà"], "code: đã có đơn vị mã tinh-nam-ha"),
    (["edit", "xa-khong-co", "--name", "B"], "chưa có đơn vị mã xa-khong-co"),
])
def test_every_rule_is_one_vietnamese_line(db_url: str, capsys: pytest.CaptureFixture[str],
                                           args: list[str], message: str) -> None:
    assert _run(db_url, "add", "--kind", "tỉnh", "--name", "Nam Hà") == 0
    capsys.readouterr()
    assert _run(db_url, *args) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and message in err and err.count("\n") == 1, err


def test_import_from_a_sheet(db_url: str, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "don-vi.csv"
    book.write_text(
        "code,kind,name,parent,predecessors,formed,signer\n"
        'phuong-song-cau,phường,Sông Cầu,tinh-thai-nguyen,"xa-a; xa-b",01/7/2025,Lê Văn D\n'
        "xa-a,xã,A,huyen-cu,,,\n"
        "xa-b,xã,B,huyen-cu,,,\n"
        "huyen-cu,huyện,Cũ,tinh-thai-nguyen,,,\n"
        "tinh-thai-nguyen,tỉnh,Thái Nguyên,,,,\n", encoding="utf-8")
    assert _run(db_url, "import", str(book)) == 0
    assert "Đã nhập 5 đơn vị" in capsys.readouterr().out
    store = Store(connect(db_url))
    ward = store.unit("phuong-song-cau")
    assert ward is not None and ward.predecessors == ("xa-a", "xa-b")
    assert ward.province == "Thái Nguyên" and ward.signer.name == "Lê Văn D"
    # Again with an error: nothing of the file is saved, the row is named.
    bad = tmp_path / "bad.csv"
    bad.write_text("code;kind;name;parent\nxa-c;xã;C;tinh-thai-nguyen\n"
                   "xa-d;làng;D;tinh-thai-nguyen\n", encoding="utf-8")
    assert _run(db_url, "import", str(bad)) == 2
    err = capsys.readouterr().err
    assert "bad.csv: dòng 3: kind: loại đơn vị 'làng' không hợp lệ" in err
    assert store.unit("xa-c") is None


def _stored_district(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from drafter.resources import demo_dir

    for name in ("huyen-dong-son-2024-Q2.toml", "xa-thanh-mai-2024-Q2.toml"):
        assert main(["--db", db_url, "import", str(demo_dir() / name)]) == 0
    capsys.readouterr()


def test_a_commune_under_another_code_is_refused_naming_the_first(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Sent as xa-thanh-mai-1, xã Thanh Mai was a second commune and was summed twice."""
    from drafter.resources import demo_dir

    _stored_district(db_url, capsys)
    renamed = tmp_path / "xa-thanh-mai-1.toml"
    renamed.write_text((demo_dir() / "xa-thanh-mai-2024-Q2.toml").read_text(encoding="utf-8")
                       .replace('code = "xa-thanh-mai"', 'code = "xa-thanh-mai-1"'), "utf-8")
    out = tmp_path / "tong-hop.docx"
    for argv in (["import", str(renamed)],
                 ["aggregate", "--unit", "huyen-dong-son", "--period", "2024-Q2",
                  str(renamed), "--no-save", "-o", str(out)]):
        assert main(["--db", db_url, *argv]) == 2
        err = capsys.readouterr().err
        assert "đã có xã Thanh Mai mã xa-thanh-mai trực thuộc huyen-dong-son" in err, err
    assert [unit.code for unit in Store(connect(db_url)).units()] == \
        ["huyen-dong-son", "xa-thanh-mai"] and not out.exists()


def test_a_unit_with_communes_or_reports_keeps_its_level(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _stored_district(db_url, capsys)
    sheet = tmp_path / "don-vi.csv"
    sheet.write_text("code,kind,name,parent\nhuyen-dong-son,xã,Đông Sơn,\n", encoding="utf-8")
    assert main(["--db", db_url, "unit", "import", str(sheet)]) == 2
    assert "đã có 1 đơn vị trực thuộc, 1 báo cáo" in capsys.readouterr().err
    district = Store(connect(db_url)).unit("huyen-dong-son")
    assert district is not None and district.tier is Tier.DISTRICT
    # A unit that holds nothing yet may still be corrected to another level.
    sheet.write_text("code,kind,name,province\nmoi,huyện,Mới,Bắc Hà\n", encoding="utf-8")
    assert main(["--db", db_url, "unit", "import", str(sheet)]) == 0
    sheet.write_text("code,kind,name,parent\nmoi,tỉnh,Mới,\n", encoding="utf-8")
    assert main(["--db", db_url, "unit", "import", str(sheet)]) == 0, capsys.readouterr().err
    moved = Store(connect(db_url)).unit("moi")
    assert moved is not None and moved.tier is Tier.PROVINCE

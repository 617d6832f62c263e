from pathlib import Path

from drafter.packs.docgen import render_doc
from drafter.packs.load import TemplatePack

DOC = Path(__file__).resolve().parents[1] / "docs" / "data-format.md"


def test_data_format_doc_matches_catalogue(pack: TemplatePack) -> None:
    assert DOC.read_text(encoding="utf-8") == render_doc(pack), "run `make docs`"


def test_every_indicator_key_is_documented(pack: TemplatePack) -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [ind.key for ind in pack.catalogue if f"`{ind.key}`" not in text]
    assert missing == []

"""The parts of ``docs/data-format.md`` about the outline and the official's own words: the
sub-items, phrases to pick, overrides, rates given directly and a province's appendix form
(issue 14). Generated from the pack by :mod:`drafter.packs.docgen`."""

from __future__ import annotations

from drafter.packs.load import TemplatePack

_WORDS = """
## The outline — sections and sub-items

Every section of the report is written sub-item by sub-item, in the catalogue's order
(`catalogue.toml`, `items` of each `[[section]]`, `[[part]]` for III–V). A sub-item is written
when one of its figures is entered, a phrase is picked for it, or a note or document names it;
otherwise it is left out. `[notes]` keys and the `section` of a `[[documents]]` entry may name
a sub-item (`one_stop`) as well as a section (`procedures`): the paragraph or document is then
placed under that sub-item.

{outline}

## `phrases` — standard sentences picked from the pack

The pack's `phrases.toml` offers standard sentences per sub-item, the ones an official would
otherwise type. A report lists the ids it picked (the TUI ticks them); each prints under its
sub-item after the sentences written from the figures, with its slots filled: `{{files_late}}`
a figure as the narrative writes it (`04`, `99,12%`), `{{files_on_time_rate:ratio}}` a rate's
counts (`451/455`), `{{self}}`, `{{office}}`, `{{year}}` … the unit's and period's words. A
phrase the figures contradict (`if_zero`, `if_positive`), or one whose figure is missing, is not
printed and `drafter check` says why. Picked phrases carry to the next period, each marked for
review (`phrase:<id>` in `review`).

    phrases = ["one_stop.kien_toan", "files.xin_loi", "tasks.dvc"]

A pack's phrase (`phrases.toml`):

    [[phrase]]
    id = "files.xin_loi"
    item = "files"
    text = "Đối với {{files_late}} hồ sơ quá hạn, đã xin lỗi người dân, tổ chức bằng văn bản"
    if_positive = "files_late"

The built-in pack's phrases, by sub-item:

{phrases}

## `[overrides]` — the official's own words for a generated sentence

Every generated sentence has a stable id (`[s=ID]…[/s]` in the templates; the TUI preview shows
it). A report may replace a sentence with its own words, or leave it out with `""`. The
replacement is printed as written (never read as layout), keeps the sentence's final full
stop, survives every re-render and carries to the next period marked for review
(`override:<id>`). `drafter check` compares every number in a replacement with the report's
figures (and the numbers of the sentence it replaces): a number no figure gives is a warning on
a draft and an error on a final report, so a final report's own words agree with its data. A
replacement whose sentence the templates no longer write is reported too. In the database an
override is the item list `override:<id>`.

    [overrides]
    "procedures.files" = "Bộ phận Một cửa tiếp nhận 142 hồ sơ, phần lớn là hồ sơ chứng thực"
    "assessment.no_shortcomings" = ""

## `[rates]` — a rate given directly where its counts are unknown

Some sources state only a percentage ("90,4% văn bản điện tử"). A rate of the catalogue may then
be given directly, in %; it is refused when both its counts are entered (rates come from their
counts). The narrative quotes it in a sentence of its own, never beside counts, and the appendix
shows it with the pack's `rate_given_note` in Ghi chú. Stored as figures `given:<key>`; not
carried to the next period.

    [rates]
    e_docs_rate = 90.4

## The province's own appendix form (`appendix.toml` of a pack)

A pack lays out each tier's appendix as the province's statistical form: its rows in its order
and numbering, its columns, a unit and a Ghi chú per row. `columns` lists the form's columns in
order — `field` one of `stt`, `label`, `unit`, `value`, `note`, with its `heading` and relative
`width` (left out: the built-in five). A row names its indicator by `key`; a row without `key` is
a group heading, and one with a `unit` or `sub` but no `key` is an error `drafter pack check`
reports ("không gắn chỉ tiêu nào").

    [commune]
    label = "Phụ lục 2, Bảng 2"
    title = "SỐ LIỆU CẢI CÁCH HÀNH CHÍNH CẤP XÃ"
    columns = [
      {{ field = "stt", heading = "TT", width = 10 }},
      {{ field = "label", heading = "Nội dung", width = 90 }},
      {{ field = "value", heading = "Kết quả", width = 22 }},
      {{ field = "unit", heading = "ĐVT", width = 18 }},
      {{ field = "note", heading = "Ghi chú", width = 30 }},
    ]
    rows = [
      {{ stt = "I", label = "GIẢI QUYẾT HỒ SƠ" }},
      {{ stt = "a", key = "files_received", label = "Hồ sơ tiếp nhận", note = "Cả trực tuyến" }},
      {{ stt = "b", key = "directive_docs", label = "Văn bản chỉ đạo", unit = "VB" }},
    ]
"""


def outline_doc(pack: TemplatePack) -> str:
    """The outline, phrases, overrides, rates and appendix-form sections of the page."""
    catalogue = pack.catalogue
    outline = []
    for section in (*catalogue.outline,):
        outline.append(f"- `{section.id}` — {section.title}: " + ", ".join(
            f"`{item.id}` ({item.title})" for item in section.items))
    phrases = []
    for section in catalogue.outline:
        for item in section.items:
            found = pack.phrases.for_item(item.id)
            if found:
                phrases.append(f"- `{item.id}`: " + ", ".join(f"`{p.id}`" for p in found))
    return _WORDS.format(outline="\n".join(outline), phrases="\n".join(phrases))

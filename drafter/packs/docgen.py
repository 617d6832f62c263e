"""Generate ``docs/data-format.md`` from the catalogue: ``python -m drafter.packs.docgen``."""

from __future__ import annotations

from drafter.domain.indicators import ValueType
from drafter.domain.report import LISTS, NOTE_SECTIONS
from drafter.packs.docgen_outline import outline_doc
from drafter.packs.load import TemplatePack, builtin_pack

_TYPES = {
    ValueType.COUNT: "whole number ≥ 0",
    ValueType.DECIMAL: "number ≥ 0",
    ValueType.MONEY: "number ≥ 0, triệu đồng",
    ValueType.SCORE: "number ≥ 0, points",
    ValueType.BOOL: "true / false",
    ValueType.CHOICE: "one of the options",
    ValueType.RATE: "derived — never entered",
    ValueType.SUM: "derived — never entered",
}

_HEAD = """# The report data file (TOML)

A report is one UTF-8 TOML file. `drafter render FILE -o OUT.docx` renders it without any
database; `drafter report import FILE` stores it; `drafter report export ID -o FILE` writes a
stored report back in this format (lossless). The demo files under `drafter/demo/` are complete
examples. This page is generated from the catalogue (`make docs`); a test keeps it in step.

Every text is normalised on reading: Unicode NFC, one tone-mark style ("hòa", "Ủy"), single
spaces. Dates are TOML dates (`2024-02-28`) or strings `"28/02/2024"`; impossible dates
(`31/11/2023`) are rejected. A problem stops the run with one Vietnamese line naming the file,
the key and the problem, exit code 2, and no output file.

## `[unit]` — the issuing unit

| key | required | meaning |
| --- | --- | --- |
| `code` | yes | stable identifier, lower-case ASCII letters, digits and `-`, e.g. `xa-cam-giang` |
| `kind` | yes | since 1 July 2025: `tỉnh`, `thành phố trực thuộc trung ương` (province level), `xã`, `phường`, `đặc khu` (commune level), `sở`, `ban`, `văn phòng`, `thanh tra` (a province's departments); for earlier periods also `huyện`, `quận`, `thị xã`, `thành phố thuộc tỉnh` (district level), `thị trấn`, `phòng`. Plain `thành phố` is refused: it names two levels |
| `name` | yes | proper name, e.g. `Cẩm Giàng`, `Nội vụ` (the label is kind + name: "xã Cẩm Giàng", "Sở Nội vụ") |
| `province` | yes | province name |
| `place` | no | place name of the date line (default: `name`) |
| `superior` | no | body printed above the issuer in the header, e.g. `UBND huyện Bạch Thông` (default: for a department, its parent's People's Committee; none for a People's Committee) |
| `parent` | no | `code` of the unit it reports to (a province; a district before July 2025) |
| `official_code` | no | the state's code of the division (`drafter unit load-official` sets it) |
| `symbol` | no | the issuer's part of document symbols (default `UBND`; a department's initials, e.g. `SNV`) |
| `predecessors` | no | codes of the units merged into this one; a comparison with a period before `formed` sums their reports |
| `formed` | no | date the merger took effect (default for comparisons: 1 July 2025) |
| `parent_kind`, `parent_name` | no | the parent's kind and name (the database fills them in; `drafter export` writes them) |
| `child_kinds` | no | kinds of the units reporting to this one in the period, e.g. `["xã", "phường"]` |
| `predecessor_labels` | no | how the units in `predecessors` are named, in their order, e.g. `["xã Quân Hà", "xã Mỹ Thanh"]` (the database fills them in; `drafter export` writes them) |
| `archive` | no | the "Lưu:" line, default `VT` |
| `recipients` | no | default "Nơi nhận" list |
| `signer.name` | no | the signer (without one the report renders with an empty signature block, and `drafter check` warns) |
| `signer.title` | no | default the head's title: `Chủ tịch`, `Giám đốc` (sở), `Trưởng ban` (ban) … |
| `signer.deputy` | no | `true` signs for the head: "KT. CHỦ TỊCH" ("KT. GIÁM ĐỐC" for a department, which signs without "TM.") |

## `[report]` — issuing details

| key | required | meaning |
| --- | --- | --- |
| `period` | yes | `2024-Q1`…`2024-Q4`, `2024-H1` (6 tháng đầu năm), `2024-9M` (9 tháng), `2024` (năm) |
| `date` | yes | date of the report |
| `number` | no | register number (`12` → "Số: 12/BC-UBND", "12/BC-SNV" for the Sở Nội vụ); left out, the number is spaced for the clerk |
| `recipient` | no | "Kính gửi:" line, when the report goes to one body |
| `data_from`, `data_to` | no | the data window ("số liệu từ ngày … đến ngày …") |
| `status` | no | `draft` (default) or `final` |
| `recipients` | no | "Nơi nhận" of this report (default: the unit's) |
| `review` | no | figure keys and list names carried from the previous period, still to be confirmed (set by `drafter report new`; `drafter check` warns about them) |

## `[[basis]]` and `[[documents]]` — cited documents

`[[basis]]` are the documents the report answers ("Thực hiện …"); `[[documents]]` are documents
the unit issued in the period, cited in the section named by `section`.

| key | required | meaning |
| --- | --- | --- |
| `kind` | yes | `Kế hoạch`, `Quyết định`, `Công văn`, `Văn bản`, `Nghị định`, `Thông báo`, … |
| `number` | yes | `17` |
| `year` | no | for numbers that carry a year: `30/2020/NĐ-CP` |
| `symbol` | no | `KH-UBND`; derived from kind and issuer when left out |
| `date` | yes | date of the document |
| `issuer` | basis: no; documents: default the unit | `UBND huyện Bạch Thông`, `Chính phủ` |
| `subject` | no | `về …` / `về việc …` |
| `section` | documents only | a section below, or a sub-item of the outline (`law_monitoring`) |

## `[stated]` — values as written elsewhere, for checking only

Values by indicator key as another document states them: the narrative of a received report,
the rate column of a workbook (`"55,6%"` or `55.6`). They are never printed; `drafter check`
reports every one that disagrees with the figures, so a rate that contradicts its own counts
or a staff total that differs between narrative and appendix is caught.

## `[notes]` — free paragraphs by section

Each key is a section or a sub-item of the outline (below), each value a list of paragraphs
inserted at that place. Sections:

{notes}

## Qualitative lists (top level)

{lists}

## `[shortcoming_causes]` — why a shortcoming the figures show happened

III. Đánh giá chung is written from the figures: the pack's `assessment.toml` declares, rule by
rule, which results are strengths (Ưu điểm) and which are shortcomings (Tồn tại, hạn chế). Each
key here is the `id` of such a rule, each value a list of causes, quoted after the shortcoming
("…, do …"): either a key of the pack's cause list or the official's own words. Causes given
for a shortcoming the figures do not show are reported by `drafter check`. In the database they
are items of the list `cause:<id>`.

    [shortcoming_causes]
    files_on_time = ["land_verification"]
    files_online = ["Một số thủ tục yêu cầu bản giấy có chứng thực"]

{causes}

## `[figures]` — indicator values by key

Rates and sums are derived from their counts and never entered; a figure left out removes the
sentence that needs it (never a blank). Kinds: **stock** (a level at the report date, carried
to the next period), **flow** (what happened in the period), **cumulative** (within the year).
**Over periods** is how a 6-month, 9-month or annual report combines the periods it is made of
(`over_time` in the catalogue): **sum** (less what a later period carried in, when it names
that part), **first** (the first period's), **last** (the last period's), **any** (yes when
any period says yes), **same** (when every period gives the same), **ask** (not combinable:
left for the official to enter), **derived** (computed again from the combined figures).
"""


def render_doc(pack: TemplatePack) -> str:
    """The whole Markdown page."""
    notes = "\n".join(f"- `{key}` — {title}" for key, title in NOTE_SECTIONS.items())
    lists = "\n".join(f"- `{key}` — {title}" for key, title in LISTS.items())
    rules = sorted({rule.id for rule in pack.assessment.rules})
    causes = "Rules: " + ", ".join(f"`{rule}`" for rule in rules) + ".\n\nThe pack's causes:\n\n"
    causes += "\n".join(f"- `{key}` — {text}" for key, text in pack.assessment.causes.items())
    head = _HEAD.replace("{notes}", notes).replace("{lists}", lists).replace("{causes}", causes)
    figures = head.index("## `[figures]`")
    parts = [head[:figures] + outline_doc(pack).lstrip("\n") + "\n" + head[figures:]]
    catalogue = pack.catalogue
    for section in catalogue.sections:
        parts.append(f"\n### {section.title} (`{section.id}`)\n")
        parts.append("| key | label | unit | type | kind | over periods | derived from |")
        parts.append("| --- | --- | --- | --- | --- | --- | --- |")
        for ind in catalogue.in_section(section.id):
            source = ""
            if ind.type is ValueType.RATE:
                source = f"`{ind.numerator}` / `{ind.denominator}`"
            elif ind.type is ValueType.SUM:
                source = " + ".join(f"`{p}`" for p in ind.parts)
            elif ind.options:
                source = "options: " + ", ".join(ind.options)
            over = ind.over_time.value + (f" less `{ind.carried_in}`" if ind.carried_in else "")
            if ind.carried_from:
                over += f" (the last period's `{ind.carried_from}`)"
            parts.append(f"| `{ind.key}` | {ind.label} | {ind.unit} | {_TYPES[ind.type]} | "
                         f"{ind.kind.value} | {over} | {source} |")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(render_doc(builtin_pack()), end="")

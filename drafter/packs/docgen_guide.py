"""Generate ``docs/writing-a-pack.md``, the pack author's guide: its prose is here, the
lists of files and keys come from the schema (:mod:`drafter.packs.schema`) and the worked
example from the built-in KNTC pack. ``python -m drafter.packs.docgen_guide``."""

from __future__ import annotations

from drafter.packs.kinds import KINDS_DIR, builtin_packs
from drafter.packs.load import TemplatePack
from drafter.packs.schema import OPTIONAL, SCHEMA
from drafter.packs.tools import FILES, RANKING_FILES, SAMPLES

_TYPES = {"str": "text", "int": "whole number", "num": "number", "bool": "true / false",
          "strs": "list of texts", "table": "table", "tables": "array of tables",
          "any": "see the file's comments"}

_HEAD = """# Writing a pack for a new kind of report

A commune sends many periodic reports of the same shape: header, basis, figure-driven
sections, assessment, tasks, Nơi nhận, a statistical appendix. drafter drafts any of them
from a **pack**: a folder of TOML files and Jinja2 templates, with nothing to ask a
programmer. This page is generated from the pack schema and the built-in packs (`make docs`);
a test keeps it in step.

## A kind of report

Every pack declares the **kind** of report it drafts (`kind` in `pack.toml`, letters, digits
and `_`). The kind is stored with every report — one report per unit, period and kind — and
a data file names it in `[report] kind` (a file without one is of the first kind, `{first}`).
Every command takes the pack from the report's kind: a stored report is read, checked,
exported and rendered by the pack of its own kind, never another's. The built-in kinds are
{kinds}; their packs are `templates_vi/` and the folders of `templates_vi/{kinds_dir}/`.

- `drafter --pack DIR …` uses a province's own variant of a kind for the reports of that kind
  (a pack of another kind is refused, naming both kinds);
- `drafter --report-kind KIND report new|aggregate|render-all …` works on the reports of
  that kind of a unit and period (default: the `--pack`'s kind, else `{first}`);
- the TUI opens each report with the pack of its kind, its sidebar and panes built from that
  pack's catalogue.

## The steps

1. `drafter pack init my-kind/ --kind {example}` copies the built-in pack closest to yours (or
   start from the worked example below).
2. Give it its own `name`, `kind` and `title` in `pack.toml`.
3. Write the outline and indicators in `catalogue.toml`, the appendix rows in
   `appendix.toml`, the checks in `checks.toml`, the assessment rules in `assessment.toml`.
4. Write the templates (`templates/document.j2` is the whole report).
5. Put at least one complete sample report in `{samples}/` — a data file of the kind, with
   a figure of every section.
6. `drafter pack check my-kind/` lists every problem, one line each; exit 0 means ready.
7. `drafter --pack my-kind/ render {samples}/FILE.toml -o x.docx`, then import, check and
   render reports as for any kind.

## The files

| File | |
|---|---|
{files}

`pack check` renders every sample through the pack down to the DOCX. The samples together
must give a figure of every section that has indicators, so every section is rendered once.
A variant of a built-in kind must also keep that kind's sections (the reports of a kind are
shared by every pack of the kind). Messages of `checks.toml` a pack does not word are the
built-in pack's: the checks of dates, free text and entered figures speak alike in every kind.

## The outline (catalogue.toml)

The outline is data. Each `[[section]]` is a section of the report that holds figures, in
report order; each `[[part]]` one the official writes (III. Đánh giá chung, IV. Nhiệm vụ, V.
Kiến nghị: their sub-items are the lists `strengths`, `shortcomings`, `causes`, `tasks`,
`proposals`). A section gives its `number` in the report (`II.1`), its `short` name for the
TUI's sidebar, its `label` in messages (default: number and title) and `item_style`, the
style of its sub-items (`heading`, `dash`, `plus`, `own`; default `dash`). A sub-item may
give a `label` too: the name messages and the TUI use where notes and documents go.
Indicators are described in `docs/data-format.md` (type, kind, `rollup`, `over_time`,
`carried_in`, `carried_from`).

## The keys of each file

Generated from the schema; `!` marks a required key, `*` a name the pack chooses.

{keys}

## Worked example: tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo

The built-in pack `{example_name}` (kind `{example}`, folder `{example_path}`): the outline of
Mẫu số 02 of Thông tư số 02/2021/TT-TTCP (its sources are named in its `pack.toml`).

{outline}

It ships {indicators} indicators ({rates} of them derived: rates and sums), {checks} checks
and {rules} assessment rules; its appendix is {appendix}; its sample is `{sample}`.
`drafter demo` renders it beside the CCHC reports.
"""


def _files() -> str:
    rows = []
    for file in (*FILES, *(name for name in SCHEMA if name not in FILES)):
        if file in RANKING_FILES:
            continue
        need = "optional" if file in OPTIONAL else "required"
        rows.append(f"| `{file}` | {need} |")
    rows += [f"| `{file}` | only for a kind that ranks its units (both or neither) |"
             for file in RANKING_FILES]
    rows.append(f"| `{SAMPLES}/*.toml` | required: at least one sample report of the kind |")
    rows.append("| `templates/*.j2` | the templates `document.j2` includes |")
    return "\n".join(rows)


def _keys() -> str:
    parts = []
    for file, tables in SCHEMA.items():
        parts.append(f"### `{file}`\n")
        for table, keys in tables.items():
            where = f"`[{table}]`" if table else "top level"
            listed = ", ".join(f"`{key}`{'!' if kind.endswith('!') else ''} "
                               f"({_TYPES.get(kind.rstrip('!'), kind)})"
                               for key, kind in sorted(keys.items()))  # some are sets
            parts.append(f"- {where}: {listed}")
        parts.append("")
    return "\n".join(parts).rstrip()


def _outline(pack: TemplatePack) -> str:
    lines = []
    for section in pack.catalogue.outline:
        count = len(pack.catalogue.in_section(section.id))
        figures = f", {count} indicators" if count else ""
        lines.append(f"- **{section.heading}** (`{section.id}`{figures})")
        lines += [f"  - {item.title} (`{item.id}`)" for item in section.items
                  if not section.part]
    return "\n".join(lines)


def render_guide() -> str:
    packs = builtin_packs()
    first, example = packs[0], packs[1]
    catalogue = example.catalogue
    layout = next(iter(catalogue.layouts.values()))
    return _HEAD.format(
        first=first.kind, kinds=", ".join(f"`{p.kind}` ({p.name})" for p in packs),
        kinds_dir=KINDS_DIR, example=example.kind, samples=SAMPLES, files=_files(),
        keys=_keys(), example_name=example.name,
        example_path=f"templates_vi/{KINDS_DIR}/{example.kind}/",
        outline=_outline(example), indicators=len(catalogue.indicators),
        rates=sum(1 for i in catalogue if i.derived), checks=len(example.checks.parts),
        rules=len(example.assessment.rules), appendix=f"{layout.label} ({layout.title})",
        sample=", ".join(p.name for p in sorted((example.path / SAMPLES).glob("*.toml"))))


if __name__ == "__main__":
    print(render_guide(), end="")

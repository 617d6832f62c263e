"""A person's time in the TUI, counted in keys: xã Cẩm Giàng's first report (quarter I of 2024,
../shared/reference/xa-cam-giang-quy-I-2024.txt) typed from scratch on a fresh database, then
its quarter II started from quarter I.

The run drives the real app with Pilot as an official at the keyboard would, and counts every
key pressed: the unit profile at first start (name, province, superior, place, signer,
recipients), the new-report dialog, each section reached from the sidebar (F2, ↓, Enter), the
figures typed top to bottom with Tab past the boxes left empty, the basis documents (with
their issuer) and the documents issued (kind, number, date, trích yếu, the place each is cited
in, found by typing part of its name in the dropdown), shortcomings, causes and tasks, the
issuing dates, Ctrl+S. Quarter II keeps what carries over: a carried figure, document or list
still right is confirmed with the whole section (F8); a figure that changed is typed over (it
comes selected when the cursor reaches it); a task done is deleted and the quarter's own
documents and task typed. A letter with a tone mark counts as one key (a Vietnamese input
method needs two or three).

Quarter I's figures are the reference report's appendix (files received in person are 22,
the reference's "trực tiếp 07" contradicts its own total), its documents and texts a subset
of the reference's; quarter II's are made up, as a commune's next quarter would read.
tests/test_bench_keys.py runs the same script and checks the reports it leaves item by item,
so the script cannot silently stop doing what it says.

    python benchmarks/bench_keys.py        (make bench-keys)
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

UNIT = {"name": "Cẩm Giàng", "province": "Bắc Kạn", "superior": "UBND HUYỆN BẠCH THÔNG",
        "place": "Cẩm Giàng", "signer_name": "Vũ Văn Thành"}
RECIPIENTS = ["Phòng Nội vụ huyện", "TT Đảng ủy, HĐND xã", "CT, PCT UBND xã", "BCĐ CCHC xã"]
CODE = "xa-cam-giang"

# Figures as the official types them, section by section in the order of the sidebar.
Q1: dict[str, str] = {
    "directive_docs": "0", "plan_targets": "19", "plan_tasks": "33", "plan_tasks_done": "2",
    "comms_radio": "6", "comms_web": "4", "dialogue_held": "Không",
    "legal_docs_issued": "0", "legal_docs_checked": "2", "legal_check_to_handle": "0",
    "legal_check_handled": "0", "legal_docs_reviewed": "2", "legal_review_to_handle": "0",
    "legal_review_handled": "0",
    "procedures_simplified": "0", "procedures_new": "0", "procedures_abolished": "0",
    "procedures_total": "114", "procedures_same_level": "0", "procedures_between_levels": "3",
    "procedures_location_free": "1", "files_received": "29", "files_online": "7",
    "files_in_person": "22", "files_carried_over": "0", "files_solved": "29",
    "files_on_time": "29", "files_late": "0", "files_pending": "0", "pakn_received": "0",
    "pakn_resolved": "0", "tthc_quality_score": "58,73",
    "civil_servants_quota": "18", "civil_servants_present": "18",
    "civil_servants_placed": "18", "staff_quota": "18", "staff_present": "18",
    "staff_reduced": "0",
    "staff_qualified": "16", "officials_disciplined": "0", "civil_servants_disciplined": "0",
    "staff_rated_good": "18",
    "dvc_partial_eligible": "13", "dvc_partial_provided": "13", "dvc_partial_with_files": "3",
    "dvc_full_eligible": "62", "dvc_full_provided": "62", "dvc_full_with_files": "5",
    "dvc_info_only": "39",
}
Q1_ISSUING = {"date": "28/02/2024", "data_from": "25/11/2023", "data_to": "24/02/2024"}
# Quarter II: what changed; every other figure of quarter I is still right.
Q2_CHANGED = {
    "directive_docs": "1", "plan_tasks_done": "9", "comms_radio": "8", "comms_web": "5",
    "legal_docs_checked": "1", "legal_docs_reviewed": "1",
    "procedures_new": "2", "procedures_abolished": "1", "procedures_total": "115",
    "files_received": "41", "files_online": "12", "files_in_person": "29", "files_solved": "40",
    "files_on_time": "40", "files_pending": "1", "tthc_quality_score": "72,15",
    "dvc_partial_with_files": "4", "dvc_full_with_files": "8",
}
Q2 = {**Q1, **Q2_CHANGED}
Q2_ISSUING = {"date": "28/05/2024", "data_to": "24/05/2024"}  # from: the day after Q1's


@dataclass(frozen=True)
class Doc:
    """A document as the form asks for it; ``where`` is the issuer of a basis document, or
    the words typed to find the sub-item a document the commune issued is cited in."""

    kind: str
    number: str
    date: str
    subject: str
    where: str


# The reference's basis documents: the district's guidance this report answers, and the
# Government's and the province's documents its sections rest on.
BASIS = [
    Doc("Văn bản", "294/UBND-NV", "08/02/2024", "về việc hướng dẫn thực hiện báo cáo công tác "
        "cải cách hành chính (CCHC) định kỳ", "UBND huyện Bạch Thông"),
    Doc("Nghị quyết", "76/NQ-CP", "15/7/2021", "ban hành Chương trình tổng thể cải cách hành "
        "chính nhà nước giai đoạn 2021 - 2030", "Chính phủ"),
    Doc("Quyết định", "1414/QĐ-UBND", "04/8/2023", "phê duyệt danh mục dịch vụ công trực tuyến "
        "thuộc thẩm quyền giải quyết của các cấp chính quyền trên địa bàn tỉnh Bắc Kạn",
        "UBND tỉnh Bắc Kạn"),
]
# The documents the commune issued in quarter I, each where the reference cites it.
DOCUMENTS = [
    Doc("Kế hoạch", "17", "06/02/2024", "về theo dõi tình hình thi hành pháp luật và thi hành "
        "pháp luật về xử lý vi phạm hành chính trên địa bàn xã Cẩm Giàng năm 2024",
        "thi hành pháp luật"),
    Doc("Kế hoạch", "04", "17/01/2024", "về tuyên truyền giáo dục pháp luật về Lâm nghiệp trên "
        "địa bàn xã", "phổ biến, giáo dục"),
    Doc("Kế hoạch", "09", "29/01/2024", "về rà soát, đánh giá TTHC năm 2024", "rà soát, đơn"),
    Doc("Quyết định", "15", "29/01/2024", "về việc ban hành Quy chế chi tiêu nội bộ của UBND xã "
        "Cẩm Giàng năm 2024", "chi tiêu"),
    Doc("Kế hoạch", "14", "02/02/2024", "về thực hiện thủ tục hành chính trên môi trường điện tử "
        "và chuyển đổi số trong giải quyết thủ tục hành chính trên địa bàn xã", "thể chế về"),
]
# Quarter II's own (documents issued belong to their period; made up, as the figures).
Q2_DOCUMENTS = [
    Doc("Kế hoạch", "45", "10/4/2024", "về kiểm tra công tác cải cách hành chính năm 2024",
        "I.4"),
]
# III and IV: the reference's shortcomings and causes (its "Tồn tại, hạn chế, nguyên nhân"
# mixes the two) and two of its tasks, shortened as an official retypes them.
Q1_LISTS = {
    "shortcomings": ["Chưa phát sinh hồ sơ thanh toán trực tuyến"],
    "causes": ["Kinh phí dành cho công tác CCHC còn hạn chế, đặc biệt là kinh phí mua sắm "
               "trang thiết bị của Bộ phận Tiếp nhận và Trả kết quả",
               "Tác phong, lề lối làm việc của một số công chức chậm thay đổi"],
    "tasks": ["Tiếp tục thực hiện tốt công tác kiểm soát TTHC, giải quyết TTHC theo cơ chế một "
              "cửa, một cửa liên thông; giải quyết sớm hoặc đúng hạn tất cả thủ tục",
              "Tăng cường tuyên truyền, hỗ trợ người dân thực hiện dịch vụ công trực tuyến"],
}
# Quarter II keeps quarter I's lists (confirmed with F8) but its first task, done, deleted,
# and a task of its own added.
Q2_TASK = "Chuẩn bị tổng kết công tác CCHC 6 tháng đầu năm 2024"
Q2_LISTS = {**Q1_LISTS, "tasks": [*Q1_LISTS["tasks"][1:], Q2_TASK]}


@dataclass
class Keyboard:
    """The official's hands: every key goes through :meth:`press` and is counted."""

    pilot: Any  # textual.pilot.Pilot
    count: int = 0
    log: list[str] = field(default_factory=list)

    async def press(self, *keys: str) -> None:
        self.count += len(keys)
        self.log.extend(keys)
        await self.pilot.press(*keys)

    async def type(self, text: str) -> None:
        await self.press(*text)

    @property
    def focused(self) -> str:
        widget = self.pilot.app.focused
        return (widget.id or "") if widget is not None else ""

    async def tab_to(self, box: str, limit: int = 80) -> None:
        """Tab until the cursor is in ``box``, as a person does down a form."""
        for _ in range(limit):
            if self.focused == box:
                return
            await self.press("tab")
        raise RuntimeError(f"Tab never reached #{box} (stuck at #{self.focused})")

    async def choose(self, option: str) -> None:
        """In a focused dropdown: open it, move to ``option``, take it."""
        from textual.widgets import Select

        select = self.pilot.app.focused
        assert isinstance(select, Select)
        if select.value == option:
            return
        await self.press("enter")
        for _ in range(20):
            await self.press("down")
            if _highlighted(self.pilot.app.focused) == option:
                await self.press("enter")
                return
        raise RuntimeError(f"no option {option!r}")

    async def reach(self, box: str) -> None:
        """Tab or Shift+Tab, whichever is shorter, until the cursor is in ``box`` (an id, or a
        selector): back up a form to its first box as a person does."""
        app = self.pilot.app
        target = app.screen.query_one(box if box[0] in "#." else f"#{box}")
        chain = app.screen.focus_chain
        here, there = chain.index(app.focused), chain.index(target)
        step = "tab" if (there - here) % len(chain) <= (here - there) % len(chain) else "shift+tab"
        for _ in range(len(chain)):
            if app.focused is target:
                return
            await self.press(step)
        raise RuntimeError(f"{box} never reached (stuck at #{self.focused})")

    async def pick(self, search: str) -> None:
        """In a focused dropdown: open it, type part of the option (the list jumps to it),
        take it."""
        await self.press("enter")
        await self.type(search)
        await self.press("enter")

    async def section(self, pane: str) -> None:
        """F2 to the sidebar, ↓/↑ to the section, Enter into its first box."""
        screen = self.pilot.app.screen
        await self.press("f2")
        sidebar = screen.query_one("#sidebar")
        target = screen.panes.ids.index(pane)
        while sidebar.index != target:
            await self.press("down" if sidebar.index < target else "up")
        await self.press("enter")


def _highlighted(widget: Any) -> str:
    """The option under the cursor of an open dropdown's list."""
    from textual.widgets import OptionList

    options = widget if isinstance(widget, OptionList) else widget.query_one(OptionList)
    return str(options.get_option_at_index(options.highlighted or 0).prompt)


async def _fill(keys: Keyboard, pane: str, wanted: dict[str, str]) -> None:
    """Down one section's boxes with Tab, typing what ``wanted`` says where it differs."""
    from textual.widgets import Input, Select

    screen = keys.pilot.app.screen
    await keys.section(pane)
    todo = [key for key in screen.panes.indicators(pane) if key in wanted]
    for key in todo:
        await keys.tab_to(f"in-{key}")
        widget = keys.pilot.app.focused
        if isinstance(widget, Select):
            await keys.choose(wanted[key])
        elif isinstance(widget, Input) and widget.value != wanted[key]:
            if widget.selected_text != widget.value:  # a carried figure comes selected
                await keys.press("end", *["backspace"] * len(widget.value))
            await keys.type(wanted[key])
    if screen.check_action("confirm_pane", ()):
        await keys.press("f8")  # what carried over and is still right


async def _document(keys: Keyboard, prefix: str, doc: Doc) -> None:
    """One document typed into the form of the documents or basis pane, and saved."""
    from textual.widgets import Select

    await keys.reach(f"{prefix}-kind")
    if keys.pilot.app.focused.value != doc.kind:  # the form keeps the last kind chosen
        await keys.pick(doc.kind)
    for name, text in (("number", doc.number), ("date", doc.date),
                       *([("issuer", doc.where)] if prefix == "basis" else []),
                       ("subject", doc.subject)):
        await keys.tab_to(f"{prefix}-{name}")
        await keys.type(text)
    if prefix == "doc":
        await keys.tab_to("doc-section")
        await keys.pick(doc.where)
        await keys.tab_to("doc-save")
    await keys.press("enter")
    kind = keys.pilot.app.screen.query_one(f"#{prefix}-kind", Select).value
    if kind != doc.kind:
        raise RuntimeError(f"{doc.number}: kind {kind!r}")


async def _documents(keys: Keyboard, pane: str, docs: list[Doc]) -> None:
    """The documents or basis pane: each document typed in; what carried over and is still
    right confirmed (F8)."""
    await keys.section(pane)
    for doc in docs:
        await _document(keys, "doc" if pane == "documents" else "basis", doc)
    if keys.pilot.app.screen.check_action("confirm_pane", ()):
        await keys.press("f8")


async def _lists(keys: Keyboard, pane: str, lists: dict[str, list[str]]) -> None:
    """A pane of lists (III, IV): items carried over and no longer right deleted, new ones
    typed at the end, what remains confirmed (F8)."""
    from drafter.tui.widgets.list_editor import ListEditor

    screen = keys.pilot.app.screen
    await keys.section(pane)
    for name, wanted in lists.items():
        editor = screen.query_one(f"#list-{name}", ListEditor)
        while editor.items and editor.items[0] not in wanted:  # done: delete it
            await keys.reach(f"#list-{name} ListView")
            await keys.press("delete")
        await keys.reach(f"add-{name}")
        for item in wanted[len(editor.items):]:
            await keys.type(item)
            await keys.press("enter")
    if screen.check_action("confirm_pane", ()):
        await keys.press("f8")


async def _issuing(keys: Keyboard, dates: dict[str, str]) -> None:
    await keys.section("issuing")
    for name, text in dates.items():
        await keys.tab_to(f"is-{name}")
        box = keys.pilot.app.focused
        await keys.press("end", *["backspace"] * len(getattr(box, "value", "")))
        await keys.type(text)
    if keys.pilot.app.screen.check_action("confirm_pane", ()):
        await keys.press("f8")  # what reading last period's Word file left, looked at


async def _write(keys: Keyboard, path: Path) -> None:
    await keys.press("ctrl+s")
    for _ in range(200):  # written by a thread worker
        if path.exists():
            return
        await keys.pilot.pause(0.05)
    raise RuntimeError(f"{path} was not written")


async def _report(keys: Keyboard, figures: dict[str, str], dates: dict[str, str],
                  out: Path, texts: tuple[list[Doc], list[Doc], dict[str, list[str]]]) -> None:
    from drafter.tui.screens.editor.screen import EditorScreen

    screen = keys.pilot.app.screen
    assert isinstance(screen, EditorScreen), screen
    sections = [s.id for s in screen.session.pack.catalogue.sections]
    for pane in sections:
        wanted = {key: text for key, text in figures.items()
                  if key in screen.panes.indicators(pane)}
        if wanted or screen.panes.carried(pane):
            await _fill(keys, pane, wanted)
    basis, documents, lists = texts
    await _documents(keys, "basis", basis)
    await _documents(keys, "documents", documents)
    await _lists(keys, "assessment", {n: lists[n] for n in ("shortcomings", "causes")
                                      if n in lists})
    await _lists(keys, "tasks", {"tasks": lists["tasks"]})
    await _issuing(keys, dates)
    await _write(keys, out)


async def _profile(keys: Keyboard) -> None:
    """The unit profile the first start asks for."""
    await keys.pilot.pause()
    for name, text in UNIT.items():
        await keys.tab_to(name)
        await keys.type(text)
    await keys.tab_to("recipients")
    for index, line in enumerate(RECIPIENTS):
        await keys.press(*(["enter"] if index else []), *line)
    await keys.press("ctrl+s")


async def first_report(pilot: Any, out: Path) -> int:
    """From the first start to quarter I's DOCX; the keys pressed."""
    keys = Keyboard(pilot)
    await _profile(keys)
    await keys.press("n")  # the dialog offers quarter I of 2024, an empty report
    await keys.tab_to("year")
    await keys.press("enter")
    await _report(keys, Q1, Q1_ISSUING, out / f"{CODE}-2024-Q1.docx",
                  (BASIS, DOCUMENTS, Q1_LISTS))
    await keys.press("escape")  # back to the report list
    return keys.count


async def next_quarter(pilot: Any, out: Path) -> int:
    """From the report list to quarter II's DOCX, started from quarter I; the keys pressed."""
    keys = Keyboard(pilot)
    await keys.press("n")  # the dialog offers quarter II, copied from quarter I
    await keys.tab_to("year")
    await keys.press("enter")
    await _report(keys, Q2, Q2_ISSUING, out / f"{CODE}-2024-Q2.docx",
                  ([], Q2_DOCUMENTS, Q2_LISTS))
    return keys.count


async def from_word(pilot: Any, out: Path, word: Path) -> int:
    """From the first start to quarter II's DOCX, started from quarter I's Word file (made
    by hand, not by drafter: the reference's text); the keys pressed. Quarter II is the same
    as :func:`next_quarter`'s but for its lists and basis, which are the Word file's: its
    shortcomings and tasks kept (F8), the first task, done, deleted and the quarter's own
    added."""
    from drafter.domain.periods import Period

    keys = Keyboard(pilot)
    await _profile(keys)
    await keys.press("n")  # the dialog offers quarter II of 2024 (today's quarter)
    await keys.tab_to("source")
    await keys.press("down", "enter")  # "Bắt đầu từ báo cáo Word của kỳ trước"
    await keys.type(str(word))
    await keys.press("enter")
    store = pilot.app.session.store
    quarter_one = store.find(CODE, Period.parse("2024-Q1"))
    if quarter_one is None:
        raise RuntimeError(f"{word} was not read")
    lists = {"shortcomings": quarter_one.items("shortcomings"),
             "tasks": [*quarter_one.items("tasks")[1:], Q2_TASK]}
    await _report(keys, Q2, Q2_ISSUING, out / f"{CODE}-2024-Q2.docx",
                  ([], Q2_DOCUMENTS, lists))
    return keys.count


async def run_from_word(directory: Path) -> int:
    """Quarter II from quarter I's Word file on a fresh database in ``directory``."""
    from word_file import REFERENCE, from_reference_text

    from drafter.storage import Store, connect
    from drafter.tui import create_app
    from drafter.tui.session import Session

    word = from_reference_text(
        (REFERENCE / "xa-cam-giang-quy-I-2024.txt").read_text(encoding="utf-8"),
        directory / "quy-I-2024.docx")
    store = Store(connect(f"sqlite:///{directory / 'drafter.sqlite'}"))
    app = create_app(session=Session(store, directory / "out", today=dt.date(2024, 5, 27)))
    async with app.run_test(size=(80, 24)) as pilot:
        return await from_word(pilot, directory / "out", word)


async def run(directory: Path) -> tuple[int, int]:
    """Both reports on a fresh database in ``directory``; the keys each took."""
    from drafter.storage import Store, connect
    from drafter.tui import create_app
    from drafter.tui.session import Session

    store = Store(connect(f"sqlite:///{directory / 'drafter.sqlite'}"))
    out = directory / "out"
    app = create_app(session=Session(store, out, today=dt.date(2024, 2, 27)))
    async with app.run_test(size=(80, 24)) as pilot:
        first = await first_report(pilot, out)
        app.session.today = dt.date(2024, 5, 27)
        second = await next_quarter(pilot, out)
    return first, second


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        first, second = asyncio.run(run(Path(name)))
    print(f"xã Cẩm Giàng, first report (quarter I 2024, from the first start): {first} keys")
    print(f"xã Cẩm Giàng, quarter II 2024 from quarter I:                     {second} keys")
    with tempfile.TemporaryDirectory() as name:
        word = asyncio.run(run_from_word(Path(name)))
    print(f"xã Cẩm Giàng, first report (quarter II 2024) from quarter I's Word file, from the "
          f"first start: {word} keys")


if __name__ == "__main__":
    main()

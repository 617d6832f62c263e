"""Commands of a province (or, before July 2025, a district): roll the communes up, render
them all, rank them."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from drafter.aggregation import aggregate as aggregate_reports
from drafter.aggregation import render_jobs
from drafter.api import render_to_file, save_document
from drafter.cli.common import announce, check_output, pack_of, period_of
from drafter.cli.progress import ProgressBar
from drafter.cli.store import store_of
from drafter.datafile.content import load_content
from drafter.domain.ranking import RankingRules, Score, ScoreError, check_score
from drafter.domain.report import Status
from drafter.domain.units import Unit
from drafter.errors import DrafterError
from drafter.exchange.scores import read_scores
from drafter.index import make_ranking, ranked_units
from drafter.narrative.ranking import column_places
from drafter.pack import TemplatePack, load_pack
from drafter.pack_tools import check_pack, init_pack
from drafter.parallel import render_all as render_all_jobs
from drafter.vi.numbers import format_fixed, format_number, parse_number
from drafter.vi.periods import period_name
from drafter.vi.text import join_vi
from drafter.workflow import comparisons


def _names(units: list[Unit]) -> str:
    return join_vi((f"{unit.label}" for unit in units), ", ")


def aggregate(args: argparse.Namespace) -> int:
    check_output(args.output, *args.files, text=args.text, pdf=args.pdf)
    pack = pack_of(args)
    store = store_of(args, pack)
    result = aggregate_reports(store, args.unit, period_of(args.period), args.files, pack,
                               args.date)
    rollup, report = result.rollup, result.report
    received = len(rollup.lines) - len(rollup.missing)
    print(f"Tổng hợp {period_name(rollup.period)} của {rollup.parent.label}: "
          f"đã nhận {received}/{len(rollup.lines)} báo cáo của cấp xã.")
    if rollup.missing:
        print(f"  Chưa gửi: {_names(rollup.missing)}")
    if rollup.drafts:
        print(f"  Còn là dự thảo: {_names(rollup.drafts)}")
    for key, units in rollup.gaps.items():
        print(f"  Để trống «{pack.catalogue[key].label}»: {_names(units)}")
    if report.status is Status.FINAL:
        print(f"Báo cáo của {report.unit.label} đã là bản chính thức: không ghi đè số liệu "
              "đã lưu.")
    elif not args.no_save:
        report_id = store.save_report(report)
        print(f"Đã lưu số liệu tổng hợp vào báo cáo {period_name(report.period)} của "
              f"{report.unit.label} (số {report_id}).")
    if args.output is not None:
        previous, last_year = comparisons(store, report)
        announce(args, render_to_file(report, args.output, previous=previous, pack=pack,
                                      text=args.text, last_year=last_year, rollup=rollup))
    return 0


def _rules(pack: TemplatePack) -> RankingRules:
    rules = pack.ranking
    if rules is None:
        raise DrafterError("bộ mẫu không khai báo bộ chỉ số (ranking.toml)")
    return rules


def score_import(args: argparse.Namespace) -> int:
    pack = pack_of(args)
    store = store_of(args, pack)
    ranked = ranked_units(store, args.unit, args.year, args.departments)
    sheet = read_scores(args.book, ranked.units, _rules(pack), args.sheet)
    count = store.save_scores(args.year, sheet.scores)
    print(f"Đã nhập điểm Chỉ số CCHC năm {args.year} của {count} đơn vị.")
    if sheet.mismatches:
        print(f"Cột xếp hạng trong bảng khác thứ hạng tính từ điểm ở {len(sheet.mismatches)} "
              "dòng (thứ hạng luôn được tính lại từ điểm):")
        for mismatch in sheet.mismatches:
            print(f"  - dòng {mismatch.row}, {mismatch.unit.label}: bảng ghi {mismatch.typed}, "
                  f"tính ra {mismatch.computed}")
    return 0


def score_set(args: argparse.Namespace) -> int:
    pack = pack_of(args)
    store = store_of(args, pack)
    unit = store.unit(args.unit)
    if unit is None:
        raise DrafterError(f"chưa có đơn vị mã {args.unit} trong cơ sở dữ liệu")
    fields = {}
    for item in args.field:
        key, _, value = item.partition("=")
        fields[key.strip()] = _score_number(value, key)
    score = Score(unit, _score_number(args.total, "tổng điểm"), fields)
    try:
        check_score(score, _rules(pack))
    except ScoreError as exc:
        raise DrafterError(str(exc)) from None
    store.save_scores(args.year, [score])
    print(f"Đã lưu điểm Chỉ số CCHC năm {args.year} của {unit.label}: "
          f"{format_number(score.total)} điểm.")
    return 0


def _score_number(text: str, name: str) -> Decimal:
    try:
        return parse_number(text)
    except ValueError:
        raise DrafterError(f"điểm {name} không hợp lệ: {text!r}") from None


def ranking(args: argparse.Namespace) -> int:
    pack = pack_of(args)
    made = make_ranking(store_of(args, pack), args.unit, args.year, pack,
                        load_content(args.content) if args.content else None, args.departments,
                        args.issuer, args.number, args.date)
    print(f"Xếp hạng Chỉ số CCHC năm {args.year} của {made.scope.label}: {len(made.ranked)} đơn "
          f"vị; báo cáo của {made.issuer.label}.")
    places = column_places(item.score.total for item in made.ranked)
    for item in made.ranked:
        print(f"  {item.rank:>3}  {item.score.unit.label:<32} "
              f"{format_fixed(item.score.total, places):>9}  {item.klass}")
    announce(args, save_document(made.document, args.output, args.text))
    if made.unscored:
        print(f"Chưa có điểm ({len(made.unscored)} đơn vị, đã ghi tên trong báo cáo): "
              f"{_names(made.unscored)}")
        if not args.allow_missing:
            print("Lỗi: còn đơn vị chưa có điểm; nhập đủ điểm, hoặc dùng --allow-missing nếu "
                  "vẫn ban hành bảng xếp hạng này.", file=sys.stderr)
            return 1
    return 0


def pack_init(args: argparse.Namespace) -> int:
    path = init_pack(args.dir, args.name)
    print(f"Đã tạo bộ mẫu {path}. Sửa câu chữ trong {path / 'templates'}, tăng version trong "
          f"{path / 'pack.toml'} mỗi lần sửa, rồi chạy: drafter pack check {path}")
    return 0


def pack_check(args: argparse.Namespace) -> int:
    problems = check_pack(args.dir)
    if problems:
        print(f"Bộ mẫu {args.dir} có {len(problems)} lỗi:")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    pack = load_pack(args.dir)
    print(f"Bộ mẫu {pack.name} phiên bản {pack.version}: không có lỗi.")
    return 0


def render_all(args: argparse.Namespace) -> int:
    store = store_of(args)
    period = period_of(args.period)
    jobs, missing = render_jobs(store, args.unit, period, args.output)
    if missing:
        print(f"Chưa có báo cáo {period_name(period)}: {_names(missing)}")
    if not jobs:
        print("Không có báo cáo nào để soạn.")
        return 0
    bar = ProgressBar(sys.stderr)
    outcomes = render_all_jobs(jobs, Path(args.pack) if args.pack else None, args.jobs, bar)
    failed = [outcome for outcome in outcomes if not outcome.ok]
    print(f"Đã soạn {len(jobs) - len(failed)}/{len(jobs)} báo cáo vào {args.output}.")
    if failed:
        print(f"Không soạn được {len(failed)} báo cáo:")
        for outcome in failed:
            unit = outcome.job.report.unit
            print(f"  - {unit.label}: {outcome.error}")
    return 1 if failed else 0

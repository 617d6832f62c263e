"""Commands of a province (or, before July 2025, a district): rank the communes, their
scores, packs (the roll-up and rendering them all are :mod:`drafter.cli.rollup_commands`)."""

from __future__ import annotations

import argparse
import sys

from drafter.api import save_document
from drafter.cli.common import announce, pack_of
from drafter.cli.store import store_of
from drafter.datafile.content import load_content
from drafter.narrative.ranking_view import column_places
from drafter.office.index import make_ranking
from drafter.office.operations import (
    import_scores,
    ranking_lines,
    score_line,
    set_score,
)
from drafter.packs.load import load_pack
from drafter.packs.tools import check_pack, init_pack
from drafter.vi.numbers import format_fixed


def score_import(args: argparse.Namespace) -> int:
    pack = pack_of(args)
    done = import_scores(store_of(args, pack), args.unit, args.year, args.book, pack,
                         args.sheet, args.departments)
    print("\n".join(done.lines))
    return 0


def score_set(args: argparse.Namespace) -> int:
    pack = pack_of(args)
    fields = dict(item.partition("=")[::2] for item in args.field)
    score = set_score(store_of(args, pack), args.unit, args.year, args.total, fields, pack)
    print(score_line(score, args.year))
    return 0


def ranking(args: argparse.Namespace) -> int:
    pack = pack_of(args)
    made = make_ranking(store_of(args, pack), args.unit, args.year, pack,
                        load_content(args.content) if args.content else None, args.departments,
                        args.issuer, args.number, args.date)
    lines = ranking_lines(made, args.year)
    print(lines[0])
    places = column_places(item.score.total for item in made.ranked)
    for item in made.ranked:
        print(f"  {item.rank:>3}  {item.score.unit.label:<32} "
              f"{format_fixed(item.score.total, places):>9}  {item.klass}")
    announce(args, save_document(made.document, args.output, args.text))
    if made.unscored:
        print(lines[1])
        if not args.allow_missing:
            print("Lỗi: còn đơn vị chưa có điểm; nhập đủ điểm, hoặc dùng --allow-missing nếu "
                  "vẫn ban hành bảng xếp hạng này.", file=sys.stderr)
            return 1
    return 0


def pack_init(args: argparse.Namespace) -> int:
    path = init_pack(args.dir, args.name, args.kind)
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

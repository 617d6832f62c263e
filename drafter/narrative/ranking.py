"""The ranking report: a unit's children's yearly CCHC index, ranked and classed, with each
field's results and the change of rank since the year before, as a Document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from drafter.domain.ranking import Ranked
from drafter.domain.report import Report
from drafter.domain.units import Unit
from drafter.narrative.blocks import Document
from drafter.narrative.engine import render_with
from drafter.narrative.ranking_view import ranking_view
from drafter.packs.load import TemplatePack, builtin_pack


def render_ranking(report: Report, ranked: list[Ranked], scope: Unit,
                   unscored: Sequence[Unit] = (), pack: TemplatePack | None = None,
                   now: dt.datetime | None = None,
                   previous: Sequence[Ranked] = ()) -> Document:
    """The ranking report of ``scope``'s children for ``report.period.year``.

    ``report`` is the issuer's (a Sở Nội vụ, or the scope's People's Committee): it gives the
    header and sign-off (number, date, recipients, signer) and the notes and lists written for
    the ranking; ``unscored`` are the units ranked that have no score, named in the report;
    ``previous`` the ranking of the year before, when stored (each unit's change of rank).
    """
    pack = pack or builtin_pack()
    assert pack.ranking is not None
    view = ranking_view(ranked, pack.ranking, report.period.year, pack.missing_cell, scope,
                        unscored, previous)
    return render_with("ranking.j2", report, pack, {"ranking": view}, now)

"""Which figures a unit of each tier is asked for (issue 16, defect 4)."""

from drafter.domain.tier_indicators import aggregates, shown_to
from drafter.domain.units import Tier
from drafter.packs.load import TemplatePack


def test_a_commune_is_asked_for_its_own_level_only(pack: TemplatePack) -> None:
    catalogue = pack.catalogue
    commune = shown_to(catalogue, Tier.COMMUNE)
    # Another level's: the district's own work and the figures it builds from its communes.
    for key in ("departments", "public_units", "inspected_units", "procedures_district_level",
                "commune_files_received", "commune_files_late", "procedures_province_level",
                "transition_tasks", "steering_meetings"):
        assert key not in commune, key
    # Its own layout, what no layout lists, and the counts behind a shown rate.
    for key in ("files_on_time_rate", "staff_quota", "comms_radio", "files_in_person",
                "files_late", "budget_revenue", "superior_tasks_on_time_rate",
                "superior_tasks", "outgoing_docs_electronic"):
        assert key in commune, key


def test_a_district_is_asked_for_everything_its_report_covers(pack: TemplatePack) -> None:
    """Everything but a province's own figures: its Ban Chỉ đạo, its procedures of the
    province level, the two-level local government (a district belongs to the years
    before)."""
    catalogue = pack.catalogue
    assert aggregates(catalogue, Tier.DISTRICT) and not aggregates(catalogue, Tier.COMMUNE)
    listed = {tier: {row.key for row in catalogue.layout(tier).rows if row.key}
              for tier in catalogue.layouts}
    others = set().union(*(keys for tier, keys in listed.items() if tier is not Tier.PROVINCE))
    province_only = listed[Tier.PROVINCE] - others
    assert province_only >= {"steering_meetings", "procedures_province_level",
                             "transition_tasks_rate"}
    shown = shown_to(catalogue, Tier.DISTRICT)
    assert shown == frozenset(catalogue.indicators) - province_only


def test_every_shown_rate_can_be_computed(pack: TemplatePack) -> None:
    catalogue = pack.catalogue
    for tier in Tier:
        shown = shown_to(catalogue, tier)
        for key in shown:
            indicator = catalogue[key]
            for part in (indicator.numerator, indicator.denominator, *indicator.parts):
                assert not part or part in shown, (tier, key, part)

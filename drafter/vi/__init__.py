"""Vietnamese language layer: numbers, rates, dates, periods, references and text hygiene.

Every function here is pure and locale-explicit (Babel ``vi``); templates reach them as
Jinja filters and globals (see :mod:`drafter.narrative.filters`).
"""

LOCALE = "vi"

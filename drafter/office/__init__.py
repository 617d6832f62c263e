"""The aggregating level on the store: a province's Sở Nội vụ since July 2025, a district's
Phòng Nội vụ before. Who has reported and the roll-up into the office's report, every
commune's report rendered in parallel, the yearly CCHC index and its ranking, and the
operations the CLI and the TUI share over them (the pure roll-up is :mod:`drafter.combine`)."""

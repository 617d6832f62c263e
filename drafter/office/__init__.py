"""The aggregating level: a province's Sở Nội vụ since July 2025, a district's Phòng Nội vụ
before. The roll-up of communes' figures (pure), the same on the store, every commune's report
rendered in parallel, the yearly CCHC index and its ranking, and the operations the CLI and the
TUI share over them."""

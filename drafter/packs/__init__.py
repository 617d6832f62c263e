"""Template packs: loading a pack (catalogue, rules, Jinja templates) and what its files may
hold, read safely; deriving a province's own pack and checking one; and the data-format page
generated from a pack's catalogue."""

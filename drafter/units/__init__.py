"""The unit registry: adding, editing and importing units against the structure on the
store, the official list of provinces and communes since 1 July 2025, and a merged unit's
predecessors (its comparison periods summed from theirs)."""

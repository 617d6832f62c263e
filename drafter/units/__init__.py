"""The unit registry: adding, editing and importing units against the structure on the
store, and the official list of provinces and communes since 1 July 2025."""

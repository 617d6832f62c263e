"""The ``drafter`` command: a thin layer over the library."""

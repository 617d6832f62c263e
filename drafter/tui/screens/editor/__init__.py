"""The report editor: one screen, in the modules of this package (see :mod:`.screen`)."""

"""The files a command touches, guarded in one place.

Every input is opened only as a regular file and read with its size bounded before reading
(:func:`~drafter.files.guard.read_bounded`); every output is refused when it is, or resolves
to, or is a hard link of the database or an input of the run, and when it is a link, a
directory, a device or a FIFO (:func:`~drafter.files.guard.output_target`).
"""

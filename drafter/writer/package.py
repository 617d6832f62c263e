"""Saving a python-docx package as its ZIP file, the parts every report shares deflated once.

python-docx's ``save`` serialises and deflates every part of the package on every save: the
styles, theme, numbering and font table are two thirds of that work and the same in every
report. Here the package's parts are walked as python-docx walks them (the same
``[Content_Types].xml``, relationship items and part names), but a part the writer marks as
shared (:func:`share`) is serialised and deflated once per process and its bytes reused;
only the parts a report changes (document, footnotes, properties, headers, settings) are
serialised and deflated per report, with zlib's default level, as ``zipfile`` does.
"""

from __future__ import annotations

import struct
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from docx.opc.oxml import CT_Relationships
from docx.opc.packuri import PACKAGE_URI, PackURI
from docx.opc.pkgwriter import _ContentTypesItem

# ZIP records (APPNOTE 4.3.7, 4.3.12, 4.3.16), as zipfile writes them: version 2.0, deflated,
# made on Unix, files readable by their owner.
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION, _UNIX, _DEFLATED, _ATTRIBUTES = 20, 3, 8, 0o600 << 16


@dataclass(frozen=True)
class Entry:
    """A file of the ZIP: its name, the CRC and size of its bytes, and the bytes deflated."""

    name: bytes
    crc: int
    size: int
    data: bytes


def entry(name: str, blob: bytes) -> Entry:
    """``blob`` deflated (raw deflate, zlib's default level) as the ZIP file ``name``."""
    deflater = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return Entry(name.encode(), zlib.crc32(blob), len(blob),
                 deflater.compress(blob) + deflater.flush())


# Parts shared by every document of a process (never changed after the base is built), by id;
# the part is kept with its entries so that the id cannot be reused by another object.
_shared: dict[int, tuple[Any, tuple[Entry, ...]]] = {}


def share(part: Any) -> None:
    """Mark ``part`` as unchanging: its item (and its relationships item) are made now and
    reused by every save of a package that holds it."""
    _shared[id(part)] = (part, tuple(_part_entries(part)))


def to_bytes(package: Any) -> bytes:
    """The ``.docx`` file of the python-docx ``package``."""
    parts = list(package.iter_parts())
    entries = [_content_types(tuple((str(part.partname), part.content_type) for part in parts)),
               _relationships_of(PACKAGE_URI, package.rels)]
    for part in parts:
        shared = _shared.get(id(part))
        entries += shared[1] if shared is not None else _part_entries(part)
    return _zip(entries)


def _part_entries(part: Any) -> Iterator[Entry]:
    yield entry(part.partname.membername, part.blob)
    if len(part.rels):
        yield _relationships_of(part.partname, part.rels)


@lru_cache(maxsize=16)
def _content_types(parts: tuple[tuple[str, str], ...]) -> Entry:
    """python-docx's own ``[Content_Types].xml`` for parts of these names and types: a few
    package layouts (with or without footnotes, a second header) recur in every report."""
    items = (_Named(PackURI(partname), content_type) for partname, content_type in parts)
    # python-docx's saving makes it so, not a public API: the same Default/Override choices.
    types = _ContentTypesItem.from_parts(items)  # type: ignore[no-untyped-call]
    return entry("[Content_Types].xml", types.blob)


class _Named(NamedTuple):
    """What python-docx reads of a part to list it in ``[Content_Types].xml``."""

    partname: PackURI
    content_type: str


def _relationships_of(source: PackURI, rels: Any) -> Entry:
    """The relationship item of the part ``source`` (or of the package)."""
    return _relationships(source.rels_uri.membername, source.baseURI, tuple(
        (rel.rId, rel.reltype, rel.is_external,
         rel.target_ref if rel.is_external else str(rel.target_part.partname))
        for rel in rels.values()))


@lru_cache(maxsize=64)
def _relationships(name: str, base: str, rels: tuple[tuple[str, str, bool, str], ...]) -> Entry:
    """The item python-docx writes for these relationships: a report's are those of the report
    before it, or nearly (a footnotes part, a second header), so the item is made once."""
    element = CT_Relationships.new()
    for rel_id, reltype, external, target in rels:
        element.add_rel(rel_id, reltype, target if external else
                        PackURI(target).relative_ref(base), external)
    return entry(name, element.xml)


def _zip(entries: Iterable[Entry]) -> bytes:
    """The ZIP file of ``entries``, dated now (as python-docx's saving dates them)."""
    year, month, day, hour, minute, second = time.localtime()[:6]
    dos_date = (year - 1980) << 9 | month << 5 | day
    dos_time = hour << 11 | minute << 5 | second // 2
    chunks: list[bytes] = []
    directory: list[bytes] = []
    offset = count = 0
    for item in entries:
        common = (_VERSION, 0, 0, _DEFLATED, dos_time, dos_date, item.crc, len(item.data),
                  item.size, len(item.name))
        directory += [_CENTRAL.pack(b"PK\x01\x02", _VERSION, _UNIX, *common, 0, 0, 0, 0,
                                    _ATTRIBUTES, offset), item.name]
        local = _LOCAL.pack(b"PK\x03\x04", *common, 0)
        chunks += [local, item.name, item.data]
        offset += len(local) + len(item.name) + len(item.data)
        count += 1
    central = b"".join(directory)
    chunks += [central, _END.pack(b"PK\x05\x06", 0, 0, count, count, len(central), offset, 0)]
    return b"".join(chunks)

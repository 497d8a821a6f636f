"""Write ``bcryptprimitives.dll`` for the Wine smoke test only: never part of the installer.

Why: pydantic-core's Windows wheel is built with Rust 1.78 or newer, whose standard library
draws random numbers with ``ProcessPrng`` from ``bcryptprimitives.dll``. Every Windows 10 and
11 has that DLL; Debian 12's Wine 8.0 does not (it came in a later Wine), so importing pydantic
fails there with "DLL load failed while importing _pydantic_core". The smoke test puts this
file in the Wine prefix's ``system32`` (the test's stand-in for Windows), not in the program.

What: a 64-bit DLL holding no code at all, one export, ``ProcessPrng``, forwarded to
``advapi32.SystemFunction036`` (RtlGenRandom), which Wine has. Both fill a buffer with random
bytes; ProcessPrng's length is a SIZE_T where RtlGenRandom's is a ULONG, the same register, and
the callers ask for a few bytes. A forward is resolved by the loader, so the file is written
here byte by byte from the PE format (no compiler needed).

    python make_bcryptprimitives.py OUT.dll
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

DLL_NAME = b"bcryptprimitives.dll"
EXPORT = b"ProcessPrng"
FORWARD_TO = b"advapi32.SystemFunction036"

FILE_ALIGNMENT = 0x200
SECTION_ALIGNMENT = 0x1000
SECTION_RVA = 0x1000
IMAGE_BASE = 0x180000000
OPTIONAL_HEADER_SIZE = 240  # PE32+ with 16 data directories


def export_section() -> bytes:
    """The export directory, its three tables and its strings, laid out from SECTION_RVA."""
    directory_size = 40
    functions = SECTION_RVA + directory_size  # one RVA
    names = functions + 4  # one RVA
    ordinals = names + 4  # one WORD
    strings = ordinals + 2
    dll_name = strings
    export_name = dll_name + len(DLL_NAME) + 1
    forward = export_name + len(EXPORT) + 1
    directory = struct.pack(
        "<IIHHIIIIIII",
        0, 0, 0, 0,  # characteristics, time stamp, version
        dll_name,
        1,  # ordinal base
        1, 1,  # functions, names
        functions, names, ordinals,
    )
    tables = struct.pack("<IIH", forward, export_name, 0)
    # An exported address inside the export directory's own range is a forward: the loader
    # reads "DLL.function" there and resolves that instead.
    text = DLL_NAME + b"\0" + EXPORT + b"\0" + FORWARD_TO + b"\0"
    return directory + tables + text


def dll() -> bytes:
    section = export_section()
    raw_size = -(-len(section) // FILE_ALIGNMENT) * FILE_ALIGNMENT
    image_size = SECTION_RVA + -(-len(section) // SECTION_ALIGNMENT) * SECTION_ALIGNMENT

    dos = b"MZ" + bytes(58) + struct.pack("<I", 0x40)
    coff = struct.pack(
        "<HHIIIHH",
        0x8664,  # x86-64
        1,  # sections
        0, 0, 0,  # time stamp, symbol table, symbols
        OPTIONAL_HEADER_SIZE,
        0x2000 | 0x0020 | 0x0002,  # DLL, large-address aware, executable image
    )
    directories = [(SECTION_RVA, len(section))] + [(0, 0)] * 15  # only the export table
    optional = struct.pack(
        "<HBBIIIII",
        0x20B,  # PE32+
        14, 0,  # linker version
        0, FILE_ALIGNMENT, 0,  # sizes of code, initialised and uninitialised data
        0,  # no entry point: nothing to run when loaded
        SECTION_RVA,  # base of code
    ) + struct.pack(
        "<QIIHHHHHHIIIIHHQQQQII",
        IMAGE_BASE, SECTION_ALIGNMENT, FILE_ALIGNMENT,
        6, 0, 0, 0, 6, 0,  # OS, image and subsystem versions
        0,  # reserved
        image_size, FILE_ALIGNMENT,  # size of image, size of headers
        0,  # checksum (not checked for a DLL loaded by a program)
        3,  # subsystem: console
        0x0100,  # NX compatible
        0x100000, 0x1000, 0x100000, 0x1000,  # stack and heap reserve and commit
        0,  # loader flags
        len(directories),
    ) + b"".join(struct.pack("<II", rva, size) for rva, size in directories)
    assert len(optional) == OPTIONAL_HEADER_SIZE
    header = struct.pack(
        "<8sIIIIIIHHI",
        b".rdata",
        len(section), SECTION_RVA, raw_size, FILE_ALIGNMENT,
        0, 0, 0, 0,  # relocations, line numbers
        0x40000040,  # initialised data, readable
    )
    headers = dos + b"PE\0\0" + coff + optional + header
    assert len(headers) <= FILE_ALIGNMENT
    return headers.ljust(FILE_ALIGNMENT, b"\0") + section.ljust(raw_size, b"\0")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    Path(argv[0]).write_bytes(dll())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

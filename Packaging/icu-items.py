#!/usr/bin/env python3
"""icu-items.py PACKAGE.dat NAME FOLDER: writes each item of an ICU common data package into FOLDER,
as icupkg -x would, and prints the items' names, one a line.

Debian's icupkg (ICU 72) cannot read the toolchain's package (ICU 76): its item names take 111,536
bytes, over that icupkg's limit of 100,000. So this reads the package, and icupkg writes the smaller
one, checking that no item left in it depends on one left out. The format is ICU's common data
format ("CmnD", source/common/ucmndata.h): a header, then a table of contents of item count and
(name offset, data offset) pairs, relative to the table, then the names, then the items. NAME is the
package's name (icudt76l); every item is NAME/item.
"""
import os
import struct
import sys


def fail(message):
    sys.exit(f"icu-items: {message}")


def main():
    if len(sys.argv) != 4:
        fail("usage: icu-items.py PACKAGE.dat NAME FOLDER")
    path, name, folder = sys.argv[1:]
    data = open(path, "rb").read()
    if len(data) < 32 or data[2:4] != b"\xda\x27":
        fail(f"{path} is not ICU data")
    header_size = struct.unpack_from("<H", data, 0)[0]
    big_endian, charset_family = data[8], data[9]
    if data[12:16] != b"CmnD" or big_endian != 0 or charset_family != 0:
        fail(f"{path} is not a little-endian ASCII ICU common data package")
    table = header_size
    count = struct.unpack_from("<I", data, table)[0]
    entries = [struct.unpack_from("<II", data, table + 4 + 8 * i) for i in range(count)]
    end = len(data) - table
    previous = 0
    for index, (name_offset, data_offset) in enumerate(entries):
        following = entries[index + 1][1] if index + 1 < count else end
        if not previous <= data_offset <= following <= end:
            fail(f"item {index} of {path} is out of order or out of bounds")
        previous = data_offset
        terminator = data.find(b"\0", table + name_offset)
        if terminator < 0:
            fail(f"item {index} of {path} has no name")
        full = data[table + name_offset:terminator].decode("ascii")
        if not full.startswith(name + "/"):
            fail(f"item {full} of {path} is not in {name}")
        item = full[len(name) + 1:]
        if item.startswith("/") or ".." in item.split("/"):
            fail(f"item {full} of {path} has an unsafe name")
        target = os.path.join(folder, item)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as file:
            file.write(data[table + data_offset:table + following])
        print(item)


main()

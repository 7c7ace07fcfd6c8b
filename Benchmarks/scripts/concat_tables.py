#!/usr/bin/env python3
"""Concatenates several `improve tables` outputs into one CSV per table, for duckdb_indicators.py.

Each input folder is the output of one `improve tables --input FILE.xml --out DIR` call (the CIN validator's eleven (twelve from 2026-27)
tables). The output folder gets one `<Table>.csv` per table holding every input's rows, with a first column
`SourceFile`: the input's position in the argument list, from 1. Give the folders in the order the files should be
merged (by census reference date, earliest first): duckdb_indicators.py keeps an episode found in several files from
the highest SourceFile, as the Swift loader keeps the later census's version. Within a file, CINdetailsID numbers a
child's episodes, so (SourceFile, LAchildID, CINdetailsID) names an episode across the concatenation.

Not timed by the benchmark (it is the CSV conversion the reference needs, like `improve tables`).

    python3 Benchmarks/scripts/concat_tables.py OUT_DIR TABLES_DIR [TABLES_DIR ...]
    python3 Benchmarks/scripts/concat_tables.py OUT_DIR --list FILE   (one TABLES_DIR per line)
"""
import argparse
import csv
import io
import os
import sys

TABLES = ["Header", "ChildIdentifiers", "ChildCharacteristics", "Disabilities", "CINdetails", "Assessments",
          "AssessmentFactorsList", "CINplanDates", "Section47", "ChildProtectionPlans", "Reviews"]


def split_header(data: bytes):
    """(header line, rest) of a CSV file's bytes, without the header's line ending."""
    end = data.find(b"\n")
    if end < 0:
        return data.rstrip(b"\r"), b""
    return data[:end].rstrip(b"\r"), data[end + 1:]


def prefixed(rows: bytes, ordinal: int) -> bytes:
    """The data rows with `ordinal,` in front of each record."""
    if not rows.strip():
        return b""
    lines = rows.replace(b"\r\n", b"\n").rstrip(b"\n").split(b"\n")
    if b'"' not in rows or all(line.count(b'"') % 2 == 0 for line in lines):
        # No record spans lines (a quoted line break would leave an odd number of quotes on its first line), so one
        # line is one record: prefix the lines directly (the common, fast case; `['2A', '2B']` factors included).
        tag = f"{ordinal},".encode()
        return b"".join(tag + line + b"\n" for line in lines)
    # Quoted fields may hold commas or line breaks: go through the csv module.
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for record in csv.reader(io.StringIO(rows.decode("utf-8"))):
        writer.writerow([ordinal, *record])
    return out.getvalue().encode("utf-8")


def concat(out_dir, in_dirs):
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for table in TABLES:
        sources = [(k, os.path.join(d, f"{table}.csv")) for k, d in enumerate(in_dirs, start=1)]
        present = [(k, p) for k, p in sources if os.path.exists(p)]
        if not present:
            continue
        if len(present) != len(sources):
            missing = [p for k, p in sources if not os.path.exists(p)]
            sys.exit(f"concat_tables: {table}.csv is missing from {len(missing)} folder(s), e.g. {missing[0]}")
        header = None
        with open(os.path.join(out_dir, f"{table}.csv"), "wb") as out:
            for k, path in present:
                with open(path, "rb") as f:
                    data = f.read()
                if data.startswith(b"\xef\xbb\xbf"):
                    data = data[3:]
                head, rows = split_header(data)
                if header is None:
                    header = head
                    out.write(b"SourceFile," + head + b"\n")
                elif head != header:
                    sys.exit(f"concat_tables: {path} has columns {head!r}, not {header!r}")
                out.write(prefixed(rows, k))
        written.append(table)
    return written


def main(argv=None):
    ap = argparse.ArgumentParser(description="Concatenate `improve tables` outputs, adding a SourceFile column.")
    ap.add_argument("out_dir")
    ap.add_argument("in_dirs", nargs="*")
    ap.add_argument("--list", help="a file naming one tables folder per line, in merge order")
    args = ap.parse_args(argv)
    in_dirs = list(args.in_dirs)
    if args.list:
        with open(args.list, encoding="utf-8") as f:
            in_dirs += [line.strip() for line in f if line.strip()]
    if not in_dirs:
        sys.exit("concat_tables: no tables folders given")
    written = concat(args.out_dir, in_dirs)
    print(f"concat_tables: {len(in_dirs)} file(s) -> {args.out_dir} ({', '.join(written)})", file=sys.stderr)


if __name__ == "__main__":
    main()

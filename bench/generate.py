#!/usr/bin/python3
"""Synthetic input directories for the benchmarks, from the example.

  generate.py scale K OUT      the example with every schedule line K times
                               (each a voce of its own) and every amount that
                               sums them multiplied by K, so that every check
                               of the example still holds at K x the rows
  generate.py entities N OUT   N copies of the example, one per sub-directory,
                               each with its own name and its amounts varied
                               by a deterministic factor (for `relazione batch`)
"""
import csv
import decimal
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "input")
D = decimal.Decimal
AMOUNT = re.compile(r"^(-?)€ ([\d.]+),(\d\d)$")


def scale_amount(text, k):
    match = AMOUNT.match(text.strip())
    if not match:
        return text
    cents = int(match[2].replace(".", "") + match[3]) * k
    whole, rest = divmod(cents, 100)
    groups = f"{whole:,}".replace(",", ".")
    return f"{match[1]}€ {groups},{rest:02d}"


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def write(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(rows)


def scale_table(path, k, columns):
    rows = read(path)
    header = rows[0]
    index = [header.index(c) for c in columns if c in header]
    for row in rows[1:]:
        for i in index:
            row[i] = scale_amount(row[i], k)
    write(path, rows)


def scale(k, out):
    shutil.copytree(EXAMPLE, out)
    rows = read(os.path.join(out, "schede.csv"))
    header, lines = rows[0], []
    voce, prev, cons = header.index("voce"), header.index("preventivo"), header.index("consuntivo")
    for row in rows[1:]:
        if row[voce].upper().startswith("TOTALE"):
            lines.append(row[:prev] + [scale_amount(row[prev], k), scale_amount(row[cons], k)]
                         + row[cons + 1:])
            continue
        for n in range(1, k + 1):
            copy = list(row)
            copy[voce] = row[voce] if n == 1 else f"{row[voce]} ({n})"
            lines.append(copy)
    write(os.path.join(out, "schede.csv"), [header] + lines)
    scale_table(os.path.join(out, "centri_di_costo.csv"), k, ["preventivo", "consuntivo"])
    scale_table(os.path.join(out, "costi.csv"), k, ["2024"])
    scale_table(os.path.join(out, "entrate.csv"), k, ["2024"])
    scale_table(os.path.join(out, "avanzo.csv"), k, ["vincolato", "finalizzato", "non_vincolato"])
    comuni = read(os.path.join(out, "tabelle", "comuni_soci.csv"))
    for row in comuni[1:]:
        row[1] = f"{int(row[1].replace('.', '')) * k:,}".replace(",", ".")
        row[2] = scale_amount(row[2], k)
    write(os.path.join(out, "tabelle", "comuni_soci.csv"), comuni)
    # the N-1 columns of costs and revenue stay: the key figures compare with them


def entities(n, out):
    os.makedirs(out)
    for i in range(n):
        target = os.path.join(out, f"ente_{i:04d}")
        shutil.copytree(EXAMPLE, target)
        path = os.path.join(target, "metadati.ini")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("«Solidarietà e Comunità»", f"«Ente di prova n. {i + 1}»")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("scale", "entities"):
        raise SystemExit(__doc__)
    count, out = int(sys.argv[2]), sys.argv[3]
    (scale if sys.argv[1] == "scale" else entities)(count, out)


if __name__ == "__main__":
    main()

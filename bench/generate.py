#!/usr/bin/python3
"""Synthetic, realistic input directories for the benchmarks, made from the
example in input/.

  generate.py scale K OUT [--seed S]      one entity with K times the example's rows
                                          (K = 1: the example's size)
  generate.py entities N OUT [--seed S]   N entities at 1x, OUT/ente_0001 … OUT/ente_N,
                                          for `relazione batch`

At K x, every action of schede.csv appears K times (as K actions of its area,
"… – ambito 2", "… – ambito 3", …), and so do the funds, the objectives, the
projects and the member municipalities. Every amount varies around the
example's by a deterministic factor (the seed, the entity and the row decide
it), and everything that must agree is recomputed from the varied lines,
never trusted: the TOTALE rows, the cost centres (one per area), the costs by
nature and the Uscite, the Entrate and the Avanzo, the quota of the
municipalities, the objectives' summary, the balance sheet's subtotals and
ratios, the published indicators that verifiche.csv recomputes, a motivazione
for every variance above the thresholds. So `relazione check` exits 0 on
every directory written, which this script verifies when given --check BIN.
"""
import argparse
import csv
import fractions
import os
import random
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "input")
F = fractions.Fraction

# metadati.ini: both thresholds must be exceeded for a variance to need words
THRESHOLD_CENTS = 1_000_000
THRESHOLD_HUNDREDTHS = 1000
EXAMPLE_USCITE = 235_370_417   # cents: the example's TOTALE USCITE, € 2.353.704,17

REASONS = [
    "Maggiori prese in carico rispetto alla programmazione",
    "Servizio avviato in ritardo per la procedura di affidamento",
    "Adeguamento contrattuale delle tariffe orarie",
    "Minori accessi al servizio nel primo semestre",
    "Nuovi inserimenti disposti in corso d'anno",
    "Cofinanziamento regionale assegnato dopo l'approvazione del preventivo",
]


# ---- numbers as Italian Excel writes them -----------------------------------

def parse_cents(text):
    """'€ 1.234,56' -> 123456; '€ -' and '' -> 0."""
    text = text.strip()
    negative = text.startswith("-")
    text = text.lstrip("-").replace("€", "").strip()
    if text in ("", "-"):
        return 0
    whole, _, part = text.partition(",")
    cents = int(whole.replace(".", "")) * 100 + int((part + "00")[:2])
    return -cents if negative else cents


def groups(n):
    return f"{n:,}".replace(",", ".")


def euro(cents):
    if cents == 0:
        return "€ -"
    whole, rest = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}€ {groups(whole)},{rest:02d}"


def count_text(n):
    return groups(n)


def parse_count(text):
    return int(text.replace(".", ""))


def round_half_away(value, decimals=0):
    """An exact Fraction rounded half away from zero, as an integer of
    10^-decimals units (the compiler's one rounding rule)."""
    scaled = F(value) * 10 ** decimals
    magnitude = abs(scaled)
    units = int(magnitude)
    if magnitude - units >= F(1, 2):
        units += 1
    return -units if scaled < 0 else units


def decimal_text(units, decimals, suffix=""):
    """units of 10^-decimals -> '18,16' (+ suffix)."""
    sign = "-" if units < 0 else ""
    whole, rest = divmod(abs(units), 10 ** decimals)
    return f"{sign}{groups(whole)},{rest:0{decimals}d}{suffix}"


def vary(cents, factor):
    return round_half_away(F(cents) * F(factor).limit_denominator(10 ** 6))


# ---- files ----------------------------------------------------------------------

def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def write(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(rows)


def is_total(label):
    return label.strip().upper().startswith("TOTALE")


class Entity:
    """One synthetic input directory being written."""

    def __init__(self, out, k, rng):
        self.out, self.k, self.rng = out, k, rng

    def path(self, name):
        return os.path.join(self.out, name)

    def growth(self):
        """How much bigger than the example this entity is, by its Uscite."""
        return F(self.uscite, EXAMPLE_USCITE)

    def factor(self, low=0.75, high=1.25):
        return self.rng.uniform(low, high)

    def copy_name(self, text, c):
        return text if c == 1 else f"{text} – ambito {c}"

    # ---- schede and what follows from it ----------------------------------------

    def schede(self):
        rows = read(self.path("schede.csv"))
        header = rows[0]
        col = {name: header.index(name) for name in header}
        blocks = []   # (area, azione, lines, total row)
        for row in rows[1:]:
            if not blocks or blocks[-1][1] != row[col["azione"]] \
                    or blocks[-1][0] != row[col["area"]]:
                blocks.append((row[col["area"]], row[col["azione"]], [], None))
            if is_total(row[col["voce"]]):
                blocks[-1] = blocks[-1][:3] + (row,)
            else:
                blocks[-1][2].append(row)
        actions_in_area = {}
        for area, _, _, _ in blocks:
            actions_in_area[area] = actions_in_area.get(area, 0) + 1
        out = []
        for c in range(1, self.k + 1):
            seen = {}
            for area, azione, lines, total in blocks:
                seen[area] = seen.get(area, 0) + 1
                number = (c - 1) * actions_in_area[area] + seen[area]
                title = azione.split(":", 1)[1].strip() if ":" in azione else azione
                name = f"Azione {number}: {self.copy_name(title, c)}"
                block = []
                for line in lines:
                    row = list(line)
                    row[col["azione"]] = name
                    scale = self.factor()
                    prev = vary(parse_cents(line[col["preventivo"]]), scale)
                    cons = vary(parse_cents(line[col["consuntivo"]]), scale * self.factor(0.97, 1.03))
                    row[col["preventivo"]], row[col["consuntivo"]] = euro(prev), euro(cons)
                    block.append(row)
                totals = list(total) if total else [area, name, "", "", "", "", ""]
                totals[col["azione"]] = name
                totals[col["voce"]] = "TOTALE " + self.copy_name(title, c).upper()
                totals[col["motivazione"]] = ""
                out.append((area, block, totals))
        # every variance above both thresholds explained, as R005 wants
        line_rows = [r for _, block, _ in out for r in block]
        for r in line_rows:
            if self.needs_words(r, col) and not r[col["motivazione"]]:
                r[col["motivazione"]] = self.rng.choice(REASONS)
        for area, block, totals in out:
            prev = sum(parse_cents(r[col["preventivo"]]) for r in block)
            cons = sum(parse_cents(r[col["consuntivo"]]) for r in block)
            totals[col["preventivo"]], totals[col["consuntivo"]] = euro(prev), euro(cons)
            if self.over(prev, cons) and not any(r[col["motivazione"]] for r in block):
                totals[col["motivazione"]] = self.rng.choice(REASONS)
        for area in dict.fromkeys(a for a, _, _ in out):
            lines = [r for a, block, _ in out if a == area for r in block]
            prev = sum(parse_cents(r[col["preventivo"]]) for r in lines)
            cons = sum(parse_cents(r[col["consuntivo"]]) for r in lines)
            if self.over(prev, cons) and not any(r[col["motivazione"]] for r in lines):
                lines[0][col["motivazione"]] = self.rng.choice(REASONS)
        # the first action of each copy of an area keeps the file's order by area
        ordered = []
        for area in dict.fromkeys(a for a, _, _ in out):
            for a, block, totals in out:
                if a == area:
                    ordered.extend(block + [totals])
        write(self.path("schede.csv"), [header] + ordered)
        self.lines = [r for r in ordered if not is_total(r[col["voce"]])]
        self.col = col

    @staticmethod
    def over(prev, cons):
        """Whether a variance may need words (a hair more eager than the
        compiler: an extra motivazione is harmless, a missing one a finding)."""
        difference = abs(cons - prev)
        if prev == 0:
            return difference != 0 and difference >= THRESHOLD_CENTS * 0.99
        percent = abs(F(cons - prev, prev)) * 10000
        return difference >= THRESHOLD_CENTS * 0.99 and percent >= THRESHOLD_HUNDREDTHS * 0.99

    def needs_words(self, row, col):
        return self.over(parse_cents(row[col["preventivo"]]), parse_cents(row[col["consuntivo"]]))

    def sum_lines(self, column, where=lambda r: True):
        return sum(parse_cents(r[self.col[column]]) for r in self.lines if where(r))

    def centri(self):
        rows = read(self.path("centri_di_costo.csv"))
        for row in rows[1:]:
            area = row[1]
            if is_total(row[0]):
                row[2], row[3] = euro(self.sum_lines("preventivo")), euro(self.sum_lines("consuntivo"))
            else:
                inside = lambda r, a=area: r[self.col["area"]] == a
                row[2] = euro(self.sum_lines("preventivo", inside))
                row[3] = euro(self.sum_lines("consuntivo", inside))
        write(self.path("centri_di_costo.csv"), rows)

    def costi(self):
        rows = read(self.path("costi.csv"))
        self.uscite = self.sum_lines("consuntivo")
        self.uscite_prior = 0
        for row in rows[1:]:
            if is_total(row[0]):
                continue
            nature = row[0]
            n = self.sum_lines("consuntivo", lambda r, x=nature: (r[self.col["descrizione"]] or "Altri costi") == x)
            ratio = F(parse_cents(row[2]), max(parse_cents(row[1]), 1))
            prior = vary(n, ratio * F(self.factor(0.98, 1.02)).limit_denominator(10 ** 6))
            row[1], row[2] = euro(n), euro(prior if prior != n or n == 0 else prior + 100)
            self.uscite_prior += parse_cents(row[2])
        rows[-1][1], rows[-1][2] = euro(self.uscite), euro(self.uscite_prior)
        write(self.path("costi.csv"), rows)

    def contributi_economici(self):
        """verifiche.csv: the schedule's first «Contributi economici» line equals
        the TOTALE of tabelle/contrasto_poverta.csv in year N. At K x the voce is
        on K lines (a formula refuses such a label, E311): the check names the
        first one's azione too."""
        first = next(r for r in self.lines if r[self.col["voce"]] == "Contributi economici")
        target = parse_cents(first[self.col["consuntivo"]])
        checks = read(self.path("verifiche.csv"))
        for row in checks[1:]:
            row[1] = row[1].replace('schede["Contributi economici"; consuntivo]',
                                    f'schede["Contributi economici"; "{first[self.col["azione"]]}"; '
                                    'consuntivo]')
        write(self.path("verifiche.csv"), checks)
        path = self.path(os.path.join("tabelle", "contrasto_poverta.csv"))
        rows = read(path)
        parts = [parse_cents(r[3]) for r in rows[1:-1]]
        old = sum(parts)
        new = [round_half_away(F(p * target, old)) for p in parts]
        new[0] += target - sum(new)
        for row, value in zip(rows[1:-1], new):
            row[3] = euro(value)
        rows[-1][3] = euro(target)
        write(path, rows)

    # ---- the entity's size: municipalities, revenue, surplus ---------------------

    def comuni(self):
        path = self.path(os.path.join("tabelle", "comuni_soci.csv"))
        rows = read(path)
        header, members = rows[0], rows[1:-1]
        # the quota grows with the Uscite (the example's: € 2.353.704,17)
        target = sum(parse_cents(r[2]) for r in members) * self.growth()
        out = []
        for c in range(1, self.k + 1):
            for r in members:
                ab = max(300, round(parse_count(r[1]) * self.factor(0.8, 1.2)))
                out.append([self.copy_name(r[0], c), ab])
        abitanti = sum(ab for _, ab in out)
        rate = target / abitanti
        rows = [header]
        for name, ab in out:
            rows.append([name, count_text(ab), euro(vary(round_half_away(rate * ab), self.factor(0.97, 1.03)))])
        self.quote = sum(parse_cents(r[2]) for r in rows[1:])
        self.abitanti = abitanti
        rows.append(["TOTALE", count_text(abitanti), euro(self.quote)])
        write(path, rows)

    def entrate(self):
        rows = read(self.path("entrate.csv"))
        growth = self.growth()
        for row in rows[1:-1]:
            n, prior = parse_cents(row[1]), parse_cents(row[2])
            if row[0] == "Quote dei Comuni soci":
                value = self.quote
            else:
                value = vary(round_half_away(n * growth), self.factor(0.95, 1.05))
            row[1], row[2] = euro(value), euro(vary(value, F(prior, n) * F(self.factor(0.98, 1.02)).limit_denominator(10 ** 6)))
        # the Avanzo is Entrate - Uscite: between 2 % and 4 % of the Uscite, as
        # in the example (2 %); the users' share of the costs closes the gap
        avanzo = read(self.path("avanzo.csv"))
        vincolato = vary(parse_cents(avanzo[1][1]), self.growth() * F(self.factor(0.3, 0.9)).limit_denominator(1000))
        finalizzato = vary(parse_cents(avanzo[2][2]), self.growth() * F(self.factor(0.3, 0.9)).limit_denominator(1000))
        entrate = self.uscite + round_half_away(self.uscite * F(self.factor(0.02, 0.04)).limit_denominator(10 ** 6))
        utenti = next(r for r in rows if r[0] == "Compartecipazione degli utenti")
        others = sum(parse_cents(r[1]) for r in rows[1:-1] if r is not utenti)
        utenti[1] = euro(entrate - others)
        rows[-1][1] = euro(entrate)
        rows[-1][2] = euro(sum(parse_cents(r[2]) for r in rows[1:-1]))
        self.entrate_n, self.entrate_prior = entrate, parse_cents(rows[-1][2])
        write(self.path("entrate.csv"), rows)
        libero = entrate - self.uscite - vincolato - finalizzato
        avanzo[1][1:] = [euro(vincolato), euro(0), euro(0)]
        avanzo[2][1:] = [euro(0), euro(finalizzato), euro(0)]
        avanzo[3][1:] = [euro(0), euro(0), euro(libero)]
        avanzo[4][1:] = [euro(vincolato), euro(finalizzato), euro(libero)]
        write(self.path("avanzo.csv"), avanzo)

    def valore_produzione(self):
        """The series in whole euros: year N (and N-1 for the first row) from
        the Entrate and the quota, the earlier years in the example's proportion."""
        rows = read(self.path("valore_produzione.csv"))
        n = len(rows[0]) - 1
        known = {"Valore della produzione": [self.entrate_prior, self.entrate_n],
                 "di cui quote dei Comuni soci": [self.quote]}
        for row in rows[1:]:
            last = known[row[0]]
            old = parse_count(row[n - len(last) + 1])
            for i, cents in enumerate(last):
                row[n - len(last) + 1 + i] = count_text(round_half_away(F(cents, 100)))
            new = parse_count(row[n - len(last) + 1])
            for y in range(1, n - len(last) + 1):
                row[y] = count_text(round_half_away(F(parse_count(row[y]) * new, old)))
        write(self.path("valore_produzione.csv"), rows)

    def indicatori(self):
        """The two published indicators that verifiche.csv recomputes."""
        rows = read(self.path("indicatori.csv"))
        servizi_generali = self.sum_lines("consuntivo", lambda r: r[self.col["area"]] == "Servizi generali")
        for row in rows[1:]:
            if row[0] == "Spesa sociale pro-capite":
                row[-1] = "€ " + decimal_text(round_half_away(F(self.uscite, 100 * self.abitanti), 2), 2)
            elif row[0] == "Incidenza dei costi di gestione":
                row[-1] = decimal_text(round_half_away(F(servizi_generali * 100, self.uscite), 2), 2, "%")
        write(self.path("indicatori.csv"), rows)

    # ---- tables that grow with the entity -----------------------------------------

    def fondi(self):
        rows = read(self.path("fondi.csv"))
        header, out = rows[0], [rows[0]]
        group_rows = {}
        for row in rows[1:]:
            group_rows.setdefault(row[0], []).append(row)
        for group, members in group_rows.items():
            lines = [r for r in members if not is_total(r[1])]
            total = next(r for r in members if is_total(r[1]))
            made = []
            for c in range(1, self.k + 1):
                for r in lines:
                    scale = self.factor(0.7, 1.3)
                    made.append([group, self.copy_name(r[1], c), r[2]]
                                + [euro(vary(parse_cents(v), scale * self.factor(0.95, 1.05))) for v in r[3:]])
            sums = [euro(sum(parse_cents(m[i]) for m in made)) for i in range(3, len(header))]
            out += made + [[group, total[1], ""] + sums]
        write(self.path("fondi.csv"), out)

    def obiettivi(self):
        rows = read(self.path("obiettivi.csv"))
        header, out = rows[0], [rows[0]]
        by_area = {}
        outcomes = ["SI", "SI", "SI", "NO", "PARZIALMENTE", "In corso"]
        for c in range(1, self.k + 1):
            for r in rows[1:]:
                row = list(r)
                row[1] = self.copy_name(r[1], c)
                if c > 1:
                    row[4] = self.rng.choice(outcomes)
                out.append(row)
                by_area.setdefault(row[0], []).append(row[4].strip().lower())
        write(self.path("obiettivi.csv"), out)
        summary = read(self.path("riepilogo_obiettivi.csv"))
        every = [o for area in by_area.values() for o in area]
        for row in summary[1:]:
            chosen = every if is_total(row[0]) else by_area[row[0]]
            counts = [sum(o in ("si", "sì") for o in chosen), sum(o == "no" for o in chosen)]
            counts.append(len(chosen) - sum(counts))
            row[1:] = [str(len(chosen))] + [decimal_text(s, 2, "%") for s in shares(counts)]
        write(self.path("riepilogo_obiettivi.csv"), summary)

    def progetti(self):
        rows = read(self.path("progetti.csv"))
        out = [rows[0]]
        for c in range(1, self.k + 1):
            for r in rows[1:]:
                scale = self.factor(0.7, 1.3)
                row = [self.copy_name(r[0], c)] + r[1:3] \
                    + [euro(vary(parse_cents(v), scale)) for v in r[3:8]] + r[8:]
                out.append(row)
        write(self.path("progetti.csv"), out)

    def personale(self):
        rows = read(self.path("personale.csv"))
        growth = self.growth()
        for row in rows[1:-1]:
            row[1:] = [str(round_half_away(int(v) * growth * F(self.factor(0.9, 1.1)).limit_denominator(1000)))
                       for v in row[1:]]
        rows[-1][1:] = [str(sum(int(r[i]) for r in rows[1:-1])) for i in range(1, len(rows[0]))]
        write(self.path("personale.csv"), rows)

    def bilancio(self):
        """The reclassified balance sheet, scaled with the entity; the
        equity balances it, and the subtotals and ratios are recomputed."""
        rows = read(self.path("stato_patrimoniale.csv"))
        growth = self.growth()
        item = {r[0]: r for r in rows[1:]}
        assets = ["immobilizzazioni_immateriali", "immobilizzazioni_materiali",
                  "immobilizzazioni_finanziarie", "altri_crediti", "ratei_risconti_attivi",
                  "disponibilita_liquide"]
        debts = ["debiti_fornitori", "debiti_tributari_previdenziali", "altri_debiti",
                 "ratei_risconti_passivi", "tfr"]
        ratios = {}
        for year in (2, 3):
            v = {}
            for code in assets + debts:
                v[code] = round_half_away(parse_count(item[code][year]) * growth * F(self.factor(0.85, 1.15)).limit_denominator(1000))
            fixed = sum(v[c] for c in assets[:3])
            short_assets = v["altri_crediti"] + v["ratei_risconti_attivi"]
            short_debts = sum(v[c] for c in debts[:4])
            total_assets = fixed + short_assets + v["disponibilita_liquide"]
            v["patrimonio_netto"] = total_assets - short_debts - v["tfr"]
            if v["patrimonio_netto"] <= 0:
                v["disponibilita_liquide"] += 1 - v["patrimonio_netto"]
                total_assets += 1 - v["patrimonio_netto"]
                v["patrimonio_netto"] = 1
            v["capitale_immobilizzato"] = fixed
            v["margine_tesoreria"] = v["disponibilita_liquide"] + short_assets - short_debts
            v["posizione_finanziaria_netta"] = v["disponibilita_liquide"]
            for code, value in v.items():
                item[code][year] = count_text(value) if value >= 0 else "-" + count_text(-value)
            current = F(v["disponibilita_liquide"] + short_assets, short_debts)
            ratios[year] = {
                "liquidita_primaria": decimal_text(round_half_away(current, 2), 2),
                "liquidita_secondaria": decimal_text(round_half_away(current, 2), 2),
                "tasso_copertura_immobilizzi": decimal_text(
                    round_half_away(F(v["patrimonio_netto"] + v["tfr"], fixed), 2), 2),
                "indice_indebitamento_previdenziale_tributario": decimal_text(
                    round_half_away(F(v["debiti_tributari_previdenziali"] * 100, total_assets), 2), 2, "%"),
            }
        write(self.path("stato_patrimoniale.csv"), rows)
        indici = read(self.path("indici.csv"))
        for row in indici[1:]:
            row[2], row[3] = ratios[2][row[0]], ratios[3][row[0]]
        write(self.path("indici.csv"), indici)

    def name(self, text):
        path = self.path("metadati.ini")
        with open(path, encoding="utf-8") as f:
            ini = f.read()
        ini = ini.replace("«Solidarietà e Comunità»", f"«{text}»")
        with open(path, "w", encoding="utf-8") as f:
            f.write(ini)

    def write_all(self, name):
        shutil.copytree(EXAMPLE, self.out)
        self.schede()
        self.centri()
        self.costi()
        self.contributi_economici()
        self.comuni()
        self.entrate()
        self.valore_produzione()
        self.indicatori()
        self.fondi()
        self.obiettivi()
        self.progetti()
        self.personale()
        self.bilancio()
        self.name(name)


def shares(counts):
    """Hundredths of a point that add up to 10000: rounded down, the rest to
    the largest remainders, ties to the first (docs/RECONCILIATION.md)."""
    total = sum(counts)
    if total == 0:
        return [0, 0, 0]
    out = [c * 10000 // total for c in counts]
    rest = [c * 10000 % total for c in counts]
    while sum(out) < 10000:
        best = max(range(3), key=lambda i: (rest[i], -i))
        out[best] += 1
        rest[best] = -1
    return out


def check(binary, directory):
    result = subprocess.run([binary, "check", directory], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{directory}: relazione check exited {result.returncode}\n{result.stderr}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["scale", "entities"])
    parser.add_argument("count", type=int, help="K (scale) or N (entities)")
    parser.add_argument("out", help="the directory to write (must not exist)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--check", metavar="RELAZIONE",
                        help="run RELAZIONE check on every directory written (must exit 0)")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("count must be at least 1")
    if args.mode == "scale":
        Entity(args.out, args.count, random.Random(f"{args.seed}/scale/{args.count}")).write_all(
            f"Solidarietà e Comunità – {args.count}x")
        written = [args.out]
    else:
        os.makedirs(args.out)
        written = []
        for i in range(1, args.count + 1):
            target = os.path.join(args.out, f"ente_{i:04d}")
            Entity(target, 1, random.Random(f"{args.seed}/ente/{i}")).write_all(
                f"Ente di prova n. {i}")
            written.append(target)
    if args.check:
        for directory in written:
            check(args.check, directory)
        print(f"{len(written)} director{'y' if len(written) == 1 else 'ies'} written, "
              "relazione check exits 0 on each", file=sys.stderr)


if __name__ == "__main__":
    main()

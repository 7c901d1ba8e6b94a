#!/usr/bin/python3
"""The PDF of the example, read back as a reader would use it: at least 20
pages; every Indice entry points at the page where its heading is; the
bookmarks mirror the headings; every amount of the schedules is printed in
Italian format; the document says who, what and in which language.

Usage: test_pdf_structure.py RELAZIONE SRCDIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
ENTRY = re.compile(r"^(?P<title>\d+(?:\.\d+)*\.? .+?|Prospetto delle verifiche)"
                   r"(?: ?\.){2,} ?(?P<page>\d+)$")


def page_text(pdf, page):
    return subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), pdf, "-"],
                          capture_output=True, text=True, check=True).stdout


class PdfStructure(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="relazione-pdf-")
        result = subprocess.run([RELAZIONE, "build", os.path.join(SOURCE, "input"), "-o",
                                 cls.tmp], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        cls.pdf = os.path.join(cls.tmp, "relazione.pdf")
        info = subprocess.run(["pdfinfo", cls.pdf], capture_output=True, text=True,
                              check=True).stdout
        cls.info = info
        cls.pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def toc_entries(self):
        entries = []
        for page in range(1, 5):
            text = page_text(self.pdf, page)
            if "Indice" not in text:
                continue
            for line in text.splitlines():
                match = ENTRY.match(line.strip())
                if match:
                    entries.append((match["title"].strip(), int(match["page"])))
        return entries

    def test_a_full_report(self):
        # the example exercises every dataset: a report of some twenty pages
        # or more (fewer since pagination stopped leaving pages part-empty)
        self.assertGreaterEqual(self.pages, 20)

    def test_chart_legends_read_as_the_table_headers(self):
        # The legend names the series as the tables' headers do: "Preventivo", not the
        # raw column name "preventivo".
        caption = "Fig. 1: Preventivo e consuntivo per area"
        pages = [page_text(self.pdf, n) for n in range(1, self.pages + 1)]
        chart = next(text for text in pages if caption in text)
        self.assertIn("Preventivo Consuntivo", chart.splitlines())
        self.assertNotIn("preventivo consuntivo", chart)

    def test_every_index_entry_points_at_its_heading(self):
        entries = self.toc_entries()
        self.assertGreaterEqual(len(entries), 20)
        for title, page in entries:
            with self.subTest(title=title):
                self.assertLessEqual(page, self.pages)
                flat = " ".join(page_text(self.pdf, page).split())
                self.assertIn(title, flat)
                before = page_text(self.pdf, page - 1) if page > 1 else ""
                if "Indice" not in before:   # and not already on the page before
                    self.assertNotIn(title + " ", " ".join(before.split()))

    def test_bookmarks_mirror_the_headings(self):
        result = subprocess.run(["qpdf", "--json", "--json-key=outlines", self.pdf],
                                capture_output=True, text=True, check=True)
        titles = re.findall(r'"title": "([^"]+)"', result.stdout)
        entries = [title for title, _ in self.toc_entries()]
        for title in entries:
            self.assertIn(title, titles)

    def test_document_information(self):
        self.assertRegex(self.info, r"Title:\s+Relazione sulla gestione")
        self.assertRegex(self.info, r"Author:\s+Azienda Speciale Consortile «Solidarietà")
        self.assertRegex(self.info, r"Keywords:\s+relazione sulla gestione")
        with open(self.pdf, "rb") as f:
            self.assertIn(b"/Lang (it-IT)", f.read())
        subprocess.run(["qpdf", "--check", self.pdf], capture_output=True, check=True)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)

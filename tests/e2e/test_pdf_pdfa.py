#!/usr/bin/python3
"""The PDF/A-1b clauses that relazione claims, each checked on the built
example (with names outside Windows-1252, so that composite fonts are in)
through qpdf's JSON. docs/PDF.md lists these clauses and those not checked.

Usage: test_pdf_pdfa.py RELAZIONE SRCDIR
"""
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/",
      "pdf": "http://ns.adobe.com/pdf/1.3/", "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}
ENTITY = "Cooperativa Sociale «Alfa & Beta» <Onlus>"


def build(input_dir, out_dir):
    result = subprocess.run([RELAZIONE, "build", input_dir, "-o", out_dir],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return os.path.join(out_dir, "relazione.pdf")


def text_of(value):
    """A qpdf JSON v2 string ("u:…" text, "b:…" hex bytes) as text."""
    if value.startswith("u:"):
        return value[2:]
    raw = bytes.fromhex(value[2:])
    return raw[2:].decode("utf-16-be") if raw[:2] == b"\xfe\xff" else raw.decode("latin-1")


def walk(value):
    """Every dictionary and array nested in a qpdf JSON value, itself included."""
    yield value
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    for child in children:
        yield from walk(child)


class PdfA(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="relazione-pdfa-")
        cls.input = os.path.join(cls.tmp, "input")
        shutil.copytree(os.path.join(SOURCE, "input"), cls.input)
        for path, old, new in [("organi.csv", "Giovanni Brambilla", "Ionuț Wałęsa"),
                               ("metadati.ini", "nome = Azienda Speciale Consortile «Solidarietà e Comunità»",
                                "nome = " + ENTITY)]:
            path = os.path.join(cls.input, path)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            assert old in text, old
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace(old, new))
        cls.out = os.path.join(cls.tmp, "out")
        cls.pdf = build(cls.input, cls.out)
        with open(cls.pdf, "rb") as f:
            cls.bytes = f.read()
        dump = subprocess.run(["qpdf", "--json", "--json-key=qpdf", "--json-stream-data=inline",
                               "--decode-level=generalized", cls.pdf],
                              capture_output=True, text=True, check=True).stdout
        cls.objects = json.loads(dump)["qpdf"][1]
        cls.trailer = cls.objects["trailer"]["value"]
        cls.catalog = cls.value(cls.trailer["/Root"])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    @classmethod
    def entry(cls, ref):
        return cls.objects["obj:" + ref]

    @classmethod
    def value(cls, ref):
        entry = cls.entry(ref)
        return entry["value"] if "value" in entry else entry["stream"]["dict"]

    def stream_data(self, ref):
        return base64.b64decode(self.entry(ref)["stream"]["data"])

    def dictionaries(self):
        for key, entry in self.objects.items():
            if key.startswith("obj:"):
                top = entry.get("value", entry.get("stream", {}).get("dict"))
                for value in walk(top):
                    if isinstance(value, dict):
                        yield value

    def fonts(self):
        return [d for d in self.dictionaries() if d.get("/Type") == "/Font"]

    # 6.1.2 File header
    def test_6_1_2_header_pdf_1_4_and_binary_comment(self):
        first, second = self.bytes.split(b"\n")[:2]
        self.assertEqual(first, b"%PDF-1.4")
        self.assertTrue(second.startswith(b"%") and all(b > 127 for b in second[1:5]))

    # 6.1.3 File trailer: an ID, no encryption; and reproducible
    def test_6_1_3_trailer_id_reproducible(self):
        ids = self.trailer["/ID"]
        self.assertEqual(len(ids), 2)
        self.assertEqual(len(bytes.fromhex(ids[0][2:])), 16)
        self.assertNotIn("/Encrypt", self.trailer)
        again = build(self.input, os.path.join(self.tmp, "again"))
        with open(again, "rb") as f:
            self.assertEqual(f.read(), self.bytes)
        other = build(os.path.join(SOURCE, "input"), os.path.join(self.tmp, "other"))
        out = subprocess.run(["qpdf", "--json", "--json-key=qpdf", other], capture_output=True,
                             text=True, check=True).stdout
        self.assertNotEqual(json.loads(out)["qpdf"][1]["trailer"]["value"]["/ID"], ids)

    # 6.1.6 / 6.1.7 / 6.1.8: syntax, stream lengths, object framing (qpdf's checker)
    def test_6_1_7_streams_and_syntax(self):
        check = subprocess.run(["qpdf", "--check", self.pdf], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        self.assertNotIn("WARNING", check.stdout + check.stderr)
        for d in self.dictionaries():
            for key in ("/F", "/FFilter", "/FDecodeParms"):
                if "/Length" in d:
                    self.assertNotIn(key, d)

    # 6.1.10 Filters: no LZW
    def test_6_1_10_no_lzw(self):
        self.assertNotIn(b"LZWDecode", self.bytes)

    # 6.1.11 Embedded files: none
    def test_6_1_11_no_embedded_files(self):
        self.assertNotIn("/EmbeddedFiles", json.dumps(self.objects))

    # 6.1.12 Implementation limits
    def test_6_1_12_limits(self):
        for key, entry in self.objects.items():
            if not key.startswith("obj:"):
                continue
            for value in walk(entry.get("value", entry.get("stream", {}).get("dict"))):
                if isinstance(value, list):
                    self.assertLessEqual(len(value), 8191, key)
                elif isinstance(value, dict):
                    self.assertLessEqual(len(value), 4095, key)
                    for item in value.values():
                        if isinstance(item, (int, float)):
                            self.assertLessEqual(abs(item), 2 ** 31 - 1 if isinstance(item, int)
                                                 else 32767, key)
                        elif isinstance(item, str) and item[:2] in ("u:", "b:"):
                            self.assertLessEqual(len(text_of(item).encode("utf-16-be")), 65535)

    # 6.2.2 Output intent: one GTS_PDFA1 with an embedded ICC v2 RGB profile
    def test_6_2_2_output_intent(self):
        intents = self.catalog["/OutputIntents"]
        self.assertEqual(len(intents), 1)
        intent = self.value(intents[0])
        self.assertEqual(intent["/S"], "/GTS_PDFA1")
        self.assertIn("/OutputConditionIdentifier", intent)
        profile = self.stream_data(intent["/DestOutputProfile"])
        self.assertEqual(self.value(intent["/DestOutputProfile"])["/N"], 3)
        self.assertEqual(profile[36:40], b"acsp")
        self.assertEqual(profile[8], 2, "PDF/A-1 wants an ICC version 2 profile")
        self.assertEqual(profile[16:20], b"RGB ")

    # 6.2.8 / 6.4 Transparency: no soft masks, blend modes or alpha; no groups
    def test_6_4_no_transparency(self):
        for d in self.dictionaries():
            self.assertIn(d.get("/SMask", "/None"), ("/None",))
            self.assertIn(d.get("/BM", "/Normal"), ("/Normal", "/Compatible"))
            self.assertEqual(d.get("/CA", 1), 1)
            self.assertEqual(d.get("/ca", 1), 1)
            if d.get("/Type") == "/Page":
                self.assertNotIn("/Group", d)
            self.assertNotIn("/TR", d)

    # 6.3.4 Embedded fonts; 6.3.3 composite fonts; 6.3.5 subsets; 6.3.7 encodings
    def test_6_3_fonts(self):
        fonts = self.fonts()
        kinds = {f["/Subtype"] for f in fonts}
        self.assertEqual(kinds, {"/TrueType", "/Type0", "/CIDFontType2"})
        for font in fonts:
            with self.subTest(font=font.get("/BaseFont")):
                if font["/Subtype"] == "/TrueType":
                    self.assertEqual(font["/Encoding"], "/WinAnsiEncoding")   # 6.3.7
                    descriptor = self.value(font["/FontDescriptor"])
                    self.assertIn("/FontFile2", descriptor)                    # 6.3.4
                    self.assertTrue(descriptor["/Flags"] & 32)                 # nonsymbolic
                    self.assertFalse(descriptor["/Flags"] & 4)
                elif font["/Subtype"] == "/Type0":
                    self.assertEqual(font["/Encoding"], "/Identity-H")
                    self.assertIn("/ToUnicode", font)
                    cid = self.value(font["/DescendantFonts"][0])
                    self.assertEqual(cid["/Subtype"], "/CIDFontType2")
                    info = cid["/CIDSystemInfo"]                               # 6.3.3.1
                    self.assertEqual((text_of(info["/Registry"]), text_of(info["/Ordering"])),
                                     ("Adobe", "Identity"))
                    self.assertIn("/CIDToGIDMap", cid)                         # 6.3.3.2
                    descriptor = self.value(cid["/FontDescriptor"])
                    self.assertIn("/FontFile2", descriptor)
                    self.assertIn("/CIDSet", descriptor)                       # 6.3.5
                    cmap = self.stream_data(font["/ToUnicode"]).decode()
                    self.assertIn("beginbfchar", cmap)
                    self.assertNotIn("cidrange", cmap)

    # 6.5.3 Annotations: printable, not hidden; only allowed types
    def test_6_5_annotations_print_flag(self):
        annots = [d for d in self.dictionaries() if d.get("/Type") == "/Annot"]
        self.assertGreater(len(annots), 10)
        for annot in annots:
            self.assertIn(annot["/Subtype"], ("/Link",))
            flags = annot.get("/F", 0)
            self.assertTrue(flags & 4, annot)
            self.assertFalse(flags & (1 | 2 | 32), annot)
            self.assertEqual(annot.get("/CA", 1), 1)

    # 6.6 Actions: no JavaScript, Launch, Sound, Movie, forms actions; no /AA
    def test_6_6_no_forbidden_actions(self):
        for d in self.dictionaries():
            self.assertNotIn("/AA", d)
            self.assertNotIn(d.get("/S"), ("/JavaScript", "/Launch", "/Sound", "/Movie",
                                           "/ResetForm", "/ImportData"))
        self.assertNotIn("/AcroForm", self.catalog)

    # 6.7 Metadata: an unfiltered XMP stream, pdfaid 1/B, agreeing with Info
    def test_6_7_metadata_agrees_with_info(self):
        ref = self.catalog["/Metadata"]
        stream = self.value(ref)
        self.assertEqual((stream["/Type"], stream["/Subtype"]), ("/Metadata", "/XML"))
        raw = subprocess.run(["qpdf", "--show-object=" + ref.split()[0], "--raw-stream-data",
                              self.pdf], capture_output=True, check=True).stdout
        packet = self.stream_data(ref)
        self.assertEqual(raw, packet, "the metadata stream is not filtered")
        self.assertNotIn(b"bytes=", packet.split(b"?>")[0])
        self.assertNotIn(b"encoding=", packet.split(b"?>")[0])
        root = ET.fromstring(packet.decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
        find = lambda path: root.find(".//" + path, NS).text
        self.assertEqual(find("pdfaid:part"), "1")
        self.assertEqual(find("pdfaid:conformance"), "B")
        info = self.value(self.trailer["/Info"])
        pairs = {"/Title": "dc:title/rdf:Alt/rdf:li", "/Author": "dc:creator/rdf:Seq/rdf:li",
                 "/Subject": "dc:description/rdf:Alt/rdf:li", "/Keywords": "pdf:Keywords",
                 "/Creator": "xmp:CreatorTool", "/Producer": "pdf:Producer"}
        for key, path in pairs.items():
            self.assertEqual(text_of(info[key]), find(path), key)
        self.assertEqual(text_of(info["/Author"]), ENTITY)
        for key, path in {"/CreationDate": "xmp:CreateDate", "/ModDate": "xmp:ModifyDate"}.items():
            match = re.match(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)\+00'00'", text_of(info[key]))
            self.assertIsNotNone(match, info[key])
            self.assertEqual("%s-%s-%sT%s:%s:%s+00:00" % match.groups(), find(path))

    # The manifest ties the filed file to its data.
    def test_manifest_hash_is_the_filed_file(self):
        with open(os.path.join(self.out, "manifesto.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        hashes = json.dumps(manifest)
        self.assertIn(hashlib.sha256(self.bytes).hexdigest(), hashes)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)

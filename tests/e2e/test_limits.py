#!/usr/bin/python3
"""Every explicit limit, at the limit and one past it: file size, columns,
template includes, template block nesting, loop length. (Rows, field
length and formula depth are tested in the unit tests of the CSV reader
and of the formula language.)

Usage: test_limits.py RELAZIONE SRCDIR
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
INPUT = os.path.join(SOURCE, "input")
MIB64 = 64 * 1024 * 1024


class Limits(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="relazione-limits-")
        self.dir = os.path.join(self.tmp, "in")
        shutil.copytree(INPUT, self.dir)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def check(self, env=None):
        return subprocess.run([RELAZIONE, "check", self.dir], capture_output=True, text=True,
                              env=dict(os.environ, **(env or {})))

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_file_size(self):
        path = os.path.join(self.dir, "metadati.ini")
        with open(path, "rb") as f:
            original = f.read()
        comment = b"# " + b"x" * 1021 + b"\n"
        padding = MIB64 - len(original)
        with open(path, "wb") as f:
            f.write(original)
            f.write(comment * (padding // len(comment)))
            f.write(b"#" * (padding % len(comment)))
        self.assertEqual(os.path.getsize(path), MIB64)
        result = self.check()
        self.assertEqual(result.returncode, 0, result.stderr[:500])
        with open(path, "ab") as f:
            f.write(b"\n")
        result = self.check()
        self.assertEqual(result.returncode, 66)
        self.assertIn("[E005]", result.stderr)

    def test_columns(self):
        def table(columns):
            header = ";".join(["voce"] + [f"c{i}" for i in range(1, columns)])
            row = ";".join(["riga"] + ["1"] * (columns - 1))
            self.write("tabelle/larga.csv", header + "\n" + row + "\n")
        table(256)
        result = self.check()
        self.assertEqual(result.returncode, 0, result.stderr[:500])
        table(257)
        result = self.check()
        self.assertEqual(result.returncode, 65)
        self.assertIn("larga.csv:1:", result.stderr)
        self.assertIn("[E023]", result.stderr)

    def test_template_includes(self):
        templates = os.path.join(self.tmp, "templates")
        os.mkdir(templates)

        def chain(depth):
            for level in range(1, depth + 1):
                body = f"{{% includi t{level + 1}.tpl %}}\n" if level < depth else "# Fondo\n"
                with open(os.path.join(templates, f"t{level}.tpl"), "w") as f:
                    f.write(body)
            self.write("modello.tpl", "{% includi t1.tpl %}\n")
        env = {"RELAZIONE_TEMPLATE_DIR": templates}
        chain(8)
        result = self.check(env)
        self.assertEqual(result.returncode, 0, result.stderr)
        chain(9)
        result = self.check(env)
        self.assertEqual(result.returncode, 65)
        self.assertIn("[T006]", result.stderr)

    def test_template_nesting(self):
        def nested(depth):
            self.write("modello.tpl", "{% se dati schede %}\n" * depth + "# Dentro\n" +
                       "{% fine %}\n" * depth)
        nested(16)
        result = self.check()
        self.assertEqual(result.returncode, 0, result.stderr)
        nested(17)
        result = self.check()
        self.assertEqual(result.returncode, 65)
        self.assertIn("modello.tpl:17:", result.stderr)
        self.assertIn("[T006]", result.stderr)

    def test_loop_length(self):
        def values(count):
            self.write("tabelle/lunga.csv", "voce;2024\n" +
                       "".join(f"voce {i};{i}\n" for i in range(count)))
            self.write("modello.tpl", "{% per v in lunga.voce %}\n- {{ v }}\n{% fine %}\n")
        values(1000)
        result = self.check()
        self.assertEqual(result.returncode, 0, result.stderr[:500])
        values(1001)
        result = self.check()
        self.assertEqual(result.returncode, 65)
        self.assertIn("[T006]", result.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)

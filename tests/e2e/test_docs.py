#!/usr/bin/python3
"""README and docs agree with the repository: the first lines work on a
minimal Debian (make is installed first, `make test` is the test command
and .ci/run calls it), the hand-build list names every package the install
script installs, and no link leads outside the repository or nowhere.

Usage: test_docs.py SRCDIR
"""
import glob
import os
import re
import sys
import unittest

SOURCE = os.path.abspath(sys.argv[1])


def read(*path):
    with open(os.path.join(SOURCE, *path), encoding="utf-8") as f:
        return f.read()


class Docs(unittest.TestCase):
    def test_the_first_lines_get_make_then_build_then_test(self):
        block = re.search(r"```sh\n(.*?)```", read("README.md"), re.S)[1]
        commands = [line.split("#")[0].strip() for line in block.splitlines()]
        self.assertEqual(commands, ["apt-get update && apt-get install -y make", "make",
                                    "make test"])
        self.assertRegex(read(".ci", "run"), r"(?m)^make test$")

    def test_every_package_the_install_script_installs_is_listed(self):
        script = read("scripts", "install-deps.sh")
        listing = re.search(r"packages=\((.*?)\n\)", script, re.S)[1]
        packages = set(re.findall(r"^\s*([^#\n]+?)\s*(?:#.*)?$", listing, re.M))
        packages = {p for line in packages for p in line.split()}
        by_hand = read("README.md").split("## Building by hand", 1)[1].split("```", 1)[0]
        for package in sorted(packages):
            self.assertTrue(re.search(rf"(?<![\w-]){re.escape(package)}(?![\w-])", by_hand),
                            f"README does not list {package}")

    def test_no_link_leads_outside_the_repository_or_nowhere(self):
        files = ["README.md"] + [os.path.relpath(p, SOURCE)
                                 for p in glob.glob(os.path.join(SOURCE, "docs", "*.md"))]
        for name in files:
            text = read(name)
            self.assertFalse("../shared" in text, f"{name} links outside the repository")
            for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
                if re.match(r"[a-z]+:", target):
                    continue
                path = os.path.normpath(os.path.join(SOURCE, os.path.dirname(name), target))
                self.assertTrue(path.startswith(SOURCE + os.sep), f"{name}: {target}")
                self.assertTrue(os.path.exists(path), f"{name}: {target}")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)

"""What the robustness tests share: the program under test, the example, the
environment of a run, snapshots of a directory, preload shims.

Imported by test_robustness.py and test_publication.py, which ctest runs as
`TEST.py RELAZIONE SRCDIR [TEST...]`: the two paths come from the command line.
"""
import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys
import unittest

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
INPUT = os.path.join(SOURCE, "input")
HERE = os.path.dirname(os.path.abspath(__file__))
# The documents every build publishes, in the order they are written; other
# published files (manifesto.json) are found by looking, and written after them.
DOCUMENTS = ("relazione.pdf", "allegati.xlsx")
# What a killed run may leave behind: its staging directory (pipeline/output.h).
STAGING = re.compile(r"^\.relazione-[A-Za-z0-9]{6}$")
JOURNAL = "pubblicazione"
EXIT_DATA = 65
EXIT_SOFTWARE = 70
EXIT_CANTCREAT = 73
EXIT_IOERR = 74
NOBODY = 65534


def base_env(**extra):
    """The environment of a run: the caller's, with no SOURCE_DATE_EPOCH, the C
    locale, UTC; a preload shim may sit beside an AddressSanitizer runtime."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("SOURCE_DATE_EPOCH", "LC_ALL", "LANG", "LANGUAGE", "TZ")}
    env.update(LC_ALL="C", TZ="UTC")
    options = env.get("ASAN_OPTIONS", "")
    env["ASAN_OPTIONS"] = (options + ":" if options else "") + "verify_asan_link_order=0"
    env.update(extra)
    return env


def build(in_dir, out_dir, env=None, prefix=(), timeout=300):
    return subprocess.run(list(prefix) + [RELAZIONE, "build", in_dir, "-o", out_dir],
                          env=env or base_env(), capture_output=True, text=True,
                          timeout=timeout)


def snapshot(directory):
    """{relative path: sha256} of every file below `directory`, "dir" for every
    folder, the target of every symbolic link (never followed), the type of
    every pipe, socket or device (never opened)."""
    result = {}
    for root, dirs, files in os.walk(directory):
        rel = os.path.relpath(root, directory)
        if rel != ".":
            result[rel + "/"] = "dir"
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            path = os.path.join(root, name)
            key = os.path.normpath(os.path.join(rel, name))
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                result[key] = "link -> " + os.readlink(path)
            elif stat.S_ISREG(info.st_mode):
                with open(path, "rb") as f:
                    result[key] = hashlib.sha256(f.read()).hexdigest()
            else:
                result[key] = "special %o" % stat.S_IFMT(info.st_mode)
    return result


def temp_files(directory):
    return sorted(n for n in os.listdir(directory) if STAGING.match(n))


def published(directory):
    """The files a build published in `directory`, in the order it writes them."""
    names = [n for n in os.listdir(directory) if not STAGING.match(n)]
    return [n for n in DOCUMENTS if n in names] + sorted(set(names) - set(DOCUMENTS))


def written_with(out, name, outputs):
    """The paths of the files written at the same time as `name`: the documents
    are written at once, each by its own process; the manifest (last) after them."""
    group = outputs[-1:] if name == outputs[-1] else outputs[:-1]
    return [os.path.join(out, n) for n in group]


def compile_shim(name, work):
    """Builds tests/robustness/<name>.c into a preload library, or None without gcc."""
    gcc = shutil.which("gcc")
    if gcc is None:
        return None
    library = os.path.join(work, name + ".so")
    subprocess.run([gcc, "-shared", "-fPIC", "-O1", "-Wall", "-o", library,
                    os.path.join(HERE, name + ".c"), "-ldl"], check=True)
    return library


def big_input(work, paragraphs=150):
    """A copy of input/ whose testi/premessa.md is long (about 4 MB of text in
    paragraphs of 3,000 words, under the renderer's per-paragraph limits), so
    that writing the PDF takes long enough to be interrupted."""
    path = os.path.join(work, "big-input")
    shutil.copytree(INPUT, path)
    words = ("gestione servizi sociali ambito impegno operatori famiglie minori persone "
             "disabilità risorse piano programma assemblea consortile comuni territorio "
             "progetti interventi").split()
    text = "\n\n".join(" ".join(words[(p * 7 + w * 13) % len(words)] for w in range(3000))
                       for p in range(paragraphs))
    with open(os.path.join(path, "testi", "premessa.md"), "a", encoding="utf-8") as f:
        f.write("\n\n" + text + "\n")
    return path


def other_user_prefix():
    """The command prefix that runs as a user permissions apply to: none when not
    root, setpriv to nobody when root; unittest.SkipTest if impossible."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise unittest.SkipTest("running as root without setpriv: permissions cannot be "
                                "tested (root reads and writes anyway)")
    prefix = [setpriv, "--reuid=%d" % NOBODY, "--regid=%d" % NOBODY, "--clear-groups"]
    probe = subprocess.run(prefix + [RELAZIONE, "--version"], capture_output=True, text=True)
    if probe.returncode != 0:
        raise unittest.SkipTest("cannot run relazione as nobody (%s): %s" % (
            RELAZIONE, probe.stderr.strip()))
    return prefix

"""Export speed: ``studyreader export`` of the largest corpus file vs translating it from a warm cache.

Target (issue 16): the command-line export takes at most 1.5x the time of translating the same file
from a warm cache plus writing the file, i.e. ``studyreader translate FILE > out.md``. Both are run as
commands (a fresh interpreter each, as a user runs them), after one cold translation has filled the
translation cache; rounds alternate the contenders so that all see the same machine load. The target
is checked for the default format (HTML); Markdown and PDF are measured too, for information.

The model is the installed zh→en Argos package when there is one (``ARGOS_PACKAGES_DIR`` or Argos's
own folder), else the suite's tiny real package (tests/support/tiny_argos.py, random weights). The
translation cache, the settings and the outputs live in a scratch folder: the user's cache is untouched.
Wall time is what the target speaks of; the CPU time (user + system) of each command is printed beside
it because it hardly moves when other processes share the machine, while wall time does.

    .venv/bin/python benchmarks/export_bench.py [--runs 11] [--file NOTES.md] [--profile]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # tests.support.tiny_argos: the package builder the suite uses
sys.path.insert(0, str(REPO / "src"))
TARGET = 1.5


def _model(scratch: Path) -> tuple[Path, str]:
    """The packages folder to use and a description of the model in it."""
    from studyreader.translate import models

    installed = models.find_model(None)
    if installed is not None:
        return installed.path.parent, f"installed package {installed.path.name} (version {installed.version})"
    from tests.support import tiny_argos

    archive = tiny_argos.build_archive(scratch / "tiny.argosmodel")
    installed = models.install_model(archive, scratch / "packages")
    return scratch / "packages", "the tests' tiny real package (no zh→en model is installed; random weights)"


def _largest_corpus_file() -> Path:
    corpus = sorted((REPO.parent / "shared" / "corpus").glob("*.md"), key=lambda p: p.stat().st_size)
    if not corpus:
        raise SystemExit("no corpus found beside the project (../shared/corpus); give --file")
    return corpus[-1]


def _timed(argv: list[str], env: dict, stdout=subprocess.DEVNULL) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, env=env, stdout=stdout, stderr=subprocess.PIPE, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _profile(notes: Path, out: Path) -> None:
    """Where an export's time goes, in this process (imports excluded: they are already done)."""
    from studyreader.export import ExportRequest, prepare, to_html, write_output
    from studyreader.glossary import default_glossary

    prepare(ExportRequest(notes))  # imports, model and glossary loaded once
    started = time.perf_counter()
    glossary = default_glossary()
    t_glossary = time.perf_counter()
    document = prepare(ExportRequest(notes), glossary=glossary)
    t_prepare = time.perf_counter()
    data = to_html(document).encode("utf-8")
    t_html = time.perf_counter()
    write_output(out, data, source=notes)
    t_write = time.perf_counter()
    print(f"  in-process breakdown: glossary load {1000 * (t_glossary - started):.0f} ms, "
          f"prepare (read, translate from cache, terms) {1000 * (t_prepare - t_glossary):.0f} ms, "
          f"HTML {1000 * (t_html - t_prepare):.0f} ms, write {1000 * (t_write - t_html):.0f} ms "
          f"({len(data) // 1024} KB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--file", type=Path, help="the notes file (default: the largest corpus file)")
    parser.add_argument("--profile", action="store_true", help="also print an in-process time breakdown")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="studyreader-export-bench-"))
    packages, described = _model(scratch)
    notes = args.file or _largest_corpus_file()
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(packages), QT_QPA_PLATFORM="offscreen",
               XDG_CACHE_HOME=str(scratch / "cache"), XDG_CONFIG_HOME=str(scratch / "config"),
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")])))
    os.environ.update({key: env[key] for key in ("ARGOS_PACKAGES_DIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")})
    command = [sys.executable, "-m", "studyreader"]
    print(f"notes: {notes} ({notes.stat().st_size // 1024} KB)")
    print(f"model: {described}")

    translated = scratch / "translated.md"
    with translated.open("wb") as sink:
        cold, _ = _timed([*command, "translate", str(notes)], env, stdout=sink)
    print(f"cold translation (fills the cache): {cold * 1000:.0f} ms; {args.runs} rounds follow")

    def translate_to_file() -> tuple[float, float]:
        with translated.open("wb") as sink:
            return _timed([*command, "translate", str(notes)], env, stdout=sink)

    contenders = {
        "translate, warm cache, > file": translate_to_file,
        "export --format html": lambda: _timed([*command, "export", str(notes), "--out", str(scratch / "x.html")],
                                               env),
        "export --format md": lambda: _timed([*command, "export", str(notes), "--out", str(scratch / "x.md")], env),
        "export --format pdf": lambda: _timed([*command, "export", str(notes), "--out", str(scratch / "x.pdf")],
                                              env),
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
    for _ in range(args.runs):
        for name, run in contenders.items():
            times[name].append(run())
    baseline = times["translate, warm cache, > file"]
    print(f"\n{'':30s} {'wall':>8s} {'ratio':>6s}   {'CPU':>8s} {'ratio':>6s}   (medians; ratios within each round)")
    ok = True
    for name, values in times.items():
        wall, cpu = (statistics.median(v[k] for v in values) for k in (0, 1))
        ratios = [statistics.median(v[k] / b[k] for v, b in zip(values, baseline)) for k in (0, 1)]
        line = f"{name:30s} {wall * 1000:6.0f} ms {ratios[0]:5.2f}x   {cpu * 1000:6.0f} ms {ratios[1]:5.2f}x"
        if name == "export --format html":
            ok = ratios[0] <= TARGET
            line += f"   [target: wall <= {TARGET}x] {'OK' if ok else 'MISSED'}"
        print(line)
    if args.profile:
        _profile(notes, scratch / "profile.html")
    print("\nTARGET MET" if ok else "\nTARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

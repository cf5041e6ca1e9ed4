"""How fast the extractor reads and parses seed-sized minutes, on one core.

Usage: .venv/bin/python benchmarks/parse.py [--copies 200]

Measures, for .txt, .docx and .pdf made from the same texts:
- in process: documents per second of `read_file` + `parse` in a loop;
- one `samverka parse` process over `--copies` files, start-up included
  (targets: 200 .txt and 50 .docx per second);
- a document ten times longer against the normal one (target: at most 12×).

Texts: ../shared/seeds/*.txt next to the repository, else examples/ if
present, else synthetic Swedish minutes. Timings vary by machine; nothing here
is asserted in tests.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SYNTHETIC = """Minnesanteckningar Socialchefsnätverket 2021-03-04
Tid: kl. 9.30–11.30
Plats: Teamsmöte
Närvarande: Åsa Öberg, Ängelholm (ordförande); Anna Andersson, Höganäs; Per Nilsson, Bjuv
Frånvarande: Lena Berg, Klippan
1. Föregående minnesanteckningar
Minnesanteckningarna läggs till handlingarna.
2. Ekonomi – Anna Andersson
Kostnaderna för placeringar ökar i flera kommuner. Ekonomiskt bistånd har ökat.
Beslut: att ge arbetsgruppen i uppdrag att ta fram en gemensam rutin.
Anna får i uppdrag att kontakta Medelpunkten senast 2021-04-30.
3. Återkoppling från deltagarna kring nuläget
Höganäs: fler orosanmälningar än förra året.
Bjuv: ökat tryck på försörjningsstöd.
4. Övrigt
Punkten utgick och flyttas till nästa möte.
Nästa möte: 2021-05-06 kl. 9.00–12.00 i Helsingborg.
Vid tangenterna: Åsa Öberg
"""


def main() -> None:
    options = _arguments()
    _one_core()
    _bytecode()
    texts = _texts()
    with tempfile.TemporaryDirectory(prefix="samverka-bench-") as folder:
        root = Path(folder)
        formats = {
            ".txt": _write_all(root / "txt", texts, ".txt", _write_txt),
            ".docx": _write_all(root / "docx", texts, ".docx", _write_docx),
            ".pdf": _write_all(root / "pdf", texts, ".pdf", _write_pdf),
        }
        long_text = "\n".join(texts[0] for _ in range(10))
        rows = []
        for suffix, files in formats.items():
            read_only = _in_process(files, options.rounds, suffix, with_parse=False)
            in_process = _in_process(files, options.rounds, suffix)
            copies = _copies(files, options.copies, root / f"copies{suffix}")
            one_process = _one_process(copies, suffix)
            normal = root / f"normal{suffix}"
            longer = root / f"long{suffix}"
            writer = {".txt": _write_txt, ".docx": _write_docx, ".pdf": _write_pdf}[suffix]
            writer(normal, texts[0])
            writer(longer, long_text)
            ratio = _median_time(longer) / _median_time(normal)
            rows.append((suffix, read_only, in_process, len(copies), one_process, ratio))
    _table(rows, texts)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--copies", type=int, default=200, help="files given to one samverka parse process"
    )
    parser.add_argument(
        "--rounds", type=int, default=20, help="passes over the seed files in process"
    )
    return parser.parse_args()


def _one_core() -> None:
    """Pin this process, and the samverka processes it starts, to one CPU."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _bytecode() -> None:
    """Compile the package's bytecode, as an installed package has it.

    Where PYTHONDONTWRITEBYTECODE is set (some containers and sandboxes), each
    `samverka parse` process would otherwise compile the extractor's source
    anew, and the start-up measured would not be the one users have.
    """
    compileall.compile_dir(REPO / "samverka", quiet=1)


def _texts() -> list[str]:
    seeds = REPO.parent / "shared" / "seeds"
    for folder, pattern in ((seeds, "*.txt"), (REPO / "examples", "**/*.txt")):
        files = sorted(folder.glob(pattern)) if folder.is_dir() else []
        if files:
            print(f"texts: {len(files)} files from {folder}", file=sys.stderr)
            return [f.read_text(encoding="utf-8") for f in files]
    print("texts: synthetic Swedish minutes", file=sys.stderr)
    return [SYNTHETIC]


def _write_all(
    folder: Path, texts: list[str], suffix: str, writer: Callable[[Path, str], None]
) -> list[Path]:
    folder.mkdir()
    paths = [folder / f"{n:03d}{suffix}" for n in range(len(texts))]
    for path, text in zip(paths, texts, strict=True):
        writer(path, text)
    return paths


def _write_txt(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _write_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def _write_pdf(path: Path, text: str) -> None:
    import fpdf

    pdf = fpdf.FPDF()
    if FONT.exists():
        pdf.add_font("body", "", str(FONT))
        pdf.set_font("body", size=10)
    else:
        pdf.set_font("helvetica", size=10)
        text = text.encode("latin-1", errors="replace").decode("latin-1")
    pdf.add_page()
    for line in text.splitlines():
        pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def _progress(items: list[Path], label: str) -> Iterable[Path]:
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, desc=label, unit="doc", leave=False)


def _in_process(files: list[Path], rounds: int, suffix: str, with_parse: bool = True) -> float:
    from samverka.extract import parse, read_file

    work = files * rounds
    label = f"{'read+parse' if with_parse else 'read'} {suffix}"
    start = _cpu_seconds()
    for path in _progress(work, label):
        source = read_file(path)
        if with_parse:
            parse(source)
    return len(work) / (_cpu_seconds() - start)


def _copies(files: list[Path], count: int, folder: Path) -> list[Path]:
    folder.mkdir()
    copies = []
    for n, source in zip(range(count), _cycle(files), strict=False):
        copy = folder / f"{n:04d}{source.suffix}"
        copy.write_bytes(source.read_bytes())
        copies.append(copy)
    return copies


def _cycle(files: list[Path]) -> Iterator[Path]:
    while True:
        yield from files


def _one_process(files: list[Path], suffix: str) -> tuple[float, float]:
    command = [str(Path(sys.executable).with_name("samverka")), "parse", *map(str, files)]
    if sys.stderr.isatty():
        print(f"one samverka parse process over {len(files)} {suffix} …", file=sys.stderr)
    start, start_cpu = time.perf_counter(), _cpu_seconds()
    completed = subprocess.run(command, capture_output=True, check=False)
    elapsed, cpu = time.perf_counter() - start, _cpu_seconds() - start_cpu
    if completed.returncode != 0:
        print(completed.stderr.decode(errors="replace")[:500], file=sys.stderr)
    return len(files) / cpu, len(files) / elapsed


def _cpu_seconds() -> float:
    """Return CPU time used by this process and its finished children (pdfium, samverka).

    CPU time, not wall time, so that the figures are per second of one core
    even when other work shares the machine.
    """
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _median_time(path: Path, runs: int = 7) -> float:
    from samverka.extract import parse, read_file

    times = []
    for _ in range(runs):
        start = _cpu_seconds()
        parse(read_file(path))
        times.append(_cpu_seconds() - start)
    return statistics.median(times)


Row = tuple[str, float, float, int, tuple[float, float], float]


def _table(rows: list[Row], texts: list[str]) -> None:
    size = statistics.mean(len(t) for t in texts)
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    print(f"seed-sized documents: {len(texts)} texts, mean {size:.0f} characters{load}")
    print("documents per CPU-second on one core (wall clock in brackets)")
    print(
        f"{'format':<7} {'read':>8} {'read+parse':>11} {'one samverka parse process':>34}"
        f" {'10×':>6}"
    )
    for suffix, read_only, in_process, count, (cpu, wall), ratio in rows:
        print(
            f"{suffix:<7} {read_only:>6.0f}/s {in_process:>9.0f}/s "
            f"{cpu:>7.0f}/s ({wall:>4.0f}/s) over {count:>4} files {ratio:>5.1f}×"
        )
    print("10×: CPU time for a document ten times longer / for the normal one (read+parse)")
    print("targets: one process ≥ 200 .txt/s and ≥ 50 .docx/s; 10× longer ≤ 12×")


if __name__ == "__main__":
    main()

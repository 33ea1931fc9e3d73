"""Speed and memory of ``goldsmith annotate predict`` against bare spaCy.

Builds a corpus of ``--docs`` documents by cycling over the text files of ``--texts``
(default ``../shared/seeds`` beside the repository; read at run time, never copied),
then, in one run and with the same model and batch size, times:

  (a) bare ``nlp.pipe`` over the texts (the spaCy floor),
  (b) goldsmith ``predict`` (all three layers) with ``n_process=1``,
  (c) goldsmith ``predict`` with ``n_process=2``,

and prints words per second and the ratios b/a (target >= 0.85) and c/b (target >= 1.6).
Then it runs ``predict`` in a fresh subprocess over two corpus sizes (default 1,000 and
20,000 documents, each text cut to its first ``--rss-words`` words so the big run stays
short) and prints the peak RSS of that process (``VmHWM``) and of its worker processes
(``RUSAGE_CHILDREN``), to show memory does not grow with the corpus. The load average
is printed too: other work on the machine slows every run.

Usage:
    python benchmarks/bench_predict.py                # 2,000 docs, RSS at 1k and 20k
    python benchmarks/bench_predict.py --quick        # 200 docs, RSS at 200 and 2,000
    python benchmarks/bench_predict.py --docs 5000 --texts my_texts/ --batch-size 128
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from goldsmith.annotate.model import load_model, model_version
from goldsmith.annotate.predict import predict
from goldsmith.corpus.documents import Document, normalize_newlines
from goldsmith.labels.jsonl import write_jsonl

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = REPO.parent / "shared" / "seeds"


def read_texts(folder: Path, words: int | None = None) -> list[str]:
    """The non-empty ``*.txt`` files of ``folder``, newline-normalised (cut to ``words``)."""
    texts = []
    for path in sorted(folder.glob("*.txt")):
        text = normalize_newlines(path.read_text(encoding="utf-8")).strip()
        if words is not None:
            text = " ".join(text.split()[:words])
        if text:
            texts.append(text)
    if not texts:
        raise SystemExit(f"no non-empty .txt files in {folder}")
    return texts


def corpus(texts: list[str], n: int) -> Iterator[Document]:
    """``n`` documents cycling over ``texts``, generated lazily."""
    for i in range(n):
        yield Document(doc_id=f"bench-{i:06d}", text=texts[i % len(texts)], source=f"{i}.txt")


def timed(run: Callable[[], None]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (this process and its finished children) of ``run``."""
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    run()
    return time.perf_counter() - started, _cpu_seconds() - cpu_before


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def speed(args: argparse.Namespace) -> None:
    texts = read_texts(args.texts)
    nlp = load_model(args.model)
    n, batch = args.docs, args.batch_size
    words = sum(len(texts[i % len(texts)].split()) for i in range(n))
    print(f"model        {model_version(nlp)}")
    print(f"corpus       {n:,} documents, {words:,} words ({len(texts)} texts from {args.texts})")
    print(f"batch size   {batch}; load average before: {_load()}")
    list(nlp.pipe(texts[:2]))  # warm up outside the timings

    def bare() -> None:
        for _ in nlp.pipe((d.text for d in corpus(texts, n)), batch_size=batch):
            pass

    def ours(n_process: int) -> Callable[[], None]:
        def run() -> None:
            docs = corpus(texts, n)
            for _ in predict(docs, nlp=nlp, batch_size=batch, n_process=n_process):
                pass

        return run

    runs = [
        ("(a) bare nlp.pipe", bare),
        ("(b) predict, n_process=1", ours(1)),
        ("(c) predict, n_process=2", ours(2)),
    ]
    print()
    print(
        f"{'run':<28}{'seconds':>10}{'docs/s':>10}{'words/s':>12}{'CPU s':>10}{'words/CPU s':>13}"
    )
    rows = []
    for name, run in runs:
        seconds, cpu = timed(run)
        rows.append((seconds, cpu))
        print(
            f"{name:<28}{seconds:>10.1f}{n / seconds:>10.1f}{words / seconds:>12,.0f}"
            f"{cpu:>10.1f}{words / cpu:>13,.0f}"
        )
    (a, _), (b, b_cpu), (c, c_cpu) = rows
    print()
    print(f"b/a = {a / b:.2f}  (target >= 0.85: {'ok' if a / b >= 0.85 else 'MISSED'})")
    print(f"c/b = {b / c:.2f}  (target >= 1.6: {'ok' if b / c >= 1.6 else 'MISSED'})")
    print(
        f"CPU cost of 2 processes: {c_cpu / b_cpu:.2f}x the CPU of 1, so on 2 idle cores "
        f"c/b could reach about {2 * b_cpu / c_cpu:.2f}"
    )
    print(f"load average after: {_load()}")


def memory(args: argparse.Namespace) -> None:
    sizes = [int(s) for s in args.rss_docs.split(",")]
    print()
    print(
        f"peak RSS of predict in a fresh process (texts cut to {args.rss_words} words, "
        f"n_process={args.rss_n_process}, written as JSONL to {os.devnull})"
    )
    print(
        f"{'documents':>10}{'words':>12}{'seconds':>10}{'main peak MiB':>15}{'worker peak MiB':>17}"
    )
    for size in sizes:
        command = [
            sys.executable,
            __file__,
            "--rss-child",
            str(size),
            "--texts",
            str(args.texts),
            "--rss-words",
            str(args.rss_words),
            "--batch-size",
            str(args.batch_size),
            "--rss-n-process",
            str(args.rss_n_process),
        ]
        if args.model:
            command += ["--model", args.model]
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{size:>10,}{result['words']:>12,}{result['seconds']:>10.1f}"
            f"{result['peak_kib'] / 1024:>15.1f}{result['workers_kib'] / 1024:>17.1f}"
        )


def rss_child(args: argparse.Namespace) -> None:
    """Inside the subprocess: predict over the corpus, report words, time and VmHWM."""
    texts = read_texts(args.texts, words=args.rss_words)
    nlp = load_model(args.model)
    n = args.rss_child
    started = time.perf_counter()
    docs = predict(
        corpus(texts, n), nlp=nlp, batch_size=args.batch_size, n_process=args.rss_n_process
    )
    write_jsonl(docs, os.devnull)
    seconds = time.perf_counter() - started
    words = sum(len(texts[i % len(texts)].split()) for i in range(n))
    import resource  # the pool's workers have been joined: their peak is in CHILDREN

    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = {"words": words, "seconds": seconds, "peak_kib": _peak_kib(), "workers_kib": workers}
    print(json.dumps(result))


def _peak_kib() -> int:
    """This process's peak resident set (VmHWM), in KiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents in the speed runs")
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of .txt files")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", default=None, help="spaCy model (default: the setting)")
    parser.add_argument("--quick", action="store_true", help="200 docs; RSS at 200 and 2,000")
    parser.add_argument("--rss-docs", default="1000,20000", help="corpus sizes of the RSS runs")
    parser.add_argument("--rss-words", type=int, default=40, help="words per text in RSS runs")
    parser.add_argument("--rss-n-process", type=int, default=2, help="processes in RSS runs")
    parser.add_argument("--no-rss", action="store_true", help="skip the memory runs")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed runs")
    parser.add_argument("--rss-child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # show each row as soon as it is measured
    if args.rss_child is not None:
        rss_child(args)
        return
    if args.quick:
        args.docs = min(args.docs, 200)
        args.rss_docs = "200,2000"
    if not args.no_speed:
        speed(args)
    if not args.no_rss:
        memory(args)


if __name__ == "__main__":
    main()

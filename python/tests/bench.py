#!/usr/bin/env python3
"""Records per second of the unboil module against the command line, over
threads, and on Dask with 1 and 2 worker processes.

    python3 python/tests/bench.py [--records N] [--pages DIR] [--unboil PATH] [--dask]

The records are made from tests/fixtures (python/tests/corpus.py), or are
the files of DIR (e.g. ../shared/eval/dev/html, read as UTF-8 with
replacement).  Single-core figures are records per CPU second (user +
system), which the machine's other load does not change; the thread and
Dask figures are per wall second.  Each figure is the best of --runs.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples"))

import corpus  # noqa: E402
import unboil  # noqa: E402


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cli_cpu(cmd, data):
    """CPU seconds of one run of cmd on data (output thrown away)."""
    with tempfile.TemporaryFile() as f:
        f.write(data)
        f.seek(0)
        before = children_cpu()
        subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, check=True)
        return children_cpu() - before


def best(runs, fn):
    return min(fn() for _ in range(runs))


def cpu_of(fn):
    t = time.process_time()
    fn()
    return time.process_time() - t


def wall_of(fn):
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def threaded(docs, n, many=False):
    """Clean docs with n threads, each with its own share, one document a
    call or (many) in lists of 100."""
    shares = [docs[i::n] for i in range(n)]

    def work(share):
        c = unboil.Cleaner()
        if many:
            for i in range(0, len(share), 100):
                c.clean_many(share[i:i + 100])
        else:
            for d in share:
                c.clean(d)

    threads = [threading.Thread(target=work, args=(s,)) for s in shares]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def _clean_share(share):
    c = unboil.Cleaner()
    for d in share:
        c.clean(d)


def forked(docs, n):
    """Clean docs with n forked processes, each with its own share."""
    import multiprocessing
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_clean_share, args=(docs[i::n],)) for i in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()


def module_jsonl(lines):
    import dask_clean
    dask_clean.clean_partition_module(lines)


def _worker_cpu():
    """CPU seconds of this worker process and the processes it waited for."""
    import psutil
    t = psutil.Process().cpu_times()
    return t.user + t.system + t.children_user + t.children_system


def dask_rate(path, n, workers, engine, unboil_path, runs):
    """Records per wall second (best of runs) and per CPU second of the
    workers (with their unboil processes), on a fresh LocalCluster."""
    import dask.bag as db
    from distributed import Client, LocalCluster
    import dask_clean

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        # partitions of about 2 MB: several per worker
        bag = db.read_text(path, blocksize=2 ** 21)

        outdir = tempfile.mkdtemp()

        def run():
            # what examples/dask_clean.py does: part files written by the workers
            dask_clean.clean_bag(bag, engine, unboil=unboil_path).to_textfiles(
                os.path.join(outdir, "part-*.jsonl"), last_endline=True)
            out = 0
            for name in os.listdir(outdir):
                with open(os.path.join(outdir, name), "rb") as f:
                    out += f.read().count(b"\n")
                os.unlink(os.path.join(outdir, name))
            assert out == n, (out, n)

        run()   # warm up: the workers import unboil
        cpu = sum(client.run(_worker_cpu).values())
        times = [wall_of(run) for _ in range(runs)]
        cpu = sum(client.run(_worker_cpu).values()) - cpu
        return n / min(times), n * runs / cpu


def single(a, n, docs, raw, nul, lines_text, lines):
    """The module against the command line on one core, and over threads."""
    rows = [
        ("unboil -z (CLI)", best(a.runs, lambda: cli_cpu([a.unboil, "-z"], nul))),
        ("unboil.clean(bytes) loop", best(a.runs, lambda: cpu_of(lambda: [unboil.clean(d) for d in raw]))),
        ("unboil.clean(str) loop", best(a.runs, lambda: cpu_of(lambda: [unboil.clean(d) for d in docs]))),
        ("Cleaner().clean_many(str list)", best(a.runs, lambda: cpu_of(lambda: unboil.Cleaner().clean_many(docs)))),
        ("unboil --jsonl (CLI)", best(a.runs, lambda: cli_cpu([a.unboil, "--jsonl"], lines_text.encode()))),
        ("json + unboil.clean + json loop", best(a.runs, lambda: cpu_of(lambda: module_jsonl(lines)))),
    ]
    base = {"-z": rows[0][1], "jsonl": rows[4][1]}
    print("\nsingle core, records per CPU second:")
    for name, cpu in rows:
        ref = base["jsonl"] if "json" in name else base["-z"]
        print("  %-34s %9.0f  (%.2f x the CLI)" % (name, n / cpu, ref / cpu))

    # processes are the yardstick: what two of anything get on this
    # machine now, whatever else runs on it
    print("\nthreads against processes, records per wall second (unboil.clean on str),"
          "\nbest of %d, interleaved:" % a.runs)
    rates = {}
    for _ in range(a.runs):
        for how, fn in (("thread", threaded), ("process", forked),
                        ("thread, clean_many", lambda d, k: threaded(d, k, many=True))):
            for k in (1, 2):
                r = n / wall_of(lambda: fn(docs, k))
                rates[how, k] = max(rates.get((how, k), 0), r)
    for how in ("thread", "thread, clean_many", "process"):
        one, two = rates[how, 1], rates[how, 2]
        print("  %-20s 1: %9.0f   2: %9.0f   ratio %.2f" % (how, one, two, two / one))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--records", type=int, default=20000)
    p.add_argument("--pages", help="a directory of pages to use instead of the fixtures")
    p.add_argument("--unboil", default=os.environ.get("UNBOIL", "unboil"))
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--dask", action="store_true", help="also on Dask, 1 and 2 workers")
    p.add_argument("--only-dask", action="store_true", help="on Dask alone")
    a = p.parse_args()

    if a.pages:
        names = sorted(os.listdir(a.pages))[:a.records]
        docs = []
        for name in names:
            with open(os.path.join(a.pages, name), "rb") as f:
                docs.append(f.read().decode("utf-8", "replace").replace("\0", ""))
    else:
        docs = corpus.documents(a.records)
    n = len(docs)
    raw = [d.encode() for d in docs]
    mb = sum(map(len, raw)) / 1e6
    print("%d records, %.1f MB, unboil %s, libunboil %s" % (n, mb, a.unboil, unboil.library_version()))

    nul = b"\0".join(raw) + b"\0"
    lines_text = corpus.jsonl(docs)
    lines = [line + "\n" for line in lines_text.split("\n")[:-1]]
    if not a.only_dask:
        single(a, n, docs, raw, nul, lines_text, lines)
    if a.dask or a.only_dask:
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "in.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.write(lines_text)
            print("\nDask LocalCluster, records per wall second (cluster start not counted)"
                  "\nand per CPU second of the workers and their unboil processes:")
            for engine in ("pipe", "module"):
                (r1, c1), (r2, c2) = (dask_rate(path, n, w, engine, a.unboil, a.runs)
                                      for w in (1, 2))
                print("  %-6s 1 worker %7.0f/s   2 workers %7.0f/s   ratio %.2f   "
                      "per CPU s %7.0f, %7.0f" % (engine, r1, r2, r2 / r1, c1, c2))
    print("\nload average: %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()

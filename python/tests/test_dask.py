"""examples/dask_clean.py on a real distributed.LocalCluster of two worker
processes: a few thousand records made from the fixtures, cleaned by both
engines, equal record for record to what one `unboil --jsonl` process
writes (byte for byte through the pipe engine; as parsed JSON through the
module, which writes records with json.dumps)."""
import glob
import gzip
import json
import os
import sys

import distributed
import pytest

import corpus

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples")
sys.path.insert(0, EXAMPLES)
import dask_clean  # noqa: E402

RECORDS = 3000


@pytest.fixture(scope="module")
def client():
    # the workers are new processes: they import dask_clean (and unboil) by name
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (EXAMPLES, os.environ.get("PYTHONPATH")) if p)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with cluster, distributed.Client(cluster) as c:
        assert len(c.scheduler_info()["workers"]) == 2
        yield c


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory):
    text = corpus.jsonl(corpus.documents(RECORDS))
    lines = [line + "\n" for line in text.split("\n")[:-1]]
    # lines the command line copies unchanged
    lines[10:10] = ["not json\n", '{"id": "no text field"}\n', '{"text": 5}\n', "[1, 2]\n"]
    # and a record whose text holds characters that str.splitlines() breaks at
    lines[20:20] = [json.dumps({"id": "separators", "text": "<p>%s</p>" % "\u2028 \x85 \x1c ".join(
        ["A paragraph of prose long enough to be kept by the cleaner as article text."] * 3)},
        ensure_ascii=False) + "\n"]
    path = tmp_path_factory.mktemp("dask") / "in.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.writelines(lines)
    return path, "".join(lines).encode()


def read_parts(outdir):
    out = []
    for path in sorted(glob.glob(os.path.join(outdir, "part-*.jsonl"))):
        with open(path, "rb") as f:
            out.extend(f.read().split(b"\n")[:-1])
    return out


@pytest.mark.parametrize("engine", ["pipe", "module"])
def test_dask_as_one_process(engine, client, corpus_file, run_cli, unboil_cli, tmp_path):
    path, data = corpus_file
    want = run_cli(["--jsonl"], data).split(b"\n")[:-1]
    assert len(want) == RECORDS + 5
    # plain text in several partitions, and gzip in one
    plain = tmp_path / "in.jsonl"
    plain.write_bytes(data)
    for src, outdir in ((plain, tmp_path / "out"), (path, tmp_path / "outgz")):
        argv = [str(src), str(outdir), "--scheduler", client.scheduler.address,
                "--engine", engine, "--unboil", unboil_cli, "--blocksize", "200kB"]
        assert dask_clean.main(argv) == 0
        got = read_parts(outdir)
        parts = len(glob.glob(os.path.join(outdir, "part-*.jsonl")))
        assert parts > 1 if src == plain else parts == 1
        assert len(got) == len(want)
        if engine == "pipe":
            assert got == want
        else:
            for g, w in zip(got, want):
                try:
                    w = json.loads(w)
                except ValueError:
                    assert g == w
                    continue
                assert json.loads(g) == w

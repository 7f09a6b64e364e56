#!/usr/bin/env python3
"""Clean a JSON Lines corpus on a Dask cluster.

    python3 examples/dask_clean.py crawl.jsonl.gz clean/ --workers 2
    python3 examples/dask_clean.py 'crawl/*.jsonl' clean/ --scheduler tcp://host:8786

Reads JSON Lines (gzipped when the name ends in .gz) with dask.bag, cleans
the document in each record's field (--field, default "text"), and writes
JSON Lines to OUT/part-NNNNN.jsonl (or .jsonl.gz with --gzip), in input
order across the part files.  Without --scheduler a LocalCluster of
--workers processes is started.

Two engines give the same records:
  module  (default: more records per CPU second, see README) each record
          is parsed with json, cleaned with the unboil module and written
          with json.dumps (the same fields and values; json.dumps's spacing
          and escapes);
  pipe    each partition goes through one `unboil --jsonl` process, which
          writes every line back byte for byte but for the field's value.
A malformed line (not JSON, not an object, the field missing or not a
string) is copied unchanged by both.
"""
import argparse
import json
import os
import subprocess
import sys


def clean_partition_pipe(lines, field="text", unboil="unboil", args=()):
    """One partition's lines through one `unboil --jsonl` process."""
    data = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    cmd = [unboil, "--jsonl", "--field=" + field, *args]
    r = subprocess.run(cmd, input=data.encode("utf-8", "surrogateescape"),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if r.returncode != 0:
        raise RuntimeError("%s exited with %d: %s" % (" ".join(cmd), r.returncode,
                                                      r.stderr.decode(errors="replace")))
    # "\n" alone ends a record: U+2028 and its kind are text in JSON
    out = r.stdout.decode("utf-8", "surrogateescape").split("\n")
    return out[:-1] if out and out[-1] == "" else out


def clean_partition_module(lines, field="text", options=None):
    """One partition's lines cleaned in this process with the unboil module."""
    import unboil
    out, records, docs = [], [], []
    for line in lines:
        line = line.rstrip("\n")
        try:
            record = json.loads(line)
            doc = record[field] if isinstance(record, dict) else None
        except (ValueError, KeyError):
            doc = None
        if isinstance(doc, str):
            records.append((len(out), record))
            docs.append(doc)
        out.append(line)
    # one call into C for the partition; a document that is not text gives
    # "", as the command line writes it
    for (i, record), text in zip(records, unboil.Cleaner(**(options or {})).clean_many(
            docs, errors="empty")):
        record[field] = text
        out[i] = json.dumps(record, ensure_ascii=False)
    return out


def clean_bag(bag, engine="module", field="text", unboil="unboil", options=None):
    """A bag of JSON Lines cleaned, one string per record."""
    if engine == "pipe":
        args = _cli_args(options or {})
        return bag.map_partitions(clean_partition_pipe, field=field, unboil=unboil, args=args)
    if engine == "module":
        return bag.map_partitions(clean_partition_module, field=field, options=options)
    raise ValueError("engine is 'pipe' or 'module', not %r" % engine)


def _cli_args(options):
    """The command line's options for Cleaner's keyword arguments."""
    args = []
    for name, value in options.items():
        if value is None or value is False:
            continue
        flag = "--" + name.replace("_", "-")
        args.append(flag if value is True else "%s=%s" % (flag, value))
    return args


def main(argv=None):
    from distributed import Client, LocalCluster

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines file(s), a glob; .gz is decompressed")
    p.add_argument("output", help="directory for the part files")
    p.add_argument("--field", default="text", help="the field holding the document")
    p.add_argument("--engine", choices=("module", "pipe"), default="module")
    p.add_argument("--unboil", default="unboil", help="the program, for --engine=pipe")
    p.add_argument("--scheduler", help="address of a running scheduler")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="worker processes of the local cluster")
    p.add_argument("--blocksize", default="8MiB",
                   help="bytes per partition of an uncompressed input")
    p.add_argument("--gzip", action="store_true", help="write .jsonl.gz parts")
    p.add_argument("--markdown", action="store_true")
    p.add_argument("--keep-comments", action="store_true")
    p.add_argument("--format", choices=("auto", "html", "text"))
    p.add_argument("--lang")
    a = p.parse_args(argv)

    options = {"format": a.format, "markdown": a.markdown,
               "keep_comments": a.keep_comments, "lang": a.lang}
    cluster = None if a.scheduler else LocalCluster(
        n_workers=a.workers, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        with Client(a.scheduler or cluster):
            clean_files(a, options)
    finally:
        if cluster is not None:
            cluster.close()
    return 0


def clean_files(a, options):
    """The input's lines cleaned into the output's part files."""
    import dask.bag as db
    # a gzip stream cannot be split: one partition per .gz file
    blocksize = None if a.input.endswith(".gz") else a.blocksize
    lines = db.read_text(a.input, blocksize=blocksize, compression="infer")
    out = clean_bag(lines, a.engine, a.field, a.unboil, options)
    ext = ".jsonl.gz" if a.gzip else ".jsonl"
    os.makedirs(a.output, exist_ok=True)
    out.to_textfiles(os.path.join(a.output, "part-*" + ext),
                     name_function=lambda i: "%05d" % i, last_endline=True)


if __name__ == "__main__":
    sys.exit(main())

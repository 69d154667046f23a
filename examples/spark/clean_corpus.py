#!/usr/bin/env python3
"""Clean a corpus of JSON Lines shards with newsclean on Apache Spark.

    python examples/spark/clean_corpus.py --input IN --output OUT --newsclean BIN [--batch] [--partitions N]

IN is a folder of JSON Lines shards (records with `id`, optional `url`, and `html` or
`text`); OUT receives JSON Lines part files of newsclean records, one per input record
(a bad input line becomes an error record; the job does not fail).

The newsclean binary is shipped to the executors with SparkContext.addFile and run as a
pipe stage per partition: the partition's lines go to its stdin, its stdout lines are the
partition's output, so no page is parsed in Python. (The binary's path is resolved on
each executor with SparkFiles.get, which is why the stage is a mapPartitions over a
subprocess rather than RDD.pipe with a path fixed on the driver.)

With --batch the cross-page step runs as map/reduce: `newsclean stats` per partition,
the tables merged on the driver (`newsclean stats --merge`), the merged table shipped to
the executors, then `newsclean clean --table` per partition. The records equal those of
one `newsclean clean --input-format jsonl IN` run over all the shards.

On a cluster, submit the same script:

    spark-submit --master yarn --deploy-mode client examples/spark/clean_corpus.py \\
        --input hdfs:///corpus/shards --output hdfs:///corpus/clean --newsclean ./newsclean --batch
"""
import argparse
import os
import shutil
import subprocess
import tempfile
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession

BINARY = "newsclean"
TABLE = "merged.table"


def pipe_stage(args):
    """A function for mapPartitions: runs newsclean ARGS over the partition's lines."""

    def run(lines):
        binary = SparkFiles.get(BINARY)
        os.chmod(binary, 0o755)
        argv = [binary] + [SparkFiles.get(TABLE) if a == "{table}" else a for a in args]
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line + "\n")
            finally:
                proc.stdin.close()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        for out in proc.stdout:
            yield out.rstrip("\n")
        writer.join()
        # Exit 1 means some page failed and is an error record: the job goes on.
        if proc.wait() not in (0, 1):
            raise RuntimeError(f"newsclean {' '.join(args)} exited with {proc.returncode}")

    return run


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--newsclean", required=True, help="path to the newsclean binary on the driver")
    ap.add_argument("--batch", action="store_true", help="cross-page boilerplate and near-duplicates over the corpus")
    ap.add_argument("--partitions", type=int, default=0)
    ap.add_argument("--master", default=None, help="e.g. local[2]; default: whatever spark-submit says")
    args = ap.parse_args()

    builder = SparkSession.builder.appName("newsclean")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(args.newsclean))

    lines = sc.textFile(args.input)
    if args.partitions:
        lines = lines.repartition(args.partitions)
    lines = lines.filter(lambda line: line.strip())

    if args.batch:
        # Map: a page-frequency table per partition. Reduce: merge them on the driver.
        tables = lines.mapPartitions(pipe_stage(["stats", "--input-format", "jsonl", "--quiet", "-"])).collect()
        work = tempfile.mkdtemp(prefix="newsclean-tables-")
        try:
            paths = []
            for i, table in enumerate(tables):
                path = os.path.join(work, f"{i}.table")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(table)
                paths.append(path)
            merged = os.path.join(work, TABLE)
            subprocess.run([args.newsclean, "stats", "--merge", "--quiet", *paths, "-o", merged], check=True)
            sc.addFile(merged)
            clean = ["clean", "--input-format", "jsonl", "--quiet", "--table", "{table}", "-"]
            lines.mapPartitions(pipe_stage(clean)).saveAsTextFile(args.output)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    else:
        clean = ["clean", "--input-format", "jsonl", "--quiet", "--no-batch", "-"]
        lines.mapPartitions(pipe_stage(clean)).saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()

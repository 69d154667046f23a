#!/usr/bin/env python3
"""Clean a corpus of JSON Lines shards with newsclean on Apache Spark.

    python examples/spark/clean_corpus.py --input IN --output OUT [--batch] [--partitions N]

IN is a folder of JSON Lines shards (records with `id`, optional `url`, and `html` or
`text`); OUT receives JSON Lines part files of newsclean records, one per input record
(a bad input line becomes an error record; the job does not fail).

Each partition is cleaned by the newsclean Python package (`pip install ./python` where
the driver and the executors run Python): `newsclean.clean_many(lines, jsonl=True)` reads
the partition's lines as `newsclean clean --input-format jsonl -` reads standard input and
yields the lines that command writes, so no page is parsed in Python and the records are
the binary's. One thread a task (`--jobs`): Spark already runs a task a core.

With --batch the cross-page step runs as map/reduce: `newsclean.table` of each partition
(map), the tables merged on the driver (`newsclean.merge_tables`, reduce), the merged
table broadcast to the executors, then `clean_many(..., table=merged)` per partition
(map). The records equal those of one `newsclean clean --input-format jsonl IN` run over
all the shards.

On a cluster, submit the same script (the package installed on every node, or shipped
in a packed environment with `--archives`):

    spark-submit --master yarn --deploy-mode client examples/spark/clean_corpus.py \\
        --input hdfs:///corpus/shards --output hdfs:///corpus/clean --batch
"""
import argparse

import newsclean
from pyspark.sql import SparkSession


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--batch", action="store_true", help="cross-page boilerplate and near-duplicates over the corpus")
    ap.add_argument("--partitions", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=1, help="newsclean threads a task (default 1)")
    ap.add_argument("--master", default=None, help="e.g. local[2]; default: whatever spark-submit says")
    args = ap.parse_args()

    builder = SparkSession.builder.appName("newsclean")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext

    lines = sc.textFile(args.input)
    if args.partitions:
        lines = lines.repartition(args.partitions)
    lines = lines.filter(lambda line: line.strip())
    jobs = args.jobs

    if args.batch:
        # Map: a page-frequency table per partition. Reduce: merge them on the driver.
        tables = lines.mapPartitions(lambda part: [newsclean.table(part, jsonl=True, jobs=jobs)]).collect()
        merged = sc.broadcast(newsclean.merge_tables(tables))
        clean = lambda part: newsclean.clean_many(part, jsonl=True, jobs=jobs, table=merged.value, as_json=True)
    else:
        clean = lambda part: newsclean.clean_many(part, jsonl=True, jobs=jobs, as_json=True)
    lines.mapPartitions(clean).saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()

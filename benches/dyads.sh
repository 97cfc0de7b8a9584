#!/usr/bin/env bash
# Dyad-year joint memberships at COW's scale: `igo export dyads` over the
# COW IGO v3 import (534 organisations, 1816-2014), beside DuckDB
# computing the same counts with SQL from the same data in long form (one
# row per state, year and organisation, as Parquet: DuckDB's fastest
# input), whole process each, with peak memory; then the output checked
# against peacesciencer's cow_igo_ndy (row count and every value).
#
#   IGO_COW_FILE=path/to/state_year_formatv3.csv \
#   IGO_COW_NDY=path/to/cow_igo_ndy.csv \
#   [IGO_PYTHON=python with duckdb and pandas] benches/dyads.sh
#
# cow_igo_ndy.csv: peacesciencer's data/cow_igo_ndy.rda written as CSV
# (e.g. with pyreadr). Skipped when a file or a tool is missing. Uses the
# release binary (cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."

for v in IGO_COW_FILE IGO_COW_NDY; do
    if [ -z "${!v:-}" ] || [ ! -f "${!v}" ]; then
        echo "SKIPPED: set $v (see the top of this script)"
        exit 0
    fi
done
py=${IGO_PYTHON:-python3}
"$py" -c 'import duckdb, pandas' 2>/dev/null \
    || { echo "SKIPPED: $py has no duckdb and pandas (pip install duckdb pandas)"; exit 0; }
command -v hyperfine >/dev/null || { echo "SKIPPED: no hyperfine"; exit 0; }
igo=target/release/igo
[ -x "$igo" ] || cargo build --release
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$igo" import cow "$IGO_COW_FILE" -o "$out/cow" 2>/dev/null
# The same cells in long form, for DuckDB.
"$py" - "$IGO_COW_FILE" "$out/long.parquet" <<'PY'
import sys, duckdb
duckdb.sql(f"""
    COPY (UNPIVOT (SELECT * EXCLUDE (state) FROM read_csv('{sys.argv[1]}'))
          ON COLUMNS(* EXCLUDE (ccode, year)) INTO NAME igo VALUE code)
    TO '{sys.argv[2]}' (FORMAT parquet)""")
PY
cat > "$out/dyads.sql" <<SQL
COPY (
WITH cells AS (SELECT * FROM read_parquet('$out/long.parquet')),
held AS (SELECT ccode, year, igo, code FROM cells WHERE code >= 1 OR code = -9),
sy AS (SELECT DISTINCT ccode, year FROM cells),
pairs AS (SELECT a.ccode AS ccode1, b.ccode AS ccode2, a.year
          FROM sy a JOIN sy b ON a.year = b.year AND a.ccode < b.ccode),
joint AS (
  SELECT a.ccode AS ccode1, b.ccode AS ccode2, a.year,
    count(*) FILTER (a.code IN (1, 2) AND b.code IN (1, 2)) AS dyadigos,
    count(*) FILTER (a.code = 1 AND b.code = 1) AS joint_full,
    count(*) FILTER (a.code = 2 AND b.code = 2) AS joint_associate,
    count(*) FILTER (a.code = 3 AND b.code = 3) AS joint_observer,
    count(*) FILTER (a.code >= 1 AND b.code >= 1) AS joint_anytype,
    count(*) FILTER ((a.code = -9 AND b.code <> 0) OR (b.code = -9 AND a.code >= 1)) AS joint_uncertain
  FROM held a JOIN held b ON a.year = b.year AND a.igo = b.igo AND a.ccode < b.ccode
  GROUP BY ALL)
SELECT p.ccode1, p.ccode2, p.year, coalesce(dyadigos, 0) AS dyadigos,
  coalesce(joint_full, 0) AS joint_full, coalesce(joint_associate, 0) AS joint_associate,
  coalesce(joint_observer, 0) AS joint_observer, 0 AS joint_partner,
  coalesce(joint_anytype, 0) AS joint_anytype, coalesce(joint_uncertain, 0) AS joint_uncertain
FROM pairs p LEFT JOIN joint USING (ccode1, ccode2, year)
ORDER BY year, ccode1, ccode2) TO '$out/duck.csv' (HEADER);
SQL
duck="$py -c \"import duckdb; duckdb.sql(open('$out/dyads.sql').read())\""

hyperfine --warmup 1 --runs "${RUNS:-5}" \
    -n "igo export dyads" "$igo --data $out/cow export dyads -o $out/igo.csv" \
    -n "DuckDB SQL (long form, Parquet)" "$duck" \
    -n "igo export counts" "$igo --data $out/cow export counts -o $out/counts.csv" \
    -n "igo export dyads --directed" "$igo --data $out/cow export dyads --directed -o $out/directed.csv"

rss() {
    /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1
}
echo "peak RSS (KiB): igo export dyads $(rss "$igo" --data "$out/cow" export dyads -o "$out/igo.csv")," \
    "DuckDB $(rss sh -c "$duck")," \
    "igo export dyads --directed $(rss "$igo" --data "$out/cow" export dyads --directed -o "$out/directed.csv")"

# The output against cow_igo_ndy: every row of it, every value.
"$py" - "$out/igo.csv" "$IGO_COW_NDY" "$out/duck.csv" <<'PY'
import sys, pandas as pd
ours = pd.read_csv(sys.argv[1])
ndy = pd.read_csv(sys.argv[2]).astype(int)
duck = pd.read_csv(sys.argv[3])
keys = ["ccode1", "ccode2", "year"]
m = ours.merge(ndy, on=keys, how="outer", indicator=True, suffixes=("", "_ndy"))
only = m[m._merge == "left_only"]
codes = pd.concat([only.ccode1, only.ccode2]).value_counts()
print(f"cow_igo_ndy: {len(ndy)} rows; ours: {len(ours)}; "
      f"missing from ours: {(m._merge == 'right_only').sum()}; "
      f"only ours: {len(only)}, in years {sorted(int(y) for y in only.year.unique())}, "
      f"each with one of the codes {sorted(int(c) for c in codes.index[:2])}")
both = m[m._merge == "both"]
print(f"dyadigos differs in {(both.dyadigos != both.dyadigos_ndy).sum()} of {len(both)} rows")
sample = both.sample(10, random_state=1)[keys + ["dyadigos", "dyadigos_ndy"]]
print(sample.to_string(index=False))
d = ours.merge(duck, on=keys, suffixes=("", "_duck"))
cols = ["dyadigos", "joint_full", "joint_associate", "joint_observer", "joint_anytype"]
print("DuckDB's rows:", len(duck), "; columns differing from DuckDB's:",
      {c: int((d[c] != d[c + "_duck"]).sum()) for c in cols})
PY

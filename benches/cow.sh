#!/usr/bin/env bash
# The COW IGO v3 import at real scale: 534 organisations, 217 states,
# 1816-2014. Needs COW's state-year file, which this repository does not
# ship; put it anywhere and name it:
#
#   IGO_COW_FILE=path/to/state_year_formatv3.csv \
#   [IGO_COW_IGOS=path/to/igo_year_formatv3.csv] benches/cow.sh
#
# (README, "COW IGO v3: import and compare", says how to get the files.)
# Measures, with hyperfine (apt-get install hyperfine) and /usr/bin/time:
# the import, `igo validate` of the imported folder (load: read, parse,
# check, build), a snapshot (`igo at`) and `igo memberships` on it, the
# comparison of the import with the file (every cell: the round trip at
# full scale), and the peak RSS of each. Uses the release binary (cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${IGO_COW_FILE:-}" ] || [ ! -f "$IGO_COW_FILE" ]; then
    echo "SKIPPED: set IGO_COW_FILE to COW's state_year_formatv3.csv"
    exit 0
fi
command -v hyperfine >/dev/null || { echo "SKIPPED: no hyperfine"; exit 0; }
igo=target/release/igo
[ -x "$igo" ] || cargo build --release
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
igos=()
[ -n "${IGO_COW_IGOS:-}" ] && igos=(--igos "$IGO_COW_IGOS")

"$igo" import cow "$IGO_COW_FILE" "${igos[@]}" -o "$out/cow" 2>/dev/null
echo "imported folder: $(du -sh "$out/cow" | cut -f1)"

hyperfine --warmup 1 --runs "${RUNS:-5}" \
    -n import "$igo import cow $IGO_COW_FILE ${igos[*]} -o $out/again --force" \
    -n load "$igo validate $out/cow" \
    -n snapshot "$igo --data $out/cow --org UN at 2000-06-01" \
    -n memberships "$igo --data $out/cow memberships KAZ --at 2010-06-01" \
    -n "layered with data/" \
        "$igo --data $out/cow --layer data memberships KAZ --at 2010-06-01" \
    -n "compare (the import with the file)" \
        "$igo --data $out/cow compare cow $IGO_COW_FILE --format json"

# The round trip at full scale: the import coded back by COW's rules,
# against every cell of the file.
"$igo" --data "$out/cow" compare cow "$IGO_COW_FILE" \
    | awk 'NR > 1 && NF == 6 { c += $3; d += $5; if ($5) bad = bad " " $2 }
           END { printf "round trip: %d cells, %d differ (%s)\n", c, d, bad }'


rss() {
    /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1
}
echo "peak RSS (KiB): import $(rss "$igo" import cow "$IGO_COW_FILE" "${igos[@]}" -o "$out/rss" --force)," \
    "load $(rss "$igo" validate "$out/cow")," \
    "snapshot $(rss "$igo" --data "$out/cow" --org UN at 2000-06-01)," \
    "memberships $(rss "$igo" --data "$out/cow" memberships KAZ --at 2010-06-01)"

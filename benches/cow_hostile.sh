#!/usr/bin/env bash
# Hostile COW files (issue 20, round three): what `igo import cow` costs
# on each size case of tests/cow_size.rs, made here in a temporary folder:
# a 200 MB line, a header of 20,000 columns, a 200 MB field, a quote
# never closed that runs on for 200 MB, /dev/zero, an endless stream of
# blank lines (`yes ''`), a gzip file given as CSV; with IGO_COW_FILE set
# (README, "COW IGO v3: import and compare"), COW's real file too, as the
# valid case whose cost the others are measured against.
#
#   [IGO=path/to/igo] [IGO_COW_FILE=state_year_formatv3.csv] benches/cow_hostile.sh
#
# Each run is capped at CAP_KIB of address space (default 6 GiB), so that
# a reader that holds a file whole fails instead of taking the machine.
# Prints, per case: exit code, peak RSS (/usr/bin/time) and, with
# hyperfine (apt-get install hyperfine), the mean time of RUNS runs.
set -euo pipefail
cd "$(dirname "$0")/.."

igo=$(realpath "${IGO:-target/release/igo}")
[ -x "$igo" ] || cargo build --release
cap=${CAP_KIB:-6291456}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

header='ccode,year,state,sco\n'
# `yes | head` ends `yes` by SIGPIPE, which is no failure here.
set +o pipefail
x999=$(head -c 999 /dev/zero | tr '\0' x)
{ printf "${header}710,1996,chn,"; yes "$x999," | tr -d '\n' | head -c 200000000; printf '1\n'; } > "$work/line.csv"
awk 'BEGIN { printf "ccode,year,state"; for (i = 0; i < 20000; i++) printf ",igo%d", i;
             printf "\n710,1996,chn"; for (i = 0; i < 20000; i++) printf ",1"; printf "\n" }' > "$work/wide.csv"
{ printf "${header}710,1996,"; head -c 200000000 /dev/zero | tr '\0' x; printf ',1\n'; } > "$work/field.csv"
{ printf "${header}710,1996,chn,1\n710,1997,\"chn,1\n"; yes '710,1998,chn,1' | head -c 200000000; } > "$work/quote.csv"
gzip -c tests/data/cow/state_year.csv > "$work/gzip.csv"
set -o pipefail

cases=(line wide field quote gzip zero endless)
file_of() {
    case $1 in
        zero) echo /dev/zero ;;
        endless) echo /dev/stdin ;;
        real) echo "$IGO_COW_FILE" ;;
        *) echo "$work/$1.csv" ;;
    esac
}
if [ -n "${IGO_COW_FILE:-}" ] && [ -f "$IGO_COW_FILE" ]; then
    cases=(real "${cases[@]}")
fi
# One run of a case, capped: its command line for sh.
command_of() {
    local feed=""
    [ "$1" = endless ] && feed="yes '' |"
    echo "ulimit -v $cap; $feed '$igo' import cow '$(file_of "$1")' -o '$work/out' --force"
}

printf '%-8s %5s %12s  %s\n' case exit "peak RSS" "first line of stderr"
for c in "${cases[@]}"; do
    rm -rf "$work/out"
    set +e
    /usr/bin/time -f '%M' -o "$work/rss" sh -c "$(command_of "$c")" > /dev/null 2> "$work/err"
    code=$?
    set -e
    printf '%-8s %5s %9s KB  %s\n' "$c" "$code" "$(tail -1 "$work/rss")" \
        "$(head -1 "$work/err" | cut -c1-110)"
done

if command -v hyperfine > /dev/null; then
    args=()
    for c in "${cases[@]}"; do
        args+=(-n "$c" "sh -c \"$(command_of "$c")\"")
    done
    hyperfine -i --warmup 1 --runs "${RUNS:-5}" "${args[@]}"
fi

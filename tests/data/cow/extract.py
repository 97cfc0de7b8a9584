"""Extracts the COW IGO v3 fixture of tests/data/cow from igoR's copy.

Origin: COW IGO v3 state-year data (Pevehouse et al. 2020) as shipped in
the R package igoR, https://github.com/dieghernan/igoR, file
data/state_year_format3.rda at commit
c9936cac3f0fc117520e89f9a232e62dde1ce3e9.

    git clone https://github.com/dieghernan/igoR && cd igoR
    git checkout c9936cac3f0fc117520e89f9a232e62dde1ce3e9
    python3 -m venv venv && venv/bin/pip install pyreadr pandas
    venv/bin/python extract.py data/state_year_format3.rda > state_year.csv
    venv/bin/python extract.py data/igo_year_format3.rda > igo_year.csv

Rows are copied as they are (igoR writes the column names in lower case);
of the IGO-year file, the first row of each IGO and the columns the
importer reads.
"""

import sys

import pyreadr

ORGS = ["sco", "cis", "csto", "eaec", "cica", "asean", "benelux", "iaigc",
        "cento"]
# ccode: China, Kazakhstan, Kyrgyzstan, Russia, Tajikistan, Uzbekistan,
# India, Iran, Pakistan, Mongolia, Georgia, Ukraine, Turkmenistan,
# Belarus, Armenia, Moldova, Azerbaijan, Thailand, Papua New Guinea,
# Luxembourg, Netherlands, Germany (255: a gap 1946-1990), Egypt.
STATES = [710, 705, 703, 365, 702, 704, 750, 630, 770, 712, 372, 369, 701,
          370, 371, 359, 373, 800, 910, 212, 210, 255, 651]
YEARS = range(1940, 2015)

name = "igo_year_format3" if "igo_year" in sys.argv[1] else "state_year_format3"
df = pyreadr.read_r(sys.argv[1])[name]
if name == "igo_year_format3":
    df = df[df.ioname.str.lower().isin(ORGS)]
    df = df.sort_values(["ioname", "year"]).groupby("ioname").head(1)
    df = df[["ioname", "orgname", "year", "sdate", "deaddate", "ionum",
             "longorgname"]]
    for c in ["year", "sdate", "deaddate", "ionum"]:
        df[c] = df[c].astype("Int64")
else:
    df = df[df.ccode.isin(STATES) & df.year.isin(YEARS)][
        ["ccode", "year", "state"] + ORGS]
    for c in df.columns:
        if c != "state":
            df[c] = df[c].astype(int)
df.to_csv(sys.stdout, index=False, lineterminator="\n")

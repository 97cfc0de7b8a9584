#!/usr/bin/env python3
"""The script a researcher would otherwise write: load an igo-graph data
folder with PyYAML, build a networkx graph of status spans, and answer
"who held which status on DATE" for one organisation.

    python3 benches/python/peer.py DATA_DIR ORG DATE

It prints the family size, like `igo --data DATA_DIR --org ORG at DATE`.
Dates are compared as ISO strings, with an imprecise start ("2010-05")
counted from its first day: this peer does less than igo (no validation,
no uncertainty), which only flatters it.
"""
import os
import sys

import networkx as nx
import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader) or []


def first_day(d):
    d = str(d)
    return d + "-01-01"[len(d) - 4:] if len(d) < 10 else d


def main(root, org, day):
    g = nx.MultiDiGraph()
    for st in load(os.path.join(root, "states.yaml")):
        g.add_node(st["id"], kind="state", name=st["name"])
    for src in load(os.path.join(root, "sources.yaml")):
        g.add_node("source:" + src["id"], kind="source", url=src["url"])
    for entry in sorted(os.listdir(root)):
        folder = os.path.join(root, entry)
        org_file = os.path.join(folder, "organization.yaml")
        if not os.path.isfile(org_file):
            continue
        orgs = load(org_file)
        default = orgs[0]["id"]
        for o in orgs:
            g.add_node(o["id"], kind="organization")
        statuses = os.path.join(folder, "statuses.yaml")
        if not os.path.isfile(statuses):
            continue
        for h in load(statuses):
            o = h.get("organization", default)
            ts = h["transitions"]
            for i, t in enumerate(ts):
                start = t.get("effective", t.get("date"))
                if start is None or t["status"] == "none":
                    continue
                end = None
                if i + 1 < len(ts):
                    nxt = ts[i + 1]
                    end = nxt.get("effective", nxt.get("date"))
                g.add_edge(h["state"], o, status=t["status"],
                           start=first_day(start),
                           end=first_day(end) if end is not None else None,
                           sources=t["sources"])
    family = {u for u, v, d in g.in_edges(org, data=True)
              if d["start"] <= day and (d["end"] is None or d["end"] > day)}
    print(len(family))


if __name__ == "__main__":
    main(*sys.argv[1:4])

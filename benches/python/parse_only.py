#!/usr/bin/env python3
"""Only parse every YAML file of a data folder with PyYAML's C loader
(libyaml): the floor a Python tool cannot go below.

    python3 benches/python/parse_only.py DATA_DIR
"""
import os
import sys

import yaml

loader = yaml.CSafeLoader
n = 0
for dirpath, _, files in os.walk(sys.argv[1]):
    for name in sorted(files):
        if name.endswith(".yaml"):
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                n += len(yaml.load(f, Loader=loader) or [])
print(n)

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
"""A history where every main-line revision also has a leaf: N main-line revisions, N leaves, N heads.

    python3 tests/benchmarks/many_heads.py 50000 /tmp/many   # 100,000 revisions, 50,000 heads
"""
import os, sys
n = int(sys.argv[1]); d = sys.argv[2]
os.makedirs(d + '/versions', exist_ok=True)
prev = None
for i in range(n):
    m = 'm%06d' % i
    open(f'{d}/versions/{m}.py', 'w').write(f"revision = '{m}'\ndown_revision = {prev!r}\n\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n")
    l = 'l%06d' % i
    open(f'{d}/versions/{l}.py', 'w').write(f"revision = '{l}'\ndown_revision = '{m}'\n\ndef upgrade():\n    pass\n\ndef downgrade():\n    pass\n")
    prev = m

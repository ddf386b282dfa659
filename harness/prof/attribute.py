#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""attribute.py SYSTEM_MAP LOG BASE.tb CASE.tb EVENTS: instructions per
event by function, the CASE run less the BASE run (harness/prof.sh).

Blocks are attributed to the function holding their first instruction:
System.map for the kernel (booted with nokaslr), the "KSYM" lines of
LOG (the guest's /proc/kallsyms) for modules."""
import bisect
import re
import sys


def symbols(system_map, log):
    syms = []
    with open(system_map) as f:
        for line in f:
            addr, kind, name = line.split()[:3]
            if kind in 'tTwW':
                syms.append((int(addr, 16), name))
    with open(log, errors='replace') as f:
        for line in f:
            m = re.search(r'KSYM ([0-9a-f]+) [tT] (\S+)\s+\[(\S+)\]', line)
            if m:
                syms.append((int(m.group(1), 16),
                             '%s [%s]' % (m.group(2), m.group(3))))
    syms.sort()
    return [a for a, _ in syms], [n for _, n in syms]


def counts(path, addrs, names):
    per = {}
    with open(path) as f:
        for line in f:
            pc, insns, n = line.split()
            i = bisect.bisect_right(addrs, int(pc, 16)) - 1
            name = names[i] if i >= 0 else '?'
            per[name] = per.get(name, 0) + int(insns) * int(n)
    return per


def main():
    system_map, log, base, case, events = sys.argv[1:6]
    addrs, names = symbols(system_map, log)
    b = counts(base, addrs, names)
    c = counts(case, addrs, names)
    events = int(events)
    diff = {k: (c.get(k, 0) - b.get(k, 0)) / events for k in set(b) | set(c)}
    rows = sorted(diff.items(), key=lambda kv: -kv[1])
    total = sum(v for v in diff.values())
    print('%10s  %s' % ('instr/event', 'function'))
    for name, v in rows:
        if abs(v) >= 0.5:
            print('%10.1f  %s' % (v, name))
    print('%10.1f  total (all functions, less the base run)' % total)


main()

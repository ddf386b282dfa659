#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""stale_int3.py LOG: is the first Oops in LOG the emulator's stale int3?

Under multi-threaded TCG, QEMU now and then runs a translation of kernel
text made while text_poke_bp() or kprobes had an int3 at an address,
after memory holds the original byte again (harness/README.md).  The
kernel then dies with "Oops: int3" at a site whose byte is not 0xcc.  The
Oops shows it: its "Code:" line marks the byte at the reported RIP with
<..>, and for int3, a trap, RIP is the byte after the breakpoint.

Exit status 0, and the Oops's RIP line on stdout, if the first Oops of the
log is an int3 whose trapping byte in the Code: line is not cc; 1 for any
other log (no Oops, another Oops, or an int3 that memory does hold).
"""
import re
import sys

STAMP = re.compile(r'^\[\s*\d+\.\d+\]\s?')


def main():
    lines = [STAMP.sub('', l.rstrip('\r\n'))
             for l in open(sys.argv[1], errors='replace')]
    for i, line in enumerate(lines):
        if not re.search(r'\bOops\b|\bBUG:|WARNING:|KASAN:|UBSAN:', line):
            continue
        if not re.match(r'^Oops: int3\b', line):
            return 1
        rip = code = None
        for l in lines[i:i + 40]:
            if rip is None and l.startswith('RIP: '):
                rip = l
            m = re.match(r'^Code: (.*)$', l)
            if m:
                code = m.group(1).split()
                break
        if not rip or not code:
            return 1
        at = [k for k, b in enumerate(code) if b.startswith('<')]
        if len(at) != 1 or at[0] == 0:
            return 1
        if code[at[0] - 1].lower() == 'cc':
            return 1
        print(f'{rip} (byte before RIP: {code[at[0] - 1]}, not cc)')
        return 0
    return 1


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Read a make-check console log and decide the run.

Four sources of results, all from the guest's serial console:
  * KUnit: the KTAP the built-in suites print at boot; each test case
    counts (a suite whose plan is not met fails).
  * guest checks: "@@CHECK <PASS|FAIL> <name>" from harness/guest/smoke.sh,
    what the guest must provide (2 CPUs, tracefs, loopback, README).
  * ftracetest: "@@FTRACE <RESULT> <dir>/<case>.tc" lines from
    harness/guest/check.sh, checked against harness/ftracetest.expect: a
    case passes if it PASSes and is not listed, or if it is listed with
    exactly the result it gave (counted as skipped).  A listed case that
    passes, or gives another result, fails: the list only shrinks.
  * the kernel log: every WARNING, BUG, Oops, KASAN, UBSAN, lockdep and
    might-sleep report fails the run.
The last line printed is "N passed, N failed, N skipped".
"""
import re
import sys
from collections import OrderedDict, defaultdict

STAMP = re.compile(r'^\[\s*\d+\.\d+\]\s?')
SPLATS = [re.compile(p) for p in (
    r'WARNING:', r'\bBUG:', r'kernel BUG at', r'\bOops\b',
    r'KASAN:', r'UBSAN:', r'general protection fault',
    r'sleeping function called from invalid context',
    r'possible (recursive|circular) locking', r'inconsistent lock state',
    r'DEBUG_LOCKS_WARN_ON', r'INFO: trying to register non-static key',
    r'turning off the locking correctness validator',
    r'RCU detected stall|rcu_sched detected stalls|self-detected stall',
    r'Kernel panic', r'unreferenced object', r'INFO: task .* blocked',
    r'list_(add|del) corruption',
)]
RESULTS = ('PASS', 'FAIL', 'UNSUPPORTED', 'UNRESOLVED', 'UNTESTED', 'XFAIL',
           'TIMEOUT', 'NORESULT', 'NODIR')


def load_expect(path):
    exp = {}
    for n, line in enumerate(open(path), 1):
        line = line.split('#', 1)[0].strip()
        if not line:
            continue
        parts = line.split(None, 2)
        if len(parts) < 3 or parts[0] not in RESULTS:
            sys.exit(f'{path}:{n}: want "<RESULT> <dir>/<case>.tc <reason>"')
        exp[parts[1]] = parts[0]
    return exp


def main():
    log_path, expect_path = sys.argv[1], sys.argv[2]
    want_dirs = sys.argv[3].split() if len(sys.argv) > 3 else []
    lines = [l.rstrip('\r\n') for l in open(log_path, errors='replace')]
    expect = load_expect(expect_path)
    passed = failed = skipped = 0
    problems = []

    # ---- KUnit (KTAP): suite lines at indent 0, cases at indent 4.  Each
    # boot ("@@BOOT <label>" from check.sh) prints its own KTAP; the suites
    # of a boot other than the test boot are named "<label>:<suite>".
    kunit = OrderedDict()
    boots = []      # [label, top plan, suites seen]
    suite = None
    label = ''
    for raw in lines:
        line = STAMP.sub('', raw)
        m = re.match(r'^@@BOOT (\S+)', line)
        if m:
            label = '' if m.group(1) == 'test' else m.group(1) + ':'
            boots.append([label, None, 0])
            suite = None
            continue
        if not boots:
            boots.append([label, None, 0])
        if re.match(r'^KTAP version', line) and suite is None:
            boots[-1].append('ktap')
            continue
        m = re.match(r'^1\.\.(\d+)\s*$', line)
        if (m and boots[-1][1] is None and suite is None and
                'ktap' in boots[-1]):
            boots[-1][1] = int(m.group(1))
            continue
        m = re.match(r'^    # Subtest: (\S+)', line)
        if m:
            suite = label + m.group(1)
            kunit[suite] = {'plan': None, 'cases': []}
            boots[-1][2] += 1
            continue
        if suite is None:
            continue
        m = re.match(r'^    1\.\.(\d+)', line)
        if m and kunit[suite]['plan'] is None:
            kunit[suite]['plan'] = int(m.group(1))
            continue
        m = re.match(r'^    (not ok|ok) \d+ (?:- )?(\S+)(.*)', line)
        if m:
            res = 'pass' if m.group(1) == 'ok' else 'fail'
            if re.search(r'#\s*SKIP', m.group(3), re.I):
                res = 'skip'
            kunit[suite]['cases'].append((m.group(2), res))
    for name, s in kunit.items():
        c = defaultdict(int)
        for case, res in s['cases']:
            c[res] += 1
            if res == 'fail':
                problems.append(f'kunit: {name}.{case} failed')
        passed += c['pass']
        failed += c['fail']
        skipped += c['skip']
        if s['plan'] is not None and len(s['cases']) < s['plan']:
            failed += 1
            problems.append(f'kunit: {name} ran {len(s["cases"])} of '
                            f'{s["plan"]} cases')
        print(f'kunit {name:28} {c["pass"]:4} passed {c["fail"]:4} failed '
              f'{c["skip"]:4} skipped')
    if not kunit:
        failed += 1
        problems.append('kunit: no KUnit output found')
    for blabel, plan, nsuites, *_ in boots:
        if plan is not None and nsuites < plan:
            failed += 1
            problems.append(f'kunit: {blabel or "test:"} {nsuites} of '
                            f'{plan} suites ran')

    # ---- guest smoke checks (harness/guest/smoke.sh)
    checks = [re.search(r'@@CHECK (PASS|FAIL) (\S+)', l) for l in lines]
    checks = [m.groups() for m in checks if m]
    for res, name in checks:
        if res == 'PASS':
            passed += 1
        else:
            failed += 1
            problems.append(f'guest check {name} failed')
    if checks:
        print(f'guest checks {"":21} {sum(r == "PASS" for r, _ in checks):4} passed '
              f'{sum(r != "PASS" for r, _ in checks):4} failed')
    else:
        failed += 1
        problems.append('guest: no smoke check results')

    # ---- ftracetest
    seen = {}
    for line in lines:
        m = re.search(r'@@FTRACE (\S+) (\S+)', line)
        if m:
            seen[m.group(2)] = m.group(1)
    per_dir = OrderedDict()
    for case, res in seen.items():
        d = case.split('/', 1)[0]
        c = per_dir.setdefault(d, defaultdict(int))
        c[res] += 1
        want = expect.get(case)
        if res == 'NODIR':
            failed += 1
            problems.append(f'ftracetest: no directory test.d/{case}')
        elif want is None and res in ('PASS', 'XFAIL'):
            # XFAIL: the case's own expected failure, a pass to ftracetest.
            passed += 1
            c['ok'] += 1
        elif want is None:
            failed += 1
            c['bad'] += 1
            problems.append(f'ftracetest: {case}: {res}, not listed in '
                            'ftracetest.expect')
        elif want == res:
            skipped += 1
            c['expected'] += 1
        else:
            failed += 1
            c['bad'] += 1
            problems.append(f'ftracetest: {case}: {res}, but '
                            f'ftracetest.expect says {want}')
    for d, c in per_dir.items():
        detail = ' '.join(f'{k}={c[k]}' for k in RESULTS if c.get(k))
        print(f'ftracetest {d:23} {c["ok"]:4} passed {c["bad"]:4} failed '
              f'{c["expected"]:4} expected  ({detail})')
    ran_dirs = set(per_dir)
    for d in want_dirs:
        if d not in ran_dirs:
            failed += 1
            problems.append(f'ftracetest: directory {d} produced no results')
    for case, want in expect.items():
        d = case.split('/', 1)[0]
        if (not want_dirs or d in want_dirs) and case not in seen:
            failed += 1
            problems.append(f'ftracetest: {case} is listed but did not run')

    # ---- the kernel log
    hits = []
    for n, line in enumerate(lines, 1):
        if line.startswith('| ') or '@@' in line:
            continue
        if any(p.search(line) for p in SPLATS):
            hits.append(f'{n}: {line.strip()}')
    if hits:
        failed += 1
        problems.append(f'kernel log: {len(hits)} report line(s):')
        problems.extend('    ' + h for h in hits[:20])
    else:
        passed += 1
        print('kernel log scan: clean')

    # Every boot (one per @@BEGIN@@) must report its exit status.
    nboots = max(1, sum('@@BEGIN@@' in l for l in lines))
    exits = sum('@@EXIT=' in l for l in lines)
    if exits < nboots:
        failed += 1
        problems.append(f'guest: {nboots - exits} of {nboots} boot(s) gave '
                        'no exit status (crash, hang or timeout)')
    for p in problems:
        print('FAIL ' + p)
    print(f'{passed} passed, {failed} failed, {skipped} skipped')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

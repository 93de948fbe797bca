#!/usr/bin/env python3
"""Compares two directories of golden outputs number by number.

    python3 Scripts/golden-compare.py OLD_DIR NEW_DIR [--tolerance 1e-12]

Every file must have the same text once its numbers are taken out, and every number must agree
within the tolerance, relative or absolute (the absolute one for numbers that are rounding noise
around zero, such as the standard deviation of a constant). Prints
the largest relative difference per file and exits non-zero when a file is missing, its text
differs, or a number is outside the tolerance. For a change that reformulates arithmetic
(the same equation, other roundings): the note says "every number within 1e-12", and this
script is how it was checked.
"""
import argparse, os, re, sys

NUMBER = re.compile(r"-?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def split(text):
    numbers, parts, last = [], [], 0
    for m in NUMBER.finditer(text):
        parts.append(text[last:m.start()])
        numbers.append(m.group(0))
        last = m.end()
    parts.append(text[last:])
    return parts, numbers


def value(token):
    return float(token.replace(",", ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--tolerance", type=float, default=1e-12)
    args = ap.parse_args()
    failed = False
    names = sorted(set(os.listdir(args.old)) | set(os.listdir(args.new)))
    for name in names:
        a, b = os.path.join(args.old, name), os.path.join(args.new, name)
        if not (os.path.isfile(a) and os.path.isfile(b)):
            print(f"{name}: only in {'new' if os.path.isfile(b) else 'old'}")
            failed = True
            continue
        pa, na = split(open(a, encoding="utf-8").read())
        pb, nb = split(open(b, encoding="utf-8").read())
        if pa != pb or len(na) != len(nb):
            print(f"{name}: the text differs, not only its numbers")
            failed = True
            continue
        worst, where, changed = 0.0, None, 0
        for x, y in zip(na, nb):
            if x == y:
                continue
            changed += 1
            u, v = value(x), value(y)
            scale = max(abs(u), abs(v))
            rel = min(abs(u - v) / scale, abs(u - v))
            if rel > worst:
                worst, where = rel, (x, y)
        status = "identical" if changed == 0 else f"{changed} numbers differ, largest relative difference {worst:.1e} ({where[0]} → {where[1]})"
        if worst > args.tolerance:
            status += f": OUTSIDE {args.tolerance:g}"
            failed = True
        print(f"{name}: {status}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

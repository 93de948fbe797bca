#!/usr/bin/env python3
"""Generates the power-of-ten table used by Sources/OrbitalCompute/Report/ShortestDigits.swift (Schubfach).

Source: Raffaello Giulietti, "The Schubfach way to render doubles" (2020, rev. 2022),
section "Computing g": for every decimal exponent k in [K_MIN, K_MAX] let

    10^(-k) = beta * 2^r    with r integer and 2^125 <= beta < 2^126,
    g(k)    = floor(beta) + 1                      (a 126-bit integer),

so that (g - 1) * 2^r <= 10^(-k) < g * 2^r.  g is stored split into two 63-bit
halves g1 = g >> 63 and g0 = g mod 2^63, which is what the round-to-odd product
`rop` of the paper consumes.

K_MIN = -324 and K_MAX = 292 are the smallest and largest values of
k = floor(log10(2^q)) (or floor(log10(3/4 * 2^q))) over the binary exponents q
of finite doubles, q in [-1074, 971].

Everything is exact big-integer arithmetic.  The script also proves (by
exhaustive check over the whole range used) the integer approximations of
floor(q*log10(2)), floor(log10(3/4*2^q)) and floor(e*log2(10)) that the Swift file
uses, then rewrites the table block of `Sources/OrbitalCompute/Report/ShortestDigits.swift` (the lines between the
`BEGIN GENERATED TABLE` and `END GENERATED TABLE` markers).

Run:  python3 Scripts/shortest-digits-table.py
"""
from fractions import Fraction

Q_MIN, Q_MAX = -1074, 971


def floor_log10_frac(x: Fraction) -> int:
    """Exact floor(log10(x)) for a positive rational x."""
    k = 0
    while Fraction(10) ** k > x:
        k -= 1
    while Fraction(10) ** (k + 1) <= x:
        k += 1
    return k


def floor_log2_frac(x: Fraction) -> int:
    k = x.numerator.bit_length() - x.denominator.bit_length()
    while Fraction(2) ** k > x:
        k -= 1
    while Fraction(2) ** (k + 1) <= x:
        k += 1
    return k


# --- the multiply-shift approximations used in Swift, checked exhaustively -----
# floor(q * log10(2))            == (q * 661971961083) >> 41
# floor(log10(3/4 * 2^q))        == (q * 661971961083 - 274743187321) >> 41
# floor(e * log2(10))            == (e * 913124641741) >> 38
def check_logs():
    ks = []
    for q in range(Q_MIN, Q_MAX + 1):
        x = Fraction(2) ** q
        k = floor_log10_frac(x)
        assert (q * 661971961083) >> 41 == k, q
        k34 = floor_log10_frac(x * Fraction(3, 4))
        assert (q * 661971961083 - 274743187321) >> 41 == k34, q
        ks += [k, k34]
    # the shift h = q + floor(-k*log2(10)) + 2 used by the Swift code stays in [2, 5]
    for q in range(Q_MIN, Q_MAX + 1):
        for k in ((q * 661971961083) >> 41, (q * 661971961083 - 274743187321) >> 41):
            assert 2 <= q + ((-k * 913124641741) >> 38) + 2 <= 5, q
    for e in range(-400, 401):
        assert (e * 913124641741) >> 38 == floor_log2_frac(Fraction(10) ** e), e
    return min(ks), max(ks)


def main():
    K_MIN, K_MAX = check_logs()
    assert (K_MIN, K_MAX) == (-324, 292), (K_MIN, K_MAX)
    rows = []
    for k in range(K_MIN, K_MAX + 1):
        p = Fraction(10) ** (-k)
        r = floor_log2_frac(p) - 125          # so that 2^125 <= p / 2^r < 2^126
        beta = p / Fraction(2) ** r
        assert 2 ** 125 <= beta < 2 ** 126
        g = beta.numerator // beta.denominator + 1
        assert (g - 1) * Fraction(2) ** r <= p < g * Fraction(2) ** r
        assert g < 2 ** 126
        g1, g0 = g >> 63, g & (2 ** 63 - 1)
        rows.append(f"    0x{g1:016X}, 0x{g0:016X}, // k = {k}")
    out = []
    out.append("// BEGIN GENERATED TABLE (Scripts/shortest-digits-table.py) -- do not edit by hand.")
    out.append("//")
    out.append("// Schubfach power-of-ten table (R. Giulietti, \"The Schubfach way to render")
    out.append("// doubles\", 2020/2022): for k in [-324, 292], g(k) = floor(10^-k * 2^-r) + 1 with")
    out.append("// 2^125 <= 10^-k * 2^-r < 2^126, stored as the pair (g >> 63, g mod 2^63).")
    out.append("// Entry 2*(k + 324) is g1(k), entry 2*(k + 324) + 1 is g0(k).")
    out.append("")
    out.append(f"/// Smallest decimal exponent k covered by `schubfachG`.")
    out.append(f"let schubfachKMin = {K_MIN}")
    out.append(f"/// Largest decimal exponent k covered by `schubfachG`.")
    out.append(f"let schubfachKMax = {K_MAX}")
    out.append("")
    out.append("/// Interleaved 63-bit halves (g1, g0) of the 126-bit Schubfach constants g(k).")
    out.append("let schubfachG: [UInt64] = [")
    out += rows
    out.append("]")
    out.append("// END GENERATED TABLE")
    path = "Sources/OrbitalCompute/Report/ShortestDigits.swift"
    src = open(path).read()
    begin = src.index("// BEGIN GENERATED TABLE")
    end = src.index("// END GENERATED TABLE") + len("// END GENERATED TABLE\n")
    with open(path, "w") as f:
        f.write(src[:begin] + "\n".join(out) + "\n" + src[end:])
    print(f"wrote {len(rows)} entries, K_MIN={K_MIN} K_MAX={K_MAX}")


if __name__ == "__main__":
    main()

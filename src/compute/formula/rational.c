/* Exact rational arithmetic on __int128, for the formula language. */
#include "compute/formula/rational.h"

static __int128 gcd(__int128 a, __int128 b)
{
    if (a < 0)
        a = -a;
    while (b != 0) {
        __int128 t = a % b;
        a = b;
        b = t < 0 ? -t : t;
    }
    return a == 0 ? 1 : a;
}

static rel_rational reduce(rel_rational r)
{
    __int128 g = gcd(r.num, r.den);
    r.num /= g;
    r.den /= g;
    return r;
}

rel_rational rel_rational_from_fixed(int64_t value, int scale, bool money)
{
    __int128 den = 1;
    for (int i = 0; i < scale; i++)
        den *= 10;
    return reduce((rel_rational){value, den, money});
}

/* The smallest __int128 has no opposite: no value ever holds it, so that
 * every negation (minus, ABS, a subtraction) is safe. */
static const __int128 int128_min = (__int128)((unsigned __int128)1 << 127);

bool rational_add(rel_rational a, rel_rational b, rel_rational *out)
{
    __int128 x, y, num, den;
    if (__builtin_mul_overflow(a.num, b.den, &x) || __builtin_mul_overflow(b.num, a.den, &y)
        || __builtin_add_overflow(x, y, &num) || __builtin_mul_overflow(a.den, b.den, &den)
        || num == int128_min)
        return false;
    *out = reduce((rel_rational){num, den, a.money || b.money});
    return true;
}

bool rational_mul(rel_rational a, rel_rational b, rel_rational *out)
{
    a = reduce(a);
    b = reduce(b);
    /* cross-reduce first, so that exact results stay small */
    __int128 g1 = gcd(a.num, b.den), g2 = gcd(b.num, a.den);
    __int128 num, den;
    if (__builtin_mul_overflow(a.num / g1, b.num / g2, &num)
        || __builtin_mul_overflow(a.den / g2, b.den / g1, &den) || num == int128_min)
        return false;
    *out = reduce((rel_rational){num, den, a.money != b.money});
    return true;
}

bool rational_div(rel_rational a, rel_rational b, rel_rational *out)
{
    if (b.num == 0)
        return false;
    rel_rational inverse = {b.num < 0 ? -b.den : b.den, b.num < 0 ? -b.num : b.num, b.money};
    if (!rational_mul(a, inverse, out))
        return false;
    out->money = a.money && !b.money;   /* € / n = €; € / € = a ratio */
    return true;
}

/* Floor division: a = q * d + r with 0 <= r < d (d > 0). */
static __int128 floor_div(__int128 a, __int128 d, __int128 *r)
{
    __int128 q = a / d;
    *r = a % d;
    if (*r < 0) {
        *r += d;
        q--;
    }
    return q;
}

/* Exact, with no product that could overflow: integer parts first, then
 * the fractions by their reciprocals (which reverse the order), as in
 * Euclid's algorithm. */
int rational_compare(rel_rational a, rel_rational b)
{
    __int128 ra, rb;
    __int128 qa = floor_div(a.num, a.den, &ra), qb = floor_div(b.num, b.den, &rb);
    if (qa != qb)
        return qa < qb ? -1 : 1;
    if (ra == 0 || rb == 0)
        return (ra > 0) - (rb > 0);
    return rational_compare((rel_rational){b.den, rb, false}, (rel_rational){a.den, ra, false});
}

bool rel_rational_fixed(rel_rational value, int scale, int64_t *out)
{
    __int128 scaled = value.num;
    for (int i = 0; i < scale; i++)
        if (__builtin_mul_overflow(scaled, 10, &scaled))
            return false;
    __int128 magnitude = scaled < 0 ? -scaled : scaled;
    __int128 quotient = magnitude / value.den;
    __int128 remainder = magnitude % value.den;
    if (remainder >= value.den - remainder)
        quotient++;   /* half away from zero; no doubling, which could overflow */
    if (quotient > INT64_MAX)
        return false;
    *out = (int64_t)(scaled < 0 ? -quotient : quotient);
    return true;
}

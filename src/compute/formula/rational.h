/*
 * rational.h - exact arithmetic of the formula language (private).
 * Each operation returns false on overflow and leaves *out untouched.
 */
#ifndef REL_FORMULA_RATIONAL_H
#define REL_FORMULA_RATIONAL_H

#include "compute/formula/formula.h"

bool rational_add(rel_rational a, rel_rational b, rel_rational *out);
bool rational_mul(rel_rational a, rel_rational b, rel_rational *out);
/* false also when b is zero: the caller tells the two apart. */
bool rational_div(rel_rational a, rel_rational b, rel_rational *out);
/* -1, 0, 1 */
int rational_compare(rel_rational a, rel_rational b);

#endif

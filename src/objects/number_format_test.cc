// Unit tests of the float-to-text core (CPython's PyOS_double_to_string);
// expected strings are CPython 3.11's ('%.Nx' % v and repr(v)).
#include "objects/number_format.h"

#include <gtest/gtest.h>

#include <cmath>

namespace capy {
namespace {

std::string d2s(double d, char code, int prec, unsigned flags = 0) {
  std::string s;
  double_to_string(s, d, code, prec, flags);
  return s;
}

TEST(NumberFormat, Repr) {
  EXPECT_EQ(float_repr(0.0), "0.0");
  EXPECT_EQ(float_repr(-0.0), "-0.0");
  EXPECT_EQ(float_repr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(1e15), "1000000000000000.0");
  EXPECT_EQ(float_repr(1e-5), "1e-05");
  EXPECT_EQ(float_repr(0.0001), "0.0001");
  EXPECT_EQ(float_repr(5e-324), "5e-324");
  EXPECT_EQ(float_repr(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(float_repr(INFINITY), "inf");
  EXPECT_EQ(float_repr(-INFINITY), "-inf");
  EXPECT_EQ(float_repr(NAN), "nan");
}

TEST(NumberFormat, FixedExpGeneral) {
  EXPECT_EQ(d2s(0.125, 'f', 2), "0.12");   // ties round to even on the exact value
  EXPECT_EQ(d2s(0.375, 'f', 2), "0.38");
  EXPECT_EQ(d2s(2.675, 'f', 2), "2.67");   // 2.675 is below the tie
  EXPECT_EQ(d2s(0.5, 'f', 0), "0");
  EXPECT_EQ(d2s(0.5, 'f', 0, kDtsfAlt), "0.");
  EXPECT_EQ(d2s(1e22, 'f', 1), "10000000000000000000000.0");
  EXPECT_EQ(d2s(1234.5, 'e', 2), "1.23e+03");
  EXPECT_EQ(d2s(1234.5, 'E', 0), "1E+03");
  EXPECT_EQ(d2s(5e-324, 'e', 3), "4.941e-324");
  EXPECT_EQ(d2s(0.0001, 'g', 6), "0.0001");
  EXPECT_EQ(d2s(0.00001, 'g', 6), "1e-05");
  EXPECT_EQ(d2s(123456789.0, 'g', 6), "1.23457e+08");
  EXPECT_EQ(d2s(100.0, 'g', 6, kDtsfAlt), "100.000");
  EXPECT_EQ(d2s(2.5, 'g', 0), "2");
  EXPECT_EQ(d2s(-INFINITY, 'F', 3), "-INF");
  EXPECT_EQ(d2s(NAN, 'r', 0, kDtsfSign), "+nan");
  EXPECT_EQ(d2s(-0.0001, 'f', 2, kDtsfNoNegZero), "0.00");
  EXPECT_EQ(d2s(1.5, 'r', 0, kDtsfSign), "+1.5");
  EXPECT_EQ(d2s(3.0, 'r', 0), "3");
}

TEST(NumberFormat, ComplexRepr) {
  EXPECT_EQ(complex_repr_text(1, 2), "(1+2j)");
  EXPECT_EQ(complex_repr_text(0, 1), "1j");
  EXPECT_EQ(complex_repr_text(-0.0, -1), "(-0-1j)");
  EXPECT_EQ(complex_repr_text(NAN, INFINITY), "(nan+infj)");
  EXPECT_EQ(complex_repr_text(1.5, -0.0), "(1.5-0j)");
}

}  // namespace
}  // namespace capy

// Unit tests of the Unicode name database: every name round-trips, the
// algorithmic names, aliases and named sequences behave as CPython 3.11's
// unicodedata (Unicode 14.0.0).
#include "support/unicode_names.h"

#include <gtest/gtest.h>

namespace capy {
namespace {

TEST(UnicodeNames, RoundTripEveryName) {
  size_t named = 0;
  for (uint32_t cp = 0; cp < 0x110000; ++cp) {
    std::string n;
    if (!unicode_name_of(cp, &n)) continue;
    ++named;
    uint32_t back = 0;
    ASSERT_TRUE(unicode_lookup(n, &back)) << n;
    ASSERT_EQ(back, cp) << n;
  }
  EXPECT_EQ(named, 138552u);  // len([c for c in range(0x110000) if unicodedata.name(chr(c), None)])
}

TEST(UnicodeNames, Examples) {
  std::string n;
  EXPECT_TRUE(unicode_name_of(0x3B1, &n));
  EXPECT_EQ(n, "GREEK SMALL LETTER ALPHA");
  n.clear();
  EXPECT_TRUE(unicode_name_of(0xAC01, &n));
  EXPECT_EQ(n, "HANGUL SYLLABLE GAG");
  n.clear();
  EXPECT_TRUE(unicode_name_of(0x20000, &n));
  EXPECT_EQ(n, "CJK UNIFIED IDEOGRAPH-20000");
  n.clear();
  EXPECT_TRUE(unicode_name_of(0xF900, &n));
  EXPECT_EQ(n, "CJK COMPATIBILITY IDEOGRAPH-F900");
  n.clear();
  EXPECT_FALSE(unicode_name_of(0x0A, &n));
  EXPECT_FALSE(unicode_name_of(0xD800, &n));
  EXPECT_FALSE(unicode_name_of(0x110000, &n));
}

TEST(UnicodeNames, Lookup) {
  uint32_t cp = 0;
  EXPECT_TRUE(unicode_lookup("em dash", &cp));
  EXPECT_EQ(cp, 0x2014u);
  EXPECT_TRUE(unicode_lookup("LF", &cp));  // alias
  EXPECT_EQ(cp, 0x0Au);
  EXPECT_TRUE(unicode_lookup("byte order mark", &cp));
  EXPECT_EQ(cp, 0xFEFFu);
  EXPECT_TRUE(unicode_lookup("cjk compatibility ideograph-f900", &cp));
  EXPECT_EQ(cp, 0xF900u);
  EXPECT_FALSE(unicode_lookup("cjk unified ideograph-4E00", &cp));  // case-sensitive, as CPython
  EXPECT_FALSE(unicode_lookup("CJK UNIFIED IDEOGRAPH-4e00", &cp));
  EXPECT_TRUE(unicode_lookup("CJK UNIFIED IDEOGRAPH-04E00", &cp));
  EXPECT_FALSE(unicode_lookup("HANGUL SYLLABLE gag", &cp));
  EXPECT_FALSE(unicode_lookup("SPACE ", &cp));
  EXPECT_FALSE(unicode_lookup("", &cp));
  EXPECT_FALSE(unicode_lookup(std::string(300, 'A'), &cp));
  EXPECT_FALSE(unicode_lookup("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", &cp));
  uint32_t seq[4];
  EXPECT_EQ(unicode_lookup_sequence("latin capital letter a with macron and grave", seq), 2);
  EXPECT_EQ(seq[0], 0x100u);
  EXPECT_EQ(seq[1], 0x300u);
}

TEST(UnicodeData, Properties) {
  EXPECT_STREQ(ucd::category(0x41), "Lu");
  EXPECT_STREQ(ucd::category(0x1E030), "Cn");  // assigned only in Unicode 15
  EXPECT_STREQ(ucd::bidirectional(0x5D0), "R");
  EXPECT_EQ(ucd::combining(0x301), 230);
  EXPECT_STREQ(ucd::east_asian_width(0x3042), "W");
  EXPECT_TRUE(ucd::mirrored('('));
  EXPECT_EQ(ucd::decomposition(0xE9), "0065 0301");
  EXPECT_EQ(ucd::decomposition(0x41), "");
  double v = 0;
  EXPECT_TRUE(ucd::numeric(0xBD, &v));
  EXPECT_EQ(v, 0.5);
  EXPECT_EQ(ucd::decimal(0x660), 0);
  EXPECT_EQ(ucd::digit(0xB2), 2);
  EXPECT_EQ(ucd::decimal(0xB2), -1);
}

}  // namespace
}  // namespace capy

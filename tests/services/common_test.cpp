// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "common/rfc3339.h"
#include "common/sha256.h"
#include "common/time_zone.h"
#include "common/utf8.h"

using namespace hall;

TEST_CASE("RFC 3339 times need an offset and a real date", "[common][time]") {
  CHECK(parse_rfc3339("2027-03-01T00:00:00+08:00") == parse_rfc3339("2027-02-28T16:00:00Z"));
  CHECK(parse_rfc3339("2027-03-01T00:00:00.250+08:00") == parse_rfc3339("2027-02-28T16:00:00Z"));
  CHECK(parse_rfc3339("2027-03-01T08:00:00-02:30") == parse_rfc3339("2027-03-01T10:30:00Z"));
  const char* bad[] = {"2027-03-01T00:00:00", "2027-03-01", "2027-02-29T00:00:00Z", "2027-13-01T00:00:00Z",
                       "2027-03-01T24:00:00Z", "2027-03-01T00:00:00+8:00", "2027-03-01 00:00:00Z", "",
                       "2027-03-01T00:00:00Zjunk", "２０２７-03-01T00:00:00Z"};
  for (const char* s : bad) {
    INFO(s);
    CHECK_FALSE(parse_rfc3339(s));
  }
  const auto t = *parse_rfc3339("2026-11-28T20:05:09+08:00");
  CHECK(format_rfc3339_utc(t) == "2026-11-28T12:05:09Z");
  CHECK(format_rfc3339(t, 8 * 3600) == "2026-11-28T20:05:09+08:00");
}

TEST_CASE("the hall's zone comes from the system's tzdata", "[common][time]") {
  const auto shanghai = TimeZone::load("Asia/Shanghai");
  REQUIRE(shanghai);
  CHECK(shanghai->offset_at(*parse_rfc3339("2026-11-28T00:00:00Z")) == 8 * 3600);
  // China kept summer time from 1986 to 1991: the file's transitions are honoured.
  CHECK(shanghai->offset_at(*parse_rfc3339("1988-07-01T00:00:00Z")) == 9 * 3600);
  const auto berlin = TimeZone::load("Europe/Berlin");
  REQUIRE(berlin);
  CHECK(berlin->offset_at(*parse_rfc3339("2026-07-01T00:00:00Z")) == 2 * 3600);
  CHECK(berlin->offset_at(*parse_rfc3339("2026-01-01T00:00:00Z")) == 3600);
  CHECK(shanghai->format_local(*parse_rfc3339("2026-11-28T12:00:00Z")) == "2026-11-28T20:00:00+08:00");
  CHECK_FALSE(TimeZone::load("Mars/Olympus"));
  CHECK_FALSE(TimeZone::load("../../etc/passwd"));
  CHECK_FALSE(TimeZone::from_tzif("bad", "TZif but not really"));
}

TEST_CASE("UTF-8 checks find the first bad byte", "[common][utf8]") {
  CHECK_FALSE(utf8::first_invalid("高龄津贴 abc"));
  CHECK(utf8::first_invalid("ab\xC3\x28") == 2u);
  CHECK(utf8::first_invalid("\xE9\xAB") == 0u);          // truncated
  CHECK(utf8::first_invalid("\xC0\xAF") == 0u);          // overlong
  CHECK(utf8::first_invalid("\xED\xA0\x80") == 0u);      // surrogate
  CHECK(utf8::first_invalid("\xF4\x90\x80\x80") == 0u);  // above U+10FFFF
  CHECK(utf8::decode("高a").size() == 2);
  CHECK(utf8::encode(U'龄') == "龄");
  CHECK(utf8::is_han(U'龄'));
  CHECK_FALSE(utf8::is_han(U'a'));
}

TEST_CASE("sha256 names content", "[common]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

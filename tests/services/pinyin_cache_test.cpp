// SPDX-License-Identifier: Apache-2.0
// search/pinyin_cache: the derived tables survive a round trip, a damaged file is never read, and
// a changed database is a different file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "search/pinyin_cache.h"
#include "support/temp_dir.h"

using namespace hall::search;
using hall::test::TempDir;
using hall::test::write_file;

namespace {

PinyinTables sample() {
  PinyinTables t;
  t.syllables = {"hang", "xing", "yin"};
  t.characters = {(U'行' << 9) | 1u, (U'银' << 9) | 2u};
  t.alternates = {(U'行' << 9) | 0u};
  t.phrases = {(7000u << phrase_length_bits) | 2u, (U'银' << 9) | 2u, (U'行' << 9) | 0u};
  return t;
}

}  // namespace

TEST_CASE("the pinyin cache reads back what was written", "[pinyin][cache]") {
  TempDir dir;
  const std::string file = dir.file("cache/pinyin.bin");
  REQUIRE(write_pinyin_cache(file, sample()));
  const auto back = read_pinyin_cache(file);
  REQUIRE(back);
  CHECK(back->syllables == sample().syllables);
  CHECK(back->characters == sample().characters);
  CHECK(back->alternates == sample().alternates);
  CHECK(back->phrases == sample().phrases);
}

TEST_CASE("a damaged or foreign cache file is not read", "[pinyin][cache]") {
  TempDir dir;
  const std::string file = dir.file("pinyin.bin");
  REQUIRE(write_pinyin_cache(file, sample()));
  const auto size = std::filesystem::file_size(file);
  SECTION("cut short") {
    std::filesystem::resize_file(file, size - 3);
  }
  SECTION("one byte too many") {
    std::ofstream(file, std::ios::app) << 'x';
  }
  SECTION("another format") {
    write_file(file, "not a cache");
  }
  SECTION("absent") {
    std::filesystem::remove(file);
  }
  CHECK_FALSE(read_pinyin_cache(file));
}

TEST_CASE("the cache file is named after the database as it is now", "[pinyin][cache]") {
  TempDir dir;
  const std::string db = dir.file("main.db");
  write_file(db, "one");
  const std::string first = pinyin_cache_file(db, dir.path());
  CHECK(first.starts_with(dir.path() + "/pinyin-"));
  write_file(db, "changed");
  CHECK(pinyin_cache_file(db, dir.path()) != first);
  CHECK(pinyin_cache_file(dir.file("missing.db"), dir.path()).empty());
  CHECK(pinyin_cache_file(db, "").empty());
}

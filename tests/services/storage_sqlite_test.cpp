// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "storage/sqlite.h"
#include "support/temp_dir.h"

using namespace hall;
using hall::storage::Database;
using hall::storage::Transaction;
using hall::test::TempDir;

namespace {

Database open_with_table(const std::string& path) {
  auto db = Database::open(path);
  REQUIRE(db);
  REQUIRE(db->exec("CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v BLOB)"));
  return std::move(*db);
}

Result<void> insert(Database& db, const std::string& key) {
  auto st = db.prepare("INSERT INTO t (k) VALUES (?1)");
  if (!st) return std::unexpected(st.error());
  return st->bind(1, key).run();
}

}  // namespace

TEST_CASE("a UNIQUE violation is a conflict, not an i/o error", "[storage]") {
  TempDir dir;
  auto db = open_with_table(dir.file("a.db"));
  REQUIRE(insert(db, "one"));
  const auto again = insert(db, "one");
  REQUIRE_FALSE(again);
  CHECK(again.error().code == ErrorCode::conflict);
  CHECK_THAT(again.error().message, Catch::Contains("a.db") && Catch::Contains("UNIQUE"));
  // The same through exec(), which reports through Database::error().
  const auto exec = db.exec("INSERT INTO t (k) VALUES ('one')");
  REQUIRE_FALSE(exec);
  CHECK(exec.error().code == ErrorCode::conflict);
}

TEST_CASE("the extended result codes map by their primary code", "[storage]") {
  struct Case {
    const char* rule;
    int rc;
    ErrorCode code;
  };
  const Case cases[] = {
      {"UNIQUE is a conflict", 2067 /* SQLITE_CONSTRAINT_UNIQUE */, ErrorCode::conflict},
      {"NOT NULL is a conflict", 1299 /* SQLITE_CONSTRAINT_NOTNULL */, ErrorCode::conflict},
      {"busy on recovery is unavailable", 261 /* SQLITE_BUSY_RECOVERY */, ErrorCode::unavailable},
      {"locked shared cache is unavailable", 262 /* SQLITE_LOCKED_SHAREDCACHE */, ErrorCode::unavailable},
      {"a corrupt vtab is corrupt", 267 /* SQLITE_CORRUPT_VTAB */, ErrorCode::corrupt},
      {"not a database is corrupt", 26 /* SQLITE_NOTADB */, ErrorCode::corrupt},
      {"a short read is io", 522 /* SQLITE_IOERR_SHORT_READ */, ErrorCode::io},
      {"a full disk is io", 13 /* SQLITE_FULL */, ErrorCode::io},
      {"read-only is io", 1032 /* SQLITE_READONLY_DBMOVED */, ErrorCode::io},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(storage::error_code_of(c.rc) == c.code);
  }
}

TEST_CASE("a failed bind surfaces from step and run", "[storage]") {
  TempDir dir;
  auto db = open_with_table(dir.file("b.db"));
  auto st = db.prepare("INSERT INTO t (k) VALUES (?1)");
  REQUIRE(st);
  st->bind(1, "x").bind(7, "no such parameter");
  const auto r = st->run();
  REQUIRE_FALSE(r);
  CHECK_THAT(r.error().message, Catch::Contains("parameter 7") && Catch::Contains("b.db"));
  // Nothing was written, and reset() clears the kept error for the next use.
  st->reset();
  REQUIRE(st->bind(1, "x").run());
  auto count = db.prepare("SELECT count(*) FROM t");
  REQUIRE(count);
  REQUIRE(count->step());
  CHECK(count->integer(0) == 1);
}

TEST_CASE("each() visits every row in order and stops at the first error", "[storage]") {
  TempDir dir;
  auto db = open_with_table(dir.file("c.db"));
  for (const char* k : {"a", "b", "c"}) REQUIRE(insert(db, k));
  auto st = db.prepare("SELECT k FROM t ORDER BY k");
  REQUIRE(st);
  std::vector<std::string> seen;
  REQUIRE(st->each([&](const storage::Statement& row) -> Result<void> {
    seen.push_back(row.text(0));
    return {};
  }));
  CHECK(seen == std::vector<std::string>{"a", "b", "c"});

  auto again = db.prepare("SELECT k FROM t ORDER BY k");
  REQUIRE(again);
  int calls = 0;
  const auto stopped = again->each([&](const storage::Statement& row) -> Result<void> {
    ++calls;
    if (row.text(0) == "b") return fail(ErrorCode::invalid_input, "stop at b");
    return {};
  });
  REQUIRE_FALSE(stopped);
  CHECK(stopped.error().message == "stop at b");
  CHECK(calls == 2);
}

TEST_CASE("a writer held by another connection is unavailable, not an i/o error", "[storage]") {
  TempDir dir;
  auto first = open_with_table(dir.file("d.db"));
  auto second = Database::open(dir.file("d.db"));
  REQUIRE(second);
  second->set_busy_timeout(std::chrono::milliseconds(50));
  auto held = Transaction::begin(first);
  REQUIRE(held);
  const auto blocked = Transaction::begin(*second);
  REQUIRE_FALSE(blocked);
  CHECK(blocked.error().code == ErrorCode::unavailable);
  CHECK_THAT(blocked.error().message, Catch::Contains("d.db"));
  // A plain write statement on the second connection is refused the same way.
  const auto write = insert(*second, "z");
  REQUIRE_FALSE(write);
  CHECK(write.error().code == ErrorCode::unavailable);
  REQUIRE(held->commit());
  CHECK(insert(*second, "z"));
}

TEST_CASE("a file of garbage is corrupt, named in the message", "[storage]") {
  TempDir dir;
  std::string garbage(8192, '\0');
  for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 131 + 7) % 251);
  test::write_file(dir.file("garbage.db"), garbage);
  const auto db = Database::open(dir.file("garbage.db"));
  REQUIRE_FALSE(db);
  CHECK(db.error().code == ErrorCode::corrupt);
  CHECK_THAT(db.error().message, Catch::Contains("garbage.db"));
}

TEST_CASE("a database that may not be written refuses as io, naming the file", "[storage]") {
  // Tests run as root, which ignores a folder's mode bits; query_only is refused by SQLite itself.
  TempDir dir;
  auto db = open_with_table(dir.file("ro.db"));
  REQUIRE(db.exec("PRAGMA query_only=1"));
  const auto write = insert(db, "x");
  REQUIRE_FALSE(write);
  CHECK(write.error().code == ErrorCode::io);
  CHECK_THAT(write.error().message, Catch::Contains("ro.db") && Catch::Contains("readonly"));
  const auto missing = Database::open(dir.file("no/such/folder.db"));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == ErrorCode::not_found);
}

TEST_CASE("a full database is io with a message naming the file", "[storage]") {
  TempDir dir;
  auto db = open_with_table(dir.file("full.db"));
  auto pages = db.prepare("PRAGMA page_count");
  REQUIRE(pages);
  REQUIRE(pages->step());
  const auto limit = pages->integer(0) + 4;
  REQUIRE(db.exec("PRAGMA max_page_count=" + std::to_string(limit)));
  auto st = db.prepare("INSERT INTO t (k, v) VALUES (?1, zeroblob(3000))");
  REQUIRE(st);
  Result<void> last;
  for (int i = 0; i < 100 && last; ++i) {
    st->reset();
    last = st->bind(1, "k" + std::to_string(i)).run();
  }
  REQUIRE_FALSE(last);
  CHECK(last.error().code == ErrorCode::io);
  CHECK_THAT(last.error().message, Catch::Contains("full.db") && Catch::Contains("full"));
}

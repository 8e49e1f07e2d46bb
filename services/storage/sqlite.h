// SPDX-License-Identifier: Apache-2.0
#pragma once
// A thin RAII layer over SQLite: errors come back as values naming the database file.
//
// One connection per thread: a Database and its Statements are opened with SQLITE_OPEN_NOMUTEX and
// must only be used by the thread that holds them. A second thread opens its own Database on the
// same file; WAL lets its readers run beside one writer, and BEGIN IMMEDIATE (Transaction) makes
// writers queue on the busy timeout instead of failing half way.
//
// Error codes follow SQLite's primary result (extended codes masked with 0xff):
//   SQLITE_CONSTRAINT -> conflict, SQLITE_BUSY / SQLITE_LOCKED -> unavailable,
//   SQLITE_CORRUPT / SQLITE_NOTADB -> corrupt, everything else (FULL, IOERR, READONLY ...) -> io.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace hall::storage {

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::string sql) : db_(db), stmt_(stmt), sql_(std::move(sql)) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, double value);
  Statement& bind_null(int index);
  Statement& bind(int index, std::optional<std::int64_t> value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // A bind that fails (an index out of range, out of memory) is kept and returned by the next
  // step(), run() or each(), so a chain of binds needs no check of its own.
  // true: a row is ready; false: done. Errors name the database file and the statement.
  Result<bool> step();
  Result<void> run();  // step to completion, for statements without rows
  // Steps through every row, calling `row` on each; the first error (SQLite's or row's) ends it.
  Result<void> each(const std::function<Result<void>(const Statement&)>& row);
  void reset();  // also clears the bindings and a kept bind error

  std::int64_t integer(int column) const;
  std::optional<std::int64_t> optional_integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  bool is_null(int column) const;

 private:
  Statement& keep_bind_error(int rc, int index);
  Error error_of(int rc) const;

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::string sql_;
  std::optional<Error> bind_error_;
};

// The ErrorCode for a SQLite result code (primary or extended).
ErrorCode error_code_of(int sqlite_rc);

class Database {
 public:
  // Opens (creating if asked) a database in WAL mode with foreign keys on and a busy timeout.
  static Result<Database> open(const std::string& path, bool create = true);
  Database(Database&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) { other.db_ = nullptr; }
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  ~Database();

  Result<Statement> prepare(std::string_view sql);
  Result<void> exec(std::string_view sql);  // one or more statements without parameters
  Result<int> user_version();
  Result<void> set_user_version(int v);
  Result<std::string> quick_check();
  const std::string& path() const { return path_; }
  std::int64_t changes() const;
  std::int64_t last_insert_id() const;
  // How long a statement waits for another connection's lock before failing as unavailable (5 s from open).
  void set_busy_timeout(std::chrono::milliseconds wait);
  Error error(std::string_view what) const;  // the last SQLite error, as a readable value

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

// BEGIN IMMEDIATE (a writer takes the lock up front, so it never fails half way on a busy
// upgrade); rolls back on destruction unless commit() succeeded. Never throws.
class Transaction {
 public:
  static Result<Transaction> begin(Database& db);
  Transaction(Transaction&& other) noexcept : db_(other.db_), done_(other.done_) { other.done_ = true; }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();
  Result<void> commit();

 private:
  explicit Transaction(Database& db) : db_(&db) {}
  Database* db_;
  bool done_ = false;
};

}  // namespace hall::storage

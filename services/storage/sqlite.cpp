// SPDX-License-Identifier: Apache-2.0
#include "storage/sqlite.h"

#include <sqlite3.h>

namespace hall::storage {

ErrorCode error_code_of(int sqlite_rc) {
  switch (sqlite_rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return ErrorCode::conflict;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ErrorCode::unavailable;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ErrorCode::corrupt;
    default:  // FULL, IOERR, READONLY, CANTOPEN, NOMEM ...: the disk or the file
      return ErrorCode::io;
  }
}

namespace {

std::string file_of(sqlite3* db) {
  const char* name = db ? sqlite3_db_filename(db, "main") : nullptr;
  return name && *name ? name : ":memory:";
}

}  // namespace

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), sql_(std::move(other.sql_)), bind_error_(std::move(other.bind_error_)) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Error Statement::error_of(int rc) const {
  return Error{error_code_of(rc), file_of(db_) + ": " + sqlite3_errstr(rc) + ": " + sqlite3_errmsg(db_) +
                                      " (in: " + sql_.substr(0, 60) + ")"};
}

Statement& Statement::keep_bind_error(int rc, int index) {
  if (rc != SQLITE_OK && !bind_error_) {
    bind_error_ = Error{error_code_of(rc), file_of(db_) + ": cannot bind parameter " + std::to_string(index) + ": " +
                                               sqlite3_errstr(rc) + " (in: " + sql_.substr(0, 60) + ")"};
  }
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  return keep_bind_error(sqlite3_bind_int64(stmt_, index, value), index);
}

Statement& Statement::bind(int index, std::string_view value) {
  return keep_bind_error(
      sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT), index);
}

Statement& Statement::bind(int index, double value) {
  return keep_bind_error(sqlite3_bind_double(stmt_, index, value), index);
}

Statement& Statement::bind_null(int index) {
  return keep_bind_error(sqlite3_bind_null(stmt_, index), index);
}

Result<bool> Statement::step() {
  if (bind_error_) return std::unexpected(*bind_error_);
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return std::unexpected(error_of(rc));
}

Result<void> Statement::run() {
  for (;;) {
    auto r = step();
    if (!r) return std::unexpected(r.error());
    if (!*r) return {};
  }
}

Result<void> Statement::each(const std::function<Result<void>(const Statement&)>& row) {
  for (;;) {
    auto r = step();
    if (!r) return std::unexpected(r.error());
    if (!*r) return {};
    if (auto done = row(*this); !done) return done;
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_.reset();
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::optional<std::int64_t> Statement::optional_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

double Statement::real(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Result<Database> Database::open(const std::string& path, bool create) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    return fail(rc == SQLITE_CANTOPEN ? ErrorCode::not_found : error_code_of(rc), path + ": " + msg);
  }
  Database db(raw, path);
  sqlite3_busy_timeout(raw, 5000);
  sqlite3_extended_result_codes(raw, 1);
  // WAL: readers (the kiosk screens) never wait for the writer (an import or a sync).
  auto mode = db.prepare("PRAGMA journal_mode=WAL");
  if (!mode) return std::unexpected(mode.error());
  auto stepped = mode->step();
  if (!stepped) return std::unexpected(stepped.error());  // a file of garbage fails here: corrupt
  // synchronous=FULL: a ticket or a sync is durable once committed, even across a power cut.
  // journal_size_limit: after a large import the WAL shrinks back instead of keeping its size.
  if (auto r = db.exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA journal_size_limit=4194304;"); !r) {
    return std::unexpected(r.error());
  }
  return db;
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = other.db_;
    path_ = std::move(other.path_);
    other.db_ = nullptr;
  }
  return *this;
}

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

Error Database::error(std::string_view what) const {
  const int rc = sqlite3_extended_errcode(db_);
  return Error{error_code_of(rc), path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_)};
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    return std::unexpected(error("cannot prepare \"" + std::string(sql.substr(0, 60)) + "\""));
  }
  return Statement(db_, stmt, std::string(sql));
}

Result<void> Database::exec(std::string_view sql) {
  const std::string copy(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    Error e = error("cannot run \"" + copy.substr(0, 60) + "\"");
    sqlite3_free(message);
    return std::unexpected(e);
  }
  return {};
}

Result<int> Database::user_version() {
  auto st = prepare("PRAGMA user_version");
  if (!st) return std::unexpected(st.error());
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  return static_cast<int>(st->integer(0));
}

Result<void> Database::set_user_version(int v) {
  return exec("PRAGMA user_version=" + std::to_string(v));
}

Result<std::string> Database::quick_check() {
  auto st = prepare("PRAGMA quick_check");
  if (!st) return std::unexpected(st.error());
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  return st->text(0);
}

void Database::set_busy_timeout(std::chrono::milliseconds wait) {
  sqlite3_busy_timeout(db_, static_cast<int>(wait.count()));
}

std::int64_t Database::last_insert_id() const {
  return sqlite3_last_insert_rowid(db_);
}

std::int64_t Database::changes() const {
  return sqlite3_changes64(db_);
}

Result<Transaction> Transaction::begin(Database& db) {
  if (auto r = db.exec("BEGIN IMMEDIATE"); !r) return std::unexpected(r.error());
  return Transaction(db);
}

Transaction::~Transaction() {
  if (!done_) (void)db_->exec("ROLLBACK");
}

Result<void> Transaction::commit() {
  auto r = db_->exec("COMMIT");
  if (r) done_ = true;
  return r;
}

}  // namespace hall::storage

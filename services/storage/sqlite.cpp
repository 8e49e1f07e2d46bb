#include "storage/sqlite.h"

#include <sqlite3.h>

namespace hall::storage {

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), sql_(std::move(other.sql_)) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const ErrorCode code = (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) ? ErrorCode::unavailable
                         : (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) ? ErrorCode::corrupt
                         : (rc == SQLITE_CONSTRAINT) ? ErrorCode::conflict
                                                     : ErrorCode::io;
  return fail(code, std::string("database: ") + sqlite3_errmsg(db_) + " (in: " + sql_.substr(0, 60) + ")");
}

Result<void> Statement::run() {
  for (;;) {
    auto r = step();
    if (!r) return std::unexpected(r.error());
    if (!*r) return {};
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<std::int64_t> Statement::optional_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

Result<Database> Database::open(const std::string& path, bool create) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    return fail(rc == SQLITE_CANTOPEN ? ErrorCode::not_found : ErrorCode::io, path + ": " + msg);
  }
  Database db(raw, path);
  sqlite3_busy_timeout(raw, 5000);
  sqlite3_extended_result_codes(raw, 1);
  // WAL: readers (the kiosk screens) never wait for the writer (an import or a sync).
  auto mode = db.prepare("PRAGMA journal_mode=WAL");
  if (!mode) return std::unexpected(mode.error());
  auto stepped = mode->step();
  if (!stepped) return fail(stepped.error().code, path + ": " + stepped.error().message);
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
  const int rc = sqlite3_errcode(db_);
  const ErrorCode code = (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB ? ErrorCode::corrupt
                         : (rc & 0xff) == SQLITE_FULL                                  ? ErrorCode::io
                         : (rc & 0xff) == SQLITE_BUSY                                  ? ErrorCode::unavailable
                                                                                       : ErrorCode::io;
  return Error{code, path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_)};
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

Result<void> Database::set_user_version(int v) { return exec("PRAGMA user_version=" + std::to_string(v)); }

Result<std::string> Database::quick_check() {
  auto st = prepare("PRAGMA quick_check");
  if (!st) return std::unexpected(st.error());
  auto row = st->step();
  if (!row) return std::unexpected(row.error());
  return st->text(0);
}

std::int64_t Database::changes() const { return sqlite3_changes64(db_); }

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

// SPDX-License-Identifier: Apache-2.0
#include "hub_fixture.h"

#include <httplib.h>
#include <sqlite3.h>

#include "support/hallctl.h"
#include "support/sample_guides.h"

namespace hall::test {
namespace {

std::string hall_json(int windows) {
  Json w = Json::array();
  w.push_back({{"id", "W1"}, {"number", 1}, {"name", "1号窗口"}, {"queue_groups", {"A"}}});
  w.push_back({{"id", "W2"}, {"number", 2}, {"name", "2号窗口"}, {"queue_groups", {"B"}}});
  for (int i = 3; i <= windows; ++i) {
    w.push_back({{"id", "W" + std::to_string(i)}, {"number", i}, {"name", std::to_string(i) + "号综合窗口"},
                 {"comprehensive", true}});
  }
  Json hall{{"format", "hallkiosk.hall/1"},
            {"name", "测试大厅"},
            {"address", "测试路1号"},
            {"time_zone", "Asia/Shanghai"},
            {"default_queue_group", "A"},
            {"queue_groups",
             {{{"id", "A"}, {"letter", "A"}, {"name", "综合受理"}}, {{"id", "B"}, {"letter", "B"}, {"name", "人社医保"}}}},
            {"windows", w},
            {"priority_classes", {{{"id", "elderly"}, {"name", "70岁以上老年人"}}}},
            {"queue_rules", {{"recall_limit", 2}, {"reactivation_minutes", 30}, {"reactivation_places", 3}}}};
  return hall.dump(2);
}

httplib::Headers headers_of(const std::string& token, const std::string& key, const std::string& lang) {
  httplib::Headers h;
  if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
  if (!key.empty()) h.emplace("Idempotency-Key", key);
  if (!lang.empty()) h.emplace("Accept-Language", lang);
  return h;
}

Reply reply_of(const httplib::Result& r) {
  Reply out;
  if (!r) return out;
  out.status = r->status;
  out.body = r->body;
  for (const auto& [k, v] : r->headers) {
    std::string lower = k;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[lower] = v;
  }
  return out;
}

}  // namespace

std::optional<Json> Reply::parsed() const {
  auto j = Json::parse(body, nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

Json Reply::json() const {
  auto j = Json::parse(body, nullptr, false);
  INFO("status " << status << " body: " << body);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

HubHall::HubHall(int windows) {
  write_file(dir.file("hall.json"), hall_json(windows));
  auto second = valid_guide("G-0002", "城乡居民医保参保登记");
  second["queue_group"] = "B";
  write_file(dir.file("catalogue.json"), catalogue_text({valid_guide("G-0001"), second}));
  const auto imported = hallctl({"catalogue", "import", dir.file("catalogue.json"), "--data", dir.path()});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  kiosk = add_device("K1", "kiosk");
  board = add_device("B1", "board");
}

std::string HubHall::add_device(const std::string& id, const std::string& role) const {
  const auto r = hallctl({"device", "add", "--data", dir.path(), "--id", id, "--role", role});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string token = r.out;
  while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
  REQUIRE(token.size() >= 32);
  return token;
}

void HubHall::add_staff(const std::string& id, const std::string& pin, const std::string& role) const {
  const auto r = hallctl({"staff", "add", "--data", dir.path(), "--id", id, "--name", "测试" + id, "--role", role,
                          "--pin-stdin"},
                         pin + "\n");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

RunningHub::RunningHub(const HubHall& hall, int port) {
  process_ = std::make_unique<ChildProcess>(
      std::vector<std::string>{HALLCTL_PATH, "serve", "--data", hall.data(), "--port", std::to_string(port)},
      hall.dir.file("serve.err"));
  const std::string line = process_->read_line(std::chrono::seconds(30));
  INFO("serve said: " << line << " / " << process_->stderr_text());
  REQUIRE(line.rfind("listening on http://127.0.0.1:", 0) == 0);
  url_ = line.substr(std::string("listening on ").size());
  port_ = std::stoi(url_.substr(url_.rfind(':') + 1));
}

RunningHub::~RunningHub() {
  if (process_) process_->stop(std::chrono::seconds(5), SIGKILL);
}

int RunningHub::stop(int signal) {
  const int code = process_->stop(std::chrono::seconds(10), signal);
  return code;
}

Reply RunningHub::get(const std::string& path, const std::string& token, const std::string& lang) const {
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(10, 0);
  return reply_of(c.Get(path, headers_of(token, {}, lang)));
}

Reply RunningHub::post(const std::string& path, const std::string& body, const std::string& token,
                       const std::string& key) const {
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(10, 0);
  return reply_of(c.Post(path, headers_of(token, key, {}), body, "application/json"));
}

Reply RunningHub::del(const std::string& path, const std::string& token) const {
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(10, 0);
  return reply_of(c.Delete(path, headers_of(token, {}, {})));
}

std::string RunningHub::sign_in(const std::string& staff, const std::string& pin, const std::string& window) const {
  const auto r = post("/api/v1/sessions", Json{{"staff_id", staff}, {"pin", pin}, {"window", window}}.dump());
  INFO(r.body);
  REQUIRE(r.status == 201);
  return r.json()["session"].get<std::string>();
}

std::map<long long, StoredTicket> stored_tickets(const std::string& queue_db, std::string* quick_check) {
  std::map<long long, StoredTicket> out;
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(queue_db.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  if (quick_check) {
    REQUIRE(sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, nullptr) == SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW) *quick_check = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
  }
  REQUIRE(sqlite3_prepare_v2(db, "SELECT id, number, state, day, group_id FROM tickets", -1, &st, nullptr) ==
          SQLITE_OK);
  const auto text = [&](int column) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, column))); };
  while (sqlite3_step(st) == SQLITE_ROW) out[sqlite3_column_int64(st, 0)] = {text(1), text(2), text(3), text(4)};
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

}  // namespace hall::test

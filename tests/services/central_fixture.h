// SPDX-License-Identifier: Apache-2.0
#pragma once
// A central store in a temporary folder with four administrators, and signed API requests.
#include <string>

#include "central/central_api.h"
#include "central/central_store.h"
#include "common/rfc3339.h"
#include "support/sample_guides.h"
#include "support/temp_dir.h"

namespace hall::test {

struct CentralFixture {
  TempDir dir;
  ManualClock clock{*parse_rfc3339("2026-11-28T08:00:00Z")};
  central::KeyPair publisher_key = central::generate_key_pair();
  central::KeyPair alice = with_id(central::generate_key_pair(), "alice");  // author
  central::KeyPair bob = with_id(central::generate_key_pair(), "bob");      // reviewer
  central::KeyPair carol = with_id(central::generate_key_pair(), "carol");  // publisher
  central::KeyPair dave = with_id(central::generate_key_pair(), "dave");    // author and reviewer
  central::KeyPair kiosk = with_id(central::generate_key_pair(), "hall-1");  // an enrolled kiosk
  central::CentralStore store = open_store();
  central::CentralApi api{store};

  static central::KeyPair with_id(central::KeyPair k, const std::string& id) {
    k.id = id;
    return k;
  }
  std::string data() const { return dir.path() + "/central"; }

  central::CentralStore open_store() {
    using central::Role;
    auto init = central::CentralStore::init(data(), publisher_key, clock);
    if (!init) throw std::runtime_error(init.error().message);
    central::CentralConfig config;
    config.durable_writes = false;
    auto s = central::CentralStore::open(data(), clock, config);
    if (!s) throw std::runtime_error(s.error().message);
    const auto add = [&](const central::KeyPair& k, std::vector<Role> roles) {
      if (!s->add_admin({k.id, k.id + " (test)", k.public_key, std::move(roles)}, "operator")) {
        throw std::runtime_error("add_admin " + k.id);
      }
    };
    add(alice, {Role::author});
    add(bob, {Role::reviewer});
    add(carol, {Role::publisher});
    add(dave, {Role::author, Role::reviewer});
    if (!s->enrol_kiosk({kiosk.id, "大厅1号机", kiosk.public_key}, "operator")) throw std::runtime_error("enrol");
    return std::move(*s);
  }

  central::ApiResponse call(const central::KeyPair& who, const std::string& method, const std::string& path,
                            const std::string& body = {}) {
    central::ApiRequest req{method, path, central::sign_admin_request(who, who.id, method, path, body, clock.now()), body};
    return api.handle(req);
  }
  // A heartbeat signed by `who` (the enrolled kiosk unless told otherwise), claiming to be `id`.
  central::ApiResponse beat(const std::string& body, const central::KeyPair* who = nullptr, std::string id = {}) {
    const central::KeyPair& k = who ? *who : kiosk;
    if (id.empty()) id = k.id;
    return api.handle({"POST", "/api/heartbeat", central::sign_heartbeat(k, id, body, clock.now()), body});
  }
  static std::string heartbeat_body(const std::string& kiosk_id, std::int64_t version = 0) {
    return R"({"kiosk_id": ")" + kiosk_id + R"(", "catalogue_version": )" + std::to_string(version) +
           R"(, "last_good_sync": "", "last_error": "", "printer_state": "ok"})";
  }
  static std::string guide_file(const Json& guide) {
    Json g = guide;
    g["format"] = "hallkiosk.guide/1";
    return g.dump();
  }
  // alice submits, bob approves, carol publishes: the catalogue version published.
  std::int64_t publish_guide(const Json& guide) {
    auto drafts = store.submit("alice", guide_file(guide));
    if (!drafts) throw std::runtime_error(drafts.error().message);
    for (const auto& d : *drafts) {
      if (!store.review("bob", d.id, {true, "", "无涉密内容"})) throw std::runtime_error("review");
    }
    auto report = store.publish("carol", {});
    if (!report) throw std::runtime_error(report.error().message);
    return report->catalogue_version;
  }
};

}  // namespace hall::test

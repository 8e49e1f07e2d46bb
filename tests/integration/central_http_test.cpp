// SPDX-License-Identifier: Apache-2.0
// The central store over real HTTP on 127.0.0.1: the API and the published folder from our own
// server, and the same folder from a real nginx; fetched through HttpFetcher and compared.
#include <catch2/catch.hpp>
#include <httplib.h>

#include <mutex>

#include "nginx_server.h"
#include "common/sha256.h"
#include "http/http_fetcher.h"
#include "http/http_server.h"
#include "http/static_folder.h"
#include "services/central_fixture.h"

using namespace hall;
using hall::test::CentralFixture;
using hall::test::valid_guide;
using OrderedJson = nlohmann::ordered_json;

namespace {

// The central store's routes as hallctl central serve wires them: the API, one request at a time
// (CentralApi is single-threaded; the server is not), and the published folder.
http::Router central_routes(central::CentralApi& api, std::mutex& api_mutex, const std::string& publish_dir) {
  http::Router routes;
  routes.add("*", "/api/*", [&api, &api_mutex](const http::Request& r) {
    const std::lock_guard lock(api_mutex);
    return api.handle(r);
  });
  routes.get("/*", http::static_folder(publish_dir));
  return routes;
}

struct Served {
  CentralFixture f;
  std::mutex api_mutex;
  http::HttpServer server{{}, central_routes(f.api, api_mutex, f.store.publish_dir())};
  http::HttpFetcher fetcher;

  Served() {
    auto port = server.start();
    if (!port) throw std::runtime_error(port.error().message);
  }
  sync::FetchRequest at(const std::string& path) const {
    sync::FetchRequest req;
    req.url = server.url() + path;
    return req;
  }
  sync::FetchResult<sync::FetchResponse> signed_call(const central::KeyPair& who, const std::string& method,
                                                     const std::string& path, const std::string& body = {}) {
    sync::FetchRequest req;
    req.url = server.url() + path;
    for (auto& h : central::sign_admin_request(who, who.id, method, path, body, f.clock.now())) req.headers.push_back(h);
    return method == "GET" ? fetcher.get(req) : fetcher.post(req, body);
  }
  sync::FetchResponse get(const std::string& url, const std::string& etag = {}) {
    sync::FetchRequest req;
    req.url = url;
    req.if_none_match = etag;
    auto res = fetcher.get(req);
    if (!res) FAIL(res.error().error.message);
    return *res;
  }
};

OrderedJson payload_of(const std::string& envelope) { return OrderedJson::parse(OrderedJson::parse(envelope)["signed"].get<std::string>()); }

}  // namespace

TEST_CASE("submit, review and publish over HTTP, then the published files are served with ETags", "[integration][http]") {
  Served s;
  auto submitted = s.signed_call(s.f.alice, "POST", "/api/drafts", CentralFixture::guide_file(valid_guide("G-1")));
  REQUIRE(submitted);
  REQUIRE(submitted->status == 201);
  const auto draft = OrderedJson::parse(submitted->body)["drafts"][0]["id"].get<std::int64_t>();
  auto unsigned_post = s.fetcher.post(s.at("/api/publish"), "{}");
  REQUIRE(unsigned_post);
  CHECK(unsigned_post->status == 401);
  auto reviewed = s.signed_call(s.f.bob, "POST", "/api/drafts/" + std::to_string(draft) + "/review",
                                R"({"conclusion": "approve", "note": "无涉密内容"})");
  REQUIRE(reviewed);
  REQUIRE(reviewed->status == 200);
  auto published = s.signed_call(s.f.carol, "POST", "/api/publish", "{}");
  REQUIRE(published);
  REQUIRE(published->status == 200);

  const auto manifest = s.get(s.server.url() + "/manifest.json");
  CHECK(manifest.status == 200);
  CHECK(manifest.body == hall::test::read_file(s.f.store.publish_dir() + "/manifest.json"));
  REQUIRE_FALSE(manifest.etag.empty());
  const auto again = s.get(s.server.url() + "/manifest.json", manifest.etag);
  CHECK(again.status == 304);
  CHECK(again.body.empty());

  const OrderedJson ref = payload_of(manifest.body)["bins"][0];
  const auto bin = s.get(s.server.url() + "/bins/" + ref["hash"].get<std::string>() + ".json");
  REQUIRE(bin.status == 200);
  CHECK(sha256_hex(bin.body) == ref["hash"]);
  CHECK(bin.body.size() == ref["length"].get<std::size_t>());
  const OrderedJson entry = OrderedJson::parse(bin.body)["guides"][0];
  const auto object = s.get(s.server.url() + "/objects/" + entry["hash"].get<std::string>() + ".json");
  CHECK(object.status == 200);
  CHECK(sha256_hex(object.body) == entry["hash"]);
  CHECK(s.get(s.server.url() + "/../central.db").status == 404);
  CHECK(s.get(s.server.url() + "/nothing.json").status == 404);

  // Cache-Control as PROTOCOL.md says.
  httplib::Client raw(s.server.url());
  auto m = raw.Get("/manifest.json");
  REQUIRE(m);
  CHECK(m->get_header_value("Cache-Control") == "no-cache");
  auto o = raw.Get("/objects/" + entry["hash"].get<std::string>() + ".json");
  REQUIRE(o);
  CHECK(o->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");

  const std::string body = R"({"kiosk_id": "hall-1", "catalogue_version": 1, "last_good_sync": "now",
                                 "last_error": "", "printer_state": "ok"})";
  auto unsigned_beat = s.fetcher.post(s.at("/api/heartbeat"), body);
  REQUIRE(unsigned_beat);
  CHECK(unsigned_beat->status == 401);
  auto signed_request = s.at("/api/heartbeat");
  for (auto& h : hall::central::sign_heartbeat(s.f.kiosk, "hall-1", body, s.f.clock.now())) {
    signed_request.headers.push_back(std::move(h));
  }
  auto beat = s.fetcher.post(signed_request, body);
  REQUIRE(beat);
  CHECK(beat->status == 200);
  auto kiosks = s.signed_call(s.f.carol, "GET", "/api/kiosks");
  REQUIRE(kiosks);
  CHECK(OrderedJson::parse(kiosks->body)["kiosks"][0]["behind"] == false);
}

TEST_CASE("nginx serves the same published folder byte for byte", "[integration][http][nginx]") {
  Served s;
  s.f.publish_guide(valid_guide("G-1"));
  s.f.publish_guide(valid_guide("G-2", "老年优待证办理"));
  const std::string dir = s.f.dir.path();
  test::NginxServer nginx(s.f.store.publish_dir(), dir + "/nginx");
  const std::string ours = s.server.url(), theirs = nginx.url();

  const auto m1 = s.get(ours + "/manifest.json");
  const auto m2 = s.get(theirs + "/manifest.json");
  REQUIRE(m1.status == 200);
  REQUIRE(m2.status == 200);
  CHECK(m1.body == m2.body);
  CHECK(s.get(theirs + "/manifest.json", m2.etag).status == 304);  // nginx's own ETag, If-None-Match
  CHECK(s.get(theirs + "/keys.json").body == s.get(ours + "/keys.json").body);
  const OrderedJson manifest = payload_of(m1.body);
  OrderedJson entries = OrderedJson::array();
  for (const auto& ref : manifest["bins"]) {
    const std::string path = "/bins/" + ref["hash"].get<std::string>() + ".json";
    const auto b1 = s.get(ours + path);
    const auto b2 = s.get(theirs + path);
    CHECK(b1.body == b2.body);
    CHECK(sha256_hex(b2.body) == ref["hash"]);
    const OrderedJson bin = OrderedJson::parse(b2.body);
    for (const auto& e : bin["guides"]) entries.push_back(e);
  }
  REQUIRE_FALSE(entries.empty());
  for (const auto& entry : entries) {
    const std::string path = "/objects/" + entry["hash"].get<std::string>() + ".json";
    const auto o1 = s.get(ours + path);
    const auto o2 = s.get(theirs + path);
    CHECK(o1.body == o2.body);
    CHECK(sha256_hex(o2.body) == entry["hash"]);
    CHECK(o2.body.size() == entry["length"].get<std::size_t>());
  }
  CHECK(nginx.stop() == 0);
}

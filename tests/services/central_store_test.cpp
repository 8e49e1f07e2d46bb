// SPDX-License-Identifier: Apache-2.0
// The central store: publish writes a signed, verifiable folder; drafts carry diffs; kiosks are
// flagged behind or silent; key rotation is signed by the current key.
#include <sodium.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "central/signing.h"
#include "common/sha256.h"
#include "services/central_fixture.h"
#include "sync/timestamp.h"

using namespace hall;
using namespace hall::central;
using hall::test::CentralFixture;
using hall::test::read_file;
using hall::test::valid_guide;
using OrderedJson = nlohmann::ordered_json;

namespace {

// Checks an envelope with libsodium directly (not through central/signing), against one public key.
bool envelope_verifies(const OrderedJson& envelope, const std::string& public_hex) {
  const std::string payload = envelope.at("signed").get<std::string>();
  const auto pk = *from_hex(public_hex);
  for (const auto& s : envelope.at("signatures")) {
    if (s.at("key_id") != sha256_hex(pk).substr(0, 16)) continue;
    const auto sig = *from_hex(s.at("sig").get<std::string>());
    if (sig.size() == crypto_sign_BYTES &&
        crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig.data()),
                                    reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
                                    reinterpret_cast<const unsigned char*>(pk.data())) == 0) {
      return true;
    }
  }
  return false;
}

OrderedJson payload_of(const std::string& path) { return OrderedJson::parse(OrderedJson::parse(read_file(path)).at("signed").get<std::string>()); }

// Every guide entry of a manifest: its bins, each checked against the hash and length it names,
// read in the manifest's order. A guide must sit in bin = first byte of SHA-256 of its id.
OrderedJson guides_of(const std::string& pub, const OrderedJson& manifest) {
  OrderedJson all = OrderedJson::array();
  int last = -1;
  for (const auto& ref : manifest.at("bins")) {
    const int bin = ref.at("bin");
    CHECK(bin > last);
    last = bin;
    const std::string bytes = read_file(pub + "/bins/" + ref.at("hash").get<std::string>() + ".json");
    CHECK(sha256_hex(bytes) == ref["hash"]);
    CHECK(bytes.size() == ref["length"].get<std::size_t>());
    const OrderedJson object = OrderedJson::parse(bytes);
    CHECK(object["format"] == "hallkiosk.bin/1");
    CHECK(object["bin"] == bin);
    for (const auto& e : object.at("guides")) {
      CHECK(std::stoi(sha256_hex(e.at("id").get<std::string>()).substr(0, 2), nullptr, 16) == bin);
      all.push_back(e);
    }
  }
  return all;
}

}  // namespace

TEST_CASE("publish writes a signed manifest whose hashes match the object bytes", "[central]") {
  CentralFixture f;
  REQUIRE(f.publish_guide(valid_guide("G-1")) == 1);
  const std::string pub = f.store.publish_dir();
  const OrderedJson envelope = OrderedJson::parse(read_file(pub + "/manifest.json"));
  CHECK(envelope["format"] == "hallkiosk.manifest/2");
  CHECK(envelope_verifies(envelope, f.publisher_key.public_key.hex));
  CHECK_FALSE(envelope_verifies(envelope, f.alice.public_key.hex));

  const OrderedJson m = payload_of(pub + "/manifest.json");
  CHECK(m["catalogue_version"] == 1);
  CHECK(m["keys_version"] == 1);
  CHECK(m["issued_at"] == "2026-11-28T08:00:00Z");
  CHECK(m["expires_at"] == "2026-12-05T08:00:00Z");  // 7 days by default
  REQUIRE(m["bins"].size() == 1);
  CHECK(m["bins"][0]["bin"] == std::stoi(sha256_hex("G-1").substr(0, 2), nullptr, 16));
  const OrderedJson guides = guides_of(pub, m);
  REQUIRE(guides.size() == 1);
  const OrderedJson& entry = guides[0];
  CHECK(entry["id"] == "G-1");
  CHECK(entry["version"] == 1);
  CHECK(entry["effective_from"].is_null());
  const std::string object = read_file(pub + "/objects/" + entry["hash"].get<std::string>() + ".json");
  CHECK(sha256_hex(object) == entry["hash"]);
  CHECK(object.size() == entry["length"].get<std::size_t>());
  CHECK(OrderedJson::parse(object) == valid_guide("G-1"));  // the guide itself, unknown keys and all

  // keys.json (= keys/1.json) is key set 1, signed by its own key: what a kiosk pins.
  const OrderedJson keys = OrderedJson::parse(read_file(pub + "/keys.json"));
  CHECK(keys["format"] == "hallkiosk.keys/1");
  CHECK(envelope_verifies(keys, f.publisher_key.public_key.hex));
  CHECK(read_file(pub + "/keys/1.json") == read_file(pub + "/keys.json"));
  const OrderedJson ks = payload_of(pub + "/keys.json");
  CHECK(ks["version"] == 1);
  CHECK(ks["threshold"] == 1);
  CHECK(ks["keys"][0]["public"] == f.publisher_key.public_key.hex);

  // No temporary file is left behind.
  for (const auto& e : std::filesystem::recursive_directory_iterator(pub)) {
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
  }
}

TEST_CASE("the catalogue version only rises and old objects stay", "[central]") {
  CentralFixture f;
  REQUIRE(f.publish_guide(valid_guide("G-1")) == 1);
  REQUIRE(f.publish_guide(valid_guide("G-2", "老年优待证办理")) == 2);
  f.clock.advance(std::chrono::hours(1));
  REQUIRE(f.publish_guide(valid_guide("G-1", "高龄津贴申领（新）", 2)) == 3);
  const OrderedJson m = payload_of(f.store.publish_dir() + "/manifest.json");
  CHECK(m["catalogue_version"] == 3);
  const OrderedJson guides = guides_of(f.store.publish_dir(), m);
  REQUIRE(guides.size() == 2);  // G-1 v2 replaces v1 at once (no effective_from)
  for (const auto& e : guides) CHECK(e["version"] == (e["id"] == "G-1" ? 2 : 1));
  std::size_t objects = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(f.store.publish_dir() + "/objects")) ++objects;
  CHECK(objects == 3);
}

TEST_CASE("a one-guide change writes one new bin, and the bins of other guides are named again as they were", "[central]") {
  CentralFixture f;
  REQUIRE(f.publish_guide(valid_guide("G-1")) == 1);
  REQUIRE(f.publish_guide(valid_guide("G-2", "老年优待证办理")) == 2);
  REQUIRE(std::stoi(sha256_hex("G-1").substr(0, 2), nullptr, 16) != std::stoi(sha256_hex("G-2").substr(0, 2), nullptr, 16));
  const OrderedJson before = payload_of(f.store.publish_dir() + "/manifest.json");
  REQUIRE(before["bins"].size() == 2);
  auto drafts = f.store.submit("alice", CentralFixture::guide_file(valid_guide("G-1", "高龄津贴申领（新）", 2)));
  REQUIRE(drafts);
  REQUIRE(f.store.review("bob", drafts->front().id, {true, "", "无涉密内容"}));
  auto report = f.store.publish("carol", {});
  REQUIRE(report);
  CHECK(report->bins_written == 1);
  CHECK(report->objects_written == 1);
  const OrderedJson after = payload_of(f.store.publish_dir() + "/manifest.json");
  REQUIRE(after["bins"].size() == 2);
  int same = 0;
  for (std::size_t i = 0; i < 2; ++i) same += after["bins"][i] == before["bins"][i] ? 1 : 0;
  CHECK(same == 1);  // G-2's bin, unchanged
  std::size_t bins = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(f.store.publish_dir() + "/bins")) ++bins;
  CHECK(bins == 3);  // immutable: the old bin of G-1 stays for a reader between two publishes
  CHECK(guides_of(f.store.publish_dir(), after).size() == 2);
}

TEST_CASE("a scheduled version is listed next to the one in effect", "[central]") {
  CentralFixture f;
  REQUIRE(f.publish_guide(valid_guide("G-1")) == 1);
  auto drafts = f.store.submit("alice", CentralFixture::guide_file(valid_guide("G-1", "高龄津贴申领", 2)));
  REQUIRE(drafts);
  REQUIRE(f.store.review("bob", drafts->front().id, {true, "", "无涉密内容"}));
  PublishRequest later;
  later.effective_from = *parse_rfc3339("2027-03-01T00:00:00+08:00");
  auto report = f.store.publish("carol", later);
  REQUIRE(report);
  const OrderedJson m = payload_of(f.store.publish_dir() + "/manifest.json");
  const OrderedJson guides = guides_of(f.store.publish_dir(), m);
  REQUIRE(guides.size() == 2);
  CHECK(guides[0]["version"] == 1);
  CHECK(guides[1]["version"] == 2);
  CHECK(guides[1]["effective_from"] == "2027-03-01T00:00:00+08:00");
  const OrderedJson object = OrderedJson::parse(read_file(f.store.publish_dir() + "/objects/" +
                                            guides[1]["hash"].get<std::string>() + ".json"));
  CHECK(object["effective_from"] == "2027-03-01T00:00:00+08:00");  // the object says what the manifest says
}

TEST_CASE("a draft carries its diff against the published version", "[central]") {
  CentralFixture f;
  REQUIRE(f.publish_guide(valid_guide("G-1")) == 1);
  OrderedJson changed = valid_guide("G-1", "高龄津贴申领", 2);
  changed["fees"] = OrderedJson::array({{{"item", "工本费"}, {"standard", "10元"}}});
  changed["materials"][1]["copies"] = 2;
  changed.erase("x_local_note");
  auto drafts = f.store.submit("alice", CentralFixture::guide_file(changed));
  REQUIRE(drafts);
  std::vector<std::string> lines;
  for (const auto& c : drafts->front().changes) lines.push_back(c.text());
  CHECK(lines == std::vector<std::string>{
                     "$.version: 1 → 2",
                     "$.materials[1].copies: 1 → 2",
                     "$.fees[0]: (none) → {\"item\":\"工本费\",\"standard\":\"10元\"}",
                     "$.x_local_note: {\"kept\":true} → (none)",
                 });
  auto stored = f.store.draft(drafts->front().id);
  REQUIRE(stored);
  CHECK(stored->changes.size() == 4);
}

TEST_CASE("a rejected draft goes back to its author with the reason", "[central]") {
  CentralFixture f;
  auto drafts = f.store.submit("alice", CentralFixture::guide_file(valid_guide("G-1")));
  REQUIRE(drafts);
  auto reviewed = f.store.review("bob", drafts->front().id, {false, "收费依据缺少文号", "已审查，无涉密内容"});
  REQUIRE(reviewed);
  CHECK(reviewed->state == DraftState::rejected);
  CHECK(reviewed->reason == "收费依据缺少文号");
  CHECK(reviewed->reviewer == "bob");
  CHECK(reviewed->confidentiality_note == "已审查，无涉密内容");
  CHECK(reviewed->author == "alice");
  auto publish = f.store.publish("carol", {});
  REQUIRE_FALSE(publish);
  CHECK(publish.error().code == ErrorCode::conflict);
}

TEST_CASE("kiosks that are behind or silent are flagged", "[central]") {
  CentralFixture f;
  REQUIRE(f.publish_guide(valid_guide("G-1")) == 1);
  REQUIRE(f.store.record_heartbeat({"kiosk-a", 1, "2026-11-28T08:00:00Z", "", "ok"}));
  REQUIRE(f.store.record_heartbeat({"kiosk-b", 0, "", "manifest expired", "paper_out"}));
  f.clock.advance(std::chrono::minutes(10));
  REQUIRE(f.store.record_heartbeat({"kiosk-b", 0, "", "manifest expired", "paper_out"}));
  f.clock.advance(std::chrono::minutes(6));  // kiosk-a last seen 16 min ago
  auto list = f.store.kiosks();
  REQUIRE(list);
  REQUIRE(list->size() == 2);
  CHECK((*list)[0].last.kiosk_id == "kiosk-a");
  CHECK_FALSE((*list)[0].behind);
  CHECK((*list)[0].silent);
  CHECK((*list)[1].behind);
  CHECK_FALSE((*list)[1].silent);
  CHECK((*list)[1].last.printer_state == "paper_out");
  CHECK_FALSE(f.store.record_heartbeat({"", 1, "", "", ""}));
}

TEST_CASE("a new key set is signed by the current key and signs the next manifest", "[central]") {
  CentralFixture f;
  REQUIRE(f.publish_guide(valid_guide("G-1")) == 1);
  const KeyPair next = generate_key_pair();
  auto v = f.store.rotate_key(next, "operator");
  REQUIRE(v);
  CHECK(*v == 2);
  const std::string pub = f.store.publish_dir();
  const OrderedJson keys2 = OrderedJson::parse(read_file(pub + "/keys/2.json"));
  CHECK(envelope_verifies(keys2, f.publisher_key.public_key.hex));  // the old key vouches for the new
  CHECK(read_file(pub + "/keys.json") == read_file(pub + "/keys/2.json"));
  CHECK(payload_of(pub + "/keys.json")["keys"][0]["public"] == next.public_key.hex);
  CHECK(std::filesystem::exists(pub + "/keys/1.json"));  // kept for a kiosk that skipped a rotation
  const OrderedJson manifest = OrderedJson::parse(read_file(pub + "/manifest.json"));
  CHECK(envelope_verifies(manifest, next.public_key.hex));
  CHECK_FALSE(envelope_verifies(manifest, f.publisher_key.public_key.hex));
  CHECK(payload_of(pub + "/manifest.json")["catalogue_version"] == 2);
  CHECK(payload_of(pub + "/manifest.json")["keys_version"] == 2);
  REQUIRE(f.publish_guide(valid_guide("G-2", "老年优待证办理")) == 3);
  CHECK(envelope_verifies(OrderedJson::parse(read_file(pub + "/manifest.json")), next.public_key.hex));
}

TEST_CASE("key files: the secret is mode 0600 and reads back", "[central]") {
  hall::test::TempDir dir;
  KeyPair k = generate_key_pair();
  k.id = "alice";
  REQUIRE(write_key_files(dir.file("alice.key"), k));
  struct stat st {};
  REQUIRE(::stat(dir.file("alice.key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  auto back = read_secret_key_file(dir.file("alice.key"));
  REQUIRE(back);
  CHECK(back->secret_hex == k.secret_hex);
  CHECK(back->id == "alice");
  auto pub = read_public_key_file(dir.file("alice.key.pub"));
  REQUIRE(pub);
  CHECK(pub->hex == k.public_key.hex);
  CHECK(read_file(dir.file("alice.key.pub")).find(k.secret_hex) == std::string::npos);
  CHECK_FALSE(write_key_files(dir.file("alice.key"), generate_key_pair()));  // never overwrites a key
  const std::string sig = sign(k, "hello");
  CHECK(verify(k.public_key, "hello", sig));
  CHECK_FALSE(verify(k.public_key, "hellO", sig));
}

TEST_CASE("init refuses a folder that already holds a store", "[central]") {
  CentralFixture f;
  auto again = CentralStore::init(f.data(), generate_key_pair(), f.clock);
  REQUIRE_FALSE(again);
  CHECK(again.error().code == ErrorCode::conflict);
}

TEST_CASE("publish writes timestamp.json signed by the timestamp key alone, and a kiosk verifies it",
          "[central][timestamp]") {
  CentralFixture f;
  REQUIRE(f.publish_guide(valid_guide("G-1")) == 1);
  const std::string pub = f.store.publish_dir();
  const auto keys = sync::read_initial_key_set(read_file(pub + "/keys/1.json"), "keys/1.json");
  REQUIRE(keys);
  REQUIRE(keys->timestamp_keys.size() == 1);
  CHECK_FALSE(keys->timestamp_keys.contains(f.publisher_key.public_key.key_id()));
  const OrderedJson envelope = OrderedJson::parse(read_file(pub + "/timestamp.json"));
  CHECK(envelope["format"] == "hallkiosk.timestamp/1");
  CHECK_FALSE(envelope_verifies(envelope, f.publisher_key.public_key.hex));  // the publisher key signs content only
  auto verified = sync::verify_timestamp(read_file(pub + "/timestamp.json"), *keys, {}, f.clock.now());
  INFO((verified ? "" : verified.error().error.message));
  REQUIRE(verified);
  const std::string manifest_payload = OrderedJson::parse(read_file(pub + "/manifest.json"))["signed"].get<std::string>();
  CHECK(verified->timestamp.manifest_sha256 == sha256_hex(manifest_payload));
  CHECK(verified->timestamp.catalogue_version == 1);
  CHECK(verified->timestamp.expires_at == f.clock.now() + std::chrono::days{1});
}

TEST_CASE("renewing the timestamp needs no publisher key: it can stay offline", "[central][timestamp]") {
  CentralFixture f;
  REQUIRE(f.publish_guide(valid_guide("G-1")) == 1);
  const std::string key_file = f.data() + "/signing/1.key";
  std::filesystem::rename(key_file, f.dir.path() + "/offline.key");  // the publisher key goes to removable media
  const std::string before = read_file(f.store.publish_dir() + "/timestamp.json");
  f.clock.advance(std::chrono::hours{6});
  auto renewed = f.store.renew_timestamp("timestamp");
  INFO((renewed ? "" : renewed.error().message));
  REQUIRE(renewed);
  CHECK(*renewed == 2);
  const OrderedJson t = payload_of(f.store.publish_dir() + "/timestamp.json");
  CHECK(t["version"] == 2);
  CHECK(t["expires_at"] == "2026-11-29T14:00:00Z");
  CHECK(read_file(f.store.publish_dir() + "/timestamp.json") != before);
  // Content still needs the publisher key: publishing is refused while it is away.
  auto drafts = f.store.submit("alice", CentralFixture::guide_file(valid_guide("G-2", "老年优待证办理")));
  REQUIRE(drafts);
  REQUIRE(f.store.review("bob", drafts->front().id, {true, "", "无涉密内容"}));
  CHECK_FALSE(f.store.publish("carol", {}));
  std::filesystem::rename(f.dir.path() + "/offline.key", key_file);
  auto back = f.store.publish("carol", {});
  REQUIRE(back);
  CHECK(payload_of(f.store.publish_dir() + "/timestamp.json")["catalogue_version"] == back->catalogue_version);
}

TEST_CASE("nothing published yet: no timestamp to renew", "[central][timestamp]") {
  CentralFixture f;
  auto r = f.store.renew_timestamp("timestamp");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == ErrorCode::not_found);
  CHECK_FALSE(std::filesystem::exists(f.store.publish_dir() + "/timestamp.json"));
}

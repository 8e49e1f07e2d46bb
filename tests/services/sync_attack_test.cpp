// SPDX-License-Identifier: Apache-2.0
// The attack table (TUF's threat list, the part a hall needs): each row plays one lying or broken
// server against a hall that trusts catalogue version 5, and proves the exact refusal, that the
// catalogue a visitor sees is unchanged, and that the trusted version stayed 5.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <chrono>
#include <functional>
#include <limits>

#include "sync_fixture.h"

using namespace hall;
using namespace hall::test;
using sync::Refusal;

namespace {

using Guides = std::vector<nlohmann::ordered_json>;

constexpr std::int64_t trusted_version = 5;

Guides baseline_guides() {
  return {valid_guide("G-A", "高龄津贴申领"), valid_guide("G-B", "残疾人证办理"), valid_guide("G-C", "老年优待证办理")};
}

// The next honest catalogue: G-A gets version 2.
Guides changed_guides() {
  auto g = baseline_guides();
  g[0] = valid_guide("G-A", "高龄津贴申领（新）", 2);
  return g;
}

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Every guide gets a new version: three objects to fetch.
Guides all_changed_guides() {
  return {valid_guide("G-A", "高龄津贴申领", 2), valid_guide("G-B", "残疾人证办理", 2),
          valid_guide("G-C", "老年优待证办理", 2)};
}

Instant issued(const SyncedHall& h) {
  return h.clock.now() - std::chrono::hours{1};
}

std::string object_of(const Publication& pub, const std::string& id) {
  return "objects/" + pub.entry_of(id)["hash"].get<std::string>() + ".json";
}

// Another guide id in the same bin as `id` (the first byte of SHA-256 of the id), so an entry
// naming it is checked against its object, not refused for its bin.
std::string same_bin_id(const std::string& id) {
  const auto bin = sha256_hex(id).substr(0, 2);
  for (int i = 0;; ++i) {
    std::string other = id + "-" + std::to_string(i);
    if (sha256_hex(other).substr(0, 2) == bin) return other;
  }
}

// A guide id in another bin than `id`'s.
std::string other_bin_id(const std::string& id) {
  const auto bin = sha256_hex(id).substr(0, 2);
  for (int i = 0;; ++i) {
    std::string other = id + "-" + std::to_string(i);
    if (sha256_hex(other).substr(0, 2) != bin) return other;
  }
}

// A publisher holding the key rewrites the bin holding `id` (or replaces its bytes) and signs a
// manifest naming the new bin by its hash and length: the bin is then authentic, and only its
// content can be refused.
void resign_bin(Publication& pub, const std::string& id, const std::function<void(nlohmann::ordered_json&)>& change,
                const std::string& raw = {}) {
  const std::string old_name = pub.bin_holding(id);
  auto bin = nlohmann::ordered_json::parse(pub.files.at(old_name));
  const int number = bin["bin"];
  if (change) change(bin);
  const std::string body = raw.empty() ? bin.dump() : raw;
  const std::string hash = sha256_hex(body);
  pub.files["bins/" + hash + ".json"] = body;
  resign_manifest(
      pub,
      [&](auto& p) {
        for (auto& b : p["bins"]) {
          if (b["bin"] == number) {
            b["hash"] = hash;
            b["length"] = body.size();
          }
        }
      },
      pub.signers);
}

struct Attack {
  const char* name;
  Refusal expected;
  std::function<void(SyncedHall&)> play;
};

const Attack attacks[] = {
    {"bad signature: the payload was changed after signing", Refusal::bad_signature,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       auto env = nlohmann::ordered_json::parse(h.pub.files["manifest.json"]);
       std::string payload = env["signed"];
       payload.replace(payload.find("\"catalogue_version\":6"), 21, "\"catalogue_version\":7");
       env["signed"] = payload;
       h.pub.files["manifest.json"] = env.dump();
     }},
    {"unknown key: signed by a key the hall never trusted", Refusal::unknown_key,
     [](SyncedHall& h) {
       h.pub.signers = {make_signing_key()};
       h.pub.publish(changed_guides(), issued(h));
     }},
    {"unsigned manifest: no signatures at all", Refusal::unknown_key,
     [](SyncedHall& h) {
       h.pub.signers = {};
       h.pub.publish(changed_guides(), issued(h));
     }},
    {"rollback: a validly signed lower catalogue version", Refusal::rollback,
     [](SyncedHall& h) { h.pub.publish(changed_guides(), issued(h), trusted_version - 1); }},
    {"replayed old manifest: the trusted version number with other content", Refusal::replay,
     [](SyncedHall& h) { h.pub.publish(changed_guides(), issued(h) - std::chrono::hours{24}, trusted_version); }},
    {"replayed old manifest: a higher version issued before the trusted one", Refusal::replay,
     [](SyncedHall& h) { h.pub.publish(changed_guides(), issued(h) - std::chrono::hours{24}); }},
    {"expired manifest: freeze, nothing applied", Refusal::expired,
     [](SyncedHall& h) {
       h.pub.lifetime = std::chrono::minutes{30};  // issued after the trusted one, expired half an hour later
       h.pub.publish(changed_guides(), issued(h));
     }},
    {"object hash mismatch: same length, other bytes", Refusal::hash_mismatch,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       auto& body = h.pub.files[object_of(h.pub, "G-A")];
       const auto at = body.find("\"daily_quota\":50");
       REQUIRE(at != std::string::npos);
       body[at + 14] = '9';  // a quota of 90: one byte, still a valid guide
     }},
    {"object longer than stated", Refusal::too_long,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.pub.files[object_of(h.pub, "G-A")] += " ";
     }},
    {"truncated download: cut short of its Content-Length", Refusal::truncated,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.fetcher.misbehave(object_of(h.pub, "G-A"), Misbehave::cut_short);
     }},
    {"truncated download: no Content-Length, the body just ends", Refusal::truncated,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.fetcher.misbehave(object_of(h.pub, "G-A"), Misbehave::short_no_length);
     }},
    {"endless body: an object that never ends", Refusal::too_long,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.fetcher.misbehave(object_of(h.pub, "G-A"), Misbehave::endless);
     }},
    {"endless body: a manifest that never ends", Refusal::too_long,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.fetcher.misbehave("manifest.json", Misbehave::endless);
     }},
    {"slow server past the timeout: the manifest", Refusal::unreachable,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.fetcher.misbehave("manifest.json", Misbehave::slow);
     }},
    {"slow server past the timeout: an object", Refusal::unreachable,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.fetcher.misbehave(object_of(h.pub, "G-A"), Misbehave::slow);
     }},
    {"missing object: 404", Refusal::http_status,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.pub.files.erase(object_of(h.pub, "G-A"));
     }},
    {"malformed JSON manifest", Refusal::malformed,
     [](SyncedHall& h) { h.pub.files["manifest.json"] = R"({"format": "hallkiosk.manifest/2", "signed": "{\"catal)"; }},
    {"malformed payload: signed, but a guide entry has no hash", Refusal::malformed,
     [](SyncedHall& h) {
       h.pub.edit_entry = [](auto& e) { if (e["id"] == "G-A") e.erase("hash"); };
       h.pub.publish(changed_guides(), issued(h));
     }},
    {"malformed payload: signed, but a bin entry has no hash", Refusal::malformed,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       resign_manifest(
           h.pub, [](auto& p) { p["bins"][0].erase("hash"); }, h.pub.signers);
     }},
    {"malformed payload: a bin listed twice", Refusal::malformed,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       resign_manifest(
           h.pub, [](auto& p) { p["bins"].push_back(p["bins"][0]); }, h.pub.signers);
     }},
    {"wrong envelope: keys.json served as the manifest", Refusal::wrong_format,
     [](SyncedHall& h) { h.pub.files["manifest.json"] = h.pub.files["keys.json"]; }},
    {"a guide that fails validation", Refusal::invalid_guide,
     [](SyncedHall& h) {
       auto g = changed_guides();
       g[0].erase("contact_phone");
       h.pub.publish(g, issued(h));
     }},
    {"key rotation not signed by the current key", Refusal::rotation_not_signed,
     [](SyncedHall& h) {
       const auto intruder = make_signing_key();
       h.pub.signers = {intruder};
       h.pub.rotate({intruder});  // keys/2.json signed by the intruder itself
       h.pub.publish(changed_guides(), issued(h));
     }},
    {"key rotation skipping a version", Refusal::rotation_version,
     [](SyncedHall& h) {
       const auto next = make_signing_key();
       h.pub.files["keys/2.json"] = key_set_envelope(3, {next}, {h.key});
       h.pub.keys_version = 2;
       h.pub.signers = {next};
       h.pub.publish(changed_guides(), issued(h));
     }},
    {"manifest entry names another guide version than its object", Refusal::guide_mismatch,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       resign_bin(h.pub, "G-A", [](nlohmann::ordered_json& bin) {
         for (auto& e : bin["guides"]) if (e["id"] == "G-A") e["version"] = 3;
       });
     }},
    {"manifest entry names another guide id than its object", Refusal::guide_mismatch,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       resign_bin(h.pub, "G-A", [](nlohmann::ordered_json& bin) {
         for (auto& e : bin["guides"]) if (e["id"] == "G-A") e["id"] = same_bin_id("G-A");
       });
     }},
    {"manifest entry gives another effective_from than its object", Refusal::guide_mismatch,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       resign_bin(h.pub, "G-A", [](nlohmann::ordered_json& bin) {
         for (auto& e : bin["guides"]) if (e["id"] == "G-A") e["effective_from"] = "2027-01-01T00:00:00+08:00";
       });
     }},
    {"three objects trickled at 25 s each: past the attempt's one deadline", Refusal::deadline,
     [](SyncedHall& h) {
       h.pub.publish(all_changed_guides(), issued(h));
       h.fetcher.trickle_with(h.clock, std::chrono::seconds{25});  // each within its own 30 s timeout
       for (const char* id : {"G-A", "G-B", "G-C"}) h.fetcher.misbehave(object_of(h.pub, id), Misbehave::trickle);
     }},
    // Signed values are bounded, so one bad manifest cannot lock out every genuine one.
    {"issued_at a day ahead of the kiosk's clock", Refusal::issued_in_future,
     [](SyncedHall& h) { h.pub.publish(changed_guides(), h.clock.now() + std::chrono::hours{24}); }},
    {"issued_at just past the 5 minute clock skew", Refusal::issued_in_future,
     [](SyncedHall& h) { h.pub.publish(changed_guides(), h.clock.now() + std::chrono::seconds{301}); }},
    {"an expiry in the year 9999", Refusal::validity_too_long,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       resign_manifest(
           h.pub, [](auto& p) { p["expires_at"] = "9999-12-31T23:59:59Z"; }, h.pub.signers);
     }},
    {"a validity of 32 days, one above the maximum", Refusal::validity_too_long,
     [](SyncedHall& h) {
       h.pub.lifetime = std::chrono::days{32};
       h.pub.publish(changed_guides(), issued(h));
     }},
    {"catalogue_version 2^63 - 1: a fast-forward that would lock out every later manifest", Refusal::version_jump,
     [](SyncedHall& h) { h.pub.publish(changed_guides(), issued(h), std::numeric_limits<std::int64_t>::max()); }},
    {"catalogue_version one million and one above the trusted one", Refusal::version_jump,
     [](SyncedHall& h) { h.pub.publish(changed_guides(), issued(h), trusted_version + 1'000'001); }},
    // Untrusted JSON passes one guard (common/json_guard) before anything is built.
    {"nesting bomb: 8 MiB of '[' served as the manifest", Refusal::too_deep,
     [](SyncedHall& h) { h.pub.files["manifest.json"] = std::string(8u << 20, '['); }},
    {"nesting bomb in the signed payload, read before its signature is checked", Refusal::too_deep,
     [](SyncedHall& h) {
       h.pub.files["manifest.json"] =
           envelope(std::string(sync::manifest_format), std::string(1u << 20, '['), h.pub.signers);
     }},
    {"container flood: an envelope with 100,000 signature entries", Refusal::too_deep,
     [](SyncedHall& h) {
       std::string env = R"({"format": "hallkiosk.manifest/2", "signed": "{}", "signatures": [)";
       for (int i = 0; i < 100'000; ++i) env += i ? ",{}" : "{}";
       h.pub.files["manifest.json"] = env + "]}";
     }},
    // Bins (hallkiosk.manifest/2): each is checked by hash and length against the signed manifest
    // before a byte of it is parsed, and its entries must belong to it.
    {"tampered bin: same length, other bytes", Refusal::hash_mismatch,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       auto& body = h.pub.files[h.pub.bin_holding("G-A")];
       const auto at = body.find("\"version\":2");
       REQUIRE(at != std::string::npos);
       body[at + 10] = '3';
     }},
    {"bin of the wrong length: longer than the manifest states", Refusal::too_long,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.pub.files[h.pub.bin_holding("G-A")] += " ";
     }},
    {"bin of the wrong length: shorter than the manifest states", Refusal::truncated,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.pub.files[h.pub.bin_holding("G-A")].pop_back();
     }},
    {"bin listing a guide outside its bin (signed by the publisher)", Refusal::bin_mismatch,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       resign_bin(h.pub, "G-A", [](nlohmann::ordered_json& bin) {
         auto stray = bin["guides"][0];
         stray["id"] = other_bin_id("G-A");
         bin["guides"].push_back(stray);
       });
     }},
    {"bin naming another bin number than the manifest's", Refusal::bin_mismatch,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       resign_bin(h.pub, "G-A", [](nlohmann::ordered_json& bin) { bin["bin"] = (bin["bin"].get<int>() + 1) % 256; });
     }},
    {"bin of another format", Refusal::wrong_format,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       resign_bin(h.pub, "G-A", [](nlohmann::ordered_json& bin) { bin["format"] = "hallkiosk.bin/0"; });
     }},
    {"bin listing one guide version twice", Refusal::malformed,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       resign_bin(h.pub, "G-A", [](nlohmann::ordered_json& bin) { bin["guides"].push_back(bin["guides"][0]); });
     }},
    {"mix-and-match: the trusted manifest's bin served for the new manifest's", Refusal::hash_mismatch,
     [](SyncedHall& h) {
       const std::string old_bin = h.pub.files.at(h.pub.bin_holding("G-A"));
       h.pub.publish(changed_guides(), issued(h));
       h.pub.files[h.pub.bin_holding("G-A")] = old_bin;
     }},
    {"mix-and-match: a bin of another manifest (the next one) served for this one's", Refusal::hash_mismatch,
     [](SyncedHall& h) {
       Publication other = h.pub;
       auto g = changed_guides();
       g[0] = valid_guide("G-A", "高龄津贴申领（再改）", 3);
       other.publish(g, issued(h));
       h.pub.publish(changed_guides(), issued(h));
       auto& served = h.pub.files[h.pub.bin_holding("G-A")];
       served = other.files.at(other.bin_holding("G-A"));
       served.resize(h.pub.files.at(h.pub.bin_holding("G-A")).size(), ' ');  // even at the stated length
     }},
    {"missing bin: 404", Refusal::http_status,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.pub.files.erase(h.pub.bin_holding("G-A"));
     }},
    {"endless body: a bin that never ends", Refusal::too_long,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.fetcher.misbehave(h.pub.bin_holding("G-A"), Misbehave::endless);
     }},
    {"slow server past the timeout: a bin", Refusal::unreachable,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.fetcher.misbehave(h.pub.bin_holding("G-A"), Misbehave::slow);
     }},
    {"huge bin: the manifest announces more than a bin may be", Refusal::malformed,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       resign_manifest(
           h.pub, [](auto& p) { p["bins"][0]["length"] = (std::int64_t{16} << 20) + 1; }, h.pub.signers);
     }},
    {"nesting bomb as a bin (1 MiB of '[', signed by hash)", Refusal::too_deep,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       resign_bin(h.pub, "G-A", {}, std::string(1u << 20, '['));
     }},
    {"container flood as a bin: 300,000 entries of {}", Refusal::too_deep,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       std::string raw = R"({"format": "hallkiosk.bin/1", "bin": 0, "guides": [)";
       for (int i = 0; i < 300'000; ++i) raw += i ? ",{}" : "{}";
       resign_bin(h.pub, "G-A", {}, raw + "]}");
     }},
    {"an older manifest format (hallkiosk.manifest/1), validly signed", Refusal::wrong_format,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       const auto env = nlohmann::json::parse(h.pub.files.at("manifest.json"));
       h.pub.files["manifest.json"] = envelope("hallkiosk.manifest/1", env["signed"].get<std::string>(), h.pub.signers);
     }},
    {"nesting bomb served as the next key set (keys/2.json)", Refusal::too_deep,
     [](SyncedHall& h) {
       h.pub.keys_version = 2;  // the manifest names key set 2, so the hall fetches keys/2.json first
       h.pub.publish(changed_guides(), issued(h));
       h.pub.files["keys/2.json"] = std::string(64u << 10, '[');
     }},
};

}  // namespace

TEST_CASE("sync attack table: every attack is refused and changes nothing", "[sync][attack]") {
  for (const auto& attack : attacks) {
    DYNAMIC_SECTION(attack.name) {
      SyncedHall h;
      h.pub.publish(baseline_guides(), issued(h), trusted_version);
      REQUIRE(h.sync());
      const std::string before = h.exported();
      const auto trusted_before = h.state();
      REQUIRE(trusted_before.catalogue_version == trusted_version);
      const auto bins_before = sync::load_trusted_bins(h.store->database());
      REQUIRE(bins_before);
      REQUIRE_FALSE(bins_before->empty());

      h.clock.advance(std::chrono::minutes{5});
      attack.play(h);
      const auto result = h.sync();

      REQUIRE_FALSE(result);
      INFO(result.error().error.message);
      CHECK(sync::to_string(result.error().reason) == std::string(sync::to_string(attack.expected)));
      CHECK_FALSE(result.error().error.message.empty());
      CHECK(h.exported() == before);
      const auto after = h.state();
      CHECK(after.catalogue_version == trusted_version);
      CHECK(after.manifest_hash == trusted_before.manifest_hash);
      CHECK(after.keys_version == 1);
      CHECK(after.keys_payload == trusted_before.keys_payload);
      CHECK(after.last_error_reason == sync::to_string(attack.expected));
      CHECK(after.last_good_sync == trusted_before.last_good_sync);
      const auto bins_after = sync::load_trusted_bins(h.store->database());
      REQUIRE(bins_after);
      CHECK(*bins_after == *bins_before);
      CHECK(h.store->database().quick_check() == "ok");
    }
  }
}

TEST_CASE("an expired manifest freezes the catalogue and says so", "[sync][attack]") {
  SyncedHall h;
  h.pub.publish(baseline_guides(), issued(h), trusted_version);
  REQUIRE(h.sync());
  const auto synced_at = h.clock.now();
  h.clock.advance(std::chrono::days{8});  // the publisher went silent: the trusted manifest expires
  const auto result = h.sync();           // 304: nothing new, and what is held has expired
  REQUIRE_FALSE(result);
  CHECK(result.error().reason == Refusal::expired);
  auto status = h.syncer->status();
  REQUIRE(status);
  CHECK(status->stale);
  CHECK(status->last_good_sync == synced_at);
  CHECK(status->data_age == std::chrono::days{8});
  CHECK(h.current_ids().size() == 3);  // still serving the last good catalogue
}

TEST_CASE("a kiosk refuses 8 MiB of opening brackets as its manifest at once and in bounded memory", "[sync][attack][bomb]") {
  SyncedHall h;
  h.pub.publish(baseline_guides(), issued(h), trusted_version);
  REQUIRE(h.sync());
  h.pub.files["manifest.json"] = std::string(8u << 20, '[');
  const long rss_before = peak_rss_kib();
  const auto start = std::chrono::steady_clock::now();
  const auto result = h.sync();
  const auto took = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(result);
  CHECK(result.error().reason == Refusal::too_deep);
  CHECK_THAT(result.error().error.message, Catch::StartsWith("manifest.json: byte 4: nested deeper than 4 levels"));
  CHECK(took < std::chrono::seconds(1));
  // The fetched body and its copy are the only cost: the peak grew by less than 64 MiB (was 640 MB).
  CHECK(peak_rss_kib() - rss_before < 64 * 1024);
  CHECK(h.state().catalogue_version == trusted_version);
}

namespace {

// Staleness is a fact about the trusted manifest and the clock: expired, or not confirmed (a
// verified manifest, or a 304 to the ETag of the trusted one) within the confirm window.
struct StaleRule {
  const char* name;
  Refusal last;  // the reason of the last refusal the row plays
  std::function<void(SyncedHall&)> play;
};

const auto past_window = sync::default_confirm_window + std::chrono::minutes{1};

const StaleRule stale_rules[] = {
    {"a 304 after an expired-manifest refusal does not confirm the catalogue", Refusal::http_status,
     [](SyncedHall& h) {
       h.pub.lifetime = std::chrono::minutes{30};
       h.pub.publish(changed_guides(), issued(h));
       REQUIRE(h.sync().error().reason == Refusal::expired);
       h.fetcher.misbehave("manifest.json", Misbehave::not_modified);
       h.clock.advance(past_window);
       REQUIRE_FALSE(h.sync());
     }},
    {"an unrelated refusal after an offered expired manifest does not make the hall current", Refusal::unknown_key,
     [](SyncedHall& h) {
       h.pub.lifetime = std::chrono::minutes{30};
       h.pub.publish(changed_guides(), issued(h));
       REQUIRE(h.sync().error().reason == Refusal::expired);
       h.clock.advance(past_window);
       h.pub.signers = {make_signing_key()};
       h.pub.lifetime = std::chrono::days{7};
       h.pub.publish(changed_guides(), h.clock.now());
       REQUIRE_FALSE(h.sync());
     }},
    {"the trusted manifest expired: stale whatever the last error says", Refusal::unreachable,
     [](SyncedHall& h) {
       h.clock.advance(std::chrono::days{8});
       h.fetcher.go_offline();
       REQUIRE_FALSE(h.sync());
     }},
    {"not confirmed within the window: stale though the manifest has not expired", Refusal::unreachable,
     [](SyncedHall& h) {
       h.fetcher.go_offline();
       h.clock.advance(past_window);
       REQUIRE_FALSE(h.sync());
     }},
};

}  // namespace

TEST_CASE("staleness comes from the trusted manifest and the clock, never from the last error", "[sync][attack]") {
  for (const auto& rule : stale_rules) {
    DYNAMIC_SECTION(rule.name) {
      SyncedHall h;
      h.pub.publish(baseline_guides(), issued(h), trusted_version);
      REQUIRE(h.sync());
      const std::string before = h.exported();
      const auto trusted_before = h.state();
      h.clock.advance(std::chrono::minutes{5});
      rule.play(h);
      const auto after = h.state();
      INFO(after.last_error);
      CHECK(after.last_error_reason == sync::to_string(rule.last));
      CHECK(h.exported() == before);
      CHECK(after.catalogue_version == trusted_version);
      CHECK(after.manifest_hash == trusted_before.manifest_hash);
      CHECK(after.last_good_sync == trusted_before.last_good_sync);
      auto status = h.syncer->status();
      REQUIRE(status);
      CHECK(status->stale);
    }
  }
}

TEST_CASE("after a refusal only a verified manifest confirms the catalogue, then 304s do again", "[sync][attack]") {
  SyncedHall h;
  h.pub.publish(baseline_guides(), issued(h), trusted_version);
  const std::string genuine = h.pub.files["manifest.json"];
  REQUIRE(h.sync());
  h.clock.advance(std::chrono::minutes{5});
  h.pub.files["manifest.json"] = "{";
  REQUIRE(h.sync().error().reason == Refusal::malformed);
  CHECK(h.state().manifest_etag.empty());  // forgotten: a bare 304 can no longer vouch
  h.pub.files["manifest.json"] = genuine;
  h.clock.advance(std::chrono::minutes{5});
  auto again = h.sync();
  REQUIRE(again);
  CHECK(again->outcome == sync::SyncOutcome::unchanged);
  CHECK(h.state().last_good_sync == h.clock.now());
  h.clock.advance(std::chrono::minutes{5});
  auto poll = h.sync();
  REQUIRE(poll);
  CHECK(poll->outcome == sync::SyncOutcome::not_modified);
  CHECK(h.syncer->status()->stale == false);
}

namespace {

// Identity is the signed bytes alone: what a mirror changes outside them is never trusted.
std::string payload_of(const std::string& manifest_file) {
  return nlohmann::json::parse(manifest_file)["signed"].get<std::string>();
}

// The genuine file re-encoded as a hostile mirror might: the same payload and signatures, plus.
std::string with_extra_signature(const std::string& genuine) {
  auto env = nlohmann::ordered_json::parse(genuine);
  env["signatures"].push_back({{"key_id", make_signing_key().key_id()}, {"sig", std::string(128, 'a')}});
  return env.dump();
}
std::string with_bom(const std::string& genuine) {
  return "\xEF\xBB\xBF" + genuine;
}
std::string reencoded(const std::string& genuine) {
  return nlohmann::ordered_json::parse(genuine).dump(4);
}

struct IdentityRule {
  const char* name;
  std::function<std::string(const std::string&)> mirror;  // the genuine next manifest -> what the mirror serves
};

const IdentityRule identity_rules[] = {
    {"an extra signature entry in the envelope", with_extra_signature},
    {"a UTF-8 byte order mark before the envelope", with_bom},
    {"the envelope re-indented", reencoded},
};

}  // namespace

TEST_CASE("identity is the signed bytes: a re-encoded envelope cannot lock out the genuine manifest",
          "[sync][attack]") {
  for (const auto& rule : identity_rules) {
    DYNAMIC_SECTION(rule.name) {
      SyncedHall h;
      h.pub.publish(baseline_guides(), issued(h), trusted_version);
      REQUIRE(h.sync());
      h.clock.advance(std::chrono::minutes{5});
      const std::string genuine = h.pub.publish(changed_guides(), issued(h));
      h.pub.files["manifest.json"] = rule.mirror(genuine);
      auto hostile = h.sync();  // validly signed: applied, under the payload's identity
      REQUIRE(hostile);
      CHECK(hostile->outcome == sync::SyncOutcome::applied);
      const std::string applied = h.exported();
      CHECK(h.state().manifest_hash == sha256_hex(payload_of(genuine)));

      h.pub.files["manifest.json"] = genuine;  // the genuine mirror is back
      h.clock.advance(std::chrono::minutes{5});
      auto next = h.sync();
      INFO((next ? "" : next.error().error.message));
      REQUIRE(next);  // not a replay: the same signed bytes
      CHECK(next->outcome == sync::SyncOutcome::unchanged);
      const auto after = h.state();
      CHECK(after.catalogue_version == trusted_version + 1);
      CHECK(after.manifest_hash == sha256_hex(payload_of(genuine)));
      CHECK(after.last_good_sync == h.clock.now());
      CHECK(h.exported() == applied);

      h.pub.files["manifest.json"] = rule.mirror(genuine);  // and the mirror's copy is nothing new either
      auto again = h.syncer->sync_once();
      REQUIRE(again);
      CHECK(h.state().manifest_hash == after.manifest_hash);
    }
  }
}

TEST_CASE("a hall that trusted by the whole file's hash keeps its manifest after the upgrade", "[sync][attack]") {
  SyncedHall h;
  const std::string file = h.pub.publish(baseline_guides(), issued(h), trusted_version);
  REQUIRE(h.sync());
  auto old = h.state();
  old.manifest_hash = sha256_hex(file);  // what earlier versions stored
  old.manifest_etag.clear();
  REQUIRE(sync::save_sync_state(h.store->database(), old));
  h.clock.advance(std::chrono::minutes{5});
  auto r = h.sync();
  INFO((r ? "" : r.error().error.message));
  REQUIRE(r);
  CHECK(r->outcome == sync::SyncOutcome::unchanged);
  CHECK(h.state().manifest_hash == sha256_hex(payload_of(file)));
  CHECK(h.state().catalogue_version == trusted_version);
}

TEST_CASE("a key rotation resets the trusted version: the way back from a fast-forward", "[sync][attack]") {
  SyncedHall h;
  h.pub.publish(baseline_guides(), issued(h), trusted_version);
  REQUIRE(h.sync());
  h.clock.advance(std::chrono::minutes{5});
  // Someone holding the publisher key signs a fast-forward within the bounds: it is applied.
  h.pub.publish(changed_guides(), issued(h), trusted_version + 900'000);
  REQUIRE(h.sync());
  CHECK(h.state().catalogue_version == trusted_version + 900'000);
  // The genuine store's next version is now a rollback...
  h.clock.advance(std::chrono::minutes{5});
  h.pub.publish(baseline_guides(), h.clock.now(), trusted_version + 1);
  REQUIRE(h.sync().error().reason == Refusal::rollback);
  // ...until the operators rotate the key: a manifest under the new key set starts afresh.
  const auto next_key = make_signing_key();
  h.pub.rotate({next_key});
  h.pub.publish(baseline_guides(), h.clock.now(), trusted_version + 2);
  auto back = h.sync();
  INFO((back ? "" : back.error().error.message));
  REQUIRE(back);
  CHECK(back->outcome == sync::SyncOutcome::applied);
  CHECK(h.state().catalogue_version == trusted_version + 2);
  CHECK(h.state().keys_version == 2);
  // and from there the checks hold again: a lower version under the same key set is a rollback.
  h.clock.advance(std::chrono::minutes{5});
  h.pub.publish(changed_guides(), h.clock.now(), trusted_version + 1);
  CHECK(h.sync().error().reason == Refusal::rollback);
  CHECK(h.state().catalogue_version == trusted_version + 2);
}

TEST_CASE("two objects trickled at 25 s each fit the attempt's deadline and are applied", "[sync][attack]") {
  SyncedHall h;
  h.pub.publish(baseline_guides(), issued(h), trusted_version);
  REQUIRE(h.sync());
  auto g = all_changed_guides();
  g.pop_back();
  g.push_back(valid_guide("G-C", "老年优待证办理"));
  h.pub.publish(g, issued(h));
  h.fetcher.trickle_with(h.clock, std::chrono::seconds{25});
  for (const char* id : {"G-A", "G-B"}) h.fetcher.misbehave(object_of(h.pub, id), Misbehave::trickle);
  const auto start = h.clock.now();
  auto r = h.sync();
  INFO((r ? "" : r.error().error.message));
  REQUIRE(r);
  CHECK(r->objects_fetched == 2);
  CHECK(h.clock.now() - start == std::chrono::seconds{50});
  CHECK(h.state().catalogue_version == trusted_version + 1);
}

namespace {

// The timestamp role (TUF's): a hall whose key set authorises a timestamp key trusts catalogue
// version 5 and timestamp version 3; each row plays one lie about freshness.
constexpr std::int64_t trusted_timestamp = 3;

const Attack timestamp_attacks[] = {
    {"expired timestamp: a new manifest vouched for by a timestamp that has run out", Refusal::expired,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.pub.stamp(h.clock.now() - std::chrono::hours{25});  // valid 24 h: expired an hour ago
     }},
    {"expired timestamp for the trusted manifest: no renewal from it", Refusal::expired,
     [](SyncedHall& h) { h.pub.stamp(h.clock.now() - std::chrono::hours{25}); }},
    {"timestamp signed by the publisher key instead of the timestamp key", Refusal::unknown_key,
     [](SyncedHall& h) {
       h.pub.timestamp_signers = {h.key};
       h.pub.publish(changed_guides(), issued(h));
     }},
    {"timestamp signed by a key the hall never trusted", Refusal::unknown_key,
     [](SyncedHall& h) {
       h.pub.timestamp_signers = {make_signing_key()};
       h.pub.publish(changed_guides(), issued(h));
     }},
    {"manifest signed by the timestamp key instead of the publisher key", Refusal::unknown_key,
     [](SyncedHall& h) {
       h.pub.signers = {h.timestamp_key};
       h.pub.publish(changed_guides(), issued(h));
     }},
    {"timestamp pointing to another manifest than manifest.json", Refusal::timestamp_mismatch,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       const std::string vouched = h.pub.files["timestamp.json"];
       h.pub.publish(all_changed_guides(), issued(h), h.pub.catalogue_version);  // same version, other content
       h.pub.files["timestamp.json"] = vouched;
     }},
    {"timestamp pointing to a newer manifest than the one served (a mirror mixing publishes)",
     Refusal::timestamp_mismatch,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       const std::string older = h.pub.files["manifest.json"];
       h.pub.publish(all_changed_guides(), issued(h));
       h.pub.files["manifest.json"] = older;
     }},
    {"rollback of timestamp version: a validly signed older timestamp", Refusal::rollback,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.pub.stamp(issued(h), trusted_timestamp - 1);
     }},
    {"replayed timestamp: the trusted timestamp version with other content", Refusal::replay,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.pub.stamp(issued(h), trusted_timestamp);
     }},
    {"timestamp naming a catalogue version below the trusted one", Refusal::rollback,
     [](SyncedHall& h) { h.pub.publish(changed_guides(), issued(h), trusted_version - 1); }},
    {"timestamp valid for 8 days: longer than any timestamp may be", Refusal::validity_too_long,
     [](SyncedHall& h) {
       h.pub.timestamp_lifetime = std::chrono::days{8};
       h.pub.publish(changed_guides(), issued(h));
     }},
    {"timestamp issued a day ahead of the kiosk's clock", Refusal::issued_in_future,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.pub.stamp(h.clock.now() + std::chrono::hours{24});
     }},
    {"timestamp.json missing: a key set with a timestamp key needs one", Refusal::http_status,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.pub.files.erase("timestamp.json");
     }},
    {"manifest served as timestamp.json", Refusal::wrong_format,
     [](SyncedHall& h) {
       h.pub.publish(changed_guides(), issued(h));
       h.pub.files["timestamp.json"] = h.pub.files["manifest.json"];
     }},
    {"nesting bomb served as timestamp.json", Refusal::too_deep,
     [](SyncedHall& h) { h.pub.files["timestamp.json"] = std::string(16u << 10, '['); }},
    {"endless timestamp.json", Refusal::too_long,
     [](SyncedHall& h) { h.fetcher.misbehave("timestamp.json", Misbehave::endless); }},
};

}  // namespace

TEST_CASE("timestamp attack table: every lie about freshness is refused and changes nothing", "[sync][attack][timestamp]") {
  for (const auto& attack : timestamp_attacks) {
    DYNAMIC_SECTION(attack.name) {
      SyncedHall h(Freshness::with_timestamp);
      h.pub.publish(baseline_guides(), issued(h), trusted_version);
      h.pub.stamp(issued(h), trusted_timestamp);
      REQUIRE(h.sync());
      const std::string before = h.exported();
      const auto trusted_before = h.state();
      REQUIRE(trusted_before.catalogue_version == trusted_version);
      const auto bins_before = sync::load_trusted_bins(h.store->database());
      REQUIRE(bins_before);
      REQUIRE_FALSE(bins_before->empty());
      REQUIRE(trusted_before.timestamp_version == trusted_timestamp);

      h.clock.advance(std::chrono::minutes{5});
      attack.play(h);
      const auto result = h.sync();

      REQUIRE_FALSE(result);
      INFO(result.error().error.message);
      CHECK(sync::to_string(result.error().reason) == std::string(sync::to_string(attack.expected)));
      CHECK(h.exported() == before);
      const auto after = h.state();
      CHECK(after.catalogue_version == trusted_version);
      CHECK(after.manifest_hash == trusted_before.manifest_hash);
      CHECK(after.timestamp_version == trusted_timestamp);
      CHECK(after.timestamp_hash == trusted_before.timestamp_hash);
      CHECK(after.expires_at == trusted_before.expires_at);
      CHECK(after.keys_payload == trusted_before.keys_payload);
      CHECK(after.last_error_reason == sync::to_string(attack.expected));
      CHECK(after.last_good_sync == trusted_before.last_good_sync);
    }
  }
}

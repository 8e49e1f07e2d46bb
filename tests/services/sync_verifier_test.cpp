// SPDX-License-Identifier: Apache-2.0
// The verification engine alone: bytes and a time in, a value or a named refusal out.
#include <catch2/catch.hpp>

#include "support/sample_guides.h"
#include "support/sync_publisher.h"
#include "sync/verifier.h"

using namespace hall;
using namespace hall::test;
using sync::Refusal;

namespace {

sync::KeySet key_set_of(const std::vector<SigningKey>& keys, int threshold = 1, int version = 1) {
  auto set = sync::parse_key_set(key_set_payload(version, keys, threshold), "test");
  REQUIRE(set);
  return *set;
}

}  // namespace

TEST_CASE("envelope shape errors name the file and the path", "[sync][verifier]") {
  struct Case {
    const char* name;
    const char* bytes;
    Refusal reason;
    const char* says;
  } cases[] = {
      {"not JSON", "{", Refusal::malformed, "manifest.json: not JSON"},
      {"no format", R"({"signed": "", "signatures": []})", Refusal::malformed, "$.format"},
      {"another format", R"({"format": "x/1", "signed": "", "signatures": []})", Refusal::wrong_format, "\"x/1\""},
      {"payload not a string", R"({"format": "hallkiosk.manifest/2", "signed": {}, "signatures": []})",
       Refusal::malformed, "$.signed"},
      {"short signature",
       R"({"format": "hallkiosk.manifest/2", "signed": "", "signatures": [{"key_id": "0123456789abcdef", "sig": "00"}]})",
       Refusal::malformed, "$.signatures[0].sig"},
  };
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.name) {
      const auto r = sync::parse_envelope(c.bytes, sync::manifest_format, "manifest.json");
      REQUIRE_FALSE(r);
      CHECK(r.error().reason == c.reason);
      CHECK_THAT(r.error().error.message, Catch::Contains(c.says));
    }
  }
}

TEST_CASE("signatures: threshold counts distinct trusted keys", "[sync][verifier]") {
  const auto a = make_signing_key();
  const auto b = make_signing_key();
  const std::string payload = R"({"x": 1})";
  const auto check = [&](const std::vector<SigningKey>& signers, const sync::KeySet& set) {
    auto env = sync::parse_envelope(envelope("hallkiosk.keys/1", payload, signers), sync::keys_format, "keys.json");
    REQUIRE(env);
    return sync::check_signatures(*env, set, "keys.json");
  };
  CHECK(check({a}, key_set_of({a, b})));
  CHECK(check({a, b}, key_set_of({a, b}, 2)));
  const auto twice = check({a, a}, key_set_of({a, b}, 2));  // the same key twice is one signature
  REQUIRE_FALSE(twice);
  CHECK(twice.error().reason == Refusal::unknown_key);
  const auto stranger = check({make_signing_key()}, key_set_of({a}));
  REQUIRE_FALSE(stranger);
  CHECK(stranger.error().reason == Refusal::unknown_key);
}

TEST_CASE("a key set whose key_id is not its key's is malformed", "[sync][verifier]") {
  const auto a = make_signing_key();
  auto payload = nlohmann::json::parse(key_set_payload(1, {a}));
  payload["keys"][0]["key_id"] = "0000000000000000";
  const auto r = sync::parse_key_set(payload.dump(), "keys.json");
  REQUIRE_FALSE(r);
  CHECK(r.error().reason == Refusal::malformed);
  CHECK_THAT(r.error().error.message, Catch::Contains("$.signed.keys[0].key_id"));
}

TEST_CASE("a verified manifest is newer or the same", "[sync][verifier]") {
  const auto key = make_signing_key();
  Publication pub = new_publication(key);
  const Instant now = at("2026-11-28T08:00:00Z");
  const std::string bytes = pub.publish({valid_guide("G-A")}, now, 3);
  const auto set = key_set_of({key});

  const auto first = sync::verify_manifest(bytes, set, {}, now);
  REQUIRE(first);
  CHECK(first->news == sync::ManifestNews::newer);
  CHECK(first->manifest.catalogue_version == 3);
  REQUIRE(first->manifest.bins.size() == 1);
  const sync::BinRef& bin = first->manifest.bins[0];
  CHECK(bin.bin == sync::bin_of("G-A"));
  const auto entries = sync::verify_bin(bin, pub.files.at(sync::bin_file(bin)));
  REQUIRE(entries);
  REQUIRE(entries->size() == 1);
  CHECK((*entries)[0].id == "G-A");
  CHECK(sync::verify_bin(bin, pub.files.at(sync::bin_file(bin)) + " ").error().reason == Refusal::too_long);

  const sync::TrustedCatalogue trusted{3, first->hash, first->manifest.issued_at};
  const auto again = sync::verify_manifest(bytes, set, trusted, now);
  REQUIRE(again);
  CHECK(again->news == sync::ManifestNews::same);

  const auto later = sync::verify_manifest(bytes, set, trusted, now + std::chrono::days{7});
  REQUIRE_FALSE(later);
  CHECK(later.error().reason == Refusal::expired);
  CHECK_THAT(later.error().error.message, Catch::Contains("expired at 2026-12-05T08:00:00Z"));
}

TEST_CASE("an object is checked for length, hash, validity and identity", "[sync][verifier]") {
  const std::string body = valid_guide("G-A", "高龄津贴申领", 2).dump();
  sync::ManifestEntry entry{"G-A", 2, std::nullopt, sha256_hex(body), body.size()};
  CHECK(sync::verify_object(entry, body));
  CHECK(sync::verify_object(entry, body + "x").error().reason == Refusal::too_long);
  CHECK(sync::verify_object(entry, body.substr(1)).error().reason == Refusal::truncated);
  std::string other = body;
  other[other.size() - 2] = other[other.size() - 2] == '0' ? '1' : '0';
  CHECK(sync::verify_object(entry, other).error().reason == Refusal::hash_mismatch);
  const std::string deep = std::string(40, '[') + std::string(40, ']');
  CHECK(sync::verify_object({"G-A", 2, std::nullopt, sha256_hex(deep), deep.size()}, deep).error().reason ==
        Refusal::invalid_guide);
  const std::string standalone = [] {
    auto g = valid_guide("G-A", "高龄津贴申领", 2);
    g["format"] = "hallkiosk.guide/1";
    return g.dump();
  }();
  CHECK(sync::verify_object({"G-A", 2, std::nullopt, sha256_hex(standalone), standalone.size()}, standalone));
}

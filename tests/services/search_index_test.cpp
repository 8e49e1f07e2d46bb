// SPDX-License-Identifier: Apache-2.0
// What a visitor types on the kiosk's keyboard, and what they should see first.
#include <catch2/catch.hpp>
#include "catalogue/guide_search_terms.h"

#include <algorithm>

#include "catalogue/catalogue_file.h"
#include "catalogue/catalogue_store.h"
#include "catalogue/guide_parser.h"
#include "search/search_index.h"
#include "support/sample_guides.h"
#include "support/temp_dir.h"

using namespace hall;
using namespace hall::catalogue;
using namespace hall::search;
using hall::test::valid_guide;

namespace {

Json guide(const std::string& id, const std::string& name, std::vector<std::string> keywords = {},
           std::string faq_question = {}) {
  Json g = valid_guide(id, name);
  g.erase("name_en");  // these cases are about Chinese; English has its own below
  g["keywords"] = keywords;
  g["faq"] = Json::array();
  if (!faq_question.empty()) g["faq"].push_back({{"q", faq_question}, {"a", "请咨询窗口工作人员。"}});
  return g;
}

SearchIndex demo_index() {
  const std::vector<Json> guides = {
      guide("ELDER", "高龄津贴申领", {"80岁补贴"}),
      guide("DISAB", "困难残疾人生活补贴和重度残疾人护理补贴", {"两项补贴"}),
      guide("LTC", "长期护理保险待遇申请", {"长护险"}),
      guide("OLDCARD", "老年人优待证办理", {"老年证"}),
      guide("DIBAO", "最低生活保障申请", {"低保"}, "低保和临时救助可以同时申请吗？"),
      guide("TEMP", "临时救助申请", {}, "临时救助需要银行卡吗？"),
      guide("PENSION", "城乡居民养老保险待遇领取", {"养老金"}),
      guide("GAOLING", "高龄", {}),
  };
  std::vector<IndexEntry> entries;
  for (const auto& g : guides) {
    Problems problems;
    const auto parsed = parse_guide(g, "guide", problems);
    REQUIRE(parsed);
    entries.push_back({parsed->id, parsed->name, catalogue::search_terms_for(*parsed)});
  }
  return SearchIndex(std::move(entries));
}

std::vector<std::string> ids(const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(h.guide_id);
  return out;
}

}  // namespace

TEST_CASE("search terms read polyphones in context", "[search]") {
  CHECK(spaced_pinyin("重度残疾人") == "zhong du can ji ren");
  CHECK(spaced_pinyin("长期护理") == "chang qi hu li");
  CHECK(spaced_pinyin("银行卡") == "yin hang ka");
  CHECK(initials_of(spaced_pinyin("高龄津贴")) == "gljt");
  CHECK(spaced_pinyin("CT检查") == "ct jian cha");
}

TEST_CASE("search finds a guide by every form a visitor types", "[search]") {
  const SearchIndex index = demo_index();
  struct QueryCase {
    const char* typed;
    const char* first;  // the guide that must come first
    MatchRank rank;
  };
  const QueryCase cases[] = {
      {"高龄津贴申领", "ELDER", MatchRank::exact_name},
      {"低保", "DIBAO", MatchRank::exact_name},  // a keyword is a colloquial name
      {"老年", "OLDCARD", MatchRank::name_prefix},
      {"gaolingjintie", "ELDER", MatchRank::name_prefix},
      {"gaoling", "GAOLING", MatchRank::exact_name},
      {"gljt", "ELDER", MatchRank::initials},
      {"GLJT", "ELDER", MatchRank::initials},
      {"gaol", "GAOLING", MatchRank::name_prefix},
      {"zhongducanji", "DISAB", MatchRank::name_substring},
      {"zdcjr", "DISAB", MatchRank::inner_initials},
      {"changqihuli", "LTC", MatchRank::name_prefix},
      {"cqhl", "LTC", MatchRank::initials},
      {"laonianzheng", "OLDCARD", MatchRank::exact_name},
      {"dibao", "DIBAO", MatchRank::exact_name},
      {"银行", "TEMP", MatchRank::faq},
      {"yanglao", "PENSION", MatchRank::name_prefix},        // its keyword 养老金 starts so
      {"ｇａｏｌｉｎｇ", "GAOLING", MatchRank::exact_name},  // full-width letters from some keyboards
      {"gao ling", "GAOLING", MatchRank::exact_name},
  };
  for (const auto& c : cases) {
    INFO("typed: " << c.typed);
    const auto hits = index.query(c.typed);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.front().guide_id == c.first);
    CHECK(hits.front().rank == c.rank);
  }
}

TEST_CASE("ranking: exact name, prefix, substring, keyword, initials, FAQ", "[search]") {
  const SearchIndex index = demo_index();
  // 高龄 is the whole name of GAOLING and the start of ELDER's.
  CHECK(ids(index.query("高龄")) == std::vector<std::string>{"GAOLING", "ELDER"});
  // 临时救助: TEMP's name starts with it; DIBAO only mentions it in the FAQ.
  const auto hits = index.query("临时救助");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].guide_id == "TEMP");
  CHECK(hits[1].guide_id == "DIBAO");
  CHECK(hits[1].rank == MatchRank::faq);
  // 申请 ends three names: equally good matches, the shorter name first.
  CHECK(ids(index.query("申请")) == std::vector<std::string>{"TEMP", "DIBAO", "LTC"});
  // 补贴 is in DISAB's name and only a keyword of ELDER.
  CHECK(ids(index.query("补贴")) == std::vector<std::string>{"DISAB", "ELDER"});
}

TEST_CASE("odd input finds nothing and never crashes", "[search]") {
  const SearchIndex index = demo_index();
  const char* odd[] = {"", " ", "'", "高龄jt", "zzzzzz", "\xFF\xFE", "🙂", "%", "a'b", "1", "\x01"};
  for (const char* q : odd) {
    INFO("typed: " << q);
    CHECK_NOTHROW(index.query(q));
  }
  CHECK(index.query("zzzzzz").empty());
  CHECK(index.query("").empty());
  CHECK(SearchIndex().query("gaoling").empty());
}

TEST_CASE("a single letter finds names by their first syllables", "[search]") {
  const SearchIndex index = demo_index();
  const auto hits = index.query("g");
  REQUIRE_FALSE(hits.empty());
  CHECK(hits.front().guide_id == "GAOLING");
  CHECK(hits.front().rank == MatchRank::name_prefix);
}

TEST_CASE("the store's index follows effective dates", "[search][store]") {
  hall::test::TempDir dir;
  ManualClock clock(Instant{std::chrono::seconds{1'800'000'000}});
  auto store = CatalogueStore::open(dir.file("c.db"), clock);
  REQUIRE(store);
  auto later = guide("LATER", "生育登记");
  later["effective_from"] = "2040-01-01T00:00:00+08:00";
  auto file = parse_catalogue(hall::test::catalogue_text({guide("NOW", "临时救助申请"), later}));
  REQUIRE(file);
  REQUIRE(store->import(*file));
  auto index = store->build_search_index();
  REQUIRE(index);
  CHECK(index->query("linshi").size() == 1);
  CHECK(index->query("shengyu").empty());
  clock.set(Instant{std::chrono::seconds{2'300'000'000}});
  index = store->build_search_index();
  REQUIRE(index);
  CHECK(index->query("shengyu").size() == 1);
}

TEST_CASE("English words find the demo hall's guides, typed as a visitor would", "[search][english]") {
  const auto file = load_catalogue_file(std::string(HALL_SOURCE_ASSETS) + "/demo/catalogue.json");
  REQUIRE(file);
  std::vector<IndexEntry> entries;
  for (const auto& g : file->guides) entries.push_back({g.id, g.name, catalogue::search_terms_for(g)});
  const SearchIndex index(std::move(entries));
  struct EnglishCase {
    const char* typed;
    std::vector<std::string> found;  // each must be among the hits
    const char* first;               // the guide that must come first, or nullptr
  };
  const EnglishCase cases[] = {
      {"pension", {"370811-JZ-0004", "370811-JZ-0017"}, "370811-JZ-0004"},
      {"pens", {"370811-JZ-0004", "370811-JZ-0017"}, "370811-JZ-0004"},
      {"Pension", {"370811-JZ-0004", "370811-JZ-0017"}, "370811-JZ-0004"},
      {"claim pension", {"370811-JZ-0017"}, "370811-JZ-0017"},
      {"allowance",
       {"370811-JZ-0001", "370811-JZ-0003", "370811-JZ-0006", "370811-JZ-0023", "370811-JZ-0024"},
       nullptr},
      {"allow", {"370811-JZ-0001", "370811-JZ-0006", "370811-JZ-0024"}, nullptr},
      {"minimum living allowance", {"370811-JZ-0006"}, "370811-JZ-0006"},
      {"minimum", {"370811-JZ-0006"}, "370811-JZ-0006"},
      {"residence", {"370811-JZ-0015"}, "370811-JZ-0015"},
      {"resid", {"370811-JZ-0015"}, "370811-JZ-0015"},
      {"residence permit", {"370811-JZ-0015"}, "370811-JZ-0015"},
      {"old-age allowance", {"370811-JZ-0001"}, "370811-JZ-0001"},
      {"medical insurance", {"370811-JZ-0005"}, "370811-JZ-0005"},
      {"dibao", {"370811-JZ-0006"}, "370811-JZ-0006"},
      {"veteran", {"370811-JZ-0010"}, "370811-JZ-0010"},
  };
  for (const auto& c : cases) {
    INFO("typed: " << c.typed);
    const auto found = ids(index.query(c.typed));
    CAPTURE(found);
    for (const auto& id : c.found) CHECK(std::find(found.begin(), found.end(), id) != found.end());
    if (c.first) {
      REQUIRE_FALSE(found.empty());
      CHECK(found.front() == c.first);
    }
  }
}

TEST_CASE("the demo hall is found by colloquial names, initials and either reading of a polyphone", "[search]") {
  const auto file = load_catalogue_file(std::string(HALL_SOURCE_ASSETS) + "/demo/catalogue.json");
  REQUIRE(file);
  std::vector<IndexEntry> entries;
  for (const auto& g : file->guides) entries.push_back({g.id, g.name, catalogue::search_terms_for(g)});
  const SearchIndex index(std::move(entries));
  struct HeldCase {
    const char* rule;
    const char* typed;
    const char* first;
    MatchRank rank;
  };
  const HeldCase cases[] = {
      {"长寿 is chang shou in 百岁老人长寿补贴", "changshou", "370811-JZ-0024", MatchRank::name_prefix},
      {"the other reading of 长 still finds it, ranked as such", "zhangshou", "370811-JZ-0024",
       MatchRank::other_reading},
      {"db: 低保's initials beat 大病救助's and 担保's", "db", "370811-JZ-0006", MatchRank::whole_initials},
      {"dibao: a keyword ranks like the name", "dibao", "370811-JZ-0006", MatchRank::exact_name},
      {"低保 typed in 汉字", "低保", "370811-JZ-0006", MatchRank::exact_name},
      {"yb: 医保's initials", "yb", "370811-JZ-0005", MatchRank::whole_initials},
      {"医保 typed in 汉字", "医保", "370811-JZ-0005", MatchRank::exact_name},
      {"cxjmyb: 城乡居民医保 by its initials, not the pension guide", "cxjmyb", "370811-JZ-0005",
       MatchRank::whole_initials},
      {"ybc: 医保参保 as typed, initial by initial", "ybc", "370811-JZ-0005", MatchRank::initials},
      {"老年证 is the 老年人优待证", "老年证", "370811-JZ-0014", MatchRank::exact_name},
      {"lnz: 老年证 by its initials", "lnz", "370811-JZ-0014", MatchRank::whole_initials},
      {"gljt: 高龄津贴", "gljt", "370811-JZ-0001", MatchRank::whole_initials},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    const auto hits = index.query(c.typed);
    CAPTURE(ids(hits));
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.front().guide_id == c.first);
    CHECK(hits.front().rank == c.rank);
  }
}

TEST_CASE("a polyphone's other reading ranks below a name read that way", "[search]") {
  // 长 reads chang in 长寿补贴; 掌上办 reads zhang. "zhang" is 掌上办's own reading and only the
  // other reading of 长寿补贴, so 掌上办 comes first and 长寿补贴 is still found.
  std::vector<IndexEntry> entries;
  for (const auto& g : {guide("LONG", "长寿补贴"), guide("PALM", "掌上办理")}) {
    Problems problems;
    const auto parsed = parse_guide(g, "guide", problems);
    REQUIRE(parsed);
    entries.push_back({parsed->id, parsed->name, catalogue::search_terms_for(*parsed)});
  }
  const SearchIndex index(std::move(entries));
  const auto hits = index.query("zhang");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].guide_id == "PALM");
  CHECK(hits[1].guide_id == "LONG");
  CHECK(hits[1].rank == MatchRank::other_reading);
  CHECK(ids(index.query("zsbt")) == std::vector<std::string>{"LONG"});  // the other reading's initials
  CHECK(index.query("zsbt").front().rank == MatchRank::other_reading);
  CHECK(index.query("csbt").front().rank == MatchRank::whole_initials);
}

TEST_CASE("English is matched from a word start and ranks below Chinese substrings", "[search][english]") {
  Json g = guide("PENSION", "城乡居民养老保险待遇领取");
  g["name_en"] = "Claiming the residents' pension";
  g["keywords_en"] = {"Old-age pension"};
  Problems problems;
  const auto parsed = parse_guide(g, "guide", problems);
  REQUIRE(parsed);
  const SearchIndex index({{parsed->id, parsed->name, catalogue::search_terms_for(*parsed)}});
  const auto hits = index.query("pens");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].rank == MatchRank::english);
  CHECK(index.query("residents").size() == 1);  // the apostrophe is dropped
  CHECK(index.query("oldage").size() == 1);     // "Old-age" is two words
  CHECK(index.query("age pension").size() == 1);
  CHECK(index.query("old-age pension").size() == 1);  // typed with the hyphen, as written
  CHECK(normalise_query("Old-Age") == "oldage");
  CHECK(index.query("sion").empty());  // not from inside a word
  CHECK(index.query("ension").empty());
  CHECK(spaced_words("Claiming the residents' pension (60+)") == "claiming the residents pension 60");
}

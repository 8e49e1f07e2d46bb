// SPDX-License-Identifier: Apache-2.0
// Finding notices at the kiosk: by title (汉字, pinyin, initials, English words) and by 文号, whose
// initials keep their digits whole ("ajbf2023" for 安居办发〔2023〕1号). The demo hall's notices.
#include <catch2/catch.hpp>

#include "notices/notice_file.h"
#include "notices/notice_search.h"

using namespace hall;
using namespace hall::notices;

namespace {

const std::vector<Notice>& demo_notices() {
  static const std::vector<Notice> notices = [] {
    auto f = load_notice_file(std::string(HALL_SOURCE_ASSETS) + "/demo/notices.json", Destination::published);
    REQUIRE(f);
    return f->notices;
  }();
  return notices;
}

std::vector<std::string> ids(const std::vector<NoticeHit>& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(h.notice_id);
  return out;
}

}  // namespace

TEST_CASE("a 文号's initials keep each run of digits whole", "[notices][search]") {
  struct Case {
    const char* rule;
    const char* spaced;
    const char* initials;
  };
  const Case cases[] = {
      {"a syllable gives its initial, digits stay whole", "an ju ban fa 2023 1 hao", "ajbf20231h"},
      {"no digits: the plain initials", "gao ling jin tie", "gljt"},
      {"digits first", "2026 nian", "2026n"},
      {"nothing", "", ""},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(doc_no_initials(c.spaced) == c.initials);
  }
}

TEST_CASE("the notice search finds the demo hall's notices", "[notices][search]") {
  const NoticeSearch search(demo_notices());
  CHECK(search.size() == demo_notices().size());
  struct Case {
    const char* rule;
    const char* typed;
    const char* first;  // nullptr: nothing found
  };
  const Case cases[] = {
      {"the 文号 by its initials and the year", "ajbf2023", "N-2023-001"},
      {"the whole 文号 initials", "ajbf20231h", "N-2023-001"},
      {"the 文号 as written", "安居办发〔2023〕1号", "N-2023-001"},
      {"a title's words in 汉字", "加装电梯", "N-2026-D07"},
      {"a title's pinyin", "jiazhuangdianti", "N-2026-D07"},
      {"a title's initials", "jzdt", "N-2026-D07"},
      {"an English word of the title", "lifts", "N-2026-D07"},
      {"the start of a title", "yiwendudong", "N-2023-001-JD"},
      {"nothing like it", "zzqx9", nullptr},
      {"an empty box", "", nullptr},
  };
  for (const auto& c : cases) {
    INFO(c.rule << ": " << c.typed);
    const auto found = ids(search.query(c.typed));
    if (!c.first) {
      CHECK(found.empty());
    } else {
      REQUIRE_FALSE(found.empty());
      CHECK(found.front() == c.first);
    }
  }
}

TEST_CASE("a notice's terms: the title as the name, the 文号 as a keyword", "[notices][search]") {
  const Notice& plan = demo_notices().front();
  REQUIRE(plan.id == "N-2023-001");
  const auto terms = notice_search_terms(plan);
  const auto has = [&](search::TermKind kind, const std::string& text) {
    for (const auto& t : terms) {
      if (t.kind == kind && t.text == text) return true;
    }
    return false;
  };
  CHECK(has(search::TermKind::keyword_initials, "ajbf20231h"));
  CHECK(has(search::TermKind::keyword_pinyin, "an ju ban fa 2023 1 hao"));
  CHECK(has(search::TermKind::name_initials, "ajjd2nzwgkgzssfa"));
}

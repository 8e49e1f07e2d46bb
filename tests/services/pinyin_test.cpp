// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "search/pinyin.h"

using hall::search::pinyin_of;

namespace {

// The readings joined by single spaces; an empty reading shows as "_" so that a count is visible.
std::string spaced(std::string_view text) {
  std::string out;
  for (const auto& syllable : pinyin_of(text)) {
    if (!out.empty()) out += ' ';
    out += syllable.empty() ? "_" : syllable;
  }
  return out;
}

struct Case {
  const char* rule;
  const char* text;
  const char* reading;
};

}  // namespace

TEST_CASE("polyphones are read in context", "[pinyin]") {
  const Case cases[] = {
      {"重 is zhong before 度 (severity)", "重度残疾人", "zhong du can ji ren"},
      {"长 is chang in 长期 (long-term)", "长期护理", "chang qi hu li"},
      {"行 is hang in 银行 (bank)", "银行", "yin hang"},
      {"行 is xing in 行政 (administration)", "行政", "xing zheng"},
      {"长 is zhang in 长大 (grow up)", "长大", "zhang da"},
      {"重 is chong in 重新 (anew)", "重新", "chong xin"},
      {"plain characters keep their one reading", "高龄津贴", "gao ling jin tie"},
      {"保 after 低 in 低保 (minimum living allowance)", "低保", "di bao"},
      {"a guide name of six characters", "老年人优待证", "lao nian ren you dai zheng"},
      {"役 is yi in 退役军人 (veterans)", "退役军人", "tui yi jun ren"},
      {"两项补贴: liang xiang, not a polyphone mix-up", "残疾人两项补贴", "can ji ren liang xiang bu tie"},
      {"a long guide name", "城乡居民基本养老保险", "cheng xiang ju min ji ben yang lao bao xian"},
      {"就业创业证", "就业创业证", "jiu ye chuang ye zheng"},
      {"生育登记", "生育登记", "sheng yu deng ji"},
      {"临时救助", "临时救助", "lin shi jiu zhu"},
      {"单 is dan in 单位, not the surname shan", "单位", "dan wei"},
      {"还 is huan in 还款 (repay)", "还款", "huan kuan"},
      {"朝阳 the district is chao yang", "朝阳", "chao yang"},
      {"调 is diao in 调查 (survey)", "调查", "diao cha"},
      {"a phrase followed by another: 银行 then 长期", "银行长期", "yin hang chang qi"},
      {"行长 (bank president) after 银行", "银行行长", "yin hang hang zhang"},
      {"朝阳 keeps chao yang inside a longer name", "朝阳区政务服务中心", "chao yang qu zheng wu fu wu zhong xin"},
      {"长寿 wins 长 from 人长 (ren zhang) before it", "百岁老人长寿补贴", "bai sui lao ren chang shou bu tie"},
      {"给 is ji in 给付 (benefits paid), not gei", "行政给付", "xing zheng ji fu"},
      {"给 stays gei in 发给 (hand out)", "发给", "fa gei"},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(spaced(c.text) == c.reading);
  }
}

TEST_CASE("a character alone gets its most frequent reading", "[pinyin]") {
  // Each row is its own name: the character and the reading a visitor types for it.
  const std::pair<const char*, const char*> defaults[] = {
      {"的", "de"},    {"了", "le"},    {"地", "di"},    {"行", "xing"}, {"长", "chang"}, {"重", "zhong"},
      {"还", "hai"},   {"都", "dou"},   {"得", "de"},    {"着", "zhe"},  {"便", "bian"},  {"省", "sheng"},
      {"区", "qu"},    {"单", "dan"},   {"解", "jie"},   {"给", "gei"},  {"为", "wei"},   {"乐", "le"},
      {"会", "hui"},   {"处", "chu"},   {"教", "jiao"},  {"参", "can"},  {"率", "lv"},    {"系", "xi"},
      {"角", "jiao"},  {"传", "chuan"}, {"强", "qiang"}, {"藏", "cang"}, {"称", "cheng"}, {"宿", "su"},
      {"转", "zhuan"}, {"弹", "dan"},   {"卡", "ka"},    {"薄", "bao"},  {"石", "shi"},   {"任", "ren"},
  };
  for (const auto& [character, reading] : defaults) {
    INFO(character);
    CHECK(spaced(character) == reading);
  }
}

TEST_CASE("a polyphone's other readings are known, its default first", "[pinyin]") {
  using hall::search::readings_of;
  const auto chang = readings_of(U'长');
  REQUIRE(chang.size() >= 2);
  CHECK(chang.front() == "chang");
  CHECK(std::find(chang.begin(), chang.end(), "zhang") != chang.end());
  const auto gei = readings_of(U'给');
  REQUIRE_FALSE(gei.empty());
  CHECK(gei.front() == "gei");
  CHECK(std::find(gei.begin(), gei.end(), "ji") != gei.end());
  CHECK(readings_of(U'高') == std::vector<std::string>{"gao"});  // one reading: nothing else to index
  CHECK(readings_of(U'a').empty());
  CHECK(readings_of(U'，').empty());
}

TEST_CASE("ü is written v", "[pinyin]") {
  CHECK(spaced("绿") == "lv");
  CHECK(spaced("略") == "lue");
  CHECK(spaced("女") == "nv");
  CHECK(spaced("居") == "ju");
}

TEST_CASE("Latin letters and digits read as themselves in lower case", "[pinyin]") {
  const Case cases[] = {
      {"ASCII capitals are lower-cased", "CT检查", "c t jian cha"},
      {"lower-case ASCII and digits pass through", "ab12", "a b 1 2"},
      {"fullwidth capitals and digits fold to ASCII", "Ａ３号窗口", "a 3 hao chuang kou"},
      {"fullwidth lower case folds to ASCII", "ｘ", "x"},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(spaced(c.text) == c.reading);
  }
}

TEST_CASE("anything else reads as an empty entry, one per code point", "[pinyin]") {
  const Case cases[] = {
      {"punctuation and spaces", "低保，申请 (新)", "di bao _ shen qing _ _ xin _"},
      {"Latin letters outside ASCII", "é", "_"},
      {"a Han character the database lacks (U+20000)", "\xF0\xA0\x80\x80", "_"},
      {"an emoji", "\xF0\x9F\x98\x80", "_"},
      {"a lone continuation byte", "\x80银行", "_ yin hang"},
      {"a truncated sequence at the end", "银行\xE4\xB8", "yin hang _ _"},
      {"an overlong slash", "\xC0\xAF", "_ _"},
      {"a surrogate", "\xED\xA0\x80", "_ _ _"},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(spaced(c.text) == c.reading);
  }
  CHECK(pinyin_of("").empty());
  CHECK(pinyin_of(std::string_view("\0银", 4)) == std::vector<std::string>{"", "yin"});
}

TEST_CASE("every CJK unified ideograph reads as one plain syllable or nothing", "[pinyin]") {
  std::size_t read = 0;
  for (char32_t cp = 0x4E00; cp <= 0x9FFF; ++cp) {
    std::string text;
    text += static_cast<char>(0xE0 | (cp >> 12));
    text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    text += static_cast<char>(0x80 | (cp & 0x3F));
    const auto readings = pinyin_of(text);
    REQUIRE(readings.size() == 1);
    const std::string& s = readings[0];
    INFO("U+" << std::hex << static_cast<unsigned>(cp) << " " << s);
    CHECK(s.size() <= 6);
    CHECK(s.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos);
    read += !s.empty();
  }
  CHECK(read > 20000);  // the database reads nearly all of the 20,992
}

TEST_CASE("the first calls may come from several threads at once", "[pinyin]") {
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) threads.emplace_back([&r] { r = pinyin_of("银行长期"); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) CHECK(r == std::vector<std::string>{"yin", "hang", "chang", "qi"});
}

TEST_CASE("after release_pinyin the tables come back at the next call, and a reading in progress keeps them",
          "[pinyin]") {
  namespace search = hall::search;
  const auto before = search::pinyin_of("百岁老人长寿补贴");
  search::release_pinyin();
  CHECK(search::pinyin_of("百岁老人长寿补贴") == before);
  CHECK(search::readings_of(U'长') == std::vector<std::string>{"chang", "zhang"});
  // Releases while other threads read: each call holds the tables it started with.
  std::vector<std::thread> readers;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (search::pinyin_of("百岁老人长寿补贴") != before) ++wrong;
      }
    });
  }
  for (int i = 0; i < 20; ++i) search::release_pinyin();
  for (auto& r : readers) r.join();
  CHECK(wrong == 0);
}

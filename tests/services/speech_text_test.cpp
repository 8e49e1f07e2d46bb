// SPDX-License-Identifier: Apache-2.0
// What the board says for a call: ticket numbers digit by digit, letters as letters, windows by
// their number whatever they are named, in Mandarin and in English.
#include <catch2/catch.hpp>

#include "speech/speech_text.h"

using namespace hall;
using namespace hall::speech;

TEST_CASE("ticket numbers are read digit by digit, letters as letters", "[speech][text]") {
  struct Case {
    const char* rule;
    const char* number;
    const char* zh_cn;
    const char* en;
  };
  const Case cases[] = {
      {"the letter then each figure, a leading zero included", "A023", "A 零二三", "A 0 2 3"},
      {"every figure from zero to nine", "B0123456789", "B 零一二三四五六七八九", "B 0 1 2 3 4 5 6 7 8 9"},
      {"a number is never read as a quantity", "A100", "A 一零零", "A 1 0 0"},
      {"a fourth figure past 999", "C1000", "C 一零零零", "C 1 0 0 0"},
      {"a lower-case letter is read as the capital", "b007", "B 零零七", "B 0 0 7"},
      {"two letters are two letters", "VIP01", "V I P 零一", "V I P 0 1"},
      {"a number without a letter", "023", "零二三", "0 2 3"},
      {"punctuation and spaces are not read", " A-023 ", "A 零二三", "A 0 2 3"},
      {"nothing to read", "", "", ""},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(read_ticket_number(c.number, Language::zh_cn) == c.zh_cn);
    CHECK(read_ticket_number(c.number, Language::en) == c.en);
  }
}

TEST_CASE("window numbers are read as numbers", "[speech][text]") {
  struct Case {
    const char* rule;
    int number;
    const char* zh_cn;
  };
  const Case cases[] = {
      {"one figure", 3, "三"},
      {"two is 二 before 号, not 两", 2, "二"},
      {"ten is 十, not 一十", 10, "十"},
      {"the teens start with 十", 12, "十二"},
      {"tens", 20, "二十"},
      {"tens and units", 35, "三十五"},
      {"a hundred", 100, "一百"},
      {"a missing ten is 零", 105, "一百零五"},
      {"一十 after a hundred", 110, "一百一十"},
      {"a thousand and one", 1001, "一千零一"},
      {"one 零 for a run of missing places", 1010, "一千零一十"},
      {"the largest read as a number", 9999, "九千九百九十九"},
      {"past 9999, digit by digit", 12345, "一二三四五"},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(read_window_number(c.number, Language::zh_cn) == c.zh_cn);
  }
  CHECK(read_window_number(12, Language::en) == "12");
}

TEST_CASE("a window is called by its number whatever it is named", "[speech][text]") {
  struct Case {
    const char* rule;
    const char* window;
    int configured;
    std::optional<int> number;
  };
  const Case cases[] = {
      {"an id with a letter", "W3", 0, 3},
      {"a lower-case id", "w12", 0, 12},
      {"only figures", "3", 0, 3},
      {"a name with 号窗口", "3号窗口", 0, 3},
      {"a name with 号", "7号", 0, 7},
      {"hall.json's number wins over the id", "counter-a", 5, 5},
      {"hall.json's number wins over figures in the id", "W3", 8, 8},
      {"a name with no number", "综合窗口", 0, std::nullopt},
      {"figures then other words are a name", "3号综合受理窗口", 0, std::nullopt},
      {"letters after the figures are a name", "3B", 0, std::nullopt},
      {"no window", "", 0, std::nullopt},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CallAnnouncement call{0, "A001", c.window, c.configured, false};
    CHECK(window_number_of(call) == c.number);
  }
}

TEST_CASE("the whole sentence, spoken and written", "[speech][text]") {
  struct Case {
    const char* rule;
    CallAnnouncement call;
    const char* spoken_zh;
    const char* written_zh;
    const char* spoken_en;
  };
  const Case cases[] = {
      {"the hall's sentence",
       {1, "A023", "W3", 0, false},
       "请 A 零二三 号，到 三 号窗口 办理",
       "请 A023 号 到 3 号窗口 办理",
       "Number A 0 2 3, please go to window 3."},
      {"a recall says the same",
       {2, "A023", "W3", 0, true},
       "请 A 零二三 号，到 三 号窗口 办理",
       "请 A023 号 到 3 号窗口 办理",
       "Number A 0 2 3, please go to window 3."},
      {"window twelve",
       {3, "B105", "12", 0, false},
       "请 B 一零五 号，到 十二 号窗口 办理",
       "请 B105 号 到 12 号窗口 办理",
       "Number B 1 0 5, please go to window 12."},
      {"a window without a number is said by its name",
       {4, "C001", "综合窗口", 0, false},
       "请 C 零零一 号，到 综合窗口 办理",
       "请 C001 号 到 综合窗口 办理",
       "Number C 0 0 1, please go to 综合窗口."},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(spoken_call(c.call, Language::zh_cn) == c.spoken_zh);
    CHECK(written_call(c.call, Language::zh_cn) == c.written_zh);
    CHECK(spoken_call(c.call, Language::en) == c.spoken_en);
  }
}

TEST_CASE("announcement_for: called and recalled are announced with the hall's window number", "[speech][text]") {
  HallConfig hall;
  hall.windows.push_back(Window{"counter-east", 4, "4号窗口", "Window 4", {"A"}, false});
  struct Case {
    const char* rule;
    const char* kind;
    const char* number;
    const char* window;
    bool announced;
    bool recall;
    int window_number;
  };
  const Case cases[] = {
      {"a call", "called", "A023", "counter-east", true, false, 4},
      {"a recall", "recalled", "A023", "counter-east", true, true, 4},
      {"a window the hall does not list is read from its id", "called", "A023", "W9", true, false, 0},
      {"an issued ticket is not announced", "issued", "A024", "", false, false, 0},
      {"a finished ticket is not announced", "finished", "A023", "counter-east", false, false, 0},
      {"a paused window is not announced", "window_paused", "", "counter-east", false, false, 0},
      {"a call without a number is not announced", "called", "", "counter-east", false, false, 0},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    queue::QueueEvent event;
    event.id = 41;
    event.kind = c.kind;
    event.ticket_number = c.number;
    event.window = c.window;
    const auto call = announcement_for(event, hall);
    REQUIRE(call.has_value() == c.announced);
    if (!call) continue;
    CHECK(call->event_id == 41);
    CHECK(call->ticket_number == c.number);
    CHECK(call->recall == c.recall);
    CHECK(call->window_number == c.window_number);
  }
}

// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the board says when a ticket is called, as text a synthesiser reads: "请 A023 号到 3 号窗口
// 办理" spoken as "请 A 零二三 号，到 三 号窗口 办理". Halls read a ticket number digit by digit
// (A023 is A零二三, never A二十三) so that a visitor holding the slip can follow it figure by figure,
// and a window number as a plain number (十二号窗口). The reading is done here, not left to the
// synthesiser, because espeak-ng reads "023" as a quantity and its Mandarin voices differ on
// Latin letters; the same text then sounds the same on every board.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hall/hall_config.h"
#include "queue/event_log.h"

namespace hall::speech {

enum class Language { zh_cn, en };

// One call to announce. Built from a hub event ("called" or "recalled") by announcement_for(), or
// by hand in tests.
struct CallAnnouncement {
  std::int64_t event_id = 0;  // the hub's event id; 0: not from an event, never taken for a replay
  std::string ticket_number;  // "A023"
  std::string window;         // the window's id or name: "W3", "3", "3号窗口", "综合窗口"
  int window_number = 0;      // hall.json's number for the window; 0: read it from `window`
  bool recall = false;        // a recall is announced again, like the first call
};

// "023" → "零二三"; letters are upper-cased and kept apart by spaces so that they are read as
// letters ("A023" → "A 零二三"). Characters other than ASCII letters and digits are left out.
std::string read_ticket_number(std::string_view number, Language language);

// 12 → "十二", 105 → "一百零五", 2 → "二" (号窗口 takes 二, not 两). In English the figures are
// kept ("12"), which every English voice reads as a number. Above 9999: digit by digit.
std::string read_window_number(int number, Language language);

// The number a window is called by: `window_number` when set, else the figures of "W3", "3",
// "w12", "3号窗口", "3号"; nullopt for a name with no number ("综合窗口").
std::optional<int> window_number_of(const CallAnnouncement& call);

// The text handed to the synthesiser.
std::string spoken_call(const CallAnnouncement& call, Language language);
// The same sentence as a person writes it ("请 A023 号到 3 号窗口办理"), for a caption or a log line.
std::string written_call(const CallAnnouncement& call, Language language);

// The announcement of a hub event: "called" and "recalled" are announced; every other kind, or an
// event with no ticket number, is not. The window's number comes from the hall's configuration
// when the window is known there.
std::optional<CallAnnouncement> announcement_for(const queue::QueueEvent& event, const HallConfig& hall);

}  // namespace hall::speech

// SPDX-License-Identifier: Apache-2.0
#include "board/board_model.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace hall::ui {
namespace {

std::string group_of(const queue::QueueEvent& e) {
  const auto j = nlohmann::json::parse(e.payload, nullptr, false);
  if (!j.is_object()) return {};
  const auto it = j.find("group");
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

BoardWindow* BoardModel::window(const std::string& id) {
  for (auto& w : windows) {
    if (w.id == id) return &w;
  }
  return nullptr;
}

const BoardWindow* BoardModel::window(const std::string& id) const {
  return const_cast<BoardModel*>(this)->window(id);
}

BoardGroup* BoardModel::group(const std::string& id) {
  for (auto& g : groups) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

void BoardModel::set_hall(const BoardHall& hall) {
  // A hall re-read after a reconnection keeps what the windows show.
  std::vector<BoardWindow> before = std::move(windows);
  std::vector<BoardGroup> counts = std::move(groups);
  name = hall.name;
  name_en = hall.name_en;
  windows = hall.windows;
  groups = hall.groups;
  for (auto& w : windows) {
    for (const auto& b : before) {
      if (b.id != w.id) continue;
      w.paused = b.paused;
      w.ticket = b.ticket;
      w.serving = b.serving;
      w.called_at = b.called_at;
    }
  }
  for (auto& g : groups) {
    for (const auto& c : counts) {
      if (c.id == g.id) {
        g.waiting = c.waiting;
        g.estimated_wait_s = c.estimated_wait_s;
      }
    }
  }
  have_hall = true;
}

void BoardModel::set_queue(const BoardQueue& queue) {
  for (const auto& q : queue.windows) {
    BoardWindow* w = window(q.id);
    if (w == nullptr) continue;
    w->paused = q.state == "paused";
    if (w->ticket != q.ticket) w->called_at = {};
    w->ticket = q.ticket;
    w->serving = q.ticket_state == "serving";
  }
  for (const auto& q : queue.groups) {
    if (BoardGroup* g = group(q.id)) {
      g->waiting = q.waiting;
      g->estimated_wait_s = q.estimated_wait_s;
    }
  }
}

bool BoardModel::apply(const queue::QueueEvent& e, SteadyTime now) {
  for (const auto& c : calls) {
    if (c.event_id == e.id) return false;
  }
  const std::string& k = e.kind;
  BoardWindow* w = window(e.window);
  if (k == "called" || k == "recalled") {
    // A ticket called at one window leaves any other it was shown at (a transfer and a call).
    for (auto& other : windows) {
      if (&other != w && other.ticket == e.ticket_number) other.ticket.clear();
    }
    if (w != nullptr) {
      w->ticket = e.ticket_number;
      w->serving = false;
      w->called_at = now;
    }
    calls.push_front({e.id, e.ticket_number, e.window, k == "recalled", now});
    if (calls.size() > kept_calls) calls.pop_back();
    if (k == "called") {
      if (BoardGroup* g = group(group_of(e)); g != nullptr && g->waiting > 0) --g->waiting;
    }
    return true;
  }
  if (k == "started") {
    if (w == nullptr || w->ticket != e.ticket_number) return false;
    w->serving = true;
    return true;
  }
  if (k == "finished" || k == "no_show" || k == "cancelled" || k == "transferred") {
    bool changed = false;
    for (auto& other : windows) {
      if (!e.ticket_number.empty() && other.ticket == e.ticket_number) {
        other.ticket.clear();
        other.serving = false;
        changed = true;
      }
    }
    if (k == "transferred") {
      if (BoardGroup* g = group(group_of(e))) ++g->waiting, changed = true;
    }
    return changed;
  }
  if (k == "issued" || k == "reactivated") {
    BoardGroup* g = group(group_of(e));
    if (g == nullptr) return false;
    ++g->waiting;
    return true;
  }
  if (k == "window_paused" || k == "window_resumed") {
    if (w == nullptr) return false;
    w->paused = k == "window_paused";
    return true;
  }
  return false;
}

BoardModel sample_board(SteadyTime now) {
  BoardModel m;
  m.sample = true;
  m.have_hall = true;
  m.name = "安居街道便民服务中心";
  m.name_en = "Anju Subdistrict Service Centre";
  const char* names[][2] = {{"1号综合受理窗口", "Window 1"}, {"2号综合受理窗口", "Window 2"},
                            {"3号综合受理窗口", "Window 3"}, {"4号人社医保窗口", "Window 4"},
                            {"5号退役军人服务窗口", "Window 5"}, {"6号户籍婚育窗口", "Window 6"},
                            {"7号综合窗口（爱心窗口）", "Window 7 (all services, priority)"}};
  const char* tickets[] = {"A023", "A021", "", "B1024", "", "C007", "A022"};
  for (int i = 0; i < 7; ++i) {
    BoardWindow w;
    w.id = "W" + std::to_string(i + 1);
    w.number = i + 1;
    w.name = names[i][0];
    w.name_en = names[i][1];
    w.ticket = tickets[i];
    w.paused = i == 4;
    w.serving = i == 1 || i == 3;
    m.windows.push_back(w);
  }
  m.windows[0].called_at = now;  // the newest call, highlighted
  m.groups = {{"A", "A", "综合受理", "General services", 12, 900},
              {"B", "B", "人社医保", "Employment, social and medical insurance", 4, 420},
              {"C", "C", "户籍婚育退役军人", "Residence, family and veterans", 0, std::nullopt}};
  const char* recent[][2] = {{"A023", "W1"}, {"A022", "W7"}, {"C007", "W6"}, {"A021", "W2"}, {"B1024", "W4"},
                             {"A020", "W3"}};
  for (int i = 0; i < 6; ++i) {
    m.calls.push_back({100 - i, recent[i][0], recent[i][1], i == 1, now - std::chrono::minutes(i * 2)});
  }
  m.link = {true, true, false, now};
  return m;
}

}  // namespace hall::ui

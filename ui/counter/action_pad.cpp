// SPDX-License-Identifier: Apache-2.0
// The clerk's actions as buttons that carry their F-key, grey when the ticket's state does not
// allow them or while an action is on its way (one at a time: a second press sends nothing).
#include <algorithm>
#include <cmath>

#include "counter/screens.h"
#include "widgets/buttons.h"

namespace hall::ui {

CounterIntent draw_action_pad(Frame& f, const CounterView& v, ImVec2 size, int cols) {
  CounterIntent out;
  const bool paused = v.snapshot && v.snapshot->paused;
  const CounterAction actions[] = {CounterAction::call_next, CounterAction::recall,   CounterAction::start,
                                   CounterAction::finish,    CounterAction::no_show,  CounterAction::transfer,
                                   paused ? CounterAction::resume : CounterAction::pause};
  const int n = static_cast<int>(std::size(actions));
  const int rows = (n + cols - 1) / cols;
  const float gap = f.metrics.gap;
  const float w = (size.x - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  const float h = std::max(f.metrics.min_target, (size.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  for (int i = 0; i < n; ++i) {
    const CounterAction a = actions[i];
    const bool is_sending = v.sending && v.sending_action == a;
    const std::string label = std::string(action_key_label(a)) + "  " + f.tr(action_label_key(a));
    const ButtonKind kind = a == CounterAction::call_next ? ButtonKind::accent
                            : a == CounterAction::pause || a == CounterAction::resume ? ButtonKind::secondary
                                                                                      : ButtonKind::primary;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(i % cols) * (w + gap),
                                     origin.y + static_cast<float>(i / cols) * (h + gap)));
    const std::string id = std::string("action:") + action_key_label(a);
    if (big_button(f, {id, label, ImVec2(w, h), kind, action_allowed(v, a), true,
                       is_sending ? std::string_view(f.tr("counter.sending")) : std::string_view()})) {
      out = {a == CounterAction::transfer ? CounterIntent::Kind::open_transfer : CounterIntent::Kind::act};
      out.action = a;
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + size.y));
  return out;
}

}  // namespace hall::ui

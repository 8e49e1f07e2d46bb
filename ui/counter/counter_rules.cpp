// SPDX-License-Identifier: Apache-2.0
// What the counter lets the clerk press, by the ticket's state: the hub's transition rules
// (services/queue/transitions.cpp) seen from the window, so a button the hub would refuse is grey.
#include "counter/screens.h"
#include "i18n/strings.h"

namespace hall::ui {

bool action_allowed(const CounterView& v, CounterAction a) {
  if (!v.snapshot || v.sending || v.unsure) return false;
  const auto& current = v.snapshot->current;
  const std::string state = current ? current->state : std::string();
  switch (a) {
    case CounterAction::call_next:
      return !current && !v.snapshot->paused;
    case CounterAction::recall:
    case CounterAction::start:
    case CounterAction::no_show:
      return state == "called";
    case CounterAction::finish:
      return state == "serving";
    case CounterAction::transfer:
      return state == "called" || state == "serving";
    case CounterAction::pause:
      return !v.snapshot->paused;
    case CounterAction::resume:
      return v.snapshot->paused;
  }
  return false;
}

const char* action_key_label(CounterAction a) {
  switch (a) {
    case CounterAction::call_next:
      return "F1";
    case CounterAction::recall:
      return "F2";
    case CounterAction::start:
      return "F3";
    case CounterAction::finish:
      return "F4";
    case CounterAction::no_show:
      return "F5";
    case CounterAction::transfer:
      return "F6";
    case CounterAction::pause:
    case CounterAction::resume:
      return "F7";
  }
  return "";
}

const char* action_label_key(CounterAction a) {
  switch (a) {
    case CounterAction::call_next:
      return K("counter.action.call_next");
    case CounterAction::recall:
      return K("counter.action.recall");
    case CounterAction::start:
      return K("counter.action.start");
    case CounterAction::finish:
      return K("counter.action.finish");
    case CounterAction::no_show:
      return K("counter.action.no_show");
    case CounterAction::transfer:
      return K("counter.action.transfer");
    case CounterAction::pause:
      return K("counter.action.pause");
    case CounterAction::resume:
      return K("counter.action.resume");
  }
  return "";
}

int missing_required(const CounterTicket& t, const std::vector<bool>& checks) {
  int missing = 0;
  for (std::size_t i = 0; i < t.materials.size(); ++i) {
    const bool ticked = i < checks.size() && checks[i];
    if (t.materials[i].required && !ticked) ++missing;
  }
  return missing;
}

}  // namespace hall::ui

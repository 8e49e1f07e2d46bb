// SPDX-License-Identifier: Apache-2.0
#pragma once
// A layer over the whole screen (a question, a wait, a dialog): its own focused window with the
// screen beneath dimmed by `dim`, in the body font. Draw into it between begin and end.
#include "widgets/frame.h"

namespace hall::ui {

void begin_overlay(Frame& f, const char* id, float dim);
void end_overlay(Frame& f);
// The card a dialog on an overlay stands on, from `min` to `max`.
void draw_dialog_card(Frame& f, ImVec2 min, ImVec2 max);

}  // namespace hall::ui

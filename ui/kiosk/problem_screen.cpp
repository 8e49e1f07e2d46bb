// SPDX-License-Identifier: Apache-2.0
// The catalogue could not be loaded: say so plainly, say where to get help, and keep the detail
// small for the staff. Never a blank screen.
#include <string>

#include "kiosk/screens.h"
#include "widgets/text.h"

namespace hall::ui {

Intent draw_problem(Frame& f, const CatalogueView& view, Area area) {
  const KioskCatalogue* c = view.data();
  ImGui::SetCursorScreenPos(ImVec2(area.pos.x, area.pos.y + area.size.y * 0.15f));
  paragraph(title_style(f, f.palette.text), f.tr("problem.title"));
  ImGui::Dummy(ImVec2(0, f.metrics.gap));
  const std::string phone = c ? c->hall.phone : std::string();
  if (phone.empty())
    paragraph(body_style(f, f.palette.text), f.tr("problem.ask_staff"));
  else
    paragraph(body_style(f, f.palette.text), f.trf("problem.ask_staff_or_call", {{"phone", phone}}));
  ImGui::Dummy(ImVec2(0, f.metrics.gap * 2.0f));
  const std::string detail = c ? c->problem : f.tr("problem.no_catalogue");
  paragraph(muted_style(f), f.trf("problem.detail", {{"detail", detail}}));
  return {};
}

}  // namespace hall::ui

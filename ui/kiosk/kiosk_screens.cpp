// SPDX-License-Identifier: Apache-2.0
#include "kiosk/kiosk_screens.h"

#include "kiosk/format.h"

#include <array>

namespace hall::ui {
namespace {

bool no_arg(const CatalogueView&, const std::string& arg) {
  return arg.empty();
}
bool any_arg(const CatalogueView&, const std::string&) {
  return true;
}
bool known_topic(const CatalogueView& view, const std::string& arg) {
  return view.topic(arg) != nullptr;
}
bool known_guide(const CatalogueView& view, const std::string& arg) {
  return view.find(arg) != nullptr;
}
bool has_notices(const CatalogueView& view, const std::string& arg) {
  return arg.empty() && !view.notices().empty();
}
bool known_notice(const CatalogueView& view, const std::string& arg) {
  return view.notice(arg) != nullptr;
}
bool has_adoption(const CatalogueView& view, const std::string& arg) {
  const notices::Notice* n = view.notice(arg);
  return n && n->draft && n->draft->adoption;
}
bool guide_or_none(const CatalogueView& view, const std::string& arg) {
  return arg.empty() || known_guide(view, arg);
}

const HallConfig* hall_of(const CatalogueView& view) {
  return view.data() ? &view.data()->hall : nullptr;
}

Intent home(ScreenContext& c) {
  const HomeModel m{c.session.take_number_enabled, c.session.reactivate_enabled};
  return draw_home(c.f, c.view, m, c.area, c.route.scroll);
}

Intent priority(ScreenContext& c) {
  static const std::vector<PriorityClass> none;
  const HallConfig* hall = hall_of(c.view);
  const auto* summary = c.view.find(c.route.arg);
  const std::string name = summary ? c.view.guide_name(*summary, c.f.english) : std::string();
  return draw_priority(c.f, {name, hall ? &hall->priority_classes : &none, c.session.sending_ticket}, c.area);
}

Intent ticket(ScreenContext& c) {
  const KioskSession& s = c.session;
  if (!s.ticket || !s.ticket->ticket) return {Intent::Kind::home};
  const std::string& guide_id = s.ticket->request.guide_id;
  const bool loaded = !guide_id.empty() && s.guide_id == guide_id && s.guide && *s.guide;
  std::string group;
  if (const HallConfig* hall = hall_of(c.view)) {
    if (const QueueGroup* g = hall->group(s.ticket->ticket->group))
      group = c.f.english && !g->name_en.empty() ? g->name_en : g->name;
  }
  const TicketModel m{s.ticket, s.ticket_qr, loaded ? &**s.guide : nullptr, group, s.ticket_seconds_left};
  return draw_ticket(c.f, m, c.area, c.route.scroll);
}

Intent ticket_failed(ScreenContext& c) {
  const KioskSession& s = c.session;
  if (!s.ticket || s.ticket->phase != TicketState::Phase::failed) return {Intent::Kind::back};
  const HallConfig* hall = hall_of(c.view);
  return draw_ticket_failed(c.f, {s.ticket, hall ? std::string_view(hall->phone) : std::string_view()}, c.area);
}

Intent reactivate(ScreenContext& c) {
  ReactivateModel m{c.session.reactivate_number, {}, c.session.sending_ticket};
  if (const HallConfig* hall = hall_of(c.view)) {
    for (const auto& g : hall->queue_groups) {
      if (!g.letter.empty()) m.letters.push_back(g.letter);
    }
  }
  return draw_reactivate(c.f, m, c.area);
}

Intent topic(ScreenContext& c) {
  const TopicEntry* t = c.view.topic(c.route.arg);
  if (!t) return {Intent::Kind::home};
  const std::string sub =
      count_text(c.f.strings, K("list.topic_subtitle"), K("list.topic_subtitle_one"), t->guides.size());
  return draw_guide_list(c.f, c.view, {c.view.topic_name(t->name, c.f.english), sub, &t->guides}, c.area,
                         c.route.scroll);
}

Intent one_visit(ScreenContext& c) {
  const std::string sub = count_text(c.f.strings, K("list.one_visit_subtitle"), K("list.one_visit_subtitle_one"),
                                     c.view.one_visit().size());
  return draw_guide_list(c.f, c.view, {c.f.tr("list.one_visit_title"), sub, &c.view.one_visit()}, c.area,
                         c.route.scroll);
}

Intent common(ScreenContext& c) {
  const std::string sub =
      count_text(c.f.strings, K("list.common_subtitle"), K("list.common_subtitle_one"), c.view.common().size());
  return draw_guide_list(c.f, c.view, {c.f.tr("list.common_title"), sub, &c.view.common()}, c.area, c.route.scroll);
}

Intent guide(ScreenContext& c) {
  const KioskSession& s = c.session;
  const bool loaded = s.guide && s.guide_id == c.route.arg;
  const auto* summary = c.view.find(c.route.arg);
  const std::string name = summary ? c.view.guide_name(*summary, c.f.english) : std::string();
  GuideModel m{loaded ? &*s.guide : nullptr, s.take_number_enabled, s.sending_ticket, name};
  m.read_aloud_enabled = s.read_aloud_enabled && loaded && *s.guide;
  if (s.reading && s.reading->guide_id == c.route.arg) m.reading = s.reading->phase;
  m.calendar = c.view.calendar();
  m.today = s.today;
  return draw_guide(c.f, c.view, m, c.area, c.route.scroll, c.route.aside);
}

Intent search(ScreenContext& c) {
  const KioskSession& s = c.session;
  SearchModel m{s.query, &s.results, s.search_ready, s.search_example ? &*s.search_example : nullptr};
  m.notice_results = &s.notice_results;
  return draw_search(c.f, c.view, m, c.area, c.route.scroll);
}

Intent notice_directory(ScreenContext& c) {
  return draw_notice_directory(c.f, c.view, c.area, c.route.scroll);
}

NoticeModel notice_model(const ScreenContext& c) {
  NoticeModel m{c.view.notice(c.route.arg), nullptr, nullptr, c.view.notices_today(), c.session.notice_qr,
                c.session.notice_address};
  if (m.notice->kind == notices::NoticeKind::policy) m.interpretation = c.view.interpretation_of(m.notice->id);
  if (m.notice->kind == notices::NoticeKind::interpretation) m.policy = c.view.notice(m.notice->interprets);
  m.comments_on_phone = c.view.data() && !c.view.data()->hall.notice_url.empty();
  for (const auto& id : m.notice->guides) {
    if (const auto* g = c.view.find(id)) m.guides.push_back({g->id, c.view.guide_name(*g, c.f.english)});
  }
  return m;
}

Intent notice(ScreenContext& c) {
  if (!c.view.notice(c.route.arg)) return {Intent::Kind::home};
  return draw_notice(c.f, notice_model(c), c.area, c.route.scroll);
}

Intent adoption(ScreenContext& c) {
  if (!has_adoption(c.view, c.route.arg)) return {Intent::Kind::back};
  return draw_adoption(c.f, notice_model(c), c.area, c.route.scroll);
}

bool has_common(const CatalogueView& view, const std::string& arg) {
  return arg.empty() && !view.common().empty();
}

const std::array<KioskScreen, 13> screens{{
    {"home", no_arg, home},
    {"common", has_common, common},
    {"topic", known_topic, topic},
    {"one-visit", no_arg, one_visit},
    {"guide", known_guide, guide},
    {"search", any_arg, search},
    {"priority", guide_or_none, priority},
    // A ticket stays on screen even if sync withdraws its guide: the number is the visitor's.
    {"ticket", any_arg, ticket},
    {"ticket-failed", any_arg, ticket_failed},
    {"reactivate", no_arg, reactivate},
    {"notices", has_notices, notice_directory},
    {"notice", known_notice, notice},
    {"adoption", has_adoption, adoption},
}};

}  // namespace

const KioskScreen* find_kiosk_screen(std::string_view name) {
  for (const auto& s : screens) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

}  // namespace hall::ui

// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/counter_desk.h"

#include <nlohmann/json.hpp>

#include "common/rfc3339.h"

namespace hall::kiosk {
namespace {

using Json = nlohmann::json;
using Kind = ui::CounterProblem::Kind;

ui::CounterProblem unreachable_problem() {
  return {Kind::unreachable, "连不上排队系统，正在重试。", "Cannot reach the queue system; retrying.", 0, {}};
}

// An answer that is no answer: nothing came, or the hub could not do its part.
bool lost(const Result<http::Response>& a) {
  return !a || a->status >= 500;
}

Json body_of(const http::Response& r) {
  Json j = Json::parse(r.body, nullptr, false);
  return j.is_discarded() ? Json::object() : j;
}

// A refusal in the hub's own words (its error object), with its kind.
ui::CounterProblem problem_of(const http::Response& r) {
  const Json body = body_of(r);
  ui::CounterProblem p{Kind::refused, "排队系统拒绝了这项操作。", "The queue system refused this.", 0, {}};
  if (body.contains("error") && body["error"].is_object()) {
    const Json& e = body["error"];
    if (e.contains("message") && e["message"].is_string()) p.message = e["message"];
    if (e.contains("message_en") && e["message_en"].is_string()) p.message_en = e["message_en"];
    if (e.contains("attempts_left") && e["attempts_left"].is_number_integer()) p.attempts_left = e["attempts_left"];
  }
  if (r.status == 401) p.kind = Kind::signed_out;
  if (r.status == 423) {
    p.kind = Kind::locked;
    const std::string after = r.header("Retry-After");
    p.retry_after_s = after.empty() ? 300 : std::atoi(after.c_str());
  }
  return p;
}

std::string text_of(const Json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

std::optional<int> int_of(const Json& j, const char* key) {
  if (j.contains(key) && j[key].is_number()) return static_cast<int>(j[key].get<double>());
  return std::nullopt;
}

std::optional<double> number_of(const Json& j, const char* key) {
  if (j.contains(key) && j[key].is_number()) return j[key].get<double>();
  return std::nullopt;
}

ui::CounterTicket ticket_of(const Json& j) {
  ui::CounterTicket t;
  t.id = j.value("id", std::int64_t{0});
  t.number = text_of(j, "number");
  t.group = text_of(j, "group");
  t.state = text_of(j, "state");
  t.guide_id = text_of(j, "guide_id");
  t.token = text_of(j, "token");
  t.recalls = int_of(j, "recalls").value_or(0);
  t.issued_at = parse_rfc3339(text_of(j, "issued_at"));
  t.called_at = parse_rfc3339(text_of(j, "called_at"));
  return t;
}

http::Request request(std::string method, std::string path, std::string body = {}) {
  http::Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  if (!body.empty() || r.method == "POST") {
    r.headers.emplace_back("Content-Type", "application/json");
    r.body = body.empty() ? "{}" : std::move(body);
  }
  return r;
}

std::string action_path(const ui::CounterCommand& c, const std::string& window) {
  const std::string ticket = "/api/v1/tickets/" + std::to_string(c.ticket_id);
  switch (c.action) {
    case ui::CounterAction::call_next:
      return "/api/v1/windows/" + window + "/call-next";
    case ui::CounterAction::recall:
      return ticket + "/recall";
    case ui::CounterAction::start:
      return ticket + "/start";
    case ui::CounterAction::finish:
      return ticket + "/finish";
    case ui::CounterAction::no_show:
      return ticket + "/no-show";
    case ui::CounterAction::transfer:
      return ticket + "/transfer";
    case ui::CounterAction::pause:
      return "/api/v1/windows/" + window + "/pause";
    case ui::CounterAction::resume:
      return "/api/v1/windows/" + window + "/resume";
  }
  return {};
}

}  // namespace

struct CounterDesk::Detail {
  std::unique_ptr<HubLink> link;
  std::string window;
  std::string session;  // the bearer once signed in
  std::string reported;  // the session on_session was last told of
  std::map<std::string, ui::GroupWaiting> group_names;
  // The guide of the ticket at the window, read once per ticket (its token's public view).
  std::int64_t guide_ticket = 0;
  std::string guide_name, guide_name_en;
  std::vector<ui::CounterMaterial> materials;

  Result<http::Response> send(http::Request r) {
    if (!session.empty()) r.headers.emplace_back("Authorization", "Bearer " + session);
    auto a = link->send(r);
    if (a && a->status == 401) session.clear();  // ended or expired: the hub no longer knows it
    return a;
  }

  void read_guide(ui::CounterTicket& t, const std::string& token) {
    if (t.id != guide_ticket && !token.empty()) {
      auto a = send(request("GET", "/api/v1/tickets/" + token));
      if (!a || a->status != 200) return;  // shown without its guide; asked again next time
      const Json j = body_of(*a);
      guide_ticket = t.id;
      guide_name.clear();
      guide_name_en.clear();
      materials.clear();
      if (j.contains("guide") && j["guide"].is_object()) {
        guide_name = text_of(j["guide"], "name");
        guide_name_en = text_of(j["guide"], "name_en");
      }
      if (j.contains("materials") && j["materials"].is_array()) {
        for (const auto& m : j["materials"]) {
          materials.push_back({text_of(m, "name"), text_of(m, "name_en"), m.value("required", true),
                               int_of(m, "originals"), int_of(m, "copies")});
        }
      }
    }
    t.guide_name = guide_name;
    t.guide_name_en = guide_name_en;
    t.materials = materials;
  }

  // The window's state as the hub holds it: its ticket, paused or not, the waiting counts, today.
  ui::CounterOutcome snapshot() {
    ui::CounterOutcome out;
    auto who = send(request("GET", "/api/v1/sessions/current"));
    if (lost(who)) {
      out.problem = unreachable_problem();
      return out;
    }
    if (who->status != 200) {
      out.problem = problem_of(*who);
      return out;
    }
    const Json w = body_of(*who);
    out.snapshot.paused = w.value("paused", false);
    if (w.contains("current") && w["current"].is_object()) {
      out.snapshot.current = ticket_of(w["current"]);
      read_guide(*out.snapshot.current, text_of(w["current"], "token"));
    }
    auto queue = send(request("GET", "/api/v1/queue"));
    if (lost(queue)) {
      out.problem = unreachable_problem();
      return out;
    }
    const Json q = body_of(*queue);
    if (q.contains("groups") && q["groups"].is_array()) {
      for (const auto& g : q["groups"]) {
        ui::GroupWaiting row = group_names[text_of(g, "id")];
        row.id = text_of(g, "id");
        row.waiting = int_of(g, "waiting").value_or(0);
        row.estimated_wait_s = int_of(g, "estimated_wait_s");
        out.snapshot.groups.push_back(std::move(row));
      }
    }
    auto today = send(request("GET", "/api/v1/windows/" + window + "/today"));
    if (!lost(today) && today->status == 200) {
      const Json t = body_of(*today);
      out.snapshot.today = ui::WindowToday{int_of(t, "served").value_or(0), int_of(t, "no_shows").value_or(0),
                                           number_of(t, "wait_mean_s"), number_of(t, "service_mean_s"),
                                           number_of(t, "busy_share")};
    }
    out.snapshot_fresh = true;
    return out;
  }

  // The hall's groups and windows by name, for the counts and the transfer dialog.
  void read_hall(ui::SignedIn& s) {
    auto a = send(request("GET", "/api/v1/hall"));
    if (!a || a->status != 200) return;
    const Json h = body_of(*a);
    for (const auto& g : h.value("groups", Json::array())) {
      ui::GroupWaiting row{text_of(g, "id"), text_of(g, "name"), text_of(g, "name_en"), 0, {}, text_of(g, "letter")};
      group_names[row.id] = row;
      s.groups.push_back(row);
    }
    for (const auto& w : h.value("windows", Json::array())) {
      ui::WindowChoice c{text_of(w, "id"), text_of(w, "name"), text_of(w, "name_en")};
      if (c.id == window) {
        s.window_name = c.name;
        s.window_name_en = c.name_en;
      } else {
        s.windows.push_back(std::move(c));
      }
    }
  }

  ui::CounterResult<ui::SignedIn> sign_in(const ui::CounterSignIn& who) {
    session.clear();
    guide_ticket = 0;
    const std::string body = Json{{"staff_id", who.staff_id}, {"pin", who.pin}, {"window", window}}.dump();
    auto a = send(request("POST", "/api/v1/sessions", body));
    if (lost(a)) return {std::nullopt, unreachable_problem()};
    if (a->status != 201) {
      auto p = problem_of(*a);
      if (a->status == 401) p.kind = Kind::wrong_pin;  // no session yet: the PIN or id was wrong
      return {std::nullopt, p};
    }
    const Json j = body_of(*a);
    session = text_of(j, "session");
    ui::SignedIn s{text_of(j, "staff_id"), text_of(j, "name"), window, {}, {}, {}, {}, {}};
    read_hall(s);
    auto snap = snapshot();
    s.snapshot = std::move(snap.snapshot);
    return {std::move(s), std::nullopt};
  }

  ui::CounterOutcome act(const ui::CounterCommand& c) {
    std::string body;
    if (c.action == ui::CounterAction::transfer) {
      body = c.to_group.empty() ? Json{{"window", c.to_window}}.dump() : Json{{"group", c.to_group}}.dump();
    }
    auto a = send(request("POST", action_path(c, window), body));
    if (lost(a)) {
      // Not sent again: the hub may have done it. What the window holds now says whether it did.
      auto out = snapshot();
      out.answer_lost = true;
      if (!out.problem) out.problem = unreachable_problem();
      return out;
    }
    if (a->status == 401) return {{}, false, problem_of(*a), false, false};
    auto out = snapshot();
    if (a->status == 204) out.none_waiting = true;
    if (a->status >= 400) out.problem = problem_of(*a);
    return out;
  }
};

CounterDesk::CounterDesk(std::unique_ptr<HubLink> link, std::string window, RunQueue& ui, SessionSink on_session)
    : detail_(std::make_unique<Detail>()), on_session_(std::move(on_session)), ui_(ui) {
  detail_->link = std::move(link);
  detail_->window = std::move(window);
}

CounterDesk::~CounterDesk() {
  worker_.stop();  // before the detail it uses goes
}

void CounterDesk::report_session() {
  if (!on_session_ || detail_->session == detail_->reported) return;
  detail_->reported = detail_->session;
  ui_.post([sink = on_session_, session = detail_->session] { sink(session); });
}

void CounterDesk::sign_in(const ui::CounterSignIn& who, std::function<void(ui::CounterResult<ui::SignedIn>)> reply) {
  const bool queued = worker_.post([this, who, reply] {
    auto result = detail_->sign_in(who);
    report_session();
    ui_.post([reply, result = std::move(result)]() mutable { reply(std::move(result)); });
  });
  if (!queued) reply({std::nullopt, unreachable_problem()});
}

void CounterDesk::act(const ui::CounterCommand& command, std::function<void(ui::CounterOutcome)> reply) {
  const bool queued = worker_.post([this, command, reply] {
    auto outcome = detail_->act(command);
    report_session();
    ui_.post([reply, outcome = std::move(outcome)]() mutable { reply(std::move(outcome)); });
  });
  if (!queued) reply({{}, false, unreachable_problem(), false, false});
}

void CounterDesk::refresh(std::function<void(ui::CounterOutcome)> reply) {
  const bool queued = worker_.post([this, reply] {
    auto outcome = detail_->snapshot();
    report_session();
    ui_.post([reply, outcome = std::move(outcome)]() mutable { reply(std::move(outcome)); });
  });
  if (!queued) reply({{}, false, unreachable_problem(), false, false});
}

void CounterDesk::sign_out(std::function<void()> reply) {
  const bool queued = worker_.post([this, reply] {
    if (!detail_->session.empty()) (void)detail_->send(request("DELETE", "/api/v1/sessions/current"));
    detail_->session.clear();
    detail_->guide_ticket = 0;
    report_session();
    ui_.post(reply);
  });
  if (!queued) reply();
}

bool CounterDesk::send_as_clerk(http::Request r, std::function<void(Result<http::Response>)> on_worker) {
  return worker_.post([this, r = std::move(r), on_worker]() mutable { on_worker(detail_->send(std::move(r))); });
}

}  // namespace hall::kiosk

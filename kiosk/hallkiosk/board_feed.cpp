// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/board_feed.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "http/http_client.h"
#include "speech/speech_text.h"

namespace hall::kiosk {
namespace {

using Json = nlohmann::json;
using Steady = std::chrono::steady_clock;

std::string text(const Json& j, const char* name) {
  const auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A GET to the hub with this board's token, on the calling (worker) thread.
Result<std::string> hub_get(const std::string& url, const std::string& token, const std::string& path) {
  auto client = http::HttpClient::to(url, std::chrono::seconds(5));
  if (!client) return std::unexpected(client.error());
  http::Request r{"GET", path, {{"Authorization", "Bearer " + token}}, {}};
  auto answer = client->send(r);
  if (!answer) return std::unexpected(answer.error());
  if (answer->status != 200) {
    return fail(ErrorCode::unavailable, url + path + ": HTTP " + std::to_string(answer->status) + " " + answer->body);
  }
  return answer->body;
}

// Kinds that move a waiting count or a window's state: the queue is read again after them.
bool moves_counts(const std::string& kind) {
  return kind != "started";
}

}  // namespace

Result<ui::BoardHall> board_hall_of(const std::string& hall_json, HallConfig& config) {
  const auto j = Json::parse(hall_json, nullptr, false);
  if (!j.is_object() || !j.contains("windows") || !j["windows"].is_array()) {
    return fail(ErrorCode::invalid_input, "GET /api/v1/hall: no windows in the answer");
  }
  ui::BoardHall hall;
  hall.name = text(j, "name");
  hall.name_en = text(j, "name_en");
  config = {};
  config.name = hall.name;
  config.name_en = hall.name_en;
  for (const auto& w : j["windows"]) {
    ui::BoardWindow bw;
    bw.id = text(w, "id");
    bw.number = w.value("number", 0);
    bw.name = text(w, "name");
    bw.name_en = text(w, "name_en");
    hall.windows.push_back(bw);
    config.windows.push_back({bw.id, bw.number, bw.name, bw.name_en, {}, false});
  }
  if (j.contains("groups") && j["groups"].is_array()) {
    for (const auto& g : j["groups"]) {
      hall.groups.push_back({text(g, "id"), text(g, "letter"), text(g, "name"), text(g, "name_en"), 0, std::nullopt});
    }
  }
  return hall;
}

Result<ui::BoardQueue> board_queue_of(const std::string& queue_json) {
  const auto j = Json::parse(queue_json, nullptr, false);
  if (!j.is_object() || !j.contains("windows") || !j["windows"].is_array()) {
    return fail(ErrorCode::invalid_input, "GET /api/v1/queue: no windows in the answer");
  }
  ui::BoardQueue q;
  for (const auto& w : j["windows"]) {
    ui::BoardQueue::Window out{text(w, "id"), text(w, "state"), {}, {}};
    if (const auto c = w.find("current"); c != w.end() && c->is_object()) {
      out.ticket = text(*c, "number");
      out.ticket_state = text(*c, "state");
    }
    q.windows.push_back(out);
  }
  if (j.contains("groups") && j["groups"].is_array()) {
    for (const auto& g : j["groups"]) {
      ui::BoardQueue::Group out{text(g, "id"), g.value("waiting", 0), std::nullopt};
      if (const auto e = g.find("estimated_wait_s"); e != g.end() && e->is_number()) out.estimated_wait_s = e->get<int>();
      q.groups.push_back(out);
    }
  }
  return q;
}

BoardFeed::BoardFeed(BoardFeedOptions options, ui::BoardApp& app, RunQueue& ui_queue, speech::Announcer* voice)
    : options_(std::move(options)), app_(app), ui_queue_(ui_queue), voice_(voice) {
  options_.follow.hub_url = options_.hub_url;
  options_.follow.token = options_.token;
}

BoardFeed::~BoardFeed() {
  stop();
}

void BoardFeed::start() {
  read_hall();
  std::weak_ptr<bool> life = alive_;
  follower_ = std::make_unique<HubEvents>(
      options_.follow,
      [this, life](const queue::QueueEvent& e) {
        ui_queue_.post([this, life, e] {
          if (!life.expired()) on_event(e);
        });
      },
      [this, life](const HubLinkState& s) {
        ui_queue_.post([this, life, s] {
          if (!life.expired()) on_link(s);
        });
      });
  follower_->start();
}

void BoardFeed::stop() {
  if (follower_) follower_->stop();
  reads_.stop();
  alive_.reset();
}

void BoardFeed::read_hall() {
  std::weak_ptr<bool> life = alive_;
  reads_.post([this, life, url = options_.hub_url, token = options_.token] {
    auto body = hub_get(url, token, "/api/v1/hall");
    ui_queue_.post([this, life, body = std::move(body)] {
      if (life.expired()) return;
      if (!body) {
        std::cerr << "hallkiosk: board: " << body.error().message << "\n";
        return;  // read again at the next connection
      }
      auto hall = board_hall_of(*body, hall_);
      if (!hall) {
        std::cerr << "hallkiosk: board: " << hall.error().message << "\n";
        return;
      }
      app_.set_hall(*hall);
      have_hall_ = true;
      read_queue();
    });
  });
}

void BoardFeed::read_queue() {
  if (reading_) {
    read_again_ = true;
    return;
  }
  reading_ = true;
  std::weak_ptr<bool> life = alive_;
  const bool posted = reads_.post([this, life, url = options_.hub_url, token = options_.token] {
    auto body = hub_get(url, token, "/api/v1/queue");
    ui_queue_.post([this, life, body = std::move(body)] {
      if (life.expired()) return;
      if (body) {
        if (auto q = board_queue_of(*body)) {
          app_.set_queue(*q);
          ++queue_reads_;
        }
      }
      on_queue_read_done();
    });
  });
  if (!posted) reading_ = false;
}

void BoardFeed::on_queue_read_done() {
  reading_ = false;
  if (read_again_) {
    read_again_ = false;
    read_queue();
  }
}

void BoardFeed::on_link(const HubLinkState& s) {
  const bool connected = s.phase == HubLinkState::Phase::connected;
  if (connected) {
    ever_connected_ = true;
    std::cerr << "hallkiosk: board: following the hub's events at " << options_.hub_url << "\n";
    if (!have_hall_) {
      read_hall();
    } else {
      read_queue();
    }
  } else if (s.attempts == 1 || s.attempts % 20 == 0) {
    std::cerr << "hallkiosk: board: " << to_string(s.phase) << ": " << s.problem << "\n";
  }
  app_.set_link({connected, ever_connected_, s.phase == HubLinkState::Phase::refused, s.since});
}

void BoardFeed::on_event(const queue::QueueEvent& e) {
  app_.on_event(e, Steady::now());
  ++events_applied_;
  if (voice_ != nullptr) {
    if (auto call = speech::announcement_for(e, hall_)) voice_->announce(std::move(*call));
  }
  if (moves_counts(e.kind) && have_hall_) read_queue();
  if (on_applied) on_applied(e);
}

}  // namespace hall::kiosk

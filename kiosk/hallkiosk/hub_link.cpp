// SPDX-License-Identifier: Apache-2.0
#include "hallkiosk/hub_link.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace hall::kiosk {
namespace {

Result<std::string> read_token(const std::string& path) {
  std::ifstream in(path);
  if (!in) return fail(ErrorCode::not_found, "cannot read the device token file " + path);
  std::string line;
  std::getline(in, line);
  const auto end = line.find_last_not_of("\r ");
  if (end == std::string::npos || end + 1 < 32) return fail(ErrorCode::invalid_input, path + " holds no device token");
  return line.substr(0, end + 1);
}

Result<void> write_token(const std::string& path, const std::string& token) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return fail(ErrorCode::io, "cannot write " + tmp);
    out << token << "\n";
    if (!out.flush()) return fail(ErrorCode::io, "cannot write " + tmp);
  }
  ::chmod(tmp.c_str(), 0600);  // the token lets anyone issue tickets as this kiosk
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return fail(ErrorCode::io, "cannot rename " + tmp + ": " + ec.message());
  return {};
}

// This kiosk's own device in the embedded hub: the stored token, or a new device when there is
// none (or the stored one was revoked).
Result<std::string> own_device(app::HallHub& hub, const std::string& token_file) {
  if (auto stored = read_token(token_file)) {
    auto lane = hub.hub().lane();
    if (lane->devices.authenticate(*stored)) return *stored;
  }
  auto lane = hub.hub().lane();
  for (int n = 1; n < 100; ++n) {
    const std::string id = n == 1 ? "kiosk-here" : "kiosk-here-" + std::to_string(n);
    auto added = lane->devices.add(id, queue::DeviceRole::kiosk);
    if (!added) continue;  // taken by a device whose token this folder lost
    if (auto w = write_token(token_file, added->token); !w) return std::unexpected(w.error());
    return added->token;
  }
  return fail(ErrorCode::conflict, "no free device id for this kiosk in queue.db");
}

}  // namespace

Result<std::unique_ptr<HubLink>> HubLink::embedded(const app::DataDir& dir, const std::string& bind, int port,
                                                   EmbeddedHooks hooks) {
  std::unique_ptr<HubLink> link(new HubLink());
  app::HubOptions options;
  options.printer = std::move(hooks.printer);
  options.reprint_requested = std::move(hooks.reprint_requested);
  options.data_dir = dir.path;
  options.bind = bind;
  options.port = port;
  auto hub = app::HallHub::start(options);
  if (!hub && port != 0) {
    std::cerr << "hallkiosk: the hub cannot listen on " << bind << ":" << port << " (" << hub.error().message
              << "); it takes a free port instead\n";
    options.port = 0;
    hub = app::HallHub::start(options);
  }
  if (!hub) return std::unexpected(hub.error());
  link->hub_ = std::move(*hub);
  link->url_ = link->hub_->url();
  auto token = own_device(*link->hub_, dir.path + "/kiosk-device.token");
  if (!token) return std::unexpected(token.error());
  link->token_ = std::move(*token);
  return link;
}

Result<std::unique_ptr<HubLink>> HubLink::remote(const std::string& url, const std::string& token_file) {
  auto token = read_token(token_file);
  if (!token) return std::unexpected(token.error());
  auto client = http::HttpClient::to(url, std::chrono::seconds(8));
  if (!client) return std::unexpected(client.error());
  std::unique_ptr<HubLink> link(new HubLink());
  link->client_ = std::make_unique<http::HttpClient>(std::move(*client));
  link->url_ = url;
  link->token_ = std::move(*token);
  return link;
}

Result<std::unique_ptr<HubLink>> HubLink::remote_without_token(const std::string& url,
                                                               std::chrono::milliseconds timeout) {
  auto client = http::HttpClient::to(url, timeout);
  if (!client) return std::unexpected(client.error());
  std::unique_ptr<HubLink> link(new HubLink());
  link->client_ = std::make_unique<http::HttpClient>(std::move(*client));
  link->url_ = url;
  return link;
}

Result<http::Response> HubLink::send(http::Request request) {
  if (!token_.empty()) request.headers.emplace_back("Authorization", "Bearer " + token_);
  if (hub_) return hub_->handle(std::move(request));
  std::lock_guard lock(client_mutex_);
  return client_->send(request);
}

void HubLink::set_timeout(std::chrono::milliseconds timeout) {
  if (!client_) return;
  std::lock_guard lock(client_mutex_);  // between requests, never under one
  client_->set_timeout(timeout);
}

}  // namespace hall::kiosk

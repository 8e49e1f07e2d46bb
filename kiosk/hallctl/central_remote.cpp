// SPDX-License-Identifier: Apache-2.0
#include "hallctl/central_remote.h"

#include <iostream>

#include "central/central_api.h"
#include "common/clock.h"
#include "common/json_guard.h"
#include "http/http_fetcher.h"

namespace hall::cli {
namespace {

using Json = nlohmann::ordered_json;

struct Answer {
  int status = 0;
  std::string body;
  std::string url;
};

Result<Answer> send(const Remote& remote, const std::string& method, const std::string& path, const std::string& body) {
  sync::FetchRequest req;
  req.url = remote.url + path;
  req.max_bytes = 64u << 20;
  req.timeout = std::chrono::seconds(120);
  SystemClock clock;
  // The signature covers the path without its query (PROTOCOL.md), as the store checks it.
  const std::string signed_path = path.substr(0, path.find('?'));
  for (auto& h : central::sign_admin_request(remote.key, remote.admin, method, signed_path, body, clock.now())) {
    req.headers.push_back(std::move(h));
  }
  http::HttpFetcher fetcher;
  auto res = method == "GET" ? fetcher.get(req) : fetcher.post(req, body);
  if (!res) return std::unexpected(res.error().error);
  return Answer{res->status, std::move(res->body), req.url};
}

Error refusal(const Answer& a, const Json& j) {
  const std::string message = j.is_object() && j.contains("error") && j["error"].is_string()
                                  ? j["error"].get<std::string>()
                                  : a.body;
  const ErrorCode code = a.status == 400 || a.status == 409 ? ErrorCode::invalid_input
                         : a.status == 404                  ? ErrorCode::not_found
                                                            : ErrorCode::unavailable;
  return Error{code, "central store refused (" + std::to_string(a.status) + "): " + message};
}

// The answer passes the same guard as any untrusted JSON (common/json_guard).
Json guarded(const Answer& a) {
  auto parsed = parse_untrusted_json(a.body, {64u << 20, 64}, a.url);
  return parsed ? std::move(*parsed) : Json(Json::value_t::discarded);
}

}  // namespace

int central_usage(const std::string& message) {
  std::cerr << "hallctl: " << message << " (see hallctl central --help)\n";
  return exit_invalid;
}

Result<Remote> remote_of(const CommandLine& cl) {
  const std::string url = cl.option("--url"), key_file = cl.option("--key");
  if (url.empty() || key_file.empty()) return fail(ErrorCode::invalid_input, "this verb needs --url URL and --key FILE");
  auto key = central::read_secret_key_file(key_file);
  if (!key) return std::unexpected(key.error());
  Remote r{url, *key, cl.option("--admin", key->id)};
  while (!r.url.empty() && r.url.back() == '/') r.url.pop_back();
  if (r.admin.empty()) return fail(ErrorCode::invalid_input, key_file + " names no administrator: give --admin ID");
  return r;
}

Result<std::string> call_text(const Remote& remote, const std::string& method, const std::string& path,
                              const std::string& body) {
  auto a = send(remote, method, path, body);
  if (!a) return std::unexpected(a.error());
  if (a->status >= 200 && a->status < 300) return std::move(a->body);
  return std::unexpected(refusal(*a, guarded(*a)));
}

Result<Json> call(const Remote& remote, const std::string& method, const std::string& path, const std::string& body) {
  auto a = send(remote, method, path, body);
  if (!a) return std::unexpected(a.error());
  Json j = guarded(*a);
  if (a->status >= 200 && a->status < 300 && !j.is_discarded()) return j;
  return std::unexpected(refusal(*a, j));
}

}  // namespace hall::cli

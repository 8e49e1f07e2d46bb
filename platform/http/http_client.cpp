// SPDX-License-Identifier: Apache-2.0
#include "http/http_client.h"

#include <httplib.h>

namespace hall::http {

struct HttpClient::Impl {
  explicit Impl(const std::string& url) : client(url) {}
  httplib::Client client;
};

HttpClient::HttpClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

Result<HttpClient> HttpClient::to(const std::string& base_url, std::chrono::milliseconds timeout) {
  if (base_url.rfind("http://", 0) != 0 && base_url.rfind("https://", 0) != 0) {
    return fail(ErrorCode::invalid_input, "\"" + base_url + "\": expected an http:// URL such as http://10.0.0.5:8470");
  }
  auto impl = std::make_unique<Impl>(base_url);
  if (!impl->client.is_valid()) return fail(ErrorCode::invalid_input, "\"" + base_url + "\": not a usable URL");
  impl->client.set_keep_alive(true);
  // A request goes out as two writes (head, then body): with Nagle on, the body waits for the
  // server's delayed ACK of the head, ~40 ms on every POST (take_number_bench showed it).
  impl->client.set_tcp_nodelay(true);
  HttpClient client(std::move(impl));
  client.set_timeout(timeout);
  return client;
}

void HttpClient::set_timeout(std::chrono::milliseconds timeout) {
  const auto sec = static_cast<time_t>(timeout.count() / 1000);
  const auto usec = static_cast<time_t>((timeout.count() % 1000) * 1000);
  impl_->client.set_connection_timeout(sec, usec);
  impl_->client.set_read_timeout(sec, usec);
  impl_->client.set_write_timeout(sec, usec);
}

Result<Response> HttpClient::send(const Request& request) {
  httplib::Headers headers;
  for (const auto& [k, v] : request.headers) headers.emplace(k, v);
  const std::string target = request.query.empty() ? request.path : request.path + "?" + request.query;
  if (request.method != "GET" && request.method != "POST" && request.method != "DELETE") {
    return fail(ErrorCode::invalid_input, "HttpClient: method " + request.method + " is not sent");
  }
  auto r = request.method == "GET"    ? impl_->client.Get(target, headers)
           : request.method == "POST" ? impl_->client.Post(target, headers, request.body, "application/json")
                                      : impl_->client.Delete(target, headers);
  if (!r) return fail(ErrorCode::unavailable, "no answer from the hub: " + httplib::to_string(r.error()));
  Response out;
  out.status = r->status;
  out.body = r->body;
  for (const auto& [k, v] : r->headers) out.headers.emplace_back(k, v);
  return out;
}

}  // namespace hall::http

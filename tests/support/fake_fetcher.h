// SPDX-License-Identifier: Apache-2.0
#pragma once
// An in-process Fetcher that serves a Publication's files and can play a lying or broken server
// per path. It keeps the Fetcher contract as platform/http does: the byte limit is enforced while
// "receiving", a timeout is ErrorCode::unavailable, a body cut short of its Content-Length is
// ErrorCode::invalid_input.
#include <map>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/sha256.h"
#include "sync/fetcher.h"

namespace hall::test {

enum class Misbehave {
  none,
  endless,          // streams bytes for ever (the limit must stop it)
  slow,             // answers slower than any timeout
  cut_short,        // Content-Length says more than arrives, then the connection closes
  short_no_length,  // no Content-Length; the body simply ends early (half of it)
  not_found,
  trickle,       // answers, but takes `trickle_for` of the clock to do it (or times out trying)
  not_modified,  // answers 304 whatever was asked (a mirror vouching for what it does not hold)
};

class FakeFetcher final : public sync::Fetcher {
 public:
  static constexpr const char* base = "http://publisher.test";

  explicit FakeFetcher(const std::map<std::string, std::string>& files) : files_(&files) {}

  void misbehave(const std::string& path, Misbehave how) { behaviour_[path] = how; }
  // A trickling answer advances this clock, as a real one would pass while the bytes drip in.
  void trickle_with(ManualClock& clock, std::chrono::seconds each) {
    clock_ = &clock;
    trickle_for_ = each;
  }
  void behave() { behaviour_.clear(); }
  void go_offline(bool offline = true) { offline_ = offline; }

  std::vector<std::string> requested;  // paths, in order
  std::size_t bytes_served = 0;
  std::vector<std::pair<std::string, std::string>> posts;  // url, body

  sync::FetchResult<sync::FetchResponse> get(const sync::FetchRequest& request) override {
    const std::string path = request.url.substr(std::string(base).size() + 1);
    requested.push_back(path);
    if (offline_) return sync::fetch_failed(sync::FetchFailure::unreachable, request.url + ": cannot connect");
    const auto how = behaviour_.contains(path) ? behaviour_.at(path) : Misbehave::none;
    if (how == Misbehave::slow) {
      return sync::fetch_failed(sync::FetchFailure::timed_out,
                  request.url + ": timed out after " + std::to_string(request.timeout.count()) + " ms");
    }
    if (how == Misbehave::trickle && clock_) {
      const auto timeout = std::chrono::duration_cast<std::chrono::seconds>(request.timeout);
      if (trickle_for_ > timeout) {
        clock_->advance(timeout);
        return sync::fetch_failed(sync::FetchFailure::timed_out,
                    request.url + ": timed out after " + std::to_string(request.timeout.count()) + " ms");
      }
      clock_->advance(trickle_for_);
    }
    if (how == Misbehave::endless) {
      std::size_t received = 0;
      while (received <= request.max_bytes) received += 4096;  // what a real reader sees, chunk by chunk
      bytes_served += received;
      return sync::fetch_failed(sync::FetchFailure::too_long,
                  request.url + ": body longer than " + std::to_string(request.max_bytes) + " bytes");
    }
    const auto it = files_->find(path);
    if (how == Misbehave::not_modified) return sync::FetchResponse{304, {}, request.if_none_match};
    if (it == files_->end() || how == Misbehave::not_found) return sync::FetchResponse{404, "not found", {}};
    std::string body = it->second;
    if (body.size() > request.max_bytes) {
      bytes_served += request.max_bytes + 1;
      return sync::fetch_failed(sync::FetchFailure::too_long,
                  request.url + ": body longer than " + std::to_string(request.max_bytes) + " bytes");
    }
    if (how == Misbehave::cut_short) {
      bytes_served += body.size() / 2;
      return sync::fetch_failed(sync::FetchFailure::truncated, request.url + ": body shorter than its Content-Length (" +
                                                std::to_string(body.size() / 2) + " of " + std::to_string(body.size()) +
                                                ")");
    }
    if (how == Misbehave::short_no_length) body.resize(body.size() / 2);
    std::string etag(1, '"');  // appended: g++ 12 -O3 warns falsely (-Wrestrict) on `"\"" + ...`
    etag.append(sha256_hex(body), 0, 16).push_back('"');
    if (!request.if_none_match.empty() && request.if_none_match == etag) return sync::FetchResponse{304, {}, etag};
    bytes_served += body.size();
    return sync::FetchResponse{200, std::move(body), etag};
  }

  sync::FetchResult<sync::FetchResponse> post(const sync::FetchRequest& request, const std::string& body) override {
    if (offline_) return sync::fetch_failed(sync::FetchFailure::unreachable, request.url + ": cannot connect");
    posts.emplace_back(request.url, body);
    return sync::FetchResponse{200, "{}", {}};
  }

 private:
  const std::map<std::string, std::string>* files_;
  std::map<std::string, Misbehave> behaviour_;
  bool offline_ = false;
  ManualClock* clock_ = nullptr;
  std::chrono::seconds trickle_for_{0};
};

}  // namespace hall::test

// SPDX-License-Identifier: Apache-2.0
#pragma once
// A bare TCP client on 127.0.0.1 for the tests that must misbehave: send a head byte by byte,
// stop reading, close early. Every call is bounded by a timeout.
#include <chrono>
#include <string>
#include <string_view>

namespace hall::test {

class RawClient {
 public:
  explicit RawClient(int port);  // connects, or throws
  ~RawClient();
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool send(std::string_view bytes);  // false: the server has closed the connection
  // Reads until `until` is in what was read, the server closes, or the timeout passes.
  std::string read(std::chrono::milliseconds timeout, std::string_view until = {});
  // True when the server closed the connection within the timeout (what it sent is dropped).
  bool closed_within(std::chrono::milliseconds timeout);
  void close();

 private:
  int fd_ = -1;
};

}  // namespace hall::test

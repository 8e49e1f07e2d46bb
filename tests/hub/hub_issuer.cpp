// SPDX-License-Identifier: Apache-2.0
// A kiosk in its own process for the hub's concurrency and crash tests: issues COUNT tickets, each
// with its own Idempotency-Key (PREFIX-i), retrying a request that got no answer with the same key
// (as a real kiosk does after a timeout). Prints "NUMBER ID" for every ticket it was given.
//
//   hub_issuer PORT TOKEN COUNT PREFIX [GROUP]
#include <chrono>
#include <iostream>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: hub_issuer PORT TOKEN COUNT PREFIX [GROUP]\n";
    return 2;
  }
  const int port = std::stoi(argv[1]);
  const std::string token = argv[2];
  const int count = std::stoi(argv[3]);
  const std::string prefix = argv[4];
  const std::string group = argc > 5 ? argv[5] : "A";
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(15, 0);
  for (int i = 0; i < count; ++i) {
    const httplib::Headers headers{{"Authorization", "Bearer " + token},
                                   {"Idempotency-Key", prefix + "-" + std::to_string(i)}};
    const std::string body = nlohmann::json{{"group", group}}.dump();
    for (int attempt = 0;; ++attempt) {
      auto r = client.Post("/api/v1/tickets", headers, body, "application/json");
      if (r && (r->status == 200 || r->status == 201)) {
        const auto j = nlohmann::json::parse(r->body);
        std::cout << j["number"].get<std::string>() << " " << j["id"].get<long long>() << "\n" << std::flush;
        break;
      }
      if (r && r->status != 503) {
        std::cerr << "refused: " << r->status << " " << r->body << "\n";
        return 1;
      }
      if (attempt > 200) {
        std::cerr << "no answer after many tries\n";
        return 1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  return 0;
}

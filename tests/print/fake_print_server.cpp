// SPDX-License-Identifier: Apache-2.0
#include "print/fake_print_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <stdexcept>

namespace hall::test {

SilentServer::SilentServer(int port) {
  listener_ = socket(AF_INET, SOCK_STREAM, 0);
  const int on = 1;
  setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);  // the port's last owner may linger in TIME_WAIT
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  socklen_t len = sizeof a;
  if (bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(listener_, 16) != 0 ||
      getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    close(listener_);
    throw std::runtime_error("SilentServer: cannot listen on 127.0.0.1");
  }
  port_ = ntohs(a.sin_port);
  thread_ = std::thread([this] {
    while (!stopping_) {
      pollfd p{listener_, POLLIN, 0};
      if (poll(&p, 1, 50) > 0) {
        const int fd = accept(listener_, nullptr, nullptr);
        if (fd >= 0) accepted_.push_back(fd);  // read nothing, answer nothing
      }
    }
  });
}

SilentServer::~SilentServer() {
  stopping_ = true;
  thread_.join();
  for (int fd : accepted_) close(fd);
  close(listener_);
}

}  // namespace hall::test

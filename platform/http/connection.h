// SPDX-License-Identifier: Apache-2.0
#pragma once
// One client connection, from its first byte to its close: read a request within the limits,
// route it, write the response (whole or streamed), and again while the client keeps it alive.
#include <stop_token>
#include <string>

#include "common/http_router.h"
#include "http/http_server.h"
#include "http/socket_io.h"

namespace hall::http {

struct ConnectionContext {
  const ServerOptions* options;
  const Router* router;
  int stop_fd;                  // readable once the server stops
  std::stop_token server_stop;  // requested at the same moment
};

void serve_connection(Fd socket, std::string remote_addr, const ConnectionContext& context);

}  // namespace hall::http

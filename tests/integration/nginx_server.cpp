// SPDX-License-Identifier: Apache-2.0
#include "nginx_server.h"

#include <signal.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/temp_dir.h"

namespace hall::test {

NginxServer::NginxServer(const std::string& root, const std::string& work_dir) : port_(free_port()) {
  std::filesystem::create_directories(work_dir);
  const std::string& d = work_dir;
  write_file(d + "/nginx.conf",
             "worker_processes 1;\nmaster_process off;\npid " + d + "/nginx.pid;\nerror_log " + d +
                 "/nginx-error.log;\nevents { worker_connections 32; }\nhttp {\n  access_log " + d +
                 "/access.log;\n  client_body_temp_path " + d + "/client_body;\n  proxy_temp_path " + d +
                 "/proxy;\n  fastcgi_temp_path " + d + "/fastcgi;\n  uwsgi_temp_path " + d + "/uwsgi;\n  scgi_temp_path " +
                 d + "/scgi;\n  types { application/json json; }\n  server {\n    listen 127.0.0.1:" +
                 std::to_string(port_) + ";\n    root " + root +
                 ";\n    location /objects/ { add_header Cache-Control \"public, max-age=31536000, immutable\"; }\n"
                 "    location /bins/ { add_header Cache-Control \"public, max-age=31536000, immutable\"; }\n"
                 "    location / { add_header Cache-Control \"no-cache\"; }\n  }\n}\n");
  process_ = std::make_unique<ChildProcess>(
      std::vector<std::string>{"/usr/sbin/nginx", "-p", d, "-e", d + "/nginx-error.log", "-c", d + "/nginx.conf", "-g",
                               "daemon off;"},
      d + "/nginx-stderr.log");
  if (!wait_for_port(port_, std::chrono::seconds(5))) {
    FAIL("nginx did not start: " << read_file(d + "/nginx-stderr.log") << read_file(d + "/nginx-error.log"));
  }
}

NginxServer::~NginxServer() = default;  // ChildProcess kills what is still running

int NginxServer::stop() { return process_->stop(std::chrono::seconds(5), SIGTERM); }

}  // namespace hall::test

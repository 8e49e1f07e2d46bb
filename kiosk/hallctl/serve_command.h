// SPDX-License-Identifier: Apache-2.0
#pragma once
// hallctl serve: the hall hub alone, headless (hub-api.md "Starting it").
namespace hall::cli {
int run_serve_command(int argc, char** argv);
}

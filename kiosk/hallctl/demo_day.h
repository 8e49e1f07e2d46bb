// SPDX-License-Identifier: Apache-2.0
#pragma once
// hallctl queue demo-day: a realistic morning through the real hub, for screenshots and figures.
namespace hall::cli {
int run_demo_day(int argc, char** argv);
}

# SPDX-License-Identifier: Apache-2.0
# 政务公开 (services/notices): the notice format, its validator, the 去标识化 scanner and the
# working-day calendar file. Pure: no I/O beyond reading a file a caller names.
target_sources(hall_services PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/calendar_file.cpp)

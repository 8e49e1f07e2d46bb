# SPDX-License-Identifier: Apache-2.0
# 政务公开 (services/notices): the notice format and its validator, the 去标识化 scanner and the
# working-day calendar file. Pure: no I/O beyond reading a file a caller names.
target_sources(hall_services PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/notice.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_labels.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_reading.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_parser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_parts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/deidentify.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_directory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_catalogue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_search.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_html.cpp
  ${CMAKE_CURRENT_LIST_DIR}/calendar_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/calendar_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/promised_due.cpp)

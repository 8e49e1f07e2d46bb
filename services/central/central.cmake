# SPDX-License-Identifier: Apache-2.0
# The central store (services/central): domain code of hall_services, no sockets.
target_sources(hall_services PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/signing.cpp
  ${CMAKE_CURRENT_LIST_DIR}/guide_diff.cpp
  ${CMAKE_CURRENT_LIST_DIR}/central_schema.cpp
  ${CMAKE_CURRENT_LIST_DIR}/central_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/admin_registry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/drafts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_drafts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/notice_comments.cpp
  ${CMAKE_CURRENT_LIST_DIR}/publisher.cpp
  ${CMAKE_CURRENT_LIST_DIR}/publish_notices.cpp
  ${CMAKE_CURRENT_LIST_DIR}/change_notes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/published_folder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fleet.cpp
  ${CMAKE_CURRENT_LIST_DIR}/audit_log.cpp
  ${CMAKE_CURRENT_LIST_DIR}/timestamp_role.cpp
  ${CMAKE_CURRENT_LIST_DIR}/central_api.cpp
  ${CMAKE_CURRENT_LIST_DIR}/central_notice_api.cpp
  ${CMAKE_CURRENT_LIST_DIR}/central_public_api.cpp)

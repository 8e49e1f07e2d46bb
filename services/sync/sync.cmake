# SPDX-License-Identifier: Apache-2.0
# Guide sync on the hall hub/kiosk (services/sync): verification, state and apply. No sockets:
# HTTP comes in through the Fetcher port (fetcher.h), implemented in platform/http.
target_sources(hall_services PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/sync_error.cpp
  ${CMAKE_CURRENT_LIST_DIR}/signed_envelope.cpp
  ${CMAKE_CURRENT_LIST_DIR}/signed_fields.cpp
  ${CMAKE_CURRENT_LIST_DIR}/manifest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/publications.cpp
  ${CMAKE_CURRENT_LIST_DIR}/verifier.cpp
  ${CMAKE_CURRENT_LIST_DIR}/timestamp.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sync_state.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fetcher.cpp
  ${CMAKE_CURRENT_LIST_DIR}/directory_fetcher.cpp
  ${CMAKE_CURRENT_LIST_DIR}/syncer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/syncer_publications.cpp)

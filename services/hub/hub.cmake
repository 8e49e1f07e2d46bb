# SPDX-License-Identifier: Apache-2.0
# The hall hub (issue 10): hub-api.md's endpoints as Router handlers over the queue. Pure like the
# rest of hall_services: the HTTP server in platform/ carries it, a kiosk calls it in-process.
target_sources(hall_services PRIVATE
  hub/hub_reply.cpp
  hub/hub_body.cpp
  hub/queue_lanes.cpp
  hub/event_bell.cpp
  hub/issue_batcher.cpp
  hub/hub.cpp
  hub/hub_handlers.cpp
  hub/ticket_routes.cpp
  hub/counter_routes.cpp
  hub/board_routes.cpp
  hub/phone_page.cpp
  hub/phone_routes.cpp
  hub/notice_routes.cpp
  hub/print_routes.cpp
)

# SPDX-License-Identifier: Apache-2.0
# The hall's queue (issue 10): pure rules over queue.db. Part of hall_services, so hallctl and the
# hub link it without any GUI or network library.
target_sources(hall_services PRIVATE
  queue/queue_error.cpp
  queue/ticket.cpp
  queue/transitions.cpp
  queue/hall_calendar.cpp
  queue/call_policy.cpp
  queue/wait_estimate.cpp
  queue/queue_schema.cpp
  queue/numbering.cpp
  queue/ticket_store.cpp
  queue/ticket_view.cpp
  queue/idempotency.cpp
  queue/event_log.cpp
  queue/audit_log.cpp
  queue/print_log.cpp
  queue/random_source.cpp
  queue/queue_service.cpp
  queue/window_commands.cpp
  queue/visitor_commands.cpp
  queue/staff_registry.cpp
  queue/device_registry.cpp
  queue/queue_stats.cpp
  queue/ticket_json.cpp
)

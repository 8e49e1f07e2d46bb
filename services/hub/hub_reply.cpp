// SPDX-License-Identifier: Apache-2.0
#include "hub/hub_reply.h"

#include <nlohmann/json.hpp>

#include "common/http_content.h"

namespace hall::hub {
namespace {

struct Mapping {
  int status;
  const char* code;
  const char* zh;
};

Mapping mapping_of(queue::Refusal r) {
  using queue::Refusal;
  switch (r) {
    case Refusal::invalid_input:
      return {400, "bad_request", "请求内容有误，请检查后重试。"};
    case Refusal::not_found:
      return {404, "not_found", "没有找到这张号（或窗口、事项），请核对后重试。"};
    case Refusal::wrong_state:
      return {409, "wrong_state", "这张号当前的状态不允许这样操作。"};
    case Refusal::window_busy:
      return {409, "wrong_state", "本窗口还有未办结的号，请先办结、过号或转出。"};
    case Refusal::window_paused:
      return {409, "wrong_state", "本窗口已暂停，请先恢复再叫号。"};
    case Refusal::other_window:
      return {403, "forbidden", "这张号由其他窗口办理，本窗口不能操作。"};
    case Refusal::closed:
      return {409, "closed", "现在不能取号。"};
    case Refusal::too_late:
      return {409, "wrong_state", "过号已超过可恢复的时间，请重新取号。"};
    case Refusal::idempotency_conflict:
      return {422, "idempotency_conflict", "同一个请求编号用于了不同的内容，请换一个编号。"};
    case Refusal::unauthenticated:
      return {401, "unauthenticated", "身份验证失败或已过期，请重新登录。"};
    case Refusal::forbidden:
      return {403, "forbidden", "当前身份无权进行这项操作。"};
    case Refusal::locked:
      return {423, "locked", "密码错误次数过多，已暂时锁定，请稍后再试。"};
    case Refusal::storage:
      return {503, "unavailable", "系统暂时无法保存，请稍后再试或联系大厅工作人员。"};
  }
  return {400, "bad_request", "请求内容有误。"};
}

}  // namespace

std::string_view state_name_zh(queue::TicketState s) {
  using queue::TicketState;
  switch (s) {
    case TicketState::waiting:
      return "等候中";
    case TicketState::called:
      return "已叫号";
    case TicketState::serving:
      return "办理中";
    case TicketState::done:
      return "已办结";
    case TicketState::no_show:
      return "已过号";
    case TicketState::cancelled:
      return "已取消";
  }
  return "未知";
}

http::Response error_response(int status, std::string_view code, std::string_view message_zh,
                              std::string_view message_en) {
  nlohmann::ordered_json body;
  body["error"] = {{"code", code}, {"message", message_zh}, {"message_en", message_en}};
  auto r = http::json_response(status, body.dump());
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

http::Response refusal_response(const queue::QueueError& why, std::string_view zh) {
  const Mapping m = mapping_of(why.reason);
  auto r = error_response(m.status, m.code, zh.empty() ? std::string_view(m.zh) : zh, why.error.message);
  if (why.reason == queue::Refusal::storage) r.headers.emplace_back("Retry-After", "5");
  return r;
}

http::Response plain_error(int status) {
  switch (status) {
    case 400:
      return error_response(400, "bad_request", "请求格式有误。", "The request is malformed.");
    case 404:
      return error_response(404, "not_found", "没有这个地址。", "There is nothing at this address.");
    case 405:
      return error_response(405, "method_not_allowed", "这个地址不支持这种请求方式。",
                            "This address does not take this method.");
    case 408:
      return error_response(408, "timeout", "请求发送太慢，已断开，请重试。",
                            "The request arrived too slowly and was cut off; try again.");
    case 411:
      return error_response(411, "bad_request", "请求缺少长度。", "The request needs a Content-Length.");
    case 413:
      return error_response(413, "too_large", "请求内容太大（上限 64 KiB）。",
                            "The request body is too large (the limit is 64 KiB).");
    case 431:
      return error_response(431, "bad_request", "请求头太大。", "The request's header fields are too large.");
    case 503:
      return error_response(503, "unavailable", "系统繁忙，请稍后再试。", "The hub is busy; try again shortly.");
    default:
      break;
  }
  if (status >= 500) {
    return error_response(status, "unavailable", "系统暂时无法处理，请稍后再试。", "The hub cannot answer now.");
  }
  return error_response(status, "bad_request", "请求无法处理。", std::string(http::reason_phrase(status)));
}

http::Response json_ok(int status, std::string body) {
  auto r = http::json_response(status, std::move(body));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace hall::hub

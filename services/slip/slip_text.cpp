// SPDX-License-Identifier: Apache-2.0
#include "slip/slip_text.h"

#include <array>

namespace hall::slip {
namespace {

struct Entry {
  std::string_view key, zh_cn, en;
};

constexpr std::array entries{
    Entry{"ticket.title", "排队凭条", "Queue ticket"},
    Entry{"ticket.service", "办理事项：{}", "Service: {}"},
    Entry{"ticket.group", "业务类别：{}", "Queue: {}"},
    Entry{"ticket.due", "今日受理，{}", "{} if accepted today"},
    Entry{"ticket.due_same_day", "即办件：今日受理，当日办结", "Done on the spot: accepted and done today"},
    Entry{"ticket.due_estimated", "（估算：{}年节假日安排尚未公布）", "(an estimate: the {} public holidays are not yet announced)"},
    Entry{"ticket.issued_at", "取号时间：{}", "Issued: {}"},
    Entry{"ticket.ahead", "前面还有 {} 人", "{} people ahead of you"},
    Entry{"ticket.wait", "预计等候约 {} 分钟", "Estimated wait about {} min"},
    Entry{"ticket.wait_none", "请留意叫号", "Please listen for your number"},
    Entry{"ticket.scan", "扫码查看排队进度和办事指南", "Scan to follow your place and read the guide"},
    Entry{"ticket.bring", "请备齐以下材料：", "Please have ready:"},
    Entry{"ticket.more", "其余材料请扫码查看", "Scan the code for the remaining materials"},
    Entry{"ticket.no_personal", "本凭条不含个人信息", "This slip holds no personal information"},
    Entry{"material.originals", "原件{}份", "{} original(s)"},
    Entry{"material.copies", "复印件{}份", "{} copy(ies)"},
    Entry{"material.electronic", "电子材料", "electronic"},
    Entry{"material.original_or_copy", "原件{}份或复印件{}份", "{} original(s) or {} copy(ies)"},
    Entry{"material.issued_by", "开具单位：{}", "Issued by: {}"},
    Entry{"hall.phone", "咨询电话：{}", "Enquiries: {}"},
    Entry{"notice.title", "一次性告知单", "One-time notice of missing materials"},
    Entry{"notice.service", "办理事项：{}", "Service: {}"},
    Entry{"notice.date", "告知日期：{}", "Date: {}"},
    Entry{"notice.window", "受理窗口：{}号窗口", "Window: {}"},
    Entry{"notice.intro", "您申请的事项尚缺以下材料，请备齐后再来办理：",
          "Your application still needs the following; please bring them next time:"},
    Entry{"notice.limit", "材料齐全后，承诺办结时限：{}", "Once complete, promised time limit: {}"},
    Entry{"notice.scan", "扫码查看完整办事指南", "Scan for the full service guide"},
    Entry{"notice.footer", "一次告知，最多跑一次", "Told once, so you need come only once more"},
    Entry{"notice.contact", "如有疑问请致电 {}，或到 {} 号窗口咨询", "Questions: call {} or ask at window {}"},
    Entry{"limit.on_the_spot", "即时办结", "on the spot"},
    Entry{"limit.working_days", "{}个工作日", "{} working days"},
    Entry{"limit.days", "{}日", "{} days"},
    Entry{"limit.months", "{}个月", "{} months"},
    Entry{"print.test_title", "打印测试", "Print test"},
    Entry{"print.test_body", "这是一张测试凭条。汉字、数字 0123456789 与二维码均应清晰完整。",
          "This is a test slip. Text, digits 0123456789 and the QR code should be clear and whole."},
};

}  // namespace

std::string_view text(std::string_view key, Language language) {
  for (const auto& e : entries) {
    if (e.key == key) return language == Language::zh_cn ? e.zh_cn : e.en;
  }
  return {};
}

std::string fill(std::string_view key, Language language, std::initializer_list<std::string_view> values) {
  const std::string_view pattern = text(key, language);
  if (pattern.empty()) return "[" + std::string(key) + "]";
  std::string out;
  auto next = values.begin();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.compare(i, 2, "{}") == 0 && next != values.end()) {
      out += *next++;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::vector<std::string_view> text_keys() {
  std::vector<std::string_view> keys;
  for (const auto& e : entries) keys.push_back(e.key);
  return keys;
}

}  // namespace hall::slip

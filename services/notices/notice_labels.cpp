// SPDX-License-Identifier: Apache-2.0
#include "notices/notice_labels.h"

namespace hall::notices {

const std::vector<Term<NoticeKind>>& notice_kinds() {
  static const std::vector<Term<NoticeKind>> t = {
      {NoticeKind::policy, "policy", "政策文件", "Policy document"},
      {NoticeKind::interpretation, "interpretation", "政策解读", "Policy explained"},
      {NoticeKind::announcement, "announcement", "通知公告", "Announcement"},
      {NoticeKind::draft, "draft", "重大决策预公开", "Decision draft for comment"},
      {NoticeKind::meeting, "meeting", "会议公开", "Meeting"},
      {NoticeKind::implementation, "implementation", "执行情况", "Implementation progress"},
      {NoticeKind::proposal_reply, "proposal_reply", "建议提案办理结果", "Reply to a deputy's suggestion or proposal"},
      {NoticeKind::power_list, "power_list", "权责清单", "List of powers and responsibilities"},
  };
  return t;
}

const std::vector<Term<Disclosure>>& disclosures() {
  static const std::vector<Term<Disclosure>> t = {
      {Disclosure::active, "active", "主动公开", "Published proactively"},
      {Disclosure::on_request, "on_request", "依申请公开", "Disclosed on request"},
      {Disclosure::not_public, "not_public", "不予公开", "Not disclosed"},
  };
  return t;
}

const std::vector<Term<Category>>& categories() {
  static const std::vector<Term<Category>> t = {
      {Category::decision, "decision", "决策公开", "Decisions"},
      {Category::execution, "execution", "执行公开", "Implementation"},
      {Category::management, "management", "管理公开", "Management"},
      {Category::service, "service", "服务公开", "Services"},
      {Category::result, "result", "结果公开", "Results"},
  };
  return t;
}

const std::vector<Term<StepStatus>>& step_statuses() {
  static const std::vector<Term<StepStatus>> t = {
      {StepStatus::planned, "planned", "未开始", "Not started"},
      {StepStatus::in_progress, "in_progress", "推进中", "In progress"},
      {StepStatus::done, "done", "已完成", "Done"},
  };
  return t;
}

const std::vector<Term<ProposalType>>& proposal_types() {
  static const std::vector<Term<ProposalType>> t = {
      {ProposalType::suggestion, "suggestion", "人大代表建议", "Suggestion of a people's congress deputy"},
      {ProposalType::proposal, "proposal", "政协委员提案", "Proposal of a CPPCC member"},
  };
  return t;
}

const std::vector<Term<Publication>>& publications() {
  static const std::vector<Term<Publication>> t = {
      {Publication::full, "full", "全文公开", "Full text"},
      {Publication::summary, "summary", "摘要公开", "Summary"},
  };
  return t;
}

}  // namespace hall::notices

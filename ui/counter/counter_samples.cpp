// SPDX-License-Identifier: Apache-2.0
// A counter's states without a hub, for pictures of the screens (--screen sample:…). The app
// marks them as samples on screen; the names are of the demo hall's kind.
#include "counter/counter_samples.h"

namespace hall::ui {

SignedIn sample_signed_in(const std::string& window, Instant now) {
  SignedIn s;
  s.staff_id = "D01";
  s.name = "王芳";
  s.window = window;
  s.window_name = "综合受理窗口";
  s.window_name_en = "General window";
  s.groups = {{"A", "综合受理", "General", 0, {}}, {"B", "人社医保", "Social insurance", 0, {}},
              {"C", "不动产登记", "Real estate", 0, {}}};
  s.windows = {{"W1", "1号窗口", "Window 1"}, {"W2", "2号窗口", "Window 2"}, {"W4", "4号窗口", "Window 4"}};
  s.snapshot.groups = {{"A", "综合受理", "General", 7, 840}, {"B", "人社医保", "Social insurance", 3, 420},
                       {"C", "不动产登记", "Real estate", 0, {}}};
  s.snapshot.today = WindowToday{23, 2, 11.0 * 60, 6.0 * 60, 0.62};
  CounterTicket t;
  t.id = 42;
  t.number = "A023";
  t.group = "A";
  t.state = "called";
  t.issued_at = now - std::chrono::minutes(17);
  t.called_at = now - std::chrono::minutes(1);
  t.guide_name = "城乡居民基本养老保险参保登记";
  t.guide_name_en = "Enrolment in the basic pension insurance";
  t.materials = {{"居民身份证", "Resident identity card", true, 1, 1},
                 {"户口簿", "Household register", true, 1, {}},
                 {"一寸免冠照片", "One-inch photo", true, {}, {}},
                 {"银行卡或存折", "Bank card or passbook", false, 1, {}}};
  s.snapshot.current = t;
  return s;
}

SignedIn sample_long_list(const std::string& window, Instant now) {
  SignedIn s = sample_signed_in(window, now);
  CounterTicket& t = *s.snapshot.current;
  t.id = 43;
  t.number = "C008";
  t.group = "C";
  t.guide_name = "不动产转移登记（二手房买卖）";
  t.guide_name_en = "Transfer registration of real estate (resale of a home)";
  t.materials = {{"不动产登记申请书", "Application form for real estate registration", true, 1, {}},
                 {"买卖双方居民身份证", "Identity cards of the buyer and the seller", true, 1, 1},
                 {"不动产权属证书", "Certificate of the real estate title", true, 1, {}},
                 {"存量房买卖合同", "Contract for the sale of the existing home", true, 1, {}},
                 {"契税完税凭证", "Deed tax payment receipt", true, 1, {}},
                 {"增值税及个人所得税完税凭证", "VAT and individual income tax receipts", true, 1, {}},
                 {"户口簿", "Household register", true, 1, {}},
                 {"婚姻状况证明", "Proof of marital status", true, 1, 1},
                 {"配偶同意出售的书面意见", "Spouse's written consent to the sale", true, 1, {}},
                 {"房屋交接书", "Hand-over note for the home", true, 1, {}},
                 {"授权委托书（委托办理时）", "Power of attorney (when someone acts for you)", false, 1, {}},
                 {"受托人居民身份证", "Identity card of the person acting for you", false, 1, 1},
                 {"抵押权人同意转让的证明", "Mortgagee's consent to the transfer", false, 1, {}},
                 {"维修资金缴存证明", "Proof of the maintenance fund deposit", false, {}, 1}};
  return s;
}

SampleReprint sample_reprint(std::string_view kind) {
  if (kind == "reprint-unknown") {
    // The hub's 404 for a number not issued today; the dialog says it in its own words.
    return {
        "A099",
        {SlipNote::Phase::failed, "今天没有发过 A099 号，请核对号码。", "no ticket A099 today", "A099", false, true}};
  }
  if (kind == "reprint-refused") {
    // The hub's 409 for a ticket no kiosk issued (taken at a counter): shown as the hub says it.
    return {"B003",
            {SlipNote::Phase::failed, "这张号不是取号机发的，没有可补打的凭条。", "no kiosk issued B003", "B003", false,
             false}};
  }
  return {"A017", {SlipNote::Phase::done, {}, {}, "A017", false, false}};
}

}  // namespace hall::ui

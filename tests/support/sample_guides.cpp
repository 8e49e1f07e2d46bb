// SPDX-License-Identifier: Apache-2.0
#include "support/sample_guides.h"

namespace hall::test {

Json valid_guide(const std::string& id, const std::string& name, int version) {
  Json g = Json::parse(R"json({
    "id": "", "catalogue_code": "370811001000", "version": 1, "status": "active",
    "name": "", "name_en": "Old-age allowance", "item_type": "行政给付",
    "department": {"name": "任城区民政局", "code": "11370811MB2848172X"},
    "co_departments": ["安居街道办事处"], "level": "street",
    "targets": ["person"], "topics": ["养老服务", "社会保障"], "keywords": ["80岁补贴", "尊老金"],
    "onsite_visits": 1, "onsite_reason": "需本人或代办人现场提交申请并签字确认",
    "case_type": "promised",
    "time_limit": {"statutory": {"value": 20, "unit": "working_days"},
                   "promised": {"value": 10, "unit": "working_days"}, "note": "自受理之日起计算"},
    "legal_basis": [{"title": "《中华人民共和国老年人权益保障法》", "clause": "第三十三条"}],
    "conditions": "具有本地户籍、年满80周岁的老年人。",
    "materials": [
      {"name": "居民身份证", "necessity": "required", "form": "original_or_copy", "originals": 1, "copies": 1,
       "source": "government"},
      {"name": "户口簿", "necessity": "deferrable", "form": "copy", "copies": 1, "source": "government",
       "notes": "可容缺后补"},
      {"name": "村（居）委会出具的居住证明", "necessity": "required", "form": "original", "originals": 1,
       "source": "other",
       "certificate": {"basis": "《山东省老年人优待办法》", "requested_by": "安居街道办事处",
                       "issued_by": "申请人所在村（居）委会", "guide": "到所在村（居）委会开具"}}
    ],
    "steps": [{"title": "申请", "detail": "到便民服务中心窗口提交材料"},
              {"title": "审核", "time_limit": {"value": 5, "unit": "working_days"}},
              {"title": "发放"}],
    "special_procedures": [{"name": "公示", "time_limit": {"value": 7, "unit": "days"}, "counts_in_limit": false}],
    "fees": [],
    "handling": ["window", "online"], "online": {"depth": 3, "url": "https://example.invalid/gljt"},
    "appointment": {"available": true, "daily_quota": 50},
    "location": {"address": "安居街道便民服务中心", "window": "1号综合受理窗口", "hours": "周一至周五 9:00-17:00"},
    "contact_phone": "0537-2345678", "complaint_phone": "12345",
    "result": {"name": "高龄津贴发放", "type": "其他", "delivery": ["window"]},
    "faq": [{"q": "高龄津贴每月多少钱？", "a": "按本地标准按月发放到社会保障卡。"}],
    "queue_group": "A",
    "x_local_note": {"kept": true}
  })json");
  g["id"] = id;
  g["name"] = name;
  g["version"] = version;
  return g;
}

Json english_guide(const std::string& id) {
  Json g = valid_guide(id);
  g["department"]["name_en"] = "Rencheng District Civil Affairs Bureau";
  g["keywords_en"] = {"old-age allowance", "over 80"};
  g["onsite_reason_en"] = "The applicant or a proxy signs the application in person";
  g["time_limit"]["note_en"] = "Counted from the day the application is accepted";
  g["conditions_en"] = "Local residents aged 80 or over.";
  g["materials"][0]["name_en"] = "Resident identity card";
  g["materials"][1]["name_en"] = "Household register (hukou booklet)";
  g["materials"][1]["notes_en"] = "May be handed in later";
  g["materials"][2]["name_en"] = "Proof of residence from the village or residents' committee";
  g["materials"][2]["certificate"]["issued_by_en"] = "The applicant's village or residents' committee";
  g["steps"][0]["title_en"] = "Apply";
  g["steps"][0]["detail_en"] = "Hand in the materials at a window of the service centre";
  g["fees"] =
      Json::parse(R"([{"item": "工本费", "standard": "免收", "item_en": "Card fee", "standard_en": "Waived"}])");
  g["location"]["address_en"] = "Anju Street Service Centre";
  g["location"]["window_en"] = "Window 1 (general)";
  g["location"]["hours_en"] = "Monday to Friday 9:00-17:00";
  g["faq"][0]["q_en"] = "How much is the allowance each month?";
  g["faq"][0]["a_en"] = "The local rate, paid monthly to the social security card.";
  return g;
}

std::string catalogue_text(const std::vector<Json>& guides) {
  Json c = {{"format", "hallkiosk.catalogue/1"}, {"guides", Json::array()}};
  for (const auto& g : guides) c["guides"].push_back(g);
  return c.dump();
}

}  // namespace hall::test

#include "screening/instruments.h"

#include <map>

#include <algorithm>
#include <set>

#include "cases/cases.h"

namespace innet::screening {
namespace {

bool among(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

Error refused(const std::string& field, FieldError reason) {
  return Error::field(ErrorKind::unprocessable, field, std::move(reason));
}

InstrumentVersion version_from_row(const db::Row& r) {
  return {.id = r.integer(0),
          .code = r.text(1),
          .version = r.integer(2),
          .definition = definition_from_json(nlohmann::json::parse(r.text(3))),
          .reason = r.opt_text(4),
          .published_by = r.opt_integer(5),
          .published_at = r.text(6),
          .retired_at = r.opt_text(7)};
}

constexpr const char* kColumns =
    "SELECT id, code, version, definition, reason, published_by, published_at, retired_at "
    "FROM screening_instruments";

}  // namespace

const std::vector<std::string>& instrument_codes() {
  static const std::vector<std::string> codes = {"ipsn", "protect"};
  return codes;
}

const std::vector<std::string>& indicator_groups() {
  static const std::vector<std::string> groups = {
      "profile",       "physical_signs", "health_disability", "sexual_reproductive",
      "mental_health", "behaviour",      "trafficking_signs"};
  return groups;
}

FieldError InstrumentErrors::retired(std::int64_t version) {
  return {"instrument_retired",
          {{"version", version}},
          "version " + std::to_string(version) + " of the instrument is retired"};
}
FieldError InstrumentErrors::other_version(std::int64_t version) {
  return {"other_version",
          {{"version", version}},
          "the screening is made with version id " + std::to_string(version)};
}
FieldError InstrumentErrors::unknown_code(const std::string& code) {
  return {"unknown_code", {{"code", code}}, "the instrument has no '" + code + "'"};
}
FieldError InstrumentErrors::bands_not_covering(std::int64_t items) {
  return {"bands_not_covering",
          {{"max", items}},
          "the bands must cover 0 to " + std::to_string(items) + " in order, without gaps"};
}

// Indicators as the IPSN tool groups them (domain.md), each pointing to the categories an
// operator should consider when it is observed; an indicator is a hint, never a finding.
Definition ipsn_definition() {
  using V = std::vector<std::string>;
  const std::vector<std::pair<const char*, std::vector<std::pair<const char*, V>>>> groups = {
      {"profile",
       {{"under_18", {"minor"}},
        {"unaccompanied_child", {"minor", "unaccompanied_minor"}},
        {"elderly", {"elderly"}},
        {"female", {"woman"}},
        {"lgbti", {"lgbtiq"}},
        {"single_parent", {"single_parent"}}}},
      {"physical_signs",
       {{"assault_injuries", {"torture_violence"}},
        {"visible_illness", {"serious_illness"}},
        {"work_injuries", {"trafficking_victim"}},
        {"ownership_marks", {"trafficking_victim"}}}},
      {"health_disability",
       {{"diagnosed_condition", {"serious_illness"}},
        {"motor_disability", {"disability"}},
        {"sensory_impairment", {"disability"}},
        {"intellectual_disability", {"disability"}}}},
      {"sexual_reproductive",
       {{"std", {"serious_illness", "trafficking_victim"}},
        {"sexual_injuries", {"torture_violence"}},
        {"gynaecological_symptoms", {"fgm"}},
        {"fgm_signs", {"fgm"}},
        {"pregnancy", {"pregnant_woman"}}}},
      {"mental_health",
       {{"ptsd", {"mental_disorder", "torture_violence"}},
        {"depression", {"mental_disorder"}},
        {"psychosis", {"mental_disorder"}},
        {"anxiety", {"mental_disorder"}},
        {"other_disorder", {"mental_disorder"}}}},
      {"behaviour",
       {{"impulsive", {"mental_disorder"}},
        {"appetite_change", {"mental_disorder"}},
        {"lack_of_self_care", {"mental_disorder"}},
        {"irregular_speech", {"mental_disorder"}},
        {"uncharacteristic", {"mental_disorder"}},
        {"psychotic_episodes", {"mental_disorder"}},
        {"high_risk", {"mental_disorder", "trafficking_victim"}},
        {"self_harm", {"mental_disorder"}},
        {"memory_problems", {"mental_disorder", "torture_violence"}}}},
      {"trafficking_signs",
       {{"spoken_for", {"trafficking_victim"}},
        {"documents_withheld", {"trafficking_victim"}},
        {"debt", {"trafficking_victim"}}}}};
  Definition d;
  for (const auto& [group, indicators] : groups)
    for (const auto& [code, categories] : indicators)
      d.indicators.push_back({code, group, categories});
  return d;
}

// PROTECT's ten yes/no questions; the bands and the cut-off are not official (domain.md), hence
// data an admin changes by publishing a version.
Definition protect_definition() {
  return {
      .items = {"sleep", "nightmares", "headaches", "body_pain", "irritability",
                "intrusive_memories", "fear", "forgetfulness", "loss_of_interest", "concentration"},
      .bands = {{"low", 0, 3}, {"medium", 4, 7}, {"high", 8, 10}},
      .referral_cut_off = 8};
}

Status check_definition(const std::string& code, const Definition& d) {
  if (code == "ipsn") {
    if (d.indicators.empty()) return refused("indicators", FieldError::too_few_items(1));
    std::set<std::string> seen;
    for (std::size_t k = 0; k < d.indicators.size(); ++k) {
      const auto& i = d.indicators[k];
      const std::string at = "indicators[" + std::to_string(k) + "]";
      if (!seen.insert(i.code).second) return refused(at + ".code", FieldError::taken());
      if (!among(indicator_groups(), i.group))
        return refused(at + ".group", FieldError::not_in_list(indicator_groups()));
      if (i.categories.empty()) return refused(at + ".categories", FieldError::too_few_items(1));
      for (const auto& c : i.categories)
        if (!among(cases::vulnerability_categories(), c))
          return refused(at + ".categories",
                         FieldError::not_in_list(cases::vulnerability_categories()));
    }
    return Status::success();
  }
  if (code != "protect") return refused("code", FieldError::not_in_list(instrument_codes()));
  const auto items = static_cast<std::int64_t>(d.items.size());
  if (items == 0) return refused("items", FieldError::too_few_items(1));
  // Bands follow each other from 0 to the highest score, each named by a severity once.
  std::int64_t next = 0;
  std::set<std::string> names;
  for (const auto& b : d.bands) {
    if (b.min != next || b.max < b.min || !names.insert(b.band).second)
      return refused("bands", InstrumentErrors::bands_not_covering(items));
    if (!among(cases::vulnerability_severities(), b.band))
      return refused("bands", FieldError::not_in_list(cases::vulnerability_severities()));
    next = b.max + 1;
  }
  if (next != items + 1) return refused("bands", InstrumentErrors::bands_not_covering(items));
  if (!d.referral_cut_off) return refused("referral_cut_off", FieldError::required());
  if (*d.referral_cut_off < 1 || *d.referral_cut_off > items)
    return refused("referral_cut_off", FieldError::out_of_range(1, static_cast<double>(items)));
  return Status::success();
}

nlohmann::json definition_json(const Definition& d) {
  nlohmann::json j = nlohmann::json::object();
  if (!d.indicators.empty()) {
    j["indicators"] = nlohmann::json::array();
    for (const auto& i : d.indicators)
      j["indicators"].push_back(
          {{"code", i.code}, {"group", i.group}, {"categories", i.categories}});
  }
  if (!d.items.empty()) j["items"] = d.items;
  if (!d.bands.empty()) {
    j["bands"] = nlohmann::json::array();
    for (const auto& b : d.bands)
      j["bands"].push_back({{"band", b.band}, {"min", b.min}, {"max", b.max}});
  }
  if (d.referral_cut_off) j["referral_cut_off"] = *d.referral_cut_off;
  return j;
}

Definition definition_from_json(const nlohmann::json& j) {
  Definition d;
  for (const auto& i : j.value("indicators", nlohmann::json::array()))
    d.indicators.push_back({i.at("code"), i.at("group"), i.at("categories")});
  d.items = j.value("items", std::vector<std::string>{});
  for (const auto& b : j.value("bands", nlohmann::json::array()))
    d.bands.push_back({b.at("band"), b.at("min"), b.at("max")});
  if (j.contains("referral_cut_off"))
    d.referral_cut_off = j["referral_cut_off"].get<std::int64_t>();
  return d;
}

Result<std::map<std::int64_t, InstrumentVersion>> find_versions(
    db::Connection& conn, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, InstrumentVersion> out;
  if (ids.empty()) return out;
  db::Params params(ids.begin(), ids.end());
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string(kColumns) + " WHERE id IN (" +
                                                   db::placeholders(ids.size()) + ")",
                                               params));
  for (const auto& r : rows) {
    auto v = version_from_row(r);
    out.emplace(v.id, std::move(v));
  }
  return out;
}

Result<InstrumentVersion> find_version(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string(kColumns) + " WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("instrument");
  return version_from_row(rows[0]);
}

Result<InstrumentVersion> current_version(db::Connection& conn, const std::string& code) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string(kColumns) +
                                " WHERE code = ? AND retired_at IS NULL ORDER BY version DESC",
                            {code}));
  if (rows.empty()) return Error::not_found("instrument");
  return version_from_row(rows[0]);
}

Result<std::vector<InstrumentVersion>> all_versions(db::Connection& conn) {
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(std::string(kColumns) + " ORDER BY code, version"));
  std::vector<InstrumentVersion> out;
  for (const auto& r : rows) out.push_back(version_from_row(r));
  return out;
}

Result<InstrumentVersion> publish_version(db::Connection& conn, const std::string& code,
                                          const Definition& d, const std::string& reason,
                                          std::int64_t user_id, const std::string& now) {
  INNET_TRY(check_definition(code, d));
  INNET_ASSIGN_OR_RETURN(
      auto last,
      conn.query("SELECT COALESCE(MAX(version), 0) FROM screening_instruments WHERE code = ?",
                 {code}));
  INNET_TRY(conn.execute(
      "UPDATE screening_instruments SET retired_at = ? WHERE code = ? AND retired_at IS NULL",
      {now, code}));
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query("INSERT INTO screening_instruments (code, version, definition, reason, "
                 "published_by, published_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                 {code, last[0].integer(0) + 1, definition_json(d).dump(), reason, user_id, now}));
  return find_version(conn, rows[0].integer(0));
}

Status check_answers(const InstrumentVersion& v, const std::vector<Answer>& answers) {
  std::set<std::string> known;
  for (const auto& i : v.definition.indicators) known.insert(i.code);
  for (const auto& i : v.definition.items) known.insert(i);
  std::set<std::string> seen;
  for (std::size_t k = 0; k < answers.size(); ++k) {
    const std::string at = "answers[" + std::to_string(k) + "].code";
    if (!known.count(answers[k].code))
      return refused(at, InstrumentErrors::unknown_code(answers[k].code));
    if (!seen.insert(answers[k].code).second) return refused(at, FieldError::taken());
  }
  return Status::success();
}

const api::ObjectType<Answer>& answer_type() {
  static const auto type =
      api::ObjectType<Answer>("ScreeningAnswer")
          .field("code", &Answer::code, {.description = "an indicator's or an item's code"})
          .field("value", &Answer::value,
                 {.description = "marked (IPSN) or answered yes (PROTECT)"});
  return type;
}

const api::ObjectType<Indicator>& indicator_type() {
  static const auto type =
      api::ObjectType<Indicator>("ScreeningIndicator")
          .field("code", &Indicator::code)
          .field("group", &Indicator::group, {.allowed = indicator_groups()})
          .field("categories", &Indicator::categories,
                 {.description = "one or more of the vulnerability categories"});
  return type;
}

const api::ObjectType<Band>& band_type() {
  static const auto type = api::ObjectType<Band>("ScreeningBand")
                               .field("band", &Band::band, {.allowed = {"low", "medium", "high"}})
                               .field("min", &Band::min)
                               .field("max", &Band::max);
  return type;
}

const api::ObjectType<InstrumentVersion>& instrument_version_type() {
  static const auto type =
      api::ObjectType<InstrumentVersion>("ScreeningInstrument")
          .field("id", &InstrumentVersion::id)
          .field("code", &InstrumentVersion::code, {.allowed = instrument_codes()})
          .field("version", &InstrumentVersion::version)
          .field("indicators", [](const InstrumentVersion& v) { return v.definition.indicators; },
                 indicator_type(), {.description = "IPSN: the indicators, in the form's order"})
          .field("items", [](const InstrumentVersion& v) { return v.definition.items; },
                 {.description = "PROTECT: the yes/no questions"})
          .field(
              "bands", [](const InstrumentVersion& v) { return v.definition.bands; }, band_type())
          .field("referral_cut_off",
                 [](const InstrumentVersion& v) { return v.definition.referral_cut_off; },
                 {.description = "PROTECT: from this score a referral is suggested"})
          .field("reason", &InstrumentVersion::reason)
          .field("published_at", &InstrumentVersion::published_at, {.format = "date-time"})
          .field("retired_at", &InstrumentVersion::retired_at, {.format = "date-time"});
  return type;
}

std::vector<db::Migration> instrument_migrations(db::Engine) {
  const std::string tables = R"sql(
CREATE TABLE screening_instruments (
  id {{pk}},
  code TEXT NOT NULL CHECK (code IN ('ipsn', 'protect')),
  version BIGINT NOT NULL,
  definition TEXT NOT NULL,
  reason TEXT,
  published_by BIGINT REFERENCES users (id),
  published_at TEXT NOT NULL,
  retired_at TEXT,
  UNIQUE (code, version)
);
)sql";
  // The shipped versions are written from the same C++ definitions the tests check, so the
  // JSON in the table and the rules agree.
  auto install = [](db::Connection& conn) -> Status {
    for (const auto& [code, d] :
         {std::pair{"ipsn", ipsn_definition()}, {"protect", protect_definition()}}) {
      INNET_TRY(check_definition(code, d));
      INNET_TRY(conn.execute(
          "INSERT INTO screening_instruments (code, version, definition, published_at) "
          "VALUES (?, 1, ?, '2025-01-01T00:00:00Z')",
          {std::string(code), definition_json(d).dump()}));
    }
    return Status::success();
  };
  return {{.version = 1,
           .name = "screening: instruments (IPSN, PROTECT) as versioned data",
           .sql = tables,
           .then = install}};
}

}  // namespace innet::screening

#include "reception/placements/minors.h"

#include <algorithm>
#include <map>

#include "core/clock.h"

namespace innet::reception {

FieldError MinorErrors::needs_minors_place(std::int64_t person) {
  return {"minor_needs_minors_place",
          {{"person", person}},
          "person " + std::to_string(person) +
              " is an unaccompanied minor: only a minors' place may take them"};
}

FieldError MinorErrors::under_16_in_adult_centre(std::int64_t person, std::int64_t age) {
  const std::string said = age < 0 ? "of unknown age" : "aged " + std::to_string(age);
  return {"minor_under_16_in_adult_centre",
          {{"person", person}, {"age", age}},
          "person " + std::to_string(person) + " is an unaccompanied minor " + said +
              ": an adult centre's section takes minors from 16"};
}

FieldError MinorErrors::section_limit(std::int64_t person, std::int64_t limit, std::int64_t used,
                                      std::string day) {
  std::string message = "person " + std::to_string(person) + " has spent " + std::to_string(used) +
                        " days in adult centres' sections: the limit of " + std::to_string(limit) +
                        " days is passed on " + day;
  return {"minor_section_limit",
          {{"person", person}, {"limit", limit}, {"used", used}, {"day", std::move(day)}},
          std::move(message)};
}

FieldError MinorErrors::not_unaccompanied_minor(std::int64_t person) {
  return {"not_unaccompanied_minor",
          {{"person", person}},
          "person " + std::to_string(person) + " is not an unaccompanied minor under 18"};
}

FieldError MinorErrors::under_14_in_temporary_structure(std::int64_t person, std::int64_t age) {
  const std::string said = age < 0 ? "of unknown age" : "aged " + std::to_string(age);
  return {"minor_under_14_in_temporary_structure",
          {{"person", person}, {"age", age}},
          "person " + std::to_string(person) + " is " + said +
              ": a temporary structure for minors takes no one under 14"};
}

FieldError MinorErrors::temporary_structure_cap(std::int64_t limit, std::int64_t guests,
                                                std::int64_t incoming) {
  return {"temporary_structure_cap",
          {{"limit", limit}, {"guests", guests}, {"incoming", incoming}},
          "a temporary structure for minors hosts at most " + std::to_string(limit) +
              " guests: it has " + std::to_string(guests) + " and " + std::to_string(incoming) +
              " would arrive"};
}

std::optional<std::int64_t> age_on(const people::Person& p, CivilDay day) {
  if (!p.birth_date) return std::nullopt;
  const auto born = CivilDay::parse(*p.birth_date);
  if (!born) return std::nullopt;
  const auto b = born->year_month_day(), d = day.year_month_day();
  std::int64_t years = static_cast<int>(d.year()) - static_cast<int>(b.year());
  // Not yet the birthday this year (someone born on 29 February turns a year older on 1 March).
  if (std::pair{static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day())} <
      std::pair{static_cast<unsigned>(b.month()), static_cast<unsigned>(b.day())})
    --years;
  return years;
}

bool unaccompanied_minor_on(const people::Person& p, CivilDay day) {
  if (!p.unaccompanied_minor) return false;
  const auto age = age_on(p, day);
  return !age || *age < kAdultAge;
}

bool minors_structure(const centres::Centre& c) {
  const auto minors = static_cast<std::size_t>(centres::Category::minors);
  return c.places[minors] > 0 && centres::total(c.places) == c.places[minors];
}

Result<SectionStay> section_stay(db::Connection& conn, std::int64_t person_id, CivilDay before) {
  SectionStay stay;
  INNET_ASSIGN_OR_RETURN(
      auto extended,
      conn.query("SELECT COUNT(*) FROM minor_section_extensions WHERE person_id = ?", {person_id}));
  if (extended[0].integer(0) > 0) {
    stay.extended = true;
    stay.limit += kSectionExtensionDays;
  }
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT centre_id, start_date, end_date FROM placements WHERE "
                                    "person_id = ? AND category = 'minors' AND start_date < ?",
                                    {person_id, before.to_string()}));
  std::map<std::int64_t, bool> section;  // centre id -> its minors' places are a section
  for (const auto& r : rows) {
    const std::int64_t centre_id = r.integer(0);
    if (!section.count(centre_id)) {
      INNET_ASSIGN_OR_RETURN(auto centre, centres::find_centre(conn, centre_id));
      section[centre_id] = !minors_structure(centre);
    }
    if (!section[centre_id]) continue;
    INNET_ASSIGN_OR_RETURN(const CivilDay start, stored_day(r.text(1)));
    CivilDay end = before;
    if (!r.is_null(2)) {
      INNET_ASSIGN_OR_RETURN(const CivilDay ended, stored_day(r.text(2)));
      end = std::min(end, ended);
    }
    stay.days_used += std::max<std::int64_t>(0, start.days_until(end));
  }
  return stay;
}

Status check_minors(db::Connection& conn, const std::vector<people::Person>& persons,
                    const centres::Centre& centre, centres::Category category, CivilDay date,
                    CivilDay today, const std::optional<std::string>& override_reason) {
  for (const auto& p : persons) {
    if (centres::temporary_minors_structure(centre) && !override_reason) {
      const auto age = age_on(p, date);
      if ((age && *age < centres::kTemporaryMinorsMinimumAge) || (!age && p.unaccompanied_minor))
        return Error::rule(ErrorKind::unprocessable, "minor_under_14_in_temporary_structure",
                           "person_ids",
                           MinorErrors::under_14_in_temporary_structure(p.id, age.value_or(-1)));
    }
    if (!unaccompanied_minor_on(p, date)) continue;
    if (category != centres::Category::minors)
      return Error::rule(ErrorKind::unprocessable, "minor_needs_minors_place", "category",
                         MinorErrors::needs_minors_place(p.id));
    if (minors_structure(centre) || override_reason) continue;
    const auto age = age_on(p, date);
    if (!age || *age < kSectionMinimumAge)
      return Error::rule(ErrorKind::unprocessable, "minor_under_16_in_adult_centre", "person_ids",
                         MinorErrors::under_16_in_adult_centre(p.id, age.value_or(-1)));
    INNET_ASSIGN_OR_RETURN(auto stay, section_stay(conn, p.id, date));
    // The days this stay covers up to today count as well: a back-dated arrival must not
    // already be past the limit.
    const std::int64_t through_today = stay.days_used + date.days_until(today) + 1;
    if (through_today > stay.limit) {
      const CivilDay passed =
          date.plus_days(std::max<std::int64_t>(0, stay.limit - stay.days_used));
      return Error::rule(
          ErrorKind::conflict, "minor_section_limit", "person_ids",
          MinorErrors::section_limit(p.id, stay.limit, stay.days_used, passed.to_string()));
    }
  }
  return Status::success();
}

Result<std::vector<MinorInSection>> minors_in_sections(db::Connection& conn, CivilDay day,
                                                       const std::optional<db::Subquery>& centres) {
  const std::string text = day.to_string();
  std::string sql =
      "SELECT id FROM placements WHERE category = 'minors' AND start_date <= ? AND "
      "(end_date IS NULL OR end_date > ?)";
  db::Params params{text, text};
  if (centres) {
    sql += " AND centre_id IN (" + centres->sql + ")";
    params.insert(params.end(), centres->params.begin(), centres->params.end());
  }
  INNET_ASSIGN_OR_RETURN(auto rows, conn.query(sql, params));
  std::map<std::int64_t, centres::Centre> centre_of;
  std::vector<MinorInSection> out;
  for (const auto& r : rows) {
    INNET_ASSIGN_OR_RETURN(auto placement, find_placement(conn, r.integer(0)));
    if (!centre_of.count(placement.centre_id)) {
      INNET_ASSIGN_OR_RETURN(auto centre, centres::find_centre(conn, placement.centre_id));
      centre_of.emplace(placement.centre_id, std::move(centre));
    }
    const auto& centre = centre_of.at(placement.centre_id);
    if (minors_structure(centre)) continue;
    INNET_ASSIGN_OR_RETURN(auto person, people::find_person(conn, placement.person_id));
    if (!unaccompanied_minor_on(person, day)) continue;
    INNET_ASSIGN_OR_RETURN(auto stay, section_stay(conn, person.id, day.plus_days(1)));
    const auto age = age_on(person, day);
    out.push_back({std::move(placement), std::move(person), centre.name, age, stay});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.days_left() < b.days_left(); });
  return out;
}

const api::ObjectType<MinorInSection>& minor_in_section_type() {
  using M = const MinorInSection&;
  static const auto type =
      api::ObjectType<MinorInSection>(
          "MinorInSection", "an unaccompanied minor in an adult centre's minors' places on a day")
          .include(
              placement_type(), [](M m) -> const auto& { return m.placement; })
          .field(
              "person", [](M m) -> const auto& { return m.person; }, people::person_summary_type())
          .field("centre_name", &MinorInSection::centre_name)
          .field("age", &MinorInSection::age,
                 {.description = "whole years on the day, from the birth date (estimated or not)"})
          .field("days_used", [](M m) { return m.stay.days_used; },
                 {.description = "days in adult centres' sections through the day"})
          .field("limit_days", [](M m) { return m.stay.limit; },
                 {.description = "90, or 150 when the Prefettura extended the stay"})
          .field("days_left", [](M m) { return m.days_left(); },
                 {.description = "negative when over the limit"})
          .field("extended", [](M m) { return m.stay.extended; });
  return type;
}

Result<SectionExtension> extend_section_stay(db::Connection& conn, const people::Person& person,
                                             const std::string& reason, std::int64_t user_id,
                                             CivilDay today) {
  if (reason.empty())
    return Error::rule(ErrorKind::unprocessable, "reason_required", "reason",
                       FieldError::required());
  if (!unaccompanied_minor_on(person, today))
    return Error::rule(ErrorKind::unprocessable, "not_unaccompanied_minor", "person_id",
                       MinorErrors::not_unaccompanied_minor(person.id));
  SectionExtension e{0, person.id, reason, user_id, clock::now_iso()};
  // The unique index refuses a second extension even between two racing requests.
  auto rows = conn.query(
      "INSERT INTO minor_section_extensions (person_id, reason, granted_by, granted_at) VALUES "
      "(?, ?, ?, ?) RETURNING id",
      {e.person_id, e.reason, e.granted_by, e.granted_at});
  if (!rows.ok()) {
    if (rows.error().code != "unique_violation") return rows.take_error();
    return Error::make(ErrorKind::conflict, "already_extended",
                       "the stay of person " + std::to_string(person.id) +
                           " in adult centres' sections was already extended");
  }
  e.id = rows.value()[0].integer(0);
  return e;
}

const api::ObjectType<SectionExtension>& section_extension_type() {
  static const auto type =
      api::ObjectType<SectionExtension>(
          "SectionExtension",
          "the Prefettura's extension of a minor's stay in adult centres' sections by " +
              std::to_string(kSectionExtensionDays) + " days")
          .field("id", &SectionExtension::id)
          .field("person_id", &SectionExtension::person_id)
          .field("reason", &SectionExtension::reason)
          .field("granted_by", &SectionExtension::granted_by)
          .field("granted_at", &SectionExtension::granted_at, {.format = "date-time"});
  return type;
}

std::vector<db::Migration> minor_migrations() {
  return {{34, "reception: extensions of minors' stays in adult centres' sections", R"sql(
CREATE TABLE minor_section_extensions (
  id {{pk}},
  person_id BIGINT NOT NULL UNIQUE REFERENCES persons (id),
  reason TEXT NOT NULL CHECK (reason <> ''),
  granted_by BIGINT NOT NULL REFERENCES users (id),
  granted_at TEXT NOT NULL
);
)sql"}};
}

}  // namespace innet::reception

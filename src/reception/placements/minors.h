// Unaccompanied minors (MSNA) in reception (decision 0020). A person flagged
// people::Person::unaccompanied_minor and under 18 on a placement's date (age from birth_date,
// estimated or not; unknown when there is none) is placed only in a minors' place. A minors'
// structure is a centre whose places are all minors' places; the minors' places of any other
// centre are that adult centre's dedicated section (art. 19 c. 3-bis d.lgs. 142/2015, as DL
// 133/2023 amended it), which takes a minor only from 16 and for at most 90 days, 60 more when the
// Prefettura extends the stay. The Prefettura may override the age and the day limit with a
// recorded reason (placements.override); never the minors' place itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "centres/centres.h"
#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "people/persons.h"
#include "reception/placements/placements.h"

namespace innet::reception {

inline constexpr std::int64_t kAdultAge = 18;
inline constexpr std::int64_t kSectionMinimumAge = 16;
inline constexpr std::int64_t kSectionDays = 90;
inline constexpr std::int64_t kSectionExtensionDays = 60;

// The field errors of these rules (decision 0013), kept beside them as centres' TenderErrors are.
struct MinorErrors {
  // An unaccompanied minor named with a category other than minors.
  static FieldError needs_minors_place(std::int64_t person);
  // Under 16, or of unknown age, in an adult centre's section. `age` -1 when unknown.
  static FieldError under_16_in_adult_centre(std::int64_t person, std::int64_t age);
  // The stay in adult centres' sections would pass its limit on `day`.
  static FieldError section_limit(std::int64_t person, std::int64_t limit, std::int64_t used,
                                  std::string day);
  // An extension for a person who is not an unaccompanied minor.
  static FieldError not_unaccompanied_minor(std::int64_t person);
  // Under 14, or a flagged minor of unknown age, in a temporary structure for minors. `age` -1
  // when unknown.
  static FieldError under_14_in_temporary_structure(std::int64_t person, std::int64_t age);
  // A temporary structure for minors would host more than `limit` guests: `guests` at its
  // fullest from the date to today, `incoming` more.
  static FieldError temporary_structure_cap(std::int64_t limit, std::int64_t guests,
                                            std::int64_t incoming);
};

// Whole years on `day`; none without a birth date.
std::optional<std::int64_t> age_on(const people::Person& p, CivilDay day);
// Flagged unaccompanied and not known to be 18 or older on `day`.
bool unaccompanied_minor_on(const people::Person& p, CivilDay day);
// A centre whose places are all minors' places; the minors' places of others are a section.
bool minors_structure(const centres::Centre& c);

// A minor's days in adult centres' sections, each day of a placement in a minors' place at a
// centre that is not a minors' structure, before `before`; and the limit that applies.
struct SectionStay {
  std::int64_t days_used = 0;
  std::int64_t limit = kSectionDays;
  bool extended = false;
};
Result<SectionStay> section_stay(db::Connection& conn, std::int64_t person_id, CivilDay before);

// The rules above for persons arriving at `centre` in `category` on `date`: 422
// minor_needs_minors_place (field category), 422 minor_under_16_in_adult_centre and 409
// minor_section_limit (field person_ids; a stay back-dated must fit its limit up to today). In a
// temporary structure for minors (centres::temporary_minors_structure), 422
// minor_under_14_in_temporary_structure (field person_ids) for anyone under 14 or a flagged minor
// of unknown age. With an override reason all but the first give way.
Status check_minors(db::Connection& conn, const std::vector<people::Person>& persons,
                    const centres::Centre& centre, centres::Category category, CivilDay date,
                    CivilDay today, const std::optional<std::string>& override_reason);

// An unaccompanied minor in an adult centre's section on a day: the list of the Prefettura's
// officers (and of an operator's staff, for its centres), fewest days left first.
struct MinorInSection {
  Placement placement;
  people::Person person;
  std::string centre_name;
  std::optional<std::int64_t> age;
  SectionStay stay;  // days used through the day
  std::int64_t days_left() const { return stay.limit - stay.days_used; }
};
// `centres`: only these centres (an operator's, from centres::centres_run_by), else all.
Result<std::vector<MinorInSection>> minors_in_sections(db::Connection& conn, CivilDay day,
                                                       const std::optional<db::Subquery>& centres);
const api::ObjectType<MinorInSection>& minor_in_section_type();

// The Prefettura's extension of a minor's stay in adult centres' sections by 60 days, once.
struct SectionExtension {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string reason;
  std::int64_t granted_by = 0;
  std::string granted_at;
};
// Refused: no reason (422 reason_required), a person not flagged unaccompanied or already 18
// (422 not_unaccompanied_minor), a second extension (409 already_extended).
Result<SectionExtension> extend_section_stay(db::Connection& conn, const people::Person& person,
                                             const std::string& reason, std::int64_t user_id,
                                             CivilDay today);
const api::ObjectType<SectionExtension>& section_extension_type();

std::vector<db::Migration> minor_migrations();

}  // namespace innet::reception

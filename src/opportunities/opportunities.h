// Opportunities (issue 12, point 5; decision 0039): jobs, training, Italian courses, events and
// calls that an organisation of the network publishes for the people it serves, with dates, a
// place, who it is for, how to apply and an expiry after which it leaves the public lists. An
// operator recommends one to a person, and the recommendation is recorded on the case.
// Model, checks and storage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/field_error.h"
#include "core/paging.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"

namespace innet::opportunities {

const std::vector<std::string>& kinds();     // job, training, italian_course, event, call
const std::vector<std::string>& statuses();  // draft, published, withdrawn
// The portal's languages; Italian is the main text, the others are translations of it.
const std::vector<std::string>& languages();
// Who it is for: the directory profile's target groups (directory/profile.h), one vocabulary.
const std::vector<std::string>& target_groups();

inline constexpr std::size_t kTitleMaxLength = 200;
inline constexpr std::size_t kTextMaxLength = 4000;

struct Translation {
  std::string language;  // not Italian
  std::string title;
  std::string description;
  std::string how_to_apply;  // may be empty: the Italian one is shown
};

struct Opportunity {
  std::int64_t id = 0;
  std::string kind;
  std::string status = "draft";
  std::string title;  // Italian
  std::string description;
  std::string how_to_apply;
  std::optional<std::string> url;           // https:// only
  std::optional<std::string> place;         // an address or "online"
  std::optional<std::string> municipality;  // ISTAT code of one of the 82
  std::optional<std::string> starts_on;     // days, YYYY-MM-DD
  std::optional<std::string> ends_on;
  std::string expires_on;  // the last day it is shown to the public
  bool free = true;
  std::vector<std::string> target_groups;  // empty: everyone
  std::vector<Translation> translations;
  std::int64_t publisher_organization_id = 0;
  std::int64_t updated_by = 0;
  std::string created_at;
  std::string updated_at;
};

// The texts a reader of `language` gets: its translation, else the Italian (`language` then "it").
struct Texts {
  std::string language;
  std::string title;
  std::string description;
  std::string how_to_apply;
  // Italian where the translation leaves "how to apply" empty: a reader's page marks the text with
  // its own language (a screen reader reads Italian as Italian).
  std::string how_to_apply_language;
};
Texts texts_in(const Opportunity& o, const std::string& language);

bool is_current(const Opportunity& o, const std::string& today);  // published, not expired

// The refusals only opportunities make (core/field_error.h keeps the shared ones).
struct OpportunityErrors {
  static FieldError not_https();               // a link that is not https://
  static FieldError twice(std::string value);  // a target group or a language listed twice
};

// Field by field: the dates in order, an https:// url, a known municipality and target groups,
// each translated language once and never Italian. 422 naming the field.
Status check(const Opportunity& o);

struct Filter {
  std::string words;  // in the title or description, Italian or translated
  std::string kind;
  std::string status;
  std::string target_group;
  std::string municipality;
  // Public lists: published and not expired on `today`.
  bool current_only = false;
  std::string today;
  // Staff lists: published ones, and any of this organisation's (null: every one).
  std::optional<std::int64_t> drafts_of;
  std::string sort = "expires_on";  // expires_on, -updated_at, title
};
const std::vector<std::string>& sorts();

Result<Opportunity> create(db::Connection& conn, Opportunity o, const std::string& now);
// Replaces the fields, the target groups and the translations.
Result<Opportunity> update(db::Connection& conn, Opportunity o, const std::string& now);
Result<std::optional<Opportunity>> find(db::Connection& conn, std::int64_t id);
Result<db::Page<Opportunity>> list(db::Connection& conn, const Filter& f, const Paging& paging);

// An operator's recommendation of an opportunity to the person of a case.
struct Recommendation {
  std::int64_t id = 0;
  std::int64_t opportunity_id = 0;
  std::int64_t case_id = 0;
  std::optional<std::string> note;
  std::int64_t recommended_by = 0;
  std::string recommended_at;
};
Result<Recommendation> recommend(db::Connection& conn, Recommendation r);
// A case's recommendations, newest first.
Result<std::vector<Recommendation>> recommendations_of(db::Connection& conn, std::int64_t case_id);

std::vector<db::Migration> migrations(db::Engine engine);

}  // namespace innet::opportunities

// Screening instruments as versioned data (issue 11 point 2, decision 0031): an instrument has a
// code (`ipsn`, `protect`) and versions 1, 2, ...; a version's definition is JSON stored whole,
// published once and never changed, so a screening made with it reads the same forever. A new
// version (other bands, another cut-off, other links from indicators to categories) retires the
// one before it: new screenings take the current version, old ones keep theirs.
//
// The words of indicators, items and groups are not here: the web shows them in six languages by
// code (screening namespace), and a code it has no words for shows as the code.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/object_type.h"
#include "core/field_error.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"

namespace innet::screening {

const std::vector<std::string>& instrument_codes();  // ipsn, protect
// The indicator groups of the IPSN tool (domain.md), in the order of its form.
const std::vector<std::string>& indicator_groups();

// IPSN: an observed indicator and the categories (cases::vulnerability_categories()) it points to.
struct Indicator {
  std::string code;
  std::string group;  // one of indicator_groups()
  std::vector<std::string> categories;
};

// PROTECT: a band of scores [min, max], named by the severity it suggests (low, medium, high).
struct Band {
  std::string band;
  std::int64_t min = 0;
  std::int64_t max = 0;
};

struct Definition {
  std::vector<Indicator> indicators;             // ipsn
  std::vector<std::string> items;                // protect: yes/no questions, one point per yes
  std::vector<Band> bands;                       // protect, covering 0..items without gaps
  std::optional<std::int64_t> referral_cut_off;  // protect: a score from here suggests referral
};

struct InstrumentVersion {
  std::int64_t id = 0;
  std::string code;
  std::int64_t version = 0;
  Definition definition;
  std::optional<std::string> reason;         // why it was published (none for the shipped ones)
  std::optional<std::int64_t> published_by;  // none for the shipped ones
  std::string published_at;
  std::optional<std::string> retired_at;  // when a newer version replaced it
};

// The category a PROTECT score at or above the cut-off suggests.
inline constexpr const char* kProtectCategory = "torture_violence";

// The refusals of instruments and answers (decision 0013).
struct InstrumentErrors {
  static FieldError retired(std::int64_t version);           // answers to a retired version
  static FieldError other_version(std::int64_t version);     // answers naming another version
  static FieldError unknown_code(const std::string& code);   // no such indicator or item
  static FieldError bands_not_covering(std::int64_t items);  // 0..items, in order, no gaps
};

// The rules of a definition for its instrument, each refusal naming its field
// (indicators[3].categories, bands, referral_cut_off).
Status check_definition(const std::string& code, const Definition& d);

nlohmann::json definition_json(const Definition& d);
Definition definition_from_json(const nlohmann::json& j);

// Publishes `d` as the next version of `code` and retires the current one, in the caller's
// transaction.
Result<InstrumentVersion> publish_version(db::Connection& conn, const std::string& code,
                                          const Definition& d, const std::string& reason,
                                          std::int64_t user_id, const std::string& now);
// 404 "instrument" when there is none.
Result<InstrumentVersion> find_version(db::Connection& conn, std::int64_t id);
// The versions among these ids, by id, in one statement.
Result<std::map<std::int64_t, InstrumentVersion>> find_versions(
    db::Connection& conn, const std::vector<std::int64_t>& ids);
// The version new screenings of `code` take.
Result<InstrumentVersion> current_version(db::Connection& conn, const std::string& code);
// Every version, by code then version.
Result<std::vector<InstrumentVersion>> all_versions(db::Connection& conn);

// What the shipped versions 1 are made of.
Definition ipsn_definition();
Definition protect_definition();

// One answer: an IPSN indicator marked (true) or not, a PROTECT item answered yes or no.
struct Answer {
  std::string code;
  bool value = false;
};

// The answers a version accepts: every code one of its indicators or items, each once (field
// `answers[i].code` otherwise).
Status check_answers(const InstrumentVersion& v, const std::vector<Answer>& answers);

const api::ObjectType<Answer>& answer_type();
const api::ObjectType<Indicator>& indicator_type();
const api::ObjectType<Band>& band_type();
const api::ObjectType<InstrumentVersion>& instrument_version_type();

std::vector<db::Migration> instrument_migrations(db::Engine engine);

}  // namespace innet::screening

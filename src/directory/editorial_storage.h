// The editorial workflow's tables (migration 3, decision 0038): changes proposed to a service's
// fields and their moderation, the public's suggestions, and the public's feedback kept only as
// counts per service and language. Also the staff's list of listings (search, sort, paging, the
// unverified flag) and a listing's verification. SQL of these tables lives here only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"

namespace innet::directory {

db::Migration editorial_migration();

// --- Listings as the staff see them ---------------------------------------------------------

struct EditorialListing {
  std::string id;
  std::string name;
  std::string status;
  std::optional<std::string> organization_id;  // HSDS organisation
  std::optional<std::string> organization_name;
  std::optional<std::int64_t> owner_id;  // InNet organisation that keeps it
  std::optional<std::string> last_modified;
  std::optional<std::string> last_verified_on;  // YYYY-MM-DD
  std::optional<std::int64_t> verified_by;
  std::int64_t pending_changes = 0;
};

struct ListingFilter {
  std::optional<std::int64_t> owner_id;  // only the listings this InNet organisation keeps
  std::string q;                         // in the name, case-insensitive
  bool unverified_only = false;
  std::string stale_before;   // YYYY-MM-DD: verified before it (or never) = stale
  std::string sort = "name";  // name, organization, last_verified_on, last_modified
  bool descending = false;
};
Result<db::Page<EditorialListing>> list_listings(db::Connection& c, const ListingFilter& f,
                                                 const Paging& paging);
Result<std::optional<EditorialListing>> find_listing(db::Connection& c, const std::string& id);
Result<std::int64_t> count_stale(db::Connection& c, std::int64_t owner_id,
                                 const std::string& stale_before);
// The owner's stale listings, least recently verified first (never verified first).
Result<std::vector<EditorialListing>> stale_listings(db::Connection& c, std::int64_t owner_id,
                                                     const std::string& stale_before,
                                                     std::int64_t limit);
Status set_verified(db::Connection& c, const std::string& service_id, const std::string& day,
                    std::int64_t user_id);
// Links an HSDS organisation to the InNet organisation that keeps its listings (or unlinks it).
Status set_owner(db::Connection& c, const std::string& organization_id,
                 std::optional<std::int64_t> owner_id);
Status set_last_modified(db::Connection& c, const std::string& service_id,
                         const std::string& timestamp);

// A translation of a record's field (directory_translations; table "service").
// Writes it, or deletes it when its text is empty.
Status put_translation(db::Connection& c, const std::string& table, const std::string& record_id,
                       const std::string& field, const std::string& language,
                       const std::string& text);
// Deletes the records of an HSDS table whose `field` is `value` (a service's own phones).
Status delete_where(db::Connection& c, const char* sql_table, const char* field,
                    const std::string& value);

// --- Changes --------------------------------------------------------------------------------

struct Change {
  std::int64_t id = 0;
  std::string service_id;
  std::optional<std::int64_t> owner_id;  // the InNet organisation keeping the service then
  std::int64_t proposed_by = 0;
  std::string proposed_by_name;
  std::string proposed_at;
  std::string fields;  // JSON object: the proposed values, by field
  std::optional<std::string> note;
  std::string state;  // pending, approved, rejected
  std::optional<std::int64_t> decided_by;
  std::optional<std::string> decided_by_name;
  std::optional<std::string> decided_at;
  std::optional<std::string> reason;
  std::optional<std::int64_t> suggestion_id;
  std::string service_name;
};
struct ChangeFilter {
  std::optional<std::int64_t> owner_id;
  std::optional<std::string> service_id;
  std::string state;  // empty: any
};
Result<std::int64_t> insert_change(db::Connection& c, const Change& change);
Result<db::Page<Change>> list_changes(db::Connection& c, const ChangeFilter& f,
                                      const Paging& paging);
Result<std::optional<Change>> find_change(db::Connection& c, std::int64_t id);
// Moves a pending change to approved or rejected; a conflict when it is no longer pending.
Status decide_change(db::Connection& c, std::int64_t id, const std::string& state,
                     std::int64_t user_id, const std::string& at,
                     const std::optional<std::string>& reason);

// --- Suggestions ------------------------------------------------------------------------------

struct Suggestion {
  std::int64_t id = 0;
  std::string service_id;
  std::string service_name;
  std::string field;  // name, address, hours, phone, other
  std::string text;
  std::string received_on;  // the day only: no finer trace of who sent it
  std::string state;        // pending, handled, rejected
  std::optional<std::int64_t> decided_by;
  std::optional<std::string> decided_at;
  std::optional<std::string> note;
  std::optional<std::int64_t> change_id;
};
Status insert_suggestion(db::Connection& c, const std::string& service_id, const std::string& field,
                         const std::string& text, const std::string& day);
Result<db::Page<Suggestion>> list_suggestions(db::Connection& c, const std::string& state,
                                              const Paging& paging);
Result<std::optional<Suggestion>> find_suggestion(db::Connection& c, std::int64_t id);
Status decide_suggestion(db::Connection& c, std::int64_t id, const std::string& state,
                         std::int64_t user_id, const std::string& at,
                         const std::optional<std::string>& note,
                         std::optional<std::int64_t> change_id);

// --- Feedback -------------------------------------------------------------------------------

// One answer added to its service's counts for its language ("" when not given).
Status add_feedback(db::Connection& c, const std::string& service_id, const std::string& language,
                    bool helped, std::optional<int> quality);
struct FeedbackCounts {
  std::string language;
  std::int64_t count = 0, helped = 0, rated = 0, quality_sum = 0;
};
struct ServiceFeedback {
  std::string service_id;
  std::string service_name;
  std::vector<FeedbackCounts> languages;
  FeedbackCounts total;
};
// Services with feedback, most answers first; of one service when `service_id` is given.
Result<db::Page<ServiceFeedback>> list_feedback(db::Connection& c,
                                                const std::optional<std::string>& service_id,
                                                const std::optional<std::int64_t>& owner_id,
                                                const Paging& paging);

// Whether the service exists and is active (the public's writes name only those).
Result<bool> is_active_service(db::Connection& c, const std::string& service_id);

}  // namespace innet::directory

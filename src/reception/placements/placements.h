// Who is hosted where: placements of persons in centres, and the operations that change them
// (arrival, transfer, exit). A placement covers the days [start_date, end_date): a guest is
// counted on the day of arrival and not on the day of exit, so a transfer on day T closes one
// placement and opens the next on the same date without counting the person twice.
// Rules kept here, for every caller: a person has at most one open placement; the placements of
// a person never overlap; no date is in the future; a full, suspended or closed centre takes no
// one unless an override reason is given (the routes allow that to the Prefettura only).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/object_type.h"
#include "centres/centres.h"
#include "core/civil_day.h"
#include "core/result.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"
#include "people/visibility.h"

namespace innet::reception {

const std::vector<std::string>& arrival_origins();  // landing, hotspot, transfer, direct
const std::vector<std::string>& exit_reasons();     // the reasons an exit may give
// The exit reason a transfer writes on the placement it closes (not accepted from callers).
inline constexpr const char* kTransferredReason = "transferred";

struct Placement {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::int64_t centre_id = 0;
  centres::Category category = centres::Category::single_men;
  std::string start_date;
  std::string arrival_from;  // one of arrival_origins()
  std::optional<std::string> end_date;
  std::optional<std::string> exit_reason;
  std::optional<std::string> exit_note;
  std::optional<std::int64_t> previous_placement_id;  // the placement a transfer closed
  std::optional<std::string> override_reason;         // why a full or closed centre took the person
  std::string created_at;
  // When the exit was written: the tamper check tells a back-dated exit, recorded through the
  // product after a day was confirmed, from a change made outside it.
  std::optional<std::string> exit_recorded_at;

  bool open() const { return !end_date.has_value(); }
};

struct Arrival {
  std::vector<std::int64_t> person_ids;  // a family arrives together
  std::int64_t centre_id = 0;
  centres::Category category = centres::Category::single_men;
  CivilDay date = kEarliestDay;
  std::string arrival_from = "direct";
  std::optional<std::string> override_reason;
};

struct Transfer {
  std::vector<std::int64_t> person_ids;  // a family moves together
  std::int64_t to_centre_id = 0;
  std::optional<centres::Category> category;  // default: the category of the placement closed
  CivilDay date = kEarliestDay;
  std::optional<std::string> override_reason;
};

struct Exit {
  std::vector<std::int64_t> person_ids;
  CivilDay date = kEarliestDay;
  std::string reason;  // one of exit_reasons()
  std::optional<std::string> note;
};

// Each operation runs inside the caller's transaction and either applies to every person or
// returns an error having changed nothing the caller will commit. `today` is the local date.
Result<std::vector<Placement>> place(db::Connection& conn, const Arrival& a, CivilDay today);
Result<std::vector<Placement>> transfer(db::Connection& conn, const Transfer& t, CivilDay today);
Result<std::vector<Placement>> record_exit(db::Connection& conn, const Exit& e, CivilDay today);

// The Prefettura's correction of a mistaken exit or transfer (issue 9 point 7). An exit: the
// placement is open again from its original exit day, as if the exit had not happened. A
// transfer: the placement it opened is annulled (it ends on its first day, covering none) and
// the original one is open again. The correction row keeps what the placement said before
// (original_*), the reason and who corrected when: history is not deleted, and the register's
// tamper check reads it to see confirmed days as they were (the days in between change and
// await a new confirmation; nothing is tampering).
struct Correction {
  std::int64_t id = 0;
  std::int64_t placement_id = 0;  // reopened
  std::string kind;               // exit, transfer
  std::string original_end_date;
  std::string original_exit_reason;
  std::optional<std::string> original_exit_note;
  std::optional<std::string> original_exit_recorded_at;
  std::optional<std::int64_t> annulled_placement_id;  // transfer: the placement it had opened
  std::string reason;
  std::int64_t corrected_by = 0;
  std::string corrected_at;
};

// Refused: no reason (422 reason_required, field reason); a placement still open (409
// not_closed); after a transfer, the person moved again or left (409 placement_changed); after an
// exit, another placement of the person since (409 placement_overlap); the centre without room
// for the person on every day since the exit, or no longer taking guests (409 centre_full,
// centre_not_accepting).
Result<Correction> correct_placement(db::Connection& conn, std::int64_t placement_id,
                                     const std::string& reason, std::int64_t user_id,
                                     CivilDay today);
// The corrections of placements at a centre (the tamper check).
Result<std::vector<Correction>> centre_corrections(db::Connection& conn, std::int64_t centre_id);
const api::ObjectType<Correction>& correction_type();

// Many placements in few statements, for data generation and imports: no rule is checked, the
// caller guarantees them, and rebuilds the occupancy snapshots afterwards (snapshots.h). Sets
// each one's id; a placement may name an earlier one of the same
// batch as previous_placement_id through `previous_index` (its position in the batch).
struct PlacementRow {
  Placement placement;
  std::optional<std::size_t> previous_index;
};
Status insert_placements(db::Connection& conn, std::vector<PlacementRow>& rows);

Result<Placement> find_placement(db::Connection& conn, std::int64_t id);
Result<std::vector<Placement>> person_placements(db::Connection& conn, std::int64_t person_id);
// The placements at a centre that cover at least one day of [from, to).
Result<std::vector<Placement>> placements_between(db::Connection& conn, std::int64_t centre_id,
                                                  CivilDay from, CivilDay to);
// The same, with the placements that ended before `from` by an exit recorded after
// `exits_recorded_after`: the register's tamper check needs them to see a day as it was confirmed,
// before a back-dated exit (or a revocation) took the guest off it.
Result<std::vector<Placement>> placements_between_as_recorded(
    db::Connection& conn, std::int64_t centre_id, CivilDay from, CivilDay to,
    const std::string& exits_recorded_after);
// The placements that start or end on a day of [from, to), at every centre or at those
// `centre_ids` selects: the movements of a period (the Ministry's movements export), by id.
Result<std::vector<Placement>> placements_moving_between(
    db::Connection& conn, CivilDay from, CivilDay to,
    const std::optional<db::Subquery>& centre_ids = std::nullopt);
// The guests of a centre on a day.
Result<std::vector<Placement>> placements_on(db::Connection& conn, std::int64_t centre_id,
                                             CivilDay day);
// The organisations running a centre where the person is or was placed (the operator scope).
Result<std::vector<std::int64_t>> hosting_organizations(db::Connection& conn,
                                                        std::int64_t person_id);
// The persons placed, now or before, in the centres the organisation runs (its staff's view).
db::Subquery persons_hosted_by(std::int64_t organization_id);
// The centres these persons stay in now (their open placements), for people's search results.
Result<std::vector<people::CurrentPlace>> current_places(db::Connection& conn,
                                                         const std::vector<std::int64_t>& ids);
// The persons staying now in a centre (their open placement is there), for another module's
// list (`person_id IN (...)`, the index placements_open_centre): only when the centre is run by
// `run_by`, if given (a caller who may read its own organisation's centres only).
db::Subquery persons_staying_in(std::int64_t centre_id, std::optional<std::int64_t> run_by);

// A person's arrival in the network (the first placement's day) and who takes the person in
// charge: the organisation running the centre of the latest placement, and whether the person
// is still there. For generating national data (cases at national scale); by person.
struct InCharge {
  std::int64_t person_id = 0;
  std::string arrived;
  std::int64_t operator_id = 0;
  std::string last_start;              // the latest placement's first day
  std::optional<std::string> left_on;  // its last day; none while the person stays
};
Result<std::vector<InCharge>> in_charge(db::Connection& conn);

const api::ObjectType<Placement>& placement_type();
nlohmann::json to_json(const Placement& p);

std::vector<db::Migration> placement_migrations(db::Engine engine);

}  // namespace innet::reception

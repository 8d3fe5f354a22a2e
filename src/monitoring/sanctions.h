// The sanction ladder (decision 0023): formal notice (contestazione) -> the operator's reply ->
// penalty -> special administration (commissariamento, DL 20/2023) or termination, each recorded
// as a dated decision with its protocol number, a note and documents. Penalties follow art. 126
// d.lgs. 36/2023: days late x a daily rate per mille x the contract's net amount, the rate within
// the bounds in force for the contract, their total on a contract never above 10% of its net
// amount; the penalty that reaches 10% records a termination proposal beside it.
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
#include "documents/documents.h"

namespace innet::monitoring {

// formal_notice, reply, penalty, special_administration, termination, termination_proposal (the
// last only recorded by a penalty reaching 10%, never posted).
const std::vector<std::string>& sanction_kinds();
const std::vector<std::string>& decided_sanction_kinds();  // all but termination_proposal

// The daily rate's bounds, in millionths of the net amount (1 per mille = 1000): 300-1000 for
// contracts that started before d.lgs. 209/2024 came into force (31 December 2024), 500-1500
// from that day.
struct RateBounds {
  std::int64_t min_millionths = 0;
  std::int64_t max_millionths = 0;
  std::string rule;  // "d.lgs. 36/2023" or "d.lgs. 209/2024"
};
inline constexpr CivilDay kCorrectiveDecreeInForce{std::chrono::year{2024} / 12 / 31};
RateBounds penalty_rate_bounds(CivilDay contract_start);

// days x rate (millionths) x net amount, rounded half up to the cent.
std::int64_t penalty_cents(std::int64_t net_cents, std::int64_t days_late,
                           std::int64_t rate_millionths);

struct Sanction {
  std::int64_t id = 0;
  std::int64_t centre_id = 0;
  std::optional<std::int64_t> contract_id;  // required for a penalty and a termination
  std::optional<std::int64_t> finding_id;   // the escalated finding it follows, if any
  std::string kind;
  std::string decided_on;               // YYYY-MM-DD
  std::optional<std::string> protocol;  // decree or protocol number; null for the proposal
  std::optional<std::string> note;
  std::optional<std::int64_t> days_late;        // penalty
  std::optional<std::int64_t> rate_millionths;  // penalty; 1000 = 1 per mille
  std::optional<double> rate_per_mille;         // the same, as the decree writes it
  std::optional<std::int64_t> amount_cents;     // penalty
  std::optional<std::int64_t> raised_by;        // termination_proposal: the penalty
  std::int64_t created_by = 0;
  std::string created_at;
  std::vector<documents::Document> documents;
};

struct NewSanction {
  std::int64_t centre_id = 0;
  std::optional<std::int64_t> contract_id;
  std::optional<std::int64_t> finding_id;
  std::string kind;
  CivilDay decided_on = kEarliestDay;
  std::string protocol;
  std::optional<std::string> note;
  std::optional<std::int64_t> days_late;
  std::optional<std::int64_t> rate_millionths;
};

struct SanctionErrors {
  static FieldError rate_out_of_bounds(double min_per_mille, double max_per_mille,
                                       std::string rule);
  // The penalty would take the contract's total above 10% of its net amount.
  static FieldError penalty_cap(std::int64_t cap_cents, std::int64_t total_cents,
                                std::int64_t remaining_cents);
  static FieldError only_for_penalty();
};

// What a sanction recorded: itself, and the termination proposal a penalty reaching 10% raised.
struct RecordedSanction {
  Sanction sanction;
  std::optional<Sanction> termination_proposal;
};

// Records a decision in the caller's transaction. The centre must exist (the routes check the
// caller's scope); the contract and the finding, when named, are the centre's (422 otherwise).
// A special administration puts the centre in that status. A decision dated after `today` is
// refused (a typing mistake: acts are recorded once taken).
Result<RecordedSanction> record_sanction(db::Connection& conn, const NewSanction& n,
                                         std::int64_t user_id, const std::string& now,
                                         CivilDay today);

Result<Sanction> find_sanction(db::Connection& conn, std::int64_t id);

struct SanctionFilter {
  std::optional<std::int64_t> centre_id;
  std::optional<std::int64_t> contract_id;
  std::optional<std::string> kind;
  std::optional<db::Subquery> centres;  // only the decisions on these centres
  // Decisions only, not the termination proposals a penalty raised: what the operator reads
  // (a proposal is the Prefettura's internal prompt, not an act sent to it).
  bool decisions_only = false;
};
// Newest decision first.
Result<std::vector<Sanction>> list_sanctions(db::Connection& conn, const SanctionFilter& f);

// Where a contract stands against the 10% cap.
struct PenaltyStatus {
  std::int64_t contract_id = 0;
  std::string start_date;
  std::string end_date;
  std::int64_t net_cents = 0;
  std::int64_t cap_cents = 0;  // 10% of the net amount
  std::int64_t penalties_cents = 0;
  std::int64_t remaining_cents = 0;
  double min_rate_per_mille = 0;
  double max_rate_per_mille = 0;
  std::string rule;
  bool termination_proposed = false;
};
Result<PenaltyStatus> penalty_status(db::Connection& conn, const centres::Contract& contract);

inline constexpr const char* kSanctionOwnerKind = "monitoring.sanction";

const api::ObjectType<Sanction>& sanction_type();
const api::ObjectType<RecordedSanction>& recorded_sanction_type();
const api::ObjectType<PenaltyStatus>& penalty_status_type();

std::vector<db::Migration> sanction_migrations(db::Engine engine);

}  // namespace innet::monitoring

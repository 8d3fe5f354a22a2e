#include "monitoring/sanctions.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "monitoring/findings.h"

namespace innet::monitoring {

const std::vector<std::string>& sanction_kinds() {
  static const std::vector<std::string> names = {"formal_notice", "reply",
                                                 "penalty",       "special_administration",
                                                 "termination",   "termination_proposal"};
  return names;
}

const std::vector<std::string>& decided_sanction_kinds() {
  static const std::vector<std::string> names = {"formal_notice", "reply", "penalty",
                                                 "special_administration", "termination"};
  return names;
}

RateBounds penalty_rate_bounds(CivilDay contract_start) {
  if (contract_start < kCorrectiveDecreeInForce) return {300, 1000, "d.lgs. 36/2023"};
  return {500, 1500, "d.lgs. 209/2024"};
}

std::int64_t penalty_cents(std::int64_t net_cents, std::int64_t days_late,
                           std::int64_t rate_millionths) {
  return (net_cents * days_late * rate_millionths + 500'000) / 1'000'000;
}

FieldError SanctionErrors::rate_out_of_bounds(double min_per_mille, double max_per_mille,
                                              std::string rule) {
  std::string message = "the daily rate is from " + nlohmann::json(min_per_mille).dump() + " to " +
                        nlohmann::json(max_per_mille).dump() + " per mille under " + rule;
  return {"rate_out_of_bounds",
          {{"min", min_per_mille}, {"max", max_per_mille}, {"rule", std::move(rule)}},
          std::move(message)};
}
FieldError SanctionErrors::penalty_cap(std::int64_t cap_cents, std::int64_t total_cents,
                                       std::int64_t remaining_cents) {
  return {"penalty_cap",
          {{"cap_cents", cap_cents},
           {"total_cents", total_cents},
           {"remaining_cents", remaining_cents}},
          "penalties on a contract never exceed 10% of its net amount: " +
              std::to_string(remaining_cents) + " cents remain"};
}
FieldError SanctionErrors::only_for_penalty() {
  return {"only_for_penalty", {}, "only a penalty has days late and a daily rate"};
}

namespace {

constexpr const char* kColumns =
    "id, centre_id, contract_id, finding_id, kind, decided_on, protocol, note, days_late, "
    "rate_millionths, amount_cents, raised_by, created_by, created_at";

Sanction sanction_from(const db::Row& r) {
  Sanction s;
  s.id = r.integer(0);
  s.centre_id = r.integer(1);
  s.contract_id = r.opt_integer(2);
  s.finding_id = r.opt_integer(3);
  s.kind = r.text(4);
  s.decided_on = r.text(5);
  s.protocol = r.opt_text(6);
  s.note = r.opt_text(7);
  s.days_late = r.opt_integer(8);
  s.rate_millionths = r.opt_integer(9);
  if (s.rate_millionths) s.rate_per_mille = static_cast<double>(*s.rate_millionths) / 1000.0;
  s.amount_cents = r.opt_integer(10);
  s.raised_by = r.opt_integer(11);
  s.created_by = r.integer(12);
  s.created_at = r.text(13);
  return s;
}

Status attach_documents(db::Connection& conn, std::vector<Sanction>& sanctions) {
  std::vector<std::int64_t> ids;
  for (const auto& s : sanctions) ids.push_back(s.id);
  if (ids.empty()) return Status::success();
  INNET_ASSIGN_OR_RETURN(auto docs, documents::documents_of(conn, kSanctionOwnerKind, ids));
  std::map<std::int64_t, Sanction*> by_id;
  for (auto& s : sanctions) by_id[s.id] = &s;
  for (auto& d : docs) by_id.at(*d.owner_id)->documents.push_back(std::move(d));
  return Status::success();
}

Result<std::int64_t> penalties_total(db::Connection& conn, std::int64_t contract_id) {
  INNET_ASSIGN_OR_RETURN(auto rows,
                         conn.query("SELECT COALESCE(SUM(amount_cents), 0) FROM sanctions "
                                    "WHERE contract_id = ? AND kind = 'penalty'",
                                    {contract_id}));
  return rows[0].integer(0);
}

Result<Sanction> insert(db::Connection& conn, const Sanction& s) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("INSERT INTO sanctions (centre_id, contract_id, finding_id, kind, "
                             "decided_on, protocol, note, days_late, rate_millionths, "
                             "amount_cents, raised_by, created_by, created_at) VALUES "
                             "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ") +
                     kColumns,
                 {s.centre_id, db::optional_value(s.contract_id), db::optional_value(s.finding_id),
                  s.kind, s.decided_on, db::optional_value(s.protocol), db::optional_value(s.note),
                  db::optional_value(s.days_late), db::optional_value(s.rate_millionths),
                  db::optional_value(s.amount_cents), db::optional_value(s.raised_by), s.created_by,
                  s.created_at}));
  return sanction_from(rows[0]);
}

// The contract named by a decision, when it is the centre's.
Result<centres::Contract> centre_contract(db::Connection& conn, const NewSanction& n) {
  auto contract = centres::find_contract(conn, *n.contract_id);
  if (!contract.ok() || contract->centre_id != n.centre_id)
    return Error::field(ErrorKind::unprocessable, "contract_id", FieldError::not_found("contract"));
  return contract;
}

}  // namespace

Result<RecordedSanction> record_sanction(db::Connection& conn, const NewSanction& n,
                                         std::int64_t user_id, const std::string& now,
                                         CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto centre, centres::find_centre(conn, n.centre_id));
  if (n.decided_on > today)
    return Error::field(ErrorKind::unprocessable, "decided_on", FieldError::future_date());
  const auto& kinds = decided_sanction_kinds();
  if (std::find(kinds.begin(), kinds.end(), n.kind) == kinds.end())
    return Error::field(ErrorKind::unprocessable, "kind", FieldError::not_in_list(kinds));
  const bool penalty = n.kind == "penalty";
  if ((penalty || n.kind == "termination") && !n.contract_id)
    return Error::field(ErrorKind::unprocessable, "contract_id", FieldError::required());
  if (!penalty && (n.days_late || n.rate_millionths))
    return Error::rule(ErrorKind::unprocessable, "only_for_penalty",
                       n.days_late ? "days_late" : "rate_per_mille",
                       SanctionErrors::only_for_penalty());
  if (n.finding_id) {
    auto finding = find_finding(conn, *n.finding_id, n.decided_on);
    if (!finding.ok() || finding->centre_id != n.centre_id)
      return Error::field(ErrorKind::unprocessable, "finding_id", FieldError::not_found("finding"));
  }
  Sanction s{.centre_id = n.centre_id,
             .contract_id = n.contract_id,
             .finding_id = n.finding_id,
             .kind = n.kind,
             .decided_on = n.decided_on.to_string(),
             .protocol = n.protocol,
             .note = n.note,
             .created_by = user_id,
             .created_at = now};
  std::optional<PenaltyStatus> status;
  if (n.contract_id) {
    INNET_ASSIGN_OR_RETURN(auto contract, centre_contract(conn, n));
    if (penalty) {
      // Two penalties on one contract must not both pass the cap: hold the centre's row lock.
      INNET_TRY(centres::lock_centre(conn, n.centre_id));
      INNET_ASSIGN_OR_RETURN(status, penalty_status(conn, contract));
    }
  }
  if (penalty) {
    if (!n.days_late)
      return Error::field(ErrorKind::unprocessable, "days_late", FieldError::required());
    if (!n.rate_millionths)
      return Error::field(ErrorKind::unprocessable, "rate_per_mille", FieldError::required());
    if (*n.rate_millionths < std::llround(status->min_rate_per_mille * 1000) ||
        *n.rate_millionths > std::llround(status->max_rate_per_mille * 1000))
      return Error::rule(ErrorKind::unprocessable, "rate_out_of_bounds", "rate_per_mille",
                         SanctionErrors::rate_out_of_bounds(
                             status->min_rate_per_mille, status->max_rate_per_mille, status->rule));
    s.days_late = n.days_late;
    s.rate_millionths = n.rate_millionths;
    s.amount_cents = penalty_cents(status->net_cents, *n.days_late, *n.rate_millionths);
    if (*s.amount_cents > status->remaining_cents)
      return Error::rule(ErrorKind::unprocessable, "penalty_cap", "days_late",
                         SanctionErrors::penalty_cap(status->cap_cents, status->penalties_cents,
                                                     status->remaining_cents));
  }
  if (n.kind == "termination") {
    // The decision ends the contract: centres keeps the day, and from it the contract is no
    // longer in force for anything that asks (contracted places, an invoice's coverage).
    auto ended = centres::terminate_contract(conn, *n.contract_id, n.decided_on);
    if (!ended.ok()) {
      Error refused = ended.take_error();
      // The request names the day as the decision's.
      if (auto day = refused.fields.extract("terminated_on")) {
        day.key() = "decided_on";
        refused.message = "invalid field 'decided_on': " + day.mapped().message;
        refused.fields.insert(std::move(day));
      }
      return refused;
    }
  }
  RecordedSanction out;
  INNET_ASSIGN_OR_RETURN(out.sanction, insert(conn, s));
  if (penalty && *s.amount_cents == status->remaining_cents && !status->termination_proposed) {
    // Reaching 10% is grounds for termination (art. 126 c.1): the decision stays the
    // Prefettura's, the proposal puts it on its desk with the date the cap was reached.
    Sanction proposal{.centre_id = n.centre_id,
                      .contract_id = n.contract_id,
                      .kind = "termination_proposal",
                      .decided_on = s.decided_on,
                      .raised_by = out.sanction.id,
                      .created_by = user_id,
                      .created_at = now};
    INNET_ASSIGN_OR_RETURN(out.termination_proposal, insert(conn, proposal));
  }
  if (n.kind == "special_administration" && centre.status != "special_administration") {
    centre.status = "special_administration";
    INNET_TRY(centres::update_centre(conn, centre));
  }
  return out;
}

Result<Sanction> find_sanction(db::Connection& conn, std::int64_t id) {
  INNET_ASSIGN_OR_RETURN(
      auto rows,
      conn.query(std::string("SELECT ") + kColumns + " FROM sanctions WHERE id = ?", {id}));
  if (rows.empty()) return Error::not_found("sanction");
  std::vector<Sanction> one{sanction_from(rows[0])};
  INNET_TRY(attach_documents(conn, one));
  return std::move(one[0]);
}

Result<std::vector<Sanction>> list_sanctions(db::Connection& conn, const SanctionFilter& f) {
  db::Where where;
  if (f.centre_id) where.add("centre_id = ?", *f.centre_id);
  if (f.contract_id) where.add("contract_id = ?", *f.contract_id);
  if (f.kind) where.add("kind = ?", *f.kind);
  if (f.centres) where.add_in("centre_id", *f.centres);
  if (f.decisions_only) where.add("kind <> 'termination_proposal'");
  INNET_ASSIGN_OR_RETURN(
      auto rows, conn.query(std::string("SELECT ") + kColumns + " FROM sanctions" + where.sql() +
                                " ORDER BY decided_on DESC, id DESC",
                            where.params()));
  std::vector<Sanction> out;
  for (const auto& r : rows) out.push_back(sanction_from(r));
  INNET_TRY(attach_documents(conn, out));
  return out;
}

Result<PenaltyStatus> penalty_status(db::Connection& conn, const centres::Contract& contract) {
  INNET_ASSIGN_OR_RETURN(const CivilDay start, stored_day(contract.start_date));
  INNET_ASSIGN_OR_RETURN(const std::int64_t net, centres::contract_net_cents(contract));
  INNET_ASSIGN_OR_RETURN(const std::int64_t total, penalties_total(conn, contract.id));
  INNET_ASSIGN_OR_RETURN(auto proposals,
                         conn.query("SELECT COUNT(*) FROM sanctions WHERE contract_id = ? AND "
                                    "kind = 'termination_proposal'",
                                    {contract.id}));
  const RateBounds bounds = penalty_rate_bounds(start);
  PenaltyStatus p;
  p.contract_id = contract.id;
  p.start_date = contract.start_date;
  p.end_date = contract.end_date;
  p.net_cents = net;
  p.cap_cents = net / 10;  // "never above" 10%: a fraction of a cent is not reached
  p.penalties_cents = total;
  p.remaining_cents = std::max<std::int64_t>(0, p.cap_cents - total);
  p.min_rate_per_mille = static_cast<double>(bounds.min_millionths) / 1000.0;
  p.max_rate_per_mille = static_cast<double>(bounds.max_millionths) / 1000.0;
  p.rule = bounds.rule;
  p.termination_proposed = proposals[0].integer(0) > 0;
  return p;
}

const api::ObjectType<Sanction>& sanction_type() {
  static const auto type =
      api::ObjectType<Sanction>("Sanction")
          .field("id", &Sanction::id)
          .field("centre_id", &Sanction::centre_id)
          .field("contract_id", &Sanction::contract_id)
          .field("finding_id", &Sanction::finding_id,
                 {.description = "the escalated finding the decision follows"})
          .field("kind", &Sanction::kind, {.allowed = sanction_kinds()})
          .field("decided_on", &Sanction::decided_on, {.format = "date"})
          .field("protocol", &Sanction::protocol,
                 {.description = "decree or protocol number; null for a termination proposal"})
          .field("note", &Sanction::note)
          .field("days_late", &Sanction::days_late)
          .field("rate_per_mille", &Sanction::rate_per_mille,
                 {.description = "the daily rate, per thousand of the contract's net amount"})
          .field("amount_cents", &Sanction::amount_cents)
          .field("raised_by", &Sanction::raised_by,
                 {.description = "a termination proposal: the penalty that reached 10%"})
          .field("created_by", &Sanction::created_by)
          .field("created_at", &Sanction::created_at, {.format = "date-time"})
          .field("documents", &Sanction::documents, documents::document_type());
  return type;
}

const api::ObjectType<RecordedSanction>& recorded_sanction_type() {
  static const auto type =
      api::ObjectType<RecordedSanction>("RecordedSanction")
          .field("sanction", &RecordedSanction::sanction, sanction_type())
          .field("termination_proposal", &RecordedSanction::termination_proposal, sanction_type(),
                 {.description = "raised by a penalty that takes the total to 10%"});
  return type;
}

const api::ObjectType<PenaltyStatus>& penalty_status_type() {
  static const auto type =
      api::ObjectType<PenaltyStatus>("PenaltyStatus")
          .field("contract_id", &PenaltyStatus::contract_id)
          .field("start_date", &PenaltyStatus::start_date, {.format = "date"})
          .field("end_date", &PenaltyStatus::end_date, {.format = "date"})
          .field("net_cents", &PenaltyStatus::net_cents,
                 {.description = "places x daily price x days"})
          .field("cap_cents", &PenaltyStatus::cap_cents, {.description = "10% of the net"})
          .field("penalties_cents", &PenaltyStatus::penalties_cents)
          .field("remaining_cents", &PenaltyStatus::remaining_cents)
          .field("min_rate_per_mille", &PenaltyStatus::min_rate_per_mille)
          .field("max_rate_per_mille", &PenaltyStatus::max_rate_per_mille)
          .field("rule", &PenaltyStatus::rule,
                 {.description = "the law whose bounds apply to this contract"})
          .field("termination_proposed", &PenaltyStatus::termination_proposed);
  return type;
}

std::vector<db::Migration> sanction_migrations(db::Engine) {
  const std::string tables = R"sql(
CREATE TABLE sanctions (
  id {{pk}},
  centre_id BIGINT NOT NULL REFERENCES centres (id),
  contract_id BIGINT REFERENCES contracts (id),
  finding_id BIGINT REFERENCES findings (id),
  kind TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  protocol TEXT,
  note TEXT,
  days_late BIGINT,
  rate_millionths BIGINT,
  amount_cents BIGINT,
  raised_by BIGINT REFERENCES sanctions (id),
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX sanctions_centre ON sanctions (centre_id, decided_on);
CREATE INDEX sanctions_contract ON sanctions (contract_id, kind);
)sql";
  return {{.version = 6, .name = "monitoring: the sanction ladder", .sql = tables}};
}

}  // namespace innet::monitoring

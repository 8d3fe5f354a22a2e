// The register's tamper check: for each centre, walk its chain of confirmations, compare it with
// the copies in the audit trail, and recompute the digest of every confirmed day.
#include <algorithm>
#include <map>

#include "centres/centres.h"
#include "core/clock.h"
#include "reception/register/register.h"
#include "reception/register/register_days.h"

namespace innet::reception {
namespace {

RegisterProblem problem(const Confirmation& c, const char* kind, std::string detail) {
  return {c.centre_id, kind, c.seq, c.day, std::move(detail)};
}

std::string confirmation_name(const Confirmation& c) {
  return "confirmation " + std::to_string(c.seq) + " (" + c.day + ")";
}

// The first bad link of the chain: a gap (deleted), a wrong predecessor (deleted or reordered)
// or a hash that does not match the fields (edited).
std::optional<RegisterProblem> check_chain(const std::vector<Confirmation>& chain,
                                           const std::string& key) {
  std::int64_t expected = 1;
  std::string prev;
  for (const auto& c : chain) {
    if (c.seq != expected)
      return problem(c, "broken_chain",
                     "confirmation " + std::to_string(expected) + " is missing before " +
                         confirmation_name(c));
    if (c.prev_hash != prev)
      return problem(c, "broken_chain",
                     confirmation_name(c) +
                         " does not follow the one before (removed or "
                         "reordered)");
    if (confirmation_hash(key, c) != c.hash)
      return problem(c, "broken_chain", confirmation_name(c) + " was altered");
    prev = c.hash;
    ++expected;
  }
  return std::nullopt;
}

// Every confirmation the audit trail recorded is still there with the same hash. This catches
// confirmations removed from the end of a chain, which leaves no gap in the chain itself.
std::optional<RegisterProblem> check_audited(std::int64_t centre_id,
                                             const std::vector<Confirmation>& chain,
                                             const std::vector<nlohmann::json>& audited) {
  std::map<std::int64_t, const Confirmation*> by_seq;
  for (const auto& c : chain) by_seq[c.seq] = &c;
  for (const auto& d : audited) {
    if (!d.is_object() || !d.contains("seq") || !d["seq"].is_number_integer()) continue;
    const auto seq = d["seq"].get<std::int64_t>();
    const auto day = d.value("day", std::string());
    auto it = by_seq.find(seq);
    if (it == by_seq.end())
      return RegisterProblem{centre_id, "missing_confirmation", seq, day,
                             "confirmation " + std::to_string(seq) + " (" + day +
                                 "), recorded in the audit trail, is missing"};
    if (it->second->hash != d.value("hash", std::string()))
      return problem(*it->second, "broken_chain",
                     confirmation_name(*it->second) + " differs from its copy in the audit trail");
  }
  return std::nullopt;
}

// The placements as they stood when `c` was made: those created later did not exist yet, and an
// exit recorded later was not known (the placement was still open). Times are to the second: a
// write in the confirmation's own second counts as known to it, so a back-dated change made in
// that very second is reported as unexplained rather than awaiting confirmation.
// A placement corrected by the Prefettura after `c` (an exit or a transfer annulled) stood then
// as its first later correction recorded it before.
std::vector<Placement> placements_as_confirmed(const Confirmation& c,
                                               const std::vector<Placement>& placements,
                                               const std::vector<Correction>& corrections) {
  std::vector<Placement> then;
  for (auto p : placements) {
    if (p.created_at > c.confirmed_at) continue;
    for (const auto& k : corrections) {  // by id: the first after c is what stood at c
      if (k.placement_id != p.id || k.corrected_at <= c.confirmed_at) continue;
      p.end_date = k.original_end_date;
      p.exit_reason = k.original_exit_reason;
      p.exit_recorded_at = k.original_exit_recorded_at;
      break;
    }
    if (p.exit_recorded_at && *p.exit_recorded_at > c.confirmed_at) {
      p.end_date.reset();
      p.exit_reason.reset();
    }
    then.push_back(std::move(p));
  }
  return then;
}

// The digest of `day` as the product's own writes since `c` explain it: the absence entries the
// confirmation had seen, and the placements as they stood then.
std::string digest_as_confirmed(const Confirmation& c, CivilDay day,
                                const std::vector<Placement>& placements,
                                const std::vector<Absence>& entries,
                                const std::vector<Correction>& corrections) {
  std::vector<Absence> seen;
  for (const auto& e : entries)
    if (e.day == c.day && e.id <= c.absences_through) seen.push_back(e);
  const auto effective = effective_absences(seen);
  const auto then = placements_as_confirmed(c, placements, corrections);
  const auto laid = lay_out(day, 1, then, effective).at(0);
  return day_digest(c.centre_id, day, laid, then, effective);
}

Status check_days(db::Connection& conn, std::int64_t centre_id,
                  const std::vector<Confirmation>& chain, RegisterReport& report) {
  std::map<CivilDay, const Confirmation*> latest;  // chain in seq order: the last one wins
  for (const auto& c : chain) {
    INNET_ASSIGN_OR_RETURN(const CivilDay day, stored_day(c.day));
    latest[day] = &c;
  }
  if (latest.empty()) return Status::success();
  const CivilDay from = latest.begin()->first;
  const CivilDay to = latest.rbegin()->first.plus_days(1);
  // With the placements whose exit, recorded after the first confirmation, is dated before the
  // first confirmed day: those days were confirmed with the guest (a back-dated exit, a
  // revocation on its decree date).
  std::string first_confirmed_at = chain.front().confirmed_at;
  for (const auto& c : chain) first_confirmed_at = std::min(first_confirmed_at, c.confirmed_at);
  INNET_ASSIGN_OR_RETURN(auto placements, placements_between_as_recorded(conn, centre_id, from, to,
                                                                         first_confirmed_at));
  INNET_ASSIGN_OR_RETURN(auto entries, absence_entries_between(conn, centre_id, from, to));
  INNET_ASSIGN_OR_RETURN(auto corrections, centre_corrections(conn, centre_id));
  const auto effective = effective_absences(entries);
  const auto laid = lay_out(from, from.days_until(to), placements, effective);
  for (const auto& [day, c] : latest) {
    ++report.days;
    const auto& guests = laid.at(static_cast<std::size_t>(from.days_until(day)));
    if (day_digest(centre_id, day, guests, placements, effective) == c->digest) continue;
    if (digest_as_confirmed(*c, day, placements, entries, corrections) == c->digest)
      report.awaiting_confirmation.push_back(
          problem(*c, "changed_after_confirmation",
                  c->day + ": absences or placements recorded after " + confirmation_name(*c) +
                      " await confirmation"));
    else
      report.problems.push_back(problem(
          *c, "changed_after_confirmation",
          c->day + " no longer matches " + confirmation_name(*c) +
              ", and no register entry explains it: absences edited or deleted, or placements "
              "changed after the confirmation"));
  }
  return Status::success();
}

}  // namespace

Result<RegisterReport> verify_registers(db::Connection& conn, const std::string& key,
                                        std::optional<std::int64_t> centre_id) {
  std::vector<std::int64_t> centres;
  if (centre_id) {
    INNET_TRY(centres::find_centre(conn, *centre_id));
    centres.push_back(*centre_id);
  } else {
    INNET_ASSIGN_OR_RETURN(auto all, confirmed_centres(conn));
    centres = std::move(all);
  }
  RegisterReport report;
  // One centre at a time: memory stays bounded by the largest centre, not the country.
  for (auto id : centres) {
    INNET_ASSIGN_OR_RETURN(auto chain, centre_confirmations(conn, id));
    INNET_ASSIGN_OR_RETURN(auto audited, audited_confirmations(conn, id));
    ++report.centres;
    report.confirmations += static_cast<std::int64_t>(chain.size());
    auto broken = check_chain(chain, key);
    if (!broken) broken = check_audited(id, chain, audited);
    if (broken) report.problems.push_back(std::move(*broken));
    INNET_TRY(check_days(conn, id, chain, report));
  }
  return report;
}

}  // namespace innet::reception

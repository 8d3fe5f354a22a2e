// The demo files (decision 0040): drawn from the run's one random sequence, so the same data every
// time, and made through the module's own functions, so every file meets the rules a request
// meets (steps in order, documents before a decision, one suspension of 30 days at most).
#include "procedures/seed.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "cases/cases.h"
#include "people/persons.h"
#include "procedures/catalogue.h"
#include "procedures/files.h"

namespace innet::procedures {
namespace {

constexpr int kFiles = 320;

struct Counts {
  std::map<std::string, std::int64_t> by_state;
  std::int64_t files = 0;
};

class Draw {
 public:
  explicit Draw(std::mt19937& rng) : rng_(rng) {}
  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
  bool chance(int percent) { return between(1, 100) <= percent; }

 private:
  std::mt19937& rng_;
};

// One file's life up to today: steps at intervals of days, documents arriving, perhaps a request
// for integration, perhaps a decision. A draw that would break a rule (a day after today) stops it
// where it is: the file is left open on that step.
Status live(api::SeedContext& ctx, Draw& draw, File f, const Procedure& p, std::int64_t officer) {
  const std::string now = ctx.today.to_string() + "T08:00:00Z";
  const CivilDay filed = *CivilDay::parse(f.filed_on);
  // Documents: most arrive with the application or within weeks; some never do.
  const bool complete = draw.chance(80);
  for (const auto& d : p.documents) {
    if (!d.required && !draw.chance(40)) continue;
    if (!complete && d.required && draw.chance(50)) continue;
    const auto on = std::min(ctx.today, filed.plus_days(draw.between(0, 20)));
    INNET_ASSIGN_OR_RETURN(f, record_document(ctx.conn, std::move(f), p,
                                              {d.code, on.to_string(), officer}, ctx.today, now));
  }
  // Steps: how far this file got.
  const int target = draw.between(1, static_cast<int>(p.steps.size()));
  CivilDay day = filed;
  bool suspended = false;
  for (int at = 1; at < target; ++at) {
    day = day.plus_days(draw.between(3, 35));
    if (day > ctx.today) break;
    INNET_ASSIGN_OR_RETURN(f, advance(ctx.conn, std::move(f), p,
                                      {p.steps[static_cast<std::size_t>(at)].code, day.to_string(),
                                       std::nullopt, officer},
                                      ctx.today, now));
    // A request for integration after the term has started, on a quarter of the files.
    if (!suspended && p.max_suspensions > 0 && draw.chance(25) &&
        clock_of(f, p, day).state != ClockState::not_started) {
      suspended = true;
      const auto from = day.plus_days(draw.between(0, 5));
      if (from > ctx.today) break;
      INNET_ASSIGN_OR_RETURN(f, open_suspension(ctx.conn, std::move(f), p,
                                                {.started_on = from.to_string(),
                                                 .reason = "Richiesta di integrazione documentale",
                                                 .opened_by = officer},
                                                ctx.today, now));
      day = from;  // what follows (a decision ends it) comes on or after its start
      const auto back = from.plus_days(draw.between(5, 40));
      if (back > ctx.today) break;  // still awaited
      INNET_ASSIGN_OR_RETURN(f, close_suspension(ctx.conn, std::move(f), p, back.to_string(),
                                                 officer, ctx.today, now));
      day = std::max(day, back);
    }
  }
  // A decision on most files that reached the last step with their documents in.
  const bool last = current_position(f, p) == static_cast<std::int64_t>(p.steps.size());
  if (last && missing_documents(f, p).empty() && draw.chance(70)) {
    const auto on = day.plus_days(draw.between(1, 20));
    if (on <= ctx.today) {
      const char* outcome = draw.chance(80) ? "granted" : "refused";
      INNET_ASSIGN_OR_RETURN(
          f, decide(ctx.conn, std::move(f), p, {outcome, on.to_string(), std::nullopt, officer},
                    ctx.today, now));
    }
  } else if (!last && draw.chance(3)) {
    INNET_ASSIGN_OR_RETURN(
        f, decide(ctx.conn, std::move(f), p, {"withdrawn", day.to_string(), std::nullopt, officer},
                  ctx.today, now));
  }
  return Status::success();
}

// National: a file's life drawn whole in memory, with the rules live() meets through the module's
// functions (steps in order on days not in the future, a suspension only once the term runs and
// at most its maximum, a decision on the last step with the required documents in, or a
// withdrawal), so that insert_files can store it in bulk. Older files are mostly decided: three
// years of a national SUI leave far more closed files than open ones.
File national_file(Draw& draw, const Procedure& p, File f, CivilDay filed, CivilDay today,
                   std::int64_t officer) {
  const auto age = filed.days_until(today);
  const bool old = age > 300;
  // Documents missing for good, a file never moved on, no decision: rarer the older the file
  // (an office chases what it has left behind), so the backlog past due is a part, not most.
  const bool complete = draw.chance(old ? 97 : 85);
  for (const auto& d : p.documents) {
    if (!d.required && !draw.chance(40)) continue;
    if (!complete && d.required && draw.chance(50)) continue;
    const auto on = std::min(today, filed.plus_days(draw.between(0, 20)));
    f.documents.push_back({d.code, on.to_string(), officer});
  }
  const int steps = static_cast<int>(p.steps.size());
  const int target = old && draw.chance(98) ? steps : draw.between(1, steps);
  f.steps.push_back({p.steps.front().code, f.filed_on, std::nullopt, officer});
  CivilDay day = filed;
  for (int at = 1; at < target; ++at) {
    day = day.plus_days(draw.between(3, 35));
    if (day > today) break;
    f.steps.push_back(
        {p.steps[static_cast<std::size_t>(at)].code, day.to_string(), std::nullopt, officer});
    if (f.suspensions.empty() && p.max_suspensions > 0 && draw.chance(20) &&
        clock_of(f, p, day).state != ClockState::not_started) {
      const auto from = day.plus_days(draw.between(0, 5));
      if (from > today) break;
      f.suspensions.push_back({.started_on = from.to_string(),
                               .reason = "Richiesta di integrazione documentale",
                               .opened_by = officer});
      day = from;
      const auto back = from.plus_days(draw.between(5, 40));
      if (back > today) break;  // still awaited
      f.suspensions.back().ended_on = back.to_string();
      f.suspensions.back().closed_by = officer;
    }
  }
  const bool last = current_position(f, p) == steps;
  auto decide_on = [&](const char* outcome, CivilDay on) {
    f.status = "closed";
    f.decision = Decision{outcome, on.to_string(), std::nullopt, officer};
    for (auto& s : f.suspensions)  // a decision ends an open suspension on its day
      if (!s.ended_on) s.ended_on = on.to_string(), s.closed_by = officer;
  };
  if (last && missing_documents(f, p).empty() && draw.chance(age > 200 ? 97 : 60)) {
    const auto on = day.plus_days(draw.between(1, 20));
    if (on <= today) decide_on(draw.chance(80) ? "granted" : "refused", on);
  } else if (!last && draw.chance(old ? 20 : 3)) {
    decide_on("withdrawn", day);
  }
  return f;
}

// National: 500,000 files over the catalogue, of persons that cases keep (operator by operator,
// as the other national steps read them), filed over three years; in batches of multi-row
// statements (insert_files), inside the seed's one transaction.
Status seed_national(api::SeedContext& ctx) {
  constexpr std::int64_t kNationalFiles = 500000;
  constexpr std::size_t kBatch = 10000;
  INNET_ASSIGN_OR_RETURN(auto catalogue, list_procedures(ctx.conn));
  std::map<std::int64_t, Procedure> by_id;
  for (const auto& p : catalogue) by_id[p.id] = p;
  std::vector<std::int64_t> persons;
  std::int64_t officer = 0;
  for (auto org : ctx.registry.operators) {
    INNET_ASSIGN_OR_RETURN(auto kept, cases::cases_kept_by(ctx.conn, org));
    for (const auto& c : kept) persons.push_back(c.person_id);
  }
  if (ctx.registry.operators.empty()) {
    // This step alone (`innet seed --scale national --only procedures`, bench only) on a
    // database a demo seed filled: its cases' people, and whoever opened the first case.
    INNET_ASSIGN_OR_RETURN(auto kept, cases::cases_kept_by(ctx.conn, std::nullopt));
    for (const auto& c : kept) persons.push_back(c.person_id);
    if (!kept.empty()) officer = kept.front().opened_by;
  }
  if (!ctx.registry.demo_users.empty()) officer = ctx.registry.demo_users.begin()->second;
  if (!officer && !ctx.registry.staff_by_operator.empty())
    officer = ctx.registry.staff_by_operator.begin()->second;
  if (catalogue.empty() || persons.empty() || !officer) return Status::success();
  Draw draw(ctx.rng);
  const std::string now = ctx.today.to_string() + "T08:00:00Z";
  std::vector<File> batch;
  batch.reserve(kBatch);
  for (std::int64_t i = 0; i < kNationalFiles; ++i) {
    const auto& p = catalogue[static_cast<std::size_t>(i) % catalogue.size()];
    const auto pick = [&] {
      return persons[static_cast<std::size_t>(
          draw.between(0, static_cast<int>(persons.size()) - 1))];
    };
    const auto filed = ctx.today.plus_days(-draw.between(0, 1095));
    char protocol[40];
    std::snprintf(protocol, sizeof protocol, "IT/%s/%07lld", filed.to_string().substr(0, 4).c_str(),
                  static_cast<long long>(i + 1));
    File f{.procedure_id = p.id,
           .person_id = pick(),
           .protocol_number = protocol,
           .filed_on = filed.to_string(),
           .created_by = officer,
           .created_at = filed.to_string() + "T09:00:00Z",
           .updated_at = now};
    if (p.code == "family_reunification") f.sponsor_person_id = pick();
    if (p.code == "work_entry") f.employer = "Azienda agricola " + std::to_string(i % 997 + 1);
    batch.push_back(national_file(draw, p, std::move(f), filed, ctx.today, officer));
    if (batch.size() == kBatch || i + 1 == kNationalFiles) {
      INNET_TRY(insert_files(ctx.conn, batch, by_id));
      batch.clear();
    }
  }
  ctx.report.counts.push_back({kNationalFiles, "procedure files"});
  for (const auto& state : clock_states()) {
    FileFilter only{.state = parse_clock_state(state)};
    INNET_ASSIGN_OR_RETURN(auto page, list_files(ctx.conn, only, ctx.today, {1, 1}));
    ctx.report.counts.push_back({page.total, state, true});
  }
  return Status::success();
}

}  // namespace

Status seed_step(api::SeedContext& ctx) {
  if (ctx.scale == api::SeedScale::national) return seed_national(ctx);
  const auto sui = ctx.registry.demo_users.find(auth::Role::sui_officer);
  if (sui == ctx.registry.demo_users.end()) return Status::success();
  INNET_ASSIGN_OR_RETURN(auto catalogue, list_procedures(ctx.conn));
  INNET_ASSIGN_OR_RETURN(auto everyone, people::list_persons(ctx.conn, {}, {1, 100000}));
  if (catalogue.empty() || everyone.items.empty()) return Status::success();
  // The people whose cases the demo case worker keeps come first, so that account reads files.
  std::vector<std::int64_t> persons;
  if (ctx.registry.featured_operator) {
    INNET_ASSIGN_OR_RETURN(auto kept,
                           cases::cases_kept_by(ctx.conn, ctx.registry.featured_operator));
    for (std::size_t i = 0; i < kept.size() && i < 15; ++i) persons.push_back(kept[i].person_id);
  }
  for (const auto& p : everyone.items) persons.push_back(p.id);
  Draw draw(ctx.rng);
  Counts n;
  const std::string now = ctx.today.to_string() + "T08:00:00Z";
  for (int i = 0; i < kFiles; ++i) {
    const auto& p = catalogue[static_cast<std::size_t>(i) % catalogue.size()];
    // The first files go to the case worker's people; the rest to anyone.
    const auto person = i < 15 && static_cast<std::size_t>(i) < persons.size()
                            ? persons[static_cast<std::size_t>(i)]
                            : persons[static_cast<std::size_t>(
                                  draw.between(0, static_cast<int>(persons.size()) - 1))];
    const auto filed = ctx.today.plus_days(-draw.between(0, 420));
    char protocol[40];
    std::snprintf(protocol, sizeof protocol, "PA/%s/%06d", filed.to_string().substr(0, 4).c_str(),
                  i + 1);
    File f{.procedure_id = p.id,
           .person_id = person,
           .protocol_number = protocol,
           .filed_on = filed.to_string(),
           .created_by = sui->second};
    if (p.code == "work_entry") f.employer = "Azienda agricola demo " + std::to_string(i % 9 + 1);
    INNET_ASSIGN_OR_RETURN(auto made, create_file(ctx.conn, std::move(f), p, now));
    INNET_TRY(live(ctx, draw, std::move(made), p, sui->second));
    ++n.files;
  }
  // The states as of today, for the summary line.
  for (const auto& state : clock_states()) {
    FileFilter only{.state = parse_clock_state(state)};
    INNET_ASSIGN_OR_RETURN(auto page, list_files(ctx.conn, only, ctx.today, {1, 1}));
    n.by_state[state] = page.total;
  }
  ctx.report.counts.push_back({n.files, "procedure files"});
  for (const auto& state : clock_states())
    ctx.report.counts.push_back({n.by_state[state], state, true});
  return Status::success();
}

}  // namespace innet::procedures

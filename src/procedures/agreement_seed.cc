// Demo data of decision 0042: integration agreements at each stage (just signed, running with a
// missed civic session, in the verification window, verified fulfilled, extended, terminated by a
// loss, exempt, one with a correction), and Ukrainian families under temporary protection, some
// hosted in a family centre (one leaving it mid-period), some in private accommodation. Made
// through the module's functions and reception's, deterministic (no draw from the seed's
// sequence, so the data before it does not change).
#include "procedures/agreement_seed.h"

#include <algorithm>
#include <cstdio>

#include "people/persons.h"
#include "procedures/agreement_store.h"
#include "procedures/catalogue.h"
#include "procedures/files.h"
#include "reception/placements/placements.h"

namespace innet::procedures {
namespace {

struct Step {
  AgreementEntryKind kind;
  int days_after_signature;
  const char* level = "";
  bool spoken_only = false;
  const char* note = "";
};

struct Plan {
  int signed_days_ago;
  std::vector<Step> steps;
  bool verify = false;  // at the window's opening
};

using enum AgreementEntryKind;

const std::vector<Plan>& plans() {
  static const std::vector<Plan> all = {
      {30, {}},
      {300, {{civic_session_missed, 60}, {italian_level, 200, "a1", true, "CPIA Palermo 1"}}},
      {715,
       {{civic_session_attended, 40},
        {italian_level, 400, "a2", false, "CILS A2"},
        {civic_knowledge, 500, "good"},
        {course, 600, "hours80"}}},
      {712, {{civic_session_attended, 35}, {italian_level, 380, "a1", true}}},
      {800,
       {{civic_session_attended, 30},
        {italian_level, 300, "b1", false, "CELI 2"},
        {civic_knowledge, 400, "very_good"}},
       true},
      {790, {{civic_session_missed, 80}, {italian_level, 500, "a2", true}}, true},
      {200, {{civic_session_attended, 30}, {loss, 150, "custodial_3y", false, "Trib. Palermo"}}},
      {150, {{exemption, 20, "asylum_protection", false, "status di rifugiato"}}},
      {400, {{italian_level, 100, "b1"}, {correction, 110}, {italian_level, 120, "a2", true}}},
  };
  return all;
}

Status seed_agreements(api::SeedContext& ctx, const std::vector<std::int64_t>& persons,
                       std::int64_t officer, std::int64_t& made) {
  const std::string now = ctx.today.to_string() + "T08:00:00Z";
  std::size_t next = 0;
  for (const auto& plan : plans()) {
    if (next >= persons.size()) break;
    const auto signed_on = ctx.today.plus_days(-plan.signed_days_ago);
    INNET_ASSIGN_OR_RETURN(
        auto a, create_agreement(ctx.conn, persons[next++], std::nullopt, signed_on, officer, now));
    for (const auto& s : plan.steps) {
      StoredEntry e{.entry = {.kind = s.kind,
                              .on = signed_on.plus_days(s.days_after_signature),
                              .level = s.level,
                              .spoken_only = s.spoken_only},
                    .note = s.note,
                    .recorded_by = officer};
      if (s.kind == correction) {
        e.entry.corrects = a.entries.back().entry.id;
        e.note = "certificato letto male: livello A2 parlato";
      }
      INNET_ASSIGN_OR_RETURN(a, add_entry(ctx.conn, std::move(a), std::move(e), ctx.today, now));
    }
    if (plan.verify) {
      const auto window = CivilDay::parse(a.verification_from).value_or(ctx.today);
      INNET_ASSIGN_OR_RETURN(a, verify_agreement(ctx.conn, std::move(a), window, officer, now));
    }
    ++made;
  }
  return Status::success();
}

// The centres hosting families now (from open family placements): where the demo's Ukrainian
// families are hosted, in the first with room.
Result<std::vector<std::int64_t>> family_centres(db::Connection& conn,
                                                 const std::vector<std::int64_t>& persons) {
  std::vector<std::int64_t> out;
  for (auto id : persons) {
    INNET_ASSIGN_OR_RETURN(auto placements, reception::person_placements(conn, id));
    for (const auto& p : placements)
      if (p.open() && p.category == centres::Category::families &&
          std::find(out.begin(), out.end(), p.centre_id) == out.end())
        out.push_back(p.centre_id);
  }
  return out;
}

struct Family {
  const char* name;
  const char* original;
  std::vector<std::pair<const char*, const char*>> members;  // given names, birth date
  int applied_days_ago;
  int hosted_from_days_ago;  // 0: never hosted
  int left_days_ago;         // 0: still hosted
};

Status seed_families(api::SeedContext& ctx, const std::vector<std::int64_t>& centres_with_families,
                     std::int64_t officer, std::int64_t& made) {
  const std::string now = ctx.today.to_string() + "T08:00:00Z";
  INNET_ASSIGN_OR_RETURN(auto procedure,
                         find_procedure_by_code(ctx.conn, "temporary_protection_ukraine"));
  const std::vector<Family> families = {
      {"Kovalenko",
       "Коваленко",
       {{"Olena", "1986-03-14"}, {"Maksym", "2014-07-02"}, {"Sofiia", "2008-11-14"}},
       45,
       0,
       0},
      {"Shevchenko", "Шевченко", {{"Iryna", "1979-11-30"}, {"Andrii", "2011-05-05"}}, 50, 90, 20},
      {"Bondarenko",
       "Бондаренко",
       {{"Tetiana", "1990-02-02"}, {"Danylo", "2019-09-09"}},
       30,
       60,
       0},
      {"Melnyk", "Мельник", {{"Nataliia", "1965-06-06"}}, 70, 0, 0},
  };
  int n = 0;
  for (const auto& f : families) {
    INNET_ASSIGN_OR_RETURN(
        auto group, people::create_family_group(ctx.conn, std::string("Famiglia ") + f.name));
    std::vector<std::int64_t> ids;
    for (const auto& [given, born] : f.members) {
      people::Person p{.family_name = f.name,
                       .given_names = given,
                       .family_name_original = std::string(f.original),
                       .birth_date = std::string(born),
                       .nationality = "UA",
                       .languages = {"uk", "ru"},
                       .family_group_id = group.id};
      INNET_ASSIGN_OR_RETURN(auto made_person, people::create_person(ctx.conn, p));
      ids.push_back(made_person.id);
    }
    const auto applied = ctx.today.plus_days(-f.applied_days_ago);
    if (procedure) {
      char protocol[40];
      std::snprintf(protocol, sizeof protocol, "PA/TP/%s/%03d",
                    applied.to_string().substr(0, 4).c_str(), ++n);
      File file{.procedure_id = procedure->id,
                .person_id = ids.front(),
                .protocol_number = protocol,
                .filed_on = applied.to_string(),
                .created_by = officer};
      INNET_TRY(create_file(ctx.conn, std::move(file), *procedure, now));
    }
    if (f.hosted_from_days_ago > 0) {
      // A centre that refuses changes nothing: the next one is tried.
      for (auto centre : centres_with_families) {
        reception::Arrival arrival{.person_ids = ids,
                                   .centre_id = centre,
                                   .category = centres::Category::families,
                                   .date = ctx.today.plus_days(-f.hosted_from_days_ago),
                                   // The demo's family places are all taken: the Prefettura's
                                   // extraordinary places for the emergency, as in 2022.
                                   .override_reason = "Emergenza Ucraina: posti straordinari"};
        if (!reception::place(ctx.conn, arrival, ctx.today).ok()) continue;
        if (f.left_days_ago > 0)
          INNET_TRY(reception::record_exit(ctx.conn,
                                           {.person_ids = ids,
                                            .date = ctx.today.plus_days(-f.left_days_ago),
                                            .reason = reception::exit_reasons().front()},
                                           ctx.today));
        break;
      }
    }
    ++made;
  }
  return Status::success();
}

}  // namespace

Status seed_agreements_and_families(api::SeedContext& ctx) {
  if (ctx.scale != api::SeedScale::demo) return Status::success();
  const auto sui = ctx.registry.demo_users.find(auth::Role::sui_officer);
  if (sui == ctx.registry.demo_users.end()) return Status::success();
  INNET_ASSIGN_OR_RETURN(auto everyone, people::list_persons(ctx.conn, {}, {1, 100000}));
  std::vector<std::int64_t> persons;
  for (const auto& p : everyone.items) persons.push_back(p.id);
  std::int64_t agreements = 0, families = 0;
  INNET_TRY(seed_agreements(ctx, persons, sui->second, agreements));
  INNET_ASSIGN_OR_RETURN(auto centres, family_centres(ctx.conn, persons));
  INNET_TRY(seed_families(ctx, centres, sui->second, families));
  ctx.report.counts.push_back({agreements, "integration agreements"});
  ctx.report.counts.push_back({families, "Ukrainian families"});
  return Status::success();
}

}  // namespace innet::procedures

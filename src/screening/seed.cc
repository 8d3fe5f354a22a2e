#include "screening/seed.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "cases/cases.h"
#include "core/slices.h"
#include "people/persons.h"
#include "screening/screenings.h"

namespace innet::screening {
namespace {

// What a case worker writes when confirming or rejecting a category, without naming anyone.
const std::map<std::string, const char*>& confirm_notes() {
  static const std::map<std::string, const char*> notes = {
      {"minor", "Minore: segnalato al tutore e ai servizi sociali del Comune."},
      {"unaccompanied_minor", "MSNA: avviata la procedura di nomina del tutore."},
      {"disability", "Disabilità motoria: richiesta visita fisiatrica all'ASP."},
      {"elderly", "Persona anziana: verifica dell'idoneità del posto assegnato."},
      {"woman", "Donna sola: colloquio con l'operatrice del centro antiviolenza."},
      {"pregnant_woman", "Gravidanza: presa in carico del consultorio familiare."},
      {"single_parent", "Genitore solo con figli minori: sostegno alla genitorialità."},
      {"trafficking_victim", "Indicatori di tratta: contatto con il Numero Verde 800 290 290."},
      {"serious_illness", "Patologia cronica: iscrizione al SSN e presa in carico del MMG."},
      {"mental_disorder", "Sintomi di sofferenza psichica: invio al servizio di etnopsichiatria."},
      {"torture_violence", "Racconto compatibile con violenze subite: invio al medico legale."},
      {"fgm", "Segni di MGF: invio all'ambulatorio dedicato dell'ASP."},
      {"lgbtiq", "Persona LGBTIQ+: contatto con l'associazione di riferimento."}};
  return notes;
}
constexpr const char* kRejectNote = "Non confermato al colloquio con il mediatore.";

// How often each category is confirmed among the vulnerable (Italian reception practice: violence
// and mental suffering most often, then women and minors; trafficking and FGM rarer), and who
// it can concern.
struct Weighted {
  const char* category;
  int weight;
  const char* sex;  // "F": women only
};
constexpr Weighted kCategories[] = {{"torture_violence", 30, nullptr},
                                    {"mental_disorder", 24, nullptr},
                                    {"woman", 16, "F"},
                                    {"serious_illness", 8, nullptr},
                                    {"disability", 5, nullptr},
                                    {"pregnant_woman", 5, "F"},
                                    {"single_parent", 3, nullptr},
                                    {"trafficking_victim", 3, nullptr},
                                    {"lgbtiq", 2, nullptr},
                                    {"fgm", 2, "F"}};

struct Person {
  bool female = false;
  bool minor = false;
  bool elderly = false;
};

struct Plan {
  cases::Case c;
  Person person;
  CivilDay arrival;
};

class Generator {
 public:
  Generator(api::SeedContext& ctx, const InstrumentVersion& ipsn, const InstrumentVersion& protect,
            const InstrumentVersion& protect_old, const Settings& settings)
      : ctx_(ctx), ipsn_(ipsn), protect_(protect), protect_old_(protect_old), settings_(settings) {}

  void add(const Plan& p) {
    const auto today = ctx_.today;
    const auto& c = p.c;
    // Who screened the case: its opener, a case worker of the organisation keeping it.
    const std::int64_t by = c.opened_by;
    Done done;
    // One case in twelve was never screened: due, or late once the term has passed.
    if (!chance(8)) {
      // Most within the term, some late (a busy week, an interpreter not found).
      const auto day = p.arrival.plus_days(chance(82) ? days(1, settings_.first_due_days)
                                                      : days(settings_.first_due_days + 1, 30));
      if (day <= today) {
        const bool vulnerable = chance(20);
        screen(p, day, "first", by, vulnerable, done);
        // Six months on, most are screened again (a few late); some on a trigger.
        auto again = plus_months(day, settings_.rescreen_months).plus_days(days(-10, 20));
        if (again <= today && chance(85)) screen(p, again, "periodic", by, false, done);
      } else if (chance(30)) {
        draft(p, today, "first", by);
      }
    }
    if (!done.first && c.status != "closed" && chance(2)) {
      draft(p, today, "trigger", by);
      done.trigger = today;
    }
    schedules_.push_back(compute_schedule(c.id, p.arrival, c.status == "closed", done, settings_));
  }

  // The one screening on a retired version: the oldest PROTECT screening is moved to it.
  void keep_one_on_old_version() {
    for (auto& s : screenings_)
      if (s.instrument_id == protect_.id && s.status == "completed") {
        s.instrument_id = protect_old_.id;
        evaluate(protect_old_, s);
        return;
      }
  }

  Status store() {
    INNET_TRY(insert_screenings(ctx_.conn, screenings_));
    // A flag names the screening that confirmed it: by position in the batch.
    for (auto& [index, f] : pending_flags_) {
      f.screening_id = screenings_[index].id;
      flags_.push_back(std::move(f));
    }
    INNET_TRY(insert_flags(ctx_.conn, flags_));
    return insert_schedules(ctx_.conn, schedules_);
  }

  void report() {
    std::set<std::int64_t> flagged;
    std::int64_t withdrawn = 0, late = 0;
    for (const auto& f : flags_) {
      if (f.status == "active") flagged.insert(f.case_id);
      withdrawn += f.status == "withdrawn" ? 1 : 0;
    }
    for (const auto& s : schedules_) late += s.state(ctx_.today) == "late" ? 1 : 0;
    ctx_.report.counts.push_back({static_cast<std::int64_t>(screenings_.size()), "screenings"});
    ctx_.report.counts.push_back({late, "late", true});
    ctx_.report.counts.push_back({static_cast<std::int64_t>(flags_.size()), "vulnerability flags"});
    ctx_.report.counts.push_back(
        {static_cast<std::int64_t>(flagged.size()), "cases flagged", true});
    ctx_.report.counts.push_back({withdrawn, "withdrawn", true});
  }

 private:
  bool chance(int percent) { return std::uniform_int_distribution<int>(0, 99)(ctx_.rng) < percent; }
  std::int64_t days(std::int64_t from, std::int64_t to) {
    return std::uniform_int_distribution<std::int64_t>(from, to)(ctx_.rng);
  }
  std::string severity() {
    const int draw = static_cast<int>(days(0, 99));
    return draw < 30 ? "low" : draw < 75 ? "medium" : "high";
  }

  std::vector<std::string> categories_for(const Person& person) {
    int total = 0;
    for (const auto& w : kCategories)
      if (!w.sex || person.female) total += w.weight;
    std::vector<std::string> out;
    const int count = chance(25) ? 2 : 1;
    for (int k = 0; k < count; ++k) {
      int draw = static_cast<int>(days(0, total - 1));
      for (const auto& w : kCategories) {
        if (w.sex && !person.female) continue;
        if (draw < w.weight) {
          if (std::find(out.begin(), out.end(), w.category) == out.end()) out.push_back(w.category);
          break;
        }
        draw -= w.weight;
      }
    }
    return out;
  }

  void draft(const Plan& p, CivilDay day, const char* stage, std::int64_t by) {
    Screening s{.case_id = p.c.id,
                .instrument_id = ipsn_.id,
                .stage = stage,
                .status = "draft",
                .started_by = by,
                .started_at = day.to_string() + "T10:00:00Z",
                .updated_at = day.to_string() + "T10:00:00Z"};
    if (s.stage == "trigger")
      s.trigger_reason = "Segnalazione dell'operatore notturno: crisi d'ansia ricorrenti.";
    screenings_.push_back(std::move(s));
  }

  void screen(const Plan& p, CivilDay day, const char* stage, std::int64_t by, bool vulnerable,
              Done& done) {
    const auto at = day.to_string() + "T11:00:00Z";
    Screening s{.case_id = p.c.id,
                .instrument_id = ipsn_.id,
                .stage = stage,
                .status = "completed",
                .started_by = by,
                .started_at = at,
                .updated_at = at,
                .completed_by = by,
                .completed_at = at};
    std::set<std::string> wanted;
    if (vulnerable)
      for (auto& c : categories_for(p.person)) wanted.insert(std::move(c));
    if (p.person.minor) wanted.insert("minor");
    if (p.person.elderly) wanted.insert("elderly");
    // Mark, for each wanted category, one indicator pointing to it (its first in the form).
    std::set<std::string> marked;
    for (const auto& category : wanted)
      for (const auto& i : ipsn_.definition.indicators)
        if (std::find(i.categories.begin(), i.categories.end(), category) != i.categories.end()) {
          marked.insert(i.code);
          break;
        }
    // Only the marked indicators: an indicator not in the answers was not observed, and the
    // national data stay small (an IPSN form has 36 indicators).
    for (const auto& i : ipsn_.definition.indicators)
      if (marked.count(i.code)) s.answers.push_back({i.code, true});
    // Violence often shows in PROTECT as well: a questionnaire instead of the IPSN form.
    if (wanted.count("torture_violence") && wanted.size() == 1 && chance(50)) {
      s.instrument_id = protect_.id;
      s.answers.clear();
      const auto yes = days(*protect_.definition.referral_cut_off, 10);
      for (std::size_t k = 0; k < protect_.definition.items.size(); ++k)
        s.answers.push_back({protect_.definition.items[k], static_cast<std::int64_t>(k) < yes});
    }
    evaluate(s.instrument_id == ipsn_.id ? ipsn_ : protect_, s);
    const std::size_t index = screenings_.size();
    for (const auto& g : s.suggestions) {
      const bool confirm = wanted.count(g.category) > 0;
      Decision d{.category = g.category, .confirmed = confirm};
      if (confirm) {
        d.severity = severity();
        d.note = confirm_notes().at(g.category);
        if (!flagged_.insert({p.c.id, g.category}).second) continue;
        Flag f{.case_id = p.c.id,
               .category = g.category,
               .severity = *d.severity,
               .identified_on = day.to_string(),
               .identified_by = by,
               .source = "screening"};
        // A few are withdrawn after a specialist's assessment.
        if (chance(5) && day.plus_days(20) <= ctx_.today) {
          f.status = "withdrawn";
          f.changes.push_back({.kind = "withdrawal",
                               .category_before = f.category,
                               .severity_before = f.severity,
                               .reason = g.category == "minor"
                                             ? "Accertamento dell'età: maggiorenne."
                                             : "Valutazione specialistica ASP: non confermato.",
                               .changed_by = by,
                               .changed_at = day.plus_days(20).to_string() + "T09:30:00Z"});
        }
        pending_flags_.emplace_back(index, std::move(f));
      } else {
        d.note = kRejectNote;
      }
      s.decisions.push_back(std::move(d));
    }
    screenings_.push_back(std::move(s));
    if (!done.first) done.first = day;
    done.last = day;
  }

  api::SeedContext& ctx_;
  const InstrumentVersion& ipsn_;
  const InstrumentVersion& protect_;
  const InstrumentVersion& protect_old_;
  Settings settings_;
  std::vector<Screening> screenings_;
  std::vector<std::pair<std::size_t, Flag>> pending_flags_;
  std::vector<Flag> flags_;
  std::vector<Schedule> schedules_;
  std::set<std::pair<std::int64_t, std::string>> flagged_;
};

int age_on(const std::optional<std::string>& birth, CivilDay day) {
  if (!birth || birth->size() < 10) return 30;
  const auto b = CivilDay::parse(*birth);
  if (!b) return 30;
  return static_cast<int>(b->days_until(day) / 365);
}

}  // namespace

Status seed_step(api::SeedContext& ctx) {
  const auto started = std::chrono::steady_clock::now();
  auto& conn = ctx.conn;
  INNET_ASSIGN_OR_RETURN(auto protect_old, current_version(conn, "protect"));
  // The demo's tavolo sulle vulnerabilità moved the high band down after a month of use: the
  // version every later screening takes, one earlier screening kept on version 1.
  auto d = protect_old.definition;
  d.bands = {{"low", 0, 3}, {"medium", 4, 6}, {"high", 7, 10}};
  const std::int64_t admin = ctx.registry.demo_users.count(auth::Role::admin)
                                 ? ctx.registry.demo_users.at(auth::Role::admin)
                                 : 0;
  std::optional<InstrumentVersion> published;
  if (admin) {
    INNET_ASSIGN_OR_RETURN(
        published,
        publish_version(conn, "protect", d,
                        "Tavolo vulnerabilità: fascia alta da 7 risposte positive, come nello "
                        "studio di validazione",
                        admin, ctx.today.plus_days(-300).to_string() + "T09:00:00Z"));
  }
  const auto protect = published.value_or(protect_old);
  INNET_ASSIGN_OR_RETURN(auto ipsn, current_version(conn, "ipsn"));
  INNET_ASSIGN_OR_RETURN(auto settings, screening::settings(conn));
  INNET_ASSIGN_OR_RETURN(auto all, cases::cases_kept_by(conn, std::nullopt));
  Generator g(ctx, ipsn, protect, protect_old, settings);
  // Each person's sex and age on arrival, read a slice of cases at a time (800,000 at national
  // scale): the minors and the elderly screened as such. A demo case's arrival is its person's
  // first placement; a national case was opened on arrival, so its opening day is read instead
  // of 800,000 placements row by row.
  constexpr std::size_t kSlice = 5000;
  INNET_TRY(for_each_slice(all, kSlice, [&](std::span<const cases::Case> slice) -> Status {
    std::vector<std::int64_t> person_ids;
    for (const auto& c : slice) person_ids.push_back(c.person_id);
    INNET_ASSIGN_OR_RETURN(auto persons, people::find_persons(conn, person_ids));
    std::map<std::int64_t, people::Person> by_id;
    for (auto& p : persons) by_id.emplace(p.id, std::move(p));
    for (const auto& c : slice) {
      INNET_ASSIGN_OR_RETURN(auto arrival,
                             ctx.scale == api::SeedScale::demo
                                 ? arrival_of(conn, c)
                                 : Result<CivilDay>(*CivilDay::parse(c.opened_at.substr(0, 10))));
      const auto& p = by_id.at(c.person_id);
      const int age = age_on(p.birth_date, arrival);
      g.add({c, {p.sex == "female", age < 18, age >= 65}, arrival});
    }
    return Status::success();
  }));
  g.keep_one_on_old_version();
  INNET_TRY(g.store());
  g.report();
  if (ctx.scale == api::SeedScale::national) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    ctx.report.counts.push_back({ms, "ms for screening", true});
  }
  return Status::success();
}

}  // namespace innet::screening

#include "reception/seed/generator.h"

#include <algorithm>
#include <map>
#include <set>

#include "centres/centres.h"
#include "centres/derogations.h"
#include "core/clock.h"
#include "documents/documents.h"
#include "geo/municipalities.h"
#include "people/persons.h"
#include "reception/costs/invoices.h"
#include "reception/costs/reconciliation.h"
#include "reception/handovers/handovers.h"
#include "reception/handovers/money.h"
#include "reception/placements/minors.h"
#include "reception/placements/placements.h"
#include "reception/placements/snapshots.h"
#include "reception/register/register.h"

namespace innet::reception::seed {
namespace {

using centres::Category;

// Names in Latin script with the same name in the original script ("" when that is Latin too).
struct Name {
  const char* latin;
  const char* original;
};
struct NameSet {
  std::vector<Name> family, male, female;
};

const NameSet kBengali = {{{"Rahman", "রহমান"},
                           {"Hossain", "হোসেন"},
                           {"Islam", "ইসলাম"},
                           {"Ahmed", "আহমেদ"},
                           {"Uddin", "উদ্দিন"},
                           {"Miah", "মিয়া"},
                           {"Chowdhury", "চৌধুরী"},
                           {"Sarker", "সরকার"}},
                          {{"Mohammad", "মোহাম্মদ"},
                           {"Abdul", "আব্দুল"},
                           {"Rakib", "রাকিব"},
                           {"Sohel", "সোহেল"},
                           {"Jahid", "জাহিদ"},
                           {"Rubel", "রুবেল"}},
                          {{"Fatema", "ফাতেমা"}, {"Nasrin", "নাসরিন"}, {"Sumaiya", "সুমাইয়া"}}};
const NameSet kArabic = {
    {{"Haddad", "حداد"},
     {"Mansour", "منصور"},
     {"Khalil", "خليل"},
     {"Saleh", "صالح"},
     {"Nasser", "ناصر"},
     {"Hamdi", "حمدي"},
     {"Ben Ali", "بن علي"},
     {"Trabelsi", "الطرابلسي"}},
    {{"Mohamed", "محمد"},
     {"Ahmed", "أحمد"},
     {"Youssef", "يوسف"},
     {"Omar", "عمر"},
     {"Karim", "كريم"},
     {"Ali", "علي"}},
    {{"Amina", "أمينة"}, {"Fatima", "فاطمة"}, {"Mariam", "مريم"}, {"Nour", "نور"}}};
const NameSet kWestAfrican = {
    {{"Diallo", ""},
     {"Bah", ""},
     {"Camara", ""},
     {"Traoré", ""},
     {"Koné", ""},
     {"Touré", ""},
     {"Sow", ""},
     {"Keita", ""},
     {"Ceesay", ""},
     {"Jallow", ""},
     {"Okafor", ""},
     {"Adeyemi", ""}},
    {{"Mamadou", ""},
     {"Ibrahima", ""},
     {"Moussa", ""},
     {"Abdoulaye", ""},
     {"Lamin", ""},
     {"Seydou", ""},
     {"Chinedu", ""}},
    {{"Aissatou", ""}, {"Mariama", ""}, {"Fatoumata", ""}, {"Awa", ""}, {"Blessing", ""}}};
const NameSet kSouthAsian = {
    {{"Khan", "خان"}, {"Ahmadi", "احمدی"}, {"Hussaini", "حسینی"}, {"Shah", "شاہ"}},
    {{"Imran", "عمران"}, {"Bilal", "بلال"}, {"Hamid", "حامد"}},
    {{"Zainab", "زینب"}, {"Sana", "ثنا"}}};
const NameSet kEritrean = {{{"Tesfaye", "ተስፋየ"}, {"Gebremedhin", "ገብረመድህን"}, {"Haile", "ሃይለ"}},
                           {{"Yonas", "ዮናስ"}, {"Dawit", "ዳዊት"}, {"Samuel", "ሳሙኤል"}},
                           {{"Selam", "ሰላም"}, {"Helen", "ሄለን"}}};
const NameSet kUkrainian = {
    {{"Kovalenko", "Коваленко"},
     {"Shevchenko", "Шевченко"},
     {"Bondarenko", "Бондаренко"},
     {"Tkachenko", "Ткаченко"},
     {"Melnyk", "Мельник"},
     {"Kravchenko", "Кравченко"}},
    {{"Oleksandr", "Олександр"}, {"Andrii", "Андрій"}, {"Dmytro", "Дмитро"}, {"Maksym", "Максим"}},
    {{"Olena", "Олена"},
     {"Iryna", "Ірина"},
     {"Nataliia", "Наталія"},
     {"Oksana", "Оксана"},
     {"Sofiia", "Софія"}}};

struct Nationality {
  const char* code;
  int weight;  // share of arrivals, after the 2024 figures in domain.md
  std::vector<std::string> languages;
  const NameSet* names;
};
const std::vector<Nationality> kNationalities = {{"BD", 20, {"bn", "en"}, &kBengali},
                                                 {"SY", 15, {"ar"}, &kArabic},
                                                 {"TN", 12, {"ar", "fr"}, &kArabic},
                                                 {"EG", 7, {"ar"}, &kArabic},
                                                 {"GN", 6, {"fr", "fuf"}, &kWestAfrican},
                                                 {"PK", 6, {"ur", "en"}, &kSouthAsian},
                                                 {"CI", 5, {"fr"}, &kWestAfrican},
                                                 {"ML", 4, {"bm", "fr"}, &kWestAfrican},
                                                 {"GM", 4, {"en", "wo"}, &kWestAfrican},
                                                 {"NG", 5, {"en"}, &kWestAfrican},
                                                 {"ER", 3, {"ti"}, &kEritrean},
                                                 {"SD", 4, {"ar"}, &kArabic},
                                                 {"AF", 3, {"prs", "ps"}, &kSouthAsian},
                                                 {"SN", 3, {"wo", "fr"}, &kWestAfrican},
                                                 {"MA", 3, {"ar"}, &kArabic}};
const Nationality kUkraine = {"UA", 0, {"uk", "ru"}, &kUkrainian};

// Exit reasons of stays that end in reception, weighted.
const std::vector<std::pair<const char*, int>> kExits = {{"transferred_to_sai", 30},
                                                         {"protection_obtained", 25},
                                                         {"left_voluntarily", 25},
                                                         {"end_of_eligibility", 10},
                                                         {"removed", 4},
                                                         {"repatriated", 3},
                                                         {"other", 3}};

class Generator {
 public:
  Generator(std::mt19937& rng, const ReceptionPlan& plan) : rng_(rng), plan_(plan) {}

  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(uniform(0, static_cast<int>(v.size()) - 1))];
  }

  const Nationality& nationality(bool ukrainian) {
    if (ukrainian) return kUkraine;
    int total = 0;
    for (const auto& n : kNationalities) total += n.weight;
    int r = uniform(0, total - 1);
    for (const auto& n : kNationalities)
      if ((r -= n.weight) < 0) return n;
    return kNationalities.front();
  }

  // A person of that nationality; age in years at `day`.
  people::Person person(const Nationality& n, const std::string& sex, int age, const Name& family,
                        const std::string& day) {
    people::Person p;
    const Name& given = pick(sex == "female" ? n.names->female : n.names->male);
    p.family_name = family.latin;
    p.given_names = given.latin;
    if (*family.original) {
      p.family_name_original = family.original;
      p.given_names_original = given.original;
    }
    p.sex = sex;
    p.nationality = n.code;
    p.languages = n.languages;
    // Minors' ages are often assessed, and many adults know only their year of birth.
    p.birth_date_estimated = age < 18 ? chance(0.6) : chance(0.2);
    std::string birth = clock::add_days(day, -365LL * age - uniform(0, 364));
    if (p.birth_date_estimated) birth = birth.substr(0, 4) + "-01-01";
    p.birth_date = birth;
    if (chance(0.85)) p.cui = cui();
    return p;
  }

  std::string cui() {
    static const char kChars[] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    std::string s;
    for (int i = 0; i < 9; ++i) s += kChars[uniform(0, sizeof kChars - 2)];
    return s + std::to_string(++cui_serial_);  // unique across the run
  }

  const geo::Municipality& town() {
    const auto& all = geo::municipalities();
    if (!plan_.palermo_weighting) return pick(all);
    // Most centres are in the city and the five larger towns, some in small towns.
    static const std::vector<const char*> larger = {"082006", "082021", "082049", "082054",
                                                    "082070"};
    const int r = uniform(0, 99);
    if (r < 45) return *geo::find_municipality("082053");
    if (r < 85) return *geo::find_municipality(pick(larger));
    return pick(all);
  }

  const char* exit_reason() {
    int total = 0;
    for (const auto& e : kExits) total += e.second;
    int r = uniform(0, total - 1);
    for (const auto& e : kExits)
      if ((r -= e.second) < 0) return e.first;
    return "other";
  }

  std::mt19937& rng_;
  const ReceptionPlan& plan_;
  std::int64_t cui_serial_ = 0;
};

// A group of places taken and freed together: one place for a single guest, a family's places
// for a family. Each unit hosts one stay at a time.
struct Unit {
  std::size_t centre = 0;  // index into the generated centres
  Category category = Category::single_men;
  int size = 1;
  // The current stay: indexes into the generated placements (one per member), empty when free.
  std::vector<std::size_t> stay;
  std::string stay_ends;   // planned last day + 1
  std::string free_until;  // when free: the day the next guests arrive
};

struct Centre {
  centres::Centre centre;
  bool ukrainian = false;  // accoglienza diffusa for people under temporary protection
};

// About 3 guest-days in 100 are absences, for one of three reasons.
struct AbsenceDraw {
  std::bernoulli_distribution absent{0.03};
  std::uniform_int_distribution<int> reason{0, 2};

  // A reason when this guest-day is an absence, otherwise nullptr.
  const char* operator()(std::mt19937& rng) {
    static const char* kReasons[] = {"authorised_leave", "hospitalised", "unauthorised"};
    return absent(rng) ? kReasons[reason(rng)] : nullptr;
  }
};

}  // namespace

Result<ReceptionReport> seed_reception(db::Connection& conn, std::mt19937& rng,
                                       const ReceptionPlan& plan) {
  Generator g(rng, plan);
  ReceptionReport report;
  const std::string start = clock::add_days(plan.today, -plan.history_days);

  // Centres, with their places split into units.
  std::vector<Centre> centres;
  std::vector<Unit> units;
  for (int i = 0; i < plan.centres; ++i) {
    const auto& town = g.town();
    Centre c;
    const bool diffusa = g.chance(0.08);
    const bool minors = !diffusa && g.chance(0.05);
    c.ukrainian = diffusa;
    c.centre.type = diffusa ? "accoglienza_diffusa" : (g.chance(0.85) ? "cas" : "sai");
    c.centre.name = std::string(diffusa  ? "Accoglienza diffusa "
                                : minors ? "Comunità minori "
                                         : "") +
                    (diffusa || minors        ? ""
                     : c.centre.type == "sai" ? "SAI "
                                              : "CAS ") +
                    std::string(town.name) + " " + std::to_string(i + 1);
    c.centre.operator_id =
        i < 4 && plan.featured_operator ? plan.featured_operator : g.pick(plan.operators);
    c.centre.address = "Via " +
                       std::string(g.pick(std::vector<const char*>{
                           "Roma", "Garibaldi", "Libertà", "Marconi", "dei Mille",
                           "Vittorio Emanuele", "Sciuti", "Oreto"})) +
                       " " + std::to_string(g.uniform(1, 220));
    c.centre.istat_code = std::string(town.istat_code);
    c.centre.latitude = town.latitude + g.uniform(-300, 300) / 100000.0;
    c.centre.longitude = town.longitude + g.uniform(-300, 300) / 100000.0;
    const int places = g.uniform(plan.min_places, plan.max_places);
    if (minors) {
      c.centre.places = {0, 0, 0, places};
    } else if (diffusa) {
      c.centre.places = {0, places / 3, places - places / 3, 0};
    } else {
      const int women = g.chance(0.3) ? places / 4 : 0;
      const int families = g.chance(0.35) ? places / 3 : 0;
      c.centre.places = {places - women - families, women, families, 0};
    }
    c.centre.step_free_access = g.chance(0.4);
    c.centre.services = {"cultural_mediation", "legal_information", "health_care",
                         "italian_courses"};
    if (g.chance(0.5)) c.centre.services.push_back("psychological_support");
    if (c.centre.places[1] > 0) c.centre.services.push_back("female_mediators");
    if (c.centre.places[2] > 0) c.centre.services.push_back("childcare");
    c.centre.status = g.chance(0.04) ? "suspended" : "active";
    c.centre.contact_phone = "+39 091 " + std::to_string(g.uniform(1000000, 9999999));
    INNET_ASSIGN_OR_RETURN(auto created, centres::create_centre(conn, c.centre));
    c.centre = created;
    ++report.centres;

    // A contract over the history and its renewal, at EUR 25 to 35 per person per day.
    centres::Contract k;
    k.centre_id = c.centre.id;
    k.places = centres::total(c.centre.places);
    k.start_date = clock::add_days(start, -g.uniform(0, 200));
    const std::string renewal = clock::add_days(start, g.uniform(100, plan.history_days - 30));
    for (int n = 0; n < 2; ++n) {
      // Three lots per tender round, each covering several centres (their CIG names the lot);
      // the draw stays so that the rest of the data is unchanged.
      (void)g.uniform(100000000, 999999999);
      k.cig = std::string(n == 0 ? "B1" : "B2") + "0000000" + std::to_string(c.centre.id % 3);
      k.vat_rate_percent = c.centre.id % 3 == 2 ? 5 : 0;  // a social cooperative's lot: 5%
      k.price_cents = diffusa ? 3300 : g.uniform(25, 35) * 100 + g.uniform(0, 1) * 50;
      const bool ending =
          n == 1 && i == 1 && plan.featured_operator && plan.contract_ending_in_days;
      k.end_date = n == 0   ? clock::add_days(renewal, -1)
                   : ending ? clock::add_days(plan.today, plan.contract_ending_in_days)
                            : clock::add_days(plan.today, 365);
      INNET_TRY(centres::create_contract(conn, k));
      ++report.contracts;
      k.start_date = renewal;
    }

    const std::size_t index = centres.size();
    for (std::size_t cat = 0; cat < centres::kCategoryCount; ++cat) {
      int left = static_cast<int>(c.centre.places[cat]);
      while (left > 0) {
        const int size = cat == 2 ? std::min(left, g.uniform(2, 5)) : 1;
        units.push_back({index, static_cast<Category>(cat), size, {}, "", ""});
        left -= size;
      }
    }
    centres.push_back(std::move(c));
  }

  // Day by day: stays end as planned (with an exit or a transfer) and units fill again.
  std::vector<people::Person> persons;
  std::vector<reception::PlacementRow> rows;
  std::vector<std::string> person_family;  // family group label of each person, "" for none
  struct Waiting {
    std::vector<std::size_t> stay;  // placements just closed by a transfer, one per member
    Category category;
    std::size_t from_centre;
  };
  std::vector<Waiting> transfers_today;

  auto stay_length = [&] { return g.uniform(20, 420); };
  auto open_stay = [&](Unit& u, const std::string& day, const std::string& origin) {
    const Centre& c = centres[u.centre];
    const auto& nat = g.nationality(c.ukrainian);
    const Name& family = g.pick(nat.names->family);
    const std::string label =
        u.size > 1 ? std::string("Famiglia ") + family.latin + " " + std::to_string(rows.size())
                   : "";
    for (int m = 0; m < u.size; ++m) {
      std::string sex = "male";
      int age = g.uniform(18, 45);
      if (u.category == Category::single_women || (u.category == Category::families && m == 1))
        sex = "female";
      if (u.category == Category::families && m >= 2) {
        sex = g.chance(0.5) ? "female" : "male";
        age = g.uniform(0, 16);
      }
      if (u.category == Category::minors) age = g.uniform(14, 17);
      if (c.ukrainian && u.category == Category::families && m == 0) sex = "female";
      persons.push_back(g.person(nat, sex, age, family, day));
      // The guests of minors' communities came alone (a flag: no draw, the data stay the same).
      persons.back().unaccompanied_minor = u.category == Category::minors;
      person_family.push_back(label);
      reception::Placement p;
      p.person_id = static_cast<std::int64_t>(persons.size() - 1);  // an index until inserted
      p.centre_id = c.centre.id;
      p.category = u.category;
      p.start_date = day;
      p.arrival_from = origin;
      u.stay.push_back(rows.size());
      rows.push_back({p, std::nullopt});
    }
    u.stay_ends = clock::add_days(day, stay_length());
  };

  // At the start, every unit is already hosting someone who arrived in the months before.
  for (auto& u : units) {
    open_stay(u, clock::add_days(start, -g.uniform(0, 300)), g.chance(0.7) ? "landing" : "hotspot");
    if (u.stay_ends <= start) u.stay_ends = clock::add_days(start, g.uniform(1, 200));
  }

  for (std::string day = start; day <= plan.today; day = clock::add_days(day, 1)) {
    transfers_today.clear();
    for (auto& u : units) {
      if (u.stay.empty() || u.stay_ends != day) continue;
      // About one stay in six ends with a transfer to another centre on the same day.
      const bool moves = g.chance(0.16) && centres[u.centre].centre.status == "active";
      for (auto idx : u.stay) {
        rows[idx].placement.end_date = day;
        rows[idx].placement.exit_reason = moves ? reception::kTransferredReason : g.exit_reason();
        if (rows[idx].placement.exit_reason == std::string("other"))
          rows[idx].placement.exit_note = "trasferimento ad altra provincia";
      }
      if (moves) transfers_today.push_back({u.stay, u.category, u.centre});
      u.stay.clear();
      u.free_until = clock::add_days(day, g.uniform(0, 21));
    }
    for (auto& u : units) {
      if (!u.stay.empty() || u.free_until > day) continue;
      if (centres[u.centre].centre.status != "active") continue;
      // Take a transfer waiting for this kind of unit, else new arrivals.
      auto waiting = std::find_if(transfers_today.begin(), transfers_today.end(), [&](auto& w) {
        return w.category == u.category && w.stay.size() == static_cast<std::size_t>(u.size) &&
               w.from_centre != u.centre &&
               centres[w.from_centre].ukrainian == centres[u.centre].ukrainian;
      });
      if (waiting != transfers_today.end()) {
        for (auto idx : waiting->stay) {
          reception::Placement p = rows[idx].placement;
          p.centre_id = centres[u.centre].centre.id;
          p.start_date = day;
          p.arrival_from = "transfer";
          p.end_date.reset();
          p.exit_reason.reset();
          p.exit_note.reset();
          u.stay.push_back(rows.size());
          rows.push_back({p, idx});
        }
        u.stay_ends = clock::add_days(day, stay_length());
        transfers_today.erase(waiting);
        ++report.transfers;
        continue;
      }
      open_stay(u, day, g.chance(0.6) ? "landing" : g.chance(0.5) ? "hotspot" : "direct");
    }
    // Transfers that found no unit today end as ordinary exits instead.
    for (auto& w : transfers_today)
      for (auto idx : w.stay) rows[idx].placement.exit_reason = "transferred_to_sai";
  }
  // Stays planned to end after today are still open.
  for (auto& u : units)
    for (auto idx : u.stay) {
      rows[idx].placement.end_date.reset();
      rows[idx].placement.exit_reason.reset();
      rows[idx].placement.exit_note.reset();
    }

  // Family groups, persons, then placements with their real person ids.
  std::map<std::string, std::int64_t> groups;
  for (std::size_t i = 0; i < persons.size(); ++i) {
    if (person_family[i].empty()) continue;
    auto [it, fresh] = groups.emplace(person_family[i], 0);
    if (fresh) {
      INNET_ASSIGN_OR_RETURN(auto group, people::create_family_group(conn, person_family[i]));
      it->second = group.id;
    }
    persons[i].family_group_id = it->second;
  }
  INNET_TRY(people::insert_persons(conn, persons));
  for (auto& r : rows) {
    r.placement.person_id = persons[static_cast<std::size_t>(r.placement.person_id)].id;
    if (r.placement.open()) ++report.current_guests;
  }
  INNET_TRY(reception::insert_placements(conn, rows));
  INNET_ASSIGN_OR_RETURN(const CivilDay first_day, stored_day(start));
  INNET_ASSIGN_OR_RETURN(const CivilDay last_day, stored_day(plan.today));
  INNET_TRY(reception::rebuild_snapshots(conn, first_day.plus_days(-300), last_day));
  report.persons = static_cast<std::int64_t>(persons.size());
  report.placements = static_cast<std::int64_t>(rows.size());
  return report;
}

Result<MinorsReport> seed_minors_section(db::Connection& conn, std::int64_t operator_id,
                                         std::int64_t officer_user_id, CivilDay today) {
  MinorsReport report;
  centres::CentreFilter f;
  f.operator_id = operator_id;
  INNET_ASSIGN_OR_RETURN(auto all, centres::all_centres(conn, f));
  // An active adult centre, in the city of Palermo when the operator has one there.
  const centres::Centre* chosen = nullptr;
  for (const auto& c : all) {
    if (c.status != "active" || reception::minors_structure(c) || c.type == "accoglienza_diffusa")
      continue;
    if (!chosen || (c.istat_code == "082053" && chosen->istat_code != "082053")) chosen = &c;
  }
  if (!chosen) return report;
  centres::Centre centre = *chosen;
  // A dedicated section of four minors' places.
  centre.places[static_cast<std::size_t>(Category::minors)] += 4;
  INNET_TRY(centres::update_centre(conn, centre));
  struct Minor {
    const char* family;
    const char* given;
    const char* nationality;
    const char* language;
    int age_days;  // on arrival
    bool estimated;
    int arrived_days_ago;
  };
  // 17 with 4 days left of 90 after today; 16 just arrived; 17 with an assessed (estimated) birth
  // date.
  static const Minor kMinors[] = {{"Diallo", "Mamadou", "GN", "fr", 17 * 365 + 40, false, 85},
                                  {"Hassan", "Abdirahman", "SO", "so", 16 * 365 + 100, false, 6},
                                  {"Touré", "Ibrahim", "ML", "bm", 17 * 365 + 20, true, 30}};
  for (const auto& m : kMinors) {
    const CivilDay arrived = today.plus_days(-m.arrived_days_ago);
    people::Person p;
    p.family_name = m.family;
    p.given_names = m.given;
    p.sex = "male";
    p.nationality = m.nationality;
    p.languages = {m.language};
    std::string birth = arrived.plus_days(-m.age_days).to_string();
    if (m.estimated) birth = birth.substr(0, 4) + "-01-01";
    p.birth_date = birth;
    p.birth_date_estimated = m.estimated;
    p.unaccompanied_minor = true;
    INNET_ASSIGN_OR_RETURN(auto created, people::create_person(conn, p));
    reception::Arrival a;
    a.person_ids = {created.id};
    a.centre_id = centre.id;
    a.category = Category::minors;
    a.date = arrived;
    a.arrival_from = "landing";
    // Through the placement rules: the demo meets them as the API does.
    if (auto placed = reception::place(conn, a, today); !placed.ok()) return placed.take_error();
    ++report.minors;
  }
  // Places above contract for single men, by a decree of the Prefettura, for three months.
  INNET_ASSIGN_OR_RETURN(auto contract, centres::contract_on(conn, centre.id, today));
  if (contract) {
    centres::Derogation d;
    d.centre_id = centre.id;
    d.category = Category::single_men;
    d.places = std::max<std::int64_t>(1, contract->places / 5);
    d.decision_number = "Decreto prefettizio n. 41/2026 Area IV";
    d.decision_date = today.plus_days(-32).to_string();
    d.start_date = today.plus_days(-30).to_string();
    d.end_date = std::min(today.plus_days(60).to_string(), contract->end_date);
    d.created_by = officer_user_id;
    if (auto made = centres::create_derogation(conn, d, today); !made.ok())
      return made.take_error();
    ++report.derogations;
  }
  return report;
}

Result<RegisterReport> seed_registers(db::Connection& conn, std::mt19937& rng,
                                      std::int64_t operator_id, std::int64_t staff_user_id,
                                      int days, CivilDay today, const std::string& chain_key) {
  centres::CentreFilter mine;
  mine.operator_id = operator_id;
  INNET_ASSIGN_OR_RETURN(auto centres, centres::all_centres(conn, mine));
  RegisterReport report;
  std::bernoulli_distribution unconfirmed_tail(0.5);
  AbsenceDraw absence;
  for (const auto& centre : centres) {
    // Some centres have not confirmed yesterday and the day before yet.
    const int skip = unconfirmed_tail(rng) ? 2 : 0;
    for (int back = days; back > skip; --back) {
      const CivilDay day = today.plus_days(-back);
      INNET_ASSIGN_OR_RETURN(auto guests, reception::placements_on(conn, centre.id, day));
      for (const auto& g : guests) {
        const char* reason = absence(rng);
        if (!reason) continue;
        reception::NewAbsence a{centre.id, day, g.person_id, reason, std::nullopt, staff_user_id};
        INNET_TRY(reception::record_absence(conn, a, today));
        ++report.absences;
      }
      INNET_TRY(reception::confirm_day(conn, centre.id, day, std::nullopt, staff_user_id, chain_key,
                                       today));
      ++report.confirmations;
    }
  }
  return report;
}

Result<std::int64_t> seed_absences(db::Connection& conn, std::mt19937& rng, int days,
                                   CivilDay today_day,
                                   const std::map<std::int64_t, std::int64_t>& staff_by_operator) {
  INNET_ASSIGN_OR_RETURN(auto centres, centres::all_centres(conn, {}));
  const CivilDay from_day = today_day.plus_days(-days);
  // As text: the loop below walks the stored days of each stay.
  const std::string today = today_day.to_string(), from = from_day.to_string();
  AbsenceDraw absence;
  std::vector<reception::Absence> absences;
  for (const auto& centre : centres) {
    auto staff = staff_by_operator.find(centre.operator_id);
    if (staff == staff_by_operator.end()) continue;
    INNET_ASSIGN_OR_RETURN(auto placements,
                           reception::placements_between(conn, centre.id, from_day, today_day));
    for (const auto& p : placements) {
      const std::string end = p.end_date ? std::min(*p.end_date, today) : today;
      for (auto day = std::max(p.start_date, from); day < end; day = clock::add_days(day, 1)) {
        const char* reason = absence(rng);
        if (!reason) continue;
        reception::Absence a;
        a.centre_id = centre.id;
        a.day = day;
        a.person_id = p.person_id;
        a.reason = reason;
        a.recorded_by = staff->second;
        absences.push_back(std::move(a));
      }
    }
  }
  INNET_TRY(reception::insert_absences(conn, absences));
  return static_cast<std::int64_t>(absences.size());
}

Result<std::int64_t> seed_invoices(db::Connection& conn, std::int64_t operator_id,
                                   std::int64_t staff_user_id, CivilDay today) {
  centres::CentreFilter mine;
  mine.operator_id = operator_id;
  INNET_ASSIGN_OR_RETURN(auto centres, centres::all_centres(conn, mine));
  const CivilMonth month = CivilMonth::of(today.first_of_month().plus_days(-1));
  std::int64_t stored = 0;
  for (std::size_t i = 0; i < centres.size(); ++i) {
    const auto& centre = centres[i];
    if (centre.type == "sai") continue;  // funded by its project budget, not per day
    INNET_ASSIGN_OR_RETURN(auto first, reception::draft_invoice(conn, centre.id, month, today));
    // One invoice per contract of the month, each from its own draft.
    for (std::size_t k = 0; k < first.contracts.size(); ++k) {
      const std::int64_t contract_id = first.contracts[k].contract_id;
      INNET_ASSIGN_OR_RETURN(auto draft,
                             reception::draft_invoice(conn, centre.id, month, today, contract_id));
      if (draft.amount_cents <= 0) continue;  // nothing payable: no guests
      reception::Invoice invoice;
      invoice.centre_id = centre.id;
      invoice.contract_id = contract_id;
      invoice.month = month.to_string();
      invoice.number = std::to_string(i + 1) + (k ? "-" + std::to_string(k + 1) : "") + "/" +
                       invoice.month.substr(0, 4);
      invoice.amount_cents = draft.amount_cents;
      invoice.presence_days = draft.presence_days;
      invoice.submitted_by = staff_user_id;
      for (const auto& l : draft.lines) invoice.lines.push_back(l.line);
      if (i % 3 == 0) {
        const auto& period = first.contracts[k];
        INNET_ASSIGN_OR_RETURN(
            auto absences,
            reception::absence_entries_between(conn, centre.id, draft.range.from, draft.range.to));
        for (const auto& a : absences) {
          if (a.withdraws_id || invoice.presence_days >= draft.presence_days + 3) continue;
          if (a.day < period.from || a.day > period.to) continue;  // another contract's day
          invoice.lines.push_back({a.person_id, a.day, a.day});
          ++invoice.presence_days;
        }
        // Billed at the contract price, as submission requires: the days are what is disputed.
        INNET_ASSIGN_OR_RETURN(auto contracts, centres::centre_contracts(conn, centre.id));
        invoice.amount_cents = reception::value_lines(invoice.lines, contracts).net_cents;
      }
      INNET_TRY(reception::submit_invoice(conn, invoice, today));
      ++stored;
    }
  }
  return stored;
}

Result<std::int64_t> seed_over_capacity(db::Connection& conn, std::int64_t featured_operator,
                                        CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto all, centres::all_centres(conn, {}));
  static const char* const kNames[][2] = {{"Keita", "Moussa"},   {"Camara", "Sekou"},
                                          {"Bangura", "Alhaji"}, {"Kamara", "Foday"},
                                          {"Sesay", "Ibrahim"},  {"Conteh", "Abdul"}};
  const CivilDay arrived = today.plus_days(-3);
  std::int64_t placed = 0, names = 0;
  int chosen = 0;
  for (const auto& centre : all) {
    const auto men = static_cast<std::size_t>(Category::single_men);
    if (chosen == 2) break;
    if (centre.operator_id == featured_operator || centre.status != "active" ||
        centre.type != "cas" || centre.places[men] == 0)
      continue;
    ++chosen;
    INNET_ASSIGN_OR_RETURN(auto guests, reception::placements_on(conn, centre.id, arrived));
    std::int64_t men_now = 0;
    for (const auto& g : guests) men_now += g.category == Category::single_men;
    // Every free place taken, and `chosen` + 1 guests beyond.
    const std::int64_t arriving = centre.places[men] - men_now + chosen + 1;
    for (std::int64_t k = 0; k < arriving; ++k, ++names) {
      const auto& name = kNames[names % std::size(kNames)];
      people::Person p;
      p.family_name = name[0];
      p.given_names = name[1];
      p.sex = "male";
      p.nationality = "SL";
      p.languages = {"en"};
      p.birth_date = today.plus_days(-(20 + static_cast<int>(names)) * 365).to_string();
      INNET_ASSIGN_OR_RETURN(auto created, people::create_person(conn, p));
      reception::Arrival a;
      a.person_ids = {created.id};
      a.centre_id = centre.id;
      a.category = Category::single_men;
      a.date = arrived;
      a.arrival_from = "landing";
      // Full: only the Prefettura's override lets them in, as the API allows it.
      a.override_reason =
          "Sbarco straordinario a Palermo: nessun posto libero in provincia, disposizione della "
          "Prefettura";
      if (auto done = reception::place(conn, a, today); !done.ok()) return done.take_error();
    }
    placed += chosen + 1;
  }
  return placed;
}

namespace {

// A signature drawn on the tablet, as the web stores it (a PNG): the demo's receipts all carry
// this 1x1 image, one document each (the content is stored once).
constexpr char kSignaturePng[] =
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01"
    "\x00\x00\x00\x01\x08\x00\x00\x00\x00\x3a\x7e\x9b\x55\x00\x00\x00\x0a\x49\x44\x41"
    "\x54\x78\x9c\x63\x60\x00\x00\x00\x02\x00\x01\x48\xaf\xa4\x71\x00\x00\x00\x00\x49"
    "\x45\x4e\x44\xae\x42\x60\x82";

// Records a handover with its receipt linked, as the route does in one transaction.
Status hand_over(db::Connection& conn, reception::NewHandover h, CivilDay today) {
  INNET_ASSIGN_OR_RETURN(
      auto receipt,
      documents::store_document(conn, std::string_view(kSignaturePng, sizeof kSignaturePng - 1),
                                {"image/png", "png"}, "firma.png", h.recorded_by));
  h.receipt_kind = "signature";
  h.document_id = receipt.id;
  INNET_ASSIGN_OR_RETURN(auto stored, reception::record_handover(conn, h, today));
  return documents::set_owner(conn, receipt.id, reception::kReceiptOwnerKind, stored.id,
                              h.recorded_by);
}

}  // namespace

Result<MoneyReport> seed_money(db::Connection& conn, std::int64_t operator_id,
                               std::int64_t staff_user_id, std::int64_t officer_user_id,
                               CivilDay today) {
  MoneyReport report;
  centres::CentreFilter mine;
  mine.operator_id = operator_id;
  INNET_ASSIGN_OR_RETURN(auto all, centres::all_centres(conn, mine));
  const centres::Centre* centre = nullptr;
  for (const auto& c : all)
    if (!centre && c.status == "active" && c.type != "sai") centre = &c;
  if (!centre) return report;
  const CivilDay first = today.first_of_month();
  const CivilMonth last_month = CivilMonth::of(first.plus_days(-1));

  // Phone cards and kits: each guest of either month whose path began here, on the day it did.
  std::map<std::int64_t, std::string> arrived;  // person -> first day at the centre
  INNET_ASSIGN_OR_RETURN(
      auto stays, reception::placements_between(conn, centre->id, last_month.first_day(), today));
  for (const auto& p : stays) {
    auto [it, added] = arrived.emplace(p.person_id, p.start_date);
    if (!added) it->second = std::min(it->second, p.start_date);
  }
  std::size_t n = 0;
  for (const CivilMonth month : {last_month, CivilMonth::of(today)}) {
    INNET_ASSIGN_OR_RETURN(auto money,
                           reception::centre_month_money(conn, centre->id, month, today));
    for (const auto& g : money.guests) {
      ++n;
      if (n % 5 == 0) continue;  // a few left without, to show as missing
      const auto day = arrived.find(g.person_id);
      if (day == arrived.end()) continue;
      INNET_ASSIGN_OR_RETURN(const CivilDay on, stored_day(day->second));
      for (const auto& [item, state] : {std::pair{reception::kPhoneCard, g.phone_card},
                                        std::pair{reception::kFirstEntryKit, g.first_entry_kit}}) {
        if (state != "missing") continue;
        reception::NewHandover h{centre->id,   g.person_id, item, on,           std::nullopt,
                                 std::nullopt, "",          0,    staff_user_id};
        INNET_TRY(hand_over(conn, h, today));
        ++report.handovers;
      }
    }
  }

  // Last month's pocket money, handed on the first of this month to the guests still here.
  INNET_ASSIGN_OR_RETURN(auto still_here, reception::placements_on(conn, centre->id, first));
  std::set<std::int64_t> here;
  for (const auto& p : still_here) here.insert(p.person_id);
  INNET_ASSIGN_OR_RETURN(auto paid,
                         reception::centre_month_money(conn, centre->id, last_month, today));
  n = 0;
  for (const auto& g : paid.guests) {
    if (!here.count(g.person_id) || g.pocket_money_due_cents <= 0) continue;
    if (++n % 7 == 0) continue;  // not collected yet
    reception::NewHandover h{centre->id, g.person_id, reception::kPocketMoney,
                             first,      last_month,  g.pocket_money_due_cents,
                             "",         0,           staff_user_id};
    INNET_TRY(hand_over(conn, h, today));
    ++report.handovers;
  }

  // A reduction measure: one guest here for the last 10 days, suspended for 30 days from then.
  INNET_ASSIGN_OR_RETURN(auto now, reception::placements_on(conn, centre->id, today));
  const std::string since = today.plus_days(-10).to_string();
  for (const auto& p : now) {
    if (p.start_date > since || p.end_date) continue;
    reception::NewSuspension s{centre->id,
                               p.person_id,
                               today.plus_days(-10),
                               today.plus_days(20),
                               "Violazione reiterata del regolamento del centro (art. 23 d.lgs. "
                               "142/2015)",
                               officer_user_id};
    if (auto done = reception::suspend_pocket_money(conn, s, today); !done.ok())
      return done.take_error();
    ++report.suspensions;
    break;
  }
  return report;
}

}  // namespace innet::reception::seed

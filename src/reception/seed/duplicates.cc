#include "reception/seed/duplicates.h"

#include "centres/centres.h"
#include "people/persons.h"
#include "reception/placements/placements.h"

namespace innet::reception::seed {
namespace {

struct Record {
  const char* family;
  const char* given;
  const char* family_original;  // "" for none
  const char* given_original;
  const char* birth_date;
  bool estimated;
  const char* cui;  // "" for none
};

struct Pair {
  const char* what;  // the kind of variant, for whoever reads this list
  const char* sex;
  const char* nationality;
  const char* language;
  Record first;
  Record second;
  bool both_placed;
  bool shares_passport;  // the cases step records one passport on both records' cases
};

constexpr Pair kPairs[] = {
    {"Latin spellings of one Arabic name",
     "male",
     "EG",
     "ar",
     {"Hassan", "Mohamed", "حسن", "محمد", "1994-03-12", false, "EGH4K2P9Q"},
     {"Hasan", "Muhammad", "", "", "1994-03-12", false, ""},
     false,
     false},
    {"Maghreb and English spellings, an estimated birth date",
     "male",
     "MA",
     "ar",
     {"Benali", "Youssef", "", "", "1999-07-02", false, ""},
     {"Ben Ali", "Yusuf", "", "", "1999-01-01", true, ""},
     false,
     false},
    {"Ukrainian and English spellings, both placed now",
     "male",
     "UA",
     "uk",
     {"Kovalenko", "Oleksandr", "Коваленко", "Олександр", "1988-11-05", false, ""},
     {"Kovalenko", "Alexander", "", "", "1988-11-05", false, ""},
     true,
     false},
    {"family and given names swapped",
     "male",
     "GN",
     "fr",
     {"Diallo", "Mamadou", "", "", "2001-02-20", false, ""},
     {"Mamadou", "Diallo", "", "", "2001-02-20", false, ""},
     false,
     false},
    {"a Bengali name with and without its honorific",
     "male",
     "BD",
     "bn",
     {"Rahman", "Karim", "রহমান", "করিম", "1997-09-30", false, ""},
     {"Rahman", "Md Karim", "", "", "1997-09-30", false, ""},
     false,
     false},
    {"accents, and a year from an age assessment",
     "female",
     "ML",
     "fr",
     {"Traoré", "Aminata", "", "", "2003-08-14", false, ""},
     {"Traore", "Aminata", "", "", "2003-01-01", true, ""},
     false,
     false},
    {"a married and a maiden name, one passport: found by the document only",
     "female",
     "NG",
     "en",
     {"Okafor", "Blessing", "", "", "1995-04-11", false, ""},
     {"Eze", "Blessing Chioma", "", "", "1995-04-11", false, ""},
     true,
     true},
};

people::Person person_of(const Pair& pair, const Record& r) {
  people::Person p;
  p.family_name = r.family;
  p.given_names = r.given;
  if (*r.family_original) p.family_name_original = r.family_original;
  if (*r.given_original) p.given_names_original = r.given_original;
  p.sex = pair.sex;
  p.nationality = pair.nationality;
  p.languages = {pair.language};
  p.birth_date = r.birth_date;
  p.birth_date_estimated = r.estimated;
  if (*r.cui) p.cui = r.cui;
  return p;
}

}  // namespace

Result<DuplicatePairs> seed_duplicate_pairs(db::Connection& conn, std::int64_t operator_id,
                                            CivilDay today) {
  INNET_ASSIGN_OR_RETURN(auto all, centres::all_centres(conn, {}));
  // The operator's active centres with their free places today for each category the pairs need.
  struct Free {
    std::int64_t centre_id;
    centres::Category category;
    std::int64_t places;
  };
  std::vector<Free> free;
  for (const auto& centre : all) {
    if (centre.operator_id != operator_id || centre.status != "active") continue;
    INNET_ASSIGN_OR_RETURN(auto guests, placements_on(conn, centre.id, today));
    for (auto category : {centres::Category::single_men, centres::Category::single_women}) {
      std::int64_t taken = 0;
      for (const auto& g : guests) taken += g.category == category;
      if (taken < centre.places[static_cast<std::size_t>(category)])
        free.push_back(
            {centre.id, category, centre.places[static_cast<std::size_t>(category)] - taken});
    }
  }
  const auto place_in = [&](std::int64_t person_id, const char* sex, std::size_t nth) -> Status {
    const auto category = std::string(sex) == "female" ? centres::Category::single_women
                                                       : centres::Category::single_men;
    std::size_t seen = 0;
    for (auto& f : free) {
      if (f.category != category || f.places == 0 || seen++ < nth) continue;
      --f.places;
      Arrival a;
      a.person_ids = {person_id};
      a.centre_id = f.centre_id;
      a.category = category;
      a.date = today;  // the free places counted are today's
      a.arrival_from = "landing";
      INNET_ASSIGN_OR_RETURN(auto placed, place(conn, a, today));
      return Status::success();
    }
    return Error::internal("no free place for the demo's duplicate pairs");
  };
  DuplicatePairs out{.pairs = static_cast<std::int64_t>(std::size(kPairs))};
  for (const auto& pair : kPairs) {
    INNET_ASSIGN_OR_RETURN(auto first, people::create_person(conn, person_of(pair, pair.first)));
    INNET_ASSIGN_OR_RETURN(auto second, people::create_person(conn, person_of(pair, pair.second)));
    INNET_TRY(place_in(first.id, pair.sex, 0));
    if (pair.both_placed) INNET_TRY(place_in(second.id, pair.sex, 1));
    if (pair.shares_passport) out.sharing_a_passport.emplace_back(first.id, second.id);
  }
  return out;
}

}  // namespace innet::reception::seed

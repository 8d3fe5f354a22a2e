#pragma once

#include <array>
#include <span>
#include <string_view>

// Our HSDS profile's three taxonomies: what a service is about (category), who it is for (target
// group) and which residence permits it accepts (permit type). They are ordinary HSDS taxonomies
// and terms, installed with these fixed ids so that a package, the demo data, the portal's links
// and another instance all name a term the same way; a service carries a term through an HSDS
// attribute. The codes are the stable names the API's filters take.
namespace innet::directory::profile {

struct TermId {
  std::string_view code;
  std::string_view id;
};

struct Taxonomy {
  std::string_view
      code;  // the taxonomy's name in the API (?category=, ?target_group=, ?permit_type=)
  std::string_view id;
};

inline constexpr Taxonomy kCategory{"category", "d1a0c7e2-0000-4000-8000-000000000001"};
inline constexpr Taxonomy kTargetGroup{"target_group", "d1a0c7e2-0000-4000-8000-000000000002"};
inline constexpr Taxonomy kPermitType{"permit_type", "d1a0c7e2-0000-4000-8000-000000000003"};

inline constexpr std::array kCategories{
    TermId{"health", "d1a0c7e2-0001-4000-8000-000000000001"},
    TermId{"mental_health", "d1a0c7e2-0001-4000-8000-000000000002"},
    TermId{"legal", "d1a0c7e2-0001-4000-8000-000000000003"},
    TermId{"anti_trafficking", "d1a0c7e2-0001-4000-8000-000000000004"},
    TermId{"gender_violence", "d1a0c7e2-0001-4000-8000-000000000005"},
    TermId{"italian_language", "d1a0c7e2-0001-4000-8000-000000000006"},
    TermId{"education", "d1a0c7e2-0001-4000-8000-000000000007"},
    TermId{"training", "d1a0c7e2-0001-4000-8000-000000000008"},
    TermId{"employment", "d1a0c7e2-0001-4000-8000-000000000009"},
    TermId{"housing", "d1a0c7e2-0001-4000-8000-00000000000a"},
    TermId{"social_services", "d1a0c7e2-0001-4000-8000-00000000000b"},
    TermId{"food_clothing", "d1a0c7e2-0001-4000-8000-00000000000c"},
    TermId{"documents", "d1a0c7e2-0001-4000-8000-00000000000d"},
    TermId{"minors_families", "d1a0c7e2-0001-4000-8000-00000000000e"},
    TermId{"cultural_mediation", "d1a0c7e2-0001-4000-8000-00000000000f"},
    TermId{"reception", "d1a0c7e2-0001-4000-8000-000000000010"},
};

inline constexpr std::array kTargetGroups{
    TermId{"all_foreign_nationals", "d1a0c7e2-0002-4000-8000-000000000001"},
    TermId{"asylum_seekers", "d1a0c7e2-0002-4000-8000-000000000002"},
    TermId{"refugees", "d1a0c7e2-0002-4000-8000-000000000003"},
    TermId{"temporary_protection", "d1a0c7e2-0002-4000-8000-000000000004"},
    TermId{"unaccompanied_minors", "d1a0c7e2-0002-4000-8000-000000000005"},
    TermId{"women", "d1a0c7e2-0002-4000-8000-000000000006"},
    TermId{"families_children", "d1a0c7e2-0002-4000-8000-000000000007"},
    TermId{"lgbtiq", "d1a0c7e2-0002-4000-8000-000000000008"},
    TermId{"trafficking_survivors", "d1a0c7e2-0002-4000-8000-000000000009"},
    TermId{"violence_survivors", "d1a0c7e2-0002-4000-8000-00000000000a"},
    TermId{"disabilities", "d1a0c7e2-0002-4000-8000-00000000000b"},
};

inline constexpr std::array kPermitTypes{
    TermId{"none_required", "d1a0c7e2-0003-4000-8000-000000000001"},
    TermId{"asylum_application", "d1a0c7e2-0003-4000-8000-000000000002"},
    TermId{"international_protection", "d1a0c7e2-0003-4000-8000-000000000003"},
    TermId{"special_protection", "d1a0c7e2-0003-4000-8000-000000000004"},
    TermId{"temporary_protection", "d1a0c7e2-0003-4000-8000-000000000005"},
    TermId{"work", "d1a0c7e2-0003-4000-8000-000000000006"},
    TermId{"family", "d1a0c7e2-0003-4000-8000-000000000007"},
    TermId{"study", "d1a0c7e2-0003-4000-8000-000000000008"},
    TermId{"eu_long_term", "d1a0c7e2-0003-4000-8000-000000000009"},
};

// The labels of the taxonomies and terms in the portal's six languages, in this order (Italian,
// the directory's base language, first). Written once in profile.cc: migration 2 installs them as
// HSDS taxonomy and taxonomy_term rows with their translations, and GET /api/v1/directory/terms
// answers them.
inline constexpr std::array<std::string_view, 6> kLabelLanguages{"it", "en", "fr",
                                                                 "ar", "uk", "bn"};
using Labels = std::array<std::string_view, 6>;

struct TaxonomyTerms {
  const Taxonomy* taxonomy;
  std::span<const TermId> terms;
};
// The three taxonomies with their terms, in the order above.
std::array<TaxonomyTerms, 3> taxonomies();
// The labels of a taxonomy or term by its id; nullptr for an id outside the profile.
const Labels* labels(std::string_view id);
// The label in `language` (one of kLabelLanguages; Italian otherwise).
std::string_view label(const Labels& labels, std::string_view language);
// The term of the profile with this id, and its taxonomy; nullptr outside the profile.
const TermId* term_by_id(std::string_view id, const Taxonomy** taxonomy = nullptr);

}  // namespace innet::directory::profile

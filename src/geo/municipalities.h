// Reference data on the territory: the municipalities of the Metropolitan City of Palermo.
#pragma once

#include <string_view>
#include <vector>

namespace innet::geo {

struct Municipality {
  std::string_view istat_code;  // "082053"
  std::string_view name;        // "Palermo"
  int population_2011;
  double latitude;  // centroid of the municipality's largest polygon
  double longitude;
  // The postal codes (CAP) it uses, "|"-separated as ISTAT lists them: one code is often shared
  // by several small municipalities (90020 by 13), Palermo has one per district (901xx).
  std::string_view postal_codes;
};

const std::vector<Municipality>& municipalities();
const Municipality* find_municipality(std::string_view istat_code);

// The municipality of a place, as an address or coordinates tell it (the directory's rule,
// decision 0037): the city's name when it names one of the 82 (case, accents, spaces and
// apostrophes aside); else the postal code when one municipality uses it (any 901xx is
// Palermo); else the nearest centroid, among those sharing the code when there is one, and
// within `max_km` of the point. Nullptr when none of these tells.
const Municipality* municipality_named(std::string_view city);
std::vector<const Municipality*> municipalities_with_postcode(std::string_view postal_code);
const Municipality* nearest_municipality(double latitude, double longitude, double max_km);

}  // namespace innet::geo

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
};

const std::vector<Municipality>& municipalities();
const Municipality* find_municipality(std::string_view istat_code);

}  // namespace innet::geo

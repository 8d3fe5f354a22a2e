// GET /api/v1/municipalities: the municipalities of the province, where centres stand, so that
// pages name a town instead of showing its ISTAT code. Public reference data from the geo table,
// answered on the I/O thread: it reads no database.
#include "centres/routes.h"
#include "geo/municipalities.h"

namespace innet::centres {
namespace {

const api::ObjectType<geo::Municipality>& municipality_type() {
  using geo::Municipality;
  static const auto type =
      api::ObjectType<Municipality>("Municipality")
          .field("istat_code", [](const Municipality& m) { return std::string(m.istat_code); })
          .field("name", [](const Municipality& m) { return std::string(m.name); })
          .field("population_2011", &Municipality::population_2011,
                 {.description = "resident population at the 2011 census"})
          .field("latitude", &Municipality::latitude,
                 {.description = "centroid of the municipality's largest polygon"})
          .field("longitude", &Municipality::longitude);
  return type;
}

}  // namespace

void add_municipality_routes(api::Api& api) {
  static const api::ListType municipality_list("MunicipalityList", municipality_type(), false);
  api.add_schema(municipality_type());
  api.add_schema(municipality_list);
  api.add({.method = "GET",
           .pattern = "/api/v1/municipalities",
           .action = std::string(auth::kPublic),
           .summary = "The municipalities of the province, by ISTAT code",
           .tag = "reception",
           .response_schema = "MunicipalityList",
           .io_thread = true,
           .handler = [](api::Context&) -> Result<http::Response> {
             static const nlohmann::json body = [] {
               nlohmann::json items = nlohmann::json::array();
               for (const auto& m : geo::municipalities())
                 items.push_back(municipality_type().to_json(m));
               return nlohmann::json{{"items", std::move(items)}};
             }();
             return api::ok(body);
           }});
}

}  // namespace innet::centres

#pragma once

#include "api/api.h"
#include "directory/listing.h"
#include "search/index.h"

namespace innet::directory {

// The public directory API (/api/v1/directory: search, suggest, services/{id}, terms), without
// login, for the portal (decision 0037).
void add_public_routes(api::Api& api);

// Parses "lat,lon" as the search's `near` takes it (also the HSDS proximity's centre).
std::optional<search::GeoPoint> parse_point(std::string_view text);

}  // namespace innet::directory

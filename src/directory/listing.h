// A service as the public directory shows and searches it (decision 0037): its record, its
// organisation, its translations, its taxonomy terms, its places (a confidential one without
// address, coordinates or municipality), the languages spoken, whether it is free and its weekly
// hours. One reader builds these for the search index (every active service, at start and after
// each change) and for the answers (the page's services, read again from the database, which
// stays the truth).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "db/database.h"
#include "directory/records.h"
#include "directory/schedule.h"
#include "geo/municipalities.h"
#include "search/index.h"

namespace innet::directory {

// A place of the service (a service_at_location's location) as the public may see it.
struct Place {
  std::string location_id;
  std::optional<std::string> name;
  bool confidential = false;
  // Address, coordinates and municipality: always nullopt/null for a confidential place.
  std::optional<std::string> address;  // "Via Roma 1, 90133 Palermo"
  std::optional<double> latitude, longitude;
  const geo::Municipality* municipality = nullptr;
};

// Texts of one record by field and language ("it" is the HSDS column itself).
using Texts = std::map<std::string, std::map<std::string, std::string>, std::less<>>;

struct Listing {
  Record service;
  std::optional<Record> organization;
  Texts texts;               // the service's translatable fields
  Texts organization_texts;  // the organisation's
  std::vector<std::string> term_ids;
  std::vector<Place> places;
  std::vector<std::string> languages;  // ISO 639 codes, lower case, as the records give them
  std::optional<bool> free;            // null: no cost option says
  std::vector<WeeklyOpening> openings;
  std::vector<Record> schedules;                // the service's and its places'
  std::optional<std::string> last_verified_on;  // our profile (decision 0034)

  bool active() const;
  // The text of a field in `language`, else Italian; nullopt when neither.
  std::optional<std::string> text(std::string_view field, std::string_view language) const;
  std::string organization_name(std::string_view language) const;
  // The language an answer's texts are in: `language` when the name or the description is
  // translated into it, else "it".
  std::string language_of(std::string_view language) const;
  // The first public place with a municipality / with coordinates / with an address.
  const Place* first_place() const;
};

// The municipality of an address, or of coordinates (geo/municipalities.h): the city's name,
// else the postal code when one municipality uses it (any 901xx is Palermo), else among those
// sharing the code or all 82 the nearest centroid to the coordinates (within 15 km).
const geo::Municipality* municipality_of(std::optional<std::string_view> city,
                                         std::optional<std::string_view> postal_code,
                                         std::optional<double> latitude,
                                         std::optional<double> longitude);

// The listings of these services (those that exist, any status), in the order of `ids`.
Result<std::vector<Listing>> read_listings(db::Connection& c, const std::vector<std::string>& ids);
// The ids of every active service.
Result<std::vector<std::string>> active_service_ids(db::Connection& c);

// What the search index holds of a listing: texts in each language (its translations, and in all
// six the organisation's name and its terms' labels), terms, municipalities, languages spoken,
// free, public points, weekly hours.
search::Document search_document(const Listing& listing);

// At most `max_chars` characters of `text`, cut at a word, with "…" when cut.
std::string excerpt(std::string_view text, std::size_t max_chars);

}  // namespace innet::directory

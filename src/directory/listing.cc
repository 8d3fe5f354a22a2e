#include "directory/listing.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <unordered_map>

#include "directory/hsds.h"
#include "directory/profile.h"
#include "directory/storage.h"

namespace innet::directory {
namespace {

std::optional<double> number_of(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  double v = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, v);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return v;
}

std::string lower(std::string text) {
  for (auto& ch : text)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return text;
}

// The address a visitor reads: "Via Roma 1, 90133 Palermo". A physical address first.
const Record* best_address(const std::vector<const Record*>& addresses) {
  for (const auto* a : addresses)
    if (a->value("address_type") == std::optional<std::string>("physical")) return a;
  for (const auto* a : addresses)
    if (a->value("address_type") != std::optional<std::string>("virtual")) return a;
  return nullptr;
}

std::string address_text(const Record& a) {
  std::string out = a.value("address_1").value_or("");
  if (const auto& more = a.value("address_2"); more && !more->empty()) out += ", " + *more;
  out += ", " + a.value("postal_code").value_or("") + " " + a.value("city").value_or("");
  return out;
}

void add_texts(Texts& into, const StoredTranslation& t) {
  into[t.field][t.language] = t.text;
}

}  // namespace

bool Listing::active() const {
  return service.value("status") == std::optional<std::string>("active");
}

std::optional<std::string> Listing::text(std::string_view field, std::string_view language) const {
  if (auto f = texts.find(field); f != texts.end()) {
    if (auto l = f->second.find(std::string(language)); l != f->second.end() && !l->second.empty())
      return l->second;
  }
  if (service.table->field(field)) {
    const auto& base = service.value(field);
    if (base && !base->empty()) return base;
  }
  return std::nullopt;
}

std::string Listing::organization_name(std::string_view language) const {
  if (auto f = organization_texts.find("name"); f != organization_texts.end())
    if (auto l = f->second.find(std::string(language)); l != f->second.end()) return l->second;
  return organization ? organization->value("name").value_or("") : "";
}

std::string Listing::language_of(std::string_view language) const {
  for (const char* field : {"name", "description"})
    if (auto f = texts.find(field); f != texts.end() && f->second.contains(std::string(language)))
      return std::string(language);
  return "it";
}

const Place* Listing::first_place() const {
  for (const auto& p : places)
    if (!p.confidential && (p.municipality || p.latitude || p.address)) return &p;
  return nullptr;
}

const geo::Municipality* municipality_of(std::optional<std::string_view> city,
                                         std::optional<std::string_view> postal_code,
                                         std::optional<double> latitude,
                                         std::optional<double> longitude) {
  if (city)
    if (const auto* m = geo::municipality_named(*city)) return m;
  const bool point = latitude && longitude;
  if (postal_code) {
    auto candidates = geo::municipalities_with_postcode(*postal_code);
    if (candidates.size() == 1) return candidates.front();
    if (candidates.size() > 1 && point) {
      const geo::Municipality* best = nullptr;
      double best_km = 15;
      for (const auto* m : candidates) {
        const double km = search::distance_km({*latitude, *longitude}, {m->latitude, m->longitude});
        if (km <= best_km) best = m, best_km = km;
      }
      return best;
    }
    if (!candidates.empty()) return nullptr;  // shared code, no point: not a guess
  }
  if (point) return geo::nearest_municipality(*latitude, *longitude, 15);
  return nullptr;
}

Result<std::vector<std::string>> active_service_ids(db::Connection& c) {
  INNET_ASSIGN_OR_RETURN(
      auto rows, c.query("SELECT id FROM directory_services WHERE status = 'active' ORDER BY id"));
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(row.text(0));
  return out;
}

Result<std::vector<Listing>> read_listings(db::Connection& c, const std::vector<std::string>& ids) {
  std::vector<Listing> out;
  if (ids.empty()) return out;
  INNET_ASSIGN_OR_RETURN(auto services, load_in(c, *table("service"), "id", ids));
  std::unordered_map<std::string, std::size_t> at;  // service id -> index in out
  {
    std::unordered_map<std::string, Record*> by_id;
    for (auto& s : services) by_id.emplace(s.id(), &s);
    for (const auto& id : ids) {
      auto it = by_id.find(id);
      if (it == by_id.end() || at.contains(id)) continue;
      at.emplace(id, out.size());
      out.push_back(Listing{.service = std::move(*it->second)});
    }
  }
  std::vector<std::string> found;
  for (const auto& l : out) found.push_back(l.service.id());
  auto each = [&](const std::vector<Record>& records, std::string_view field, auto&& apply) {
    for (const auto& r : records)
      if (const auto& v = r.value(field))
        if (auto it = at.find(*v); it != at.end()) apply(out[it->second], r);
  };

  // Organisations and the texts of both.
  std::vector<std::string> organization_ids;
  for (const auto& l : out)
    if (const auto& o = l.service.value("organization_id")) organization_ids.push_back(*o);
  std::sort(organization_ids.begin(), organization_ids.end());
  organization_ids.erase(std::unique(organization_ids.begin(), organization_ids.end()),
                         organization_ids.end());
  INNET_ASSIGN_OR_RETURN(auto organizations,
                         load_in(c, *table("organization"), "id", organization_ids));
  INNET_ASSIGN_OR_RETURN(auto organization_texts,
                         load_translations(c, "organization", organization_ids));
  std::unordered_map<std::string, const Record*> organization_by_id;
  for (const auto& o : organizations) organization_by_id.emplace(o.id(), &o);
  std::unordered_map<std::string, Texts> texts_by_organization;
  for (const auto& t : organization_texts) add_texts(texts_by_organization[t.record_id], t);
  for (auto& l : out) {
    const auto& o = l.service.value("organization_id");
    if (!o) continue;
    if (auto it = organization_by_id.find(*o); it != organization_by_id.end())
      l.organization = *it->second;
    if (auto it = texts_by_organization.find(*o); it != texts_by_organization.end())
      l.organization_texts = it->second;
  }
  INNET_ASSIGN_OR_RETURN(auto service_texts, load_translations(c, "service", found));
  for (const auto& t : service_texts)
    if (auto it = at.find(t.record_id); it != at.end()) add_texts(out[it->second].texts, t);

  INNET_ASSIGN_OR_RETURN(auto verified, verified_on(c, found));
  for (auto& [id, day] : verified)
    if (auto it = at.find(id); it != at.end()) out[it->second].last_verified_on = std::move(day);

  // Terms (attributes linking a service to a term).
  INNET_ASSIGN_OR_RETURN(auto attributes, load_in(c, *table("attribute"), "link_id", found));
  each(attributes, "link_id", [](Listing& l, const Record& a) {
    if (const auto& term = a.value("taxonomy_term_id")) l.term_ids.push_back(*term);
  });

  // Places: locations, their addresses, the confidential flag.
  INNET_ASSIGN_OR_RETURN(auto links,
                         load_in(c, *table("service_at_location"), "service_id", found));
  std::vector<std::string> location_ids, link_ids;
  for (const auto& link : links) {
    link_ids.push_back(link.id());
    if (const auto& loc = link.value("location_id")) location_ids.push_back(*loc);
  }
  INNET_ASSIGN_OR_RETURN(auto locations, load_in(c, *table("location"), "id", location_ids));
  INNET_ASSIGN_OR_RETURN(auto addresses,
                         load_in(c, *table("address"), "location_id", location_ids));
  INNET_ASSIGN_OR_RETURN(auto hidden, confidential_among(c, location_ids));
  const std::set<std::string> confidential(hidden.begin(), hidden.end());
  std::unordered_map<std::string, const Record*> location_by_id;
  for (const auto& loc : locations) location_by_id.emplace(loc.id(), &loc);
  std::unordered_map<std::string, std::vector<const Record*>> addresses_by_location;
  for (const auto& a : addresses)
    if (const auto& loc = a.value("location_id")) addresses_by_location[*loc].push_back(&a);
  each(links, "service_id", [&](Listing& l, const Record& link) {
    const auto& loc_id = link.value("location_id");
    if (!loc_id) return;
    auto it = location_by_id.find(*loc_id);
    if (it == location_by_id.end()) return;
    const Record& loc = *it->second;
    Place p{.location_id = loc.id(), .name = loc.value("name")};
    p.confidential = confidential.contains(loc.id());
    if (!p.confidential) {
      p.latitude = number_of(loc.value("latitude"));
      p.longitude = number_of(loc.value("longitude"));
      if (!p.latitude || !p.longitude) p.latitude = p.longitude = std::nullopt;
      std::optional<std::string> city, postcode;
      if (const Record* a = best_address(addresses_by_location[loc.id()])) {
        p.address = address_text(*a);
        city = a->value("city");
        postcode = a->value("postal_code");
      }
      p.municipality = municipality_of(city, postcode, p.latitude, p.longitude);
    }
    l.places.push_back(std::move(p));
  });

  // Languages spoken, cost options, hours.
  INNET_ASSIGN_OR_RETURN(auto languages, load_in(c, *table("language"), "service_id", found));
  each(languages, "service_id", [](Listing& l, const Record& r) {
    if (const auto& code = r.value("code"); code && !code->empty()) {
      auto folded = lower(*code);
      if (std::find(l.languages.begin(), l.languages.end(), folded) == l.languages.end())
        l.languages.push_back(std::move(folded));
    }
  });
  // Free when every cost option with an amount says 0; not free when one says more.
  INNET_ASSIGN_OR_RETURN(auto costs, load_in(c, *table("cost_option"), "service_id", found));
  each(costs, "service_id", [](Listing& l, const Record& r) {
    auto amount = number_of(r.value("amount"));
    if (!amount) return;
    if (*amount > 0)
      l.free = false;
    else if (!l.free)
      l.free = true;
  });
  INNET_ASSIGN_OR_RETURN(auto own_schedules, load_in(c, *table("schedule"), "service_id", found));
  each(own_schedules, "service_id", [](Listing& l, const Record& r) { l.schedules.push_back(r); });
  INNET_ASSIGN_OR_RETURN(auto place_schedules,
                         load_in(c, *table("schedule"), "service_at_location_id", link_ids));
  std::unordered_map<std::string, std::string> service_of_link;
  for (const auto& link : links)
    if (const auto& s = link.value("service_id")) service_of_link.emplace(link.id(), *s);
  for (const auto& r : place_schedules) {
    auto s = service_of_link.find(*r.value("service_at_location_id"));
    if (s == service_of_link.end()) continue;
    auto it = at.find(s->second);
    if (it == at.end() || r.value("service_id") == s->second) continue;  // already counted
    out[it->second].schedules.push_back(r);
  }
  for (auto& l : out) {
    l.openings = weekly_openings(l.schedules);
    std::sort(l.term_ids.begin(), l.term_ids.end());
    l.term_ids.erase(std::unique(l.term_ids.begin(), l.term_ids.end()), l.term_ids.end());
  }
  return out;
}

search::Document search_document(const Listing& l) {
  search::Document d;
  d.id = l.service.id();
  for (search::Language language : search::kLanguages) {
    const std::string code(search::language_code(language));
    search::LocalizedText t;
    t.language = language;
    auto own = [&](std::string_view field) -> std::string {
      if (language == search::Language::it) return l.service.value(field).value_or("");
      auto f = l.texts.find(field);
      if (f == l.texts.end()) return "";
      auto it = f->second.find(code);
      return it == f->second.end() ? "" : it->second;
    };
    t.name = own("name");
    t.description = own("description");
    t.eligibility = own("eligibility_description");
    // In every language: the other name, the organisation's name and the terms' labels, so that
    // "صحة" finds a health service that has no Arabic text yet.
    t.extra = own("alternate_name");
    auto add = [&](std::string_view more) {
      if (more.empty()) return;
      if (!t.extra.empty()) t.extra += " \n ";
      t.extra += more;
    };
    add(l.organization_name(code));
    for (const auto& term : l.term_ids)
      if (const auto* labels = profile::labels(term)) add(profile::label(*labels, code));
    d.texts.push_back(std::move(t));
  }
  d.terms = l.term_ids;
  for (const auto& p : l.places) {
    if (p.confidential) continue;
    if (p.municipality && std::find(d.municipalities.begin(), d.municipalities.end(),
                                    p.municipality->istat_code) == d.municipalities.end())
      d.municipalities.emplace_back(p.municipality->istat_code);
    if (p.latitude && p.longitude) d.points.push_back({*p.latitude, *p.longitude});
  }
  d.languages_spoken = l.languages;
  d.free_of_charge = l.free.value_or(false);
  for (const auto& o : l.openings)
    d.openings.push_back({o.weekday, o.opens_minute, o.closes_minute, o.valid_from, o.valid_to});
  return d;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0, cut = 0, last_space = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte
    if (chars == max_chars) {
      cut = i;
      break;
    }
    if (c == ' ' || c == '\n') last_space = i;
    ++chars;
  }
  if (cut == 0) return std::string(text);
  std::size_t end = last_space > 0 ? last_space : cut;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == ',' || text[end - 1] == '.')) --end;
  return std::string(text.substr(0, end)) + "…";
}

}  // namespace innet::directory

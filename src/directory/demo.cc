#include "directory/demo.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "directory/profile.h"

namespace innet::directory::demo {
namespace {

using nlohmann::json;

// The languages the catalogue translates into; Italian is the HSDS base text.
constexpr std::array<const char*, 5> kTranslated{"en", "fr", "ar", "uk", "bn"};
constexpr std::string_view kPalermo = "082053";

std::uint64_t fnv1a(std::string_view text, std::uint64_t seed) {
  std::uint64_t h = 14695981039346656037ULL ^ seed;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

template <std::size_t N>
std::string term(const std::array<profile::TermId, N>& terms, const std::string& code) {
  for (const auto& t : terms)
    if (t.code == code) return std::string(t.id);
  // Not a uuid: the importer refuses it, so a catalogue naming an unknown term fails the seed.
  return "unknown term " + code;
}

// "Dal lunedì al venerdì", "Lun, mer": a schedule's description in Italian.
std::string italian_days(const std::string& byday) {
  if (byday == "MO,TU,WE,TH,FR") return "Dal lunedì al venerdì";
  if (byday == "MO,TU,WE,TH,FR,SA") return "Dal lunedì al sabato";
  if (byday == "MO,TU,WE,TH,FR,SA,SU") return "Tutti i giorni";
  static const std::map<std::string, std::string> names{{"MO", "lun"}, {"TU", "mar"}, {"WE", "mer"},
                                                        {"TH", "gio"}, {"FR", "ven"}, {"SA", "sab"},
                                                        {"SU", "dom"}};
  std::string out;
  for (std::size_t from = 0; from < byday.size();) {
    auto comma = std::min(byday.find(',', from), byday.size());
    out += (out.empty() ? "" : ", ") + names.at(byday.substr(from, comma - from));
    from = comma + 1;
  }
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

struct Place {
  std::string key;    // for ids: the ISTAT code, or Palermo's and the quarter's
  std::string label;  // in the service's name: "Bagheria", "Palermo, Zisa"
  std::string town;
  std::string istat;
  std::string postcode;
  std::string street;
  double latitude = 0;
  double longitude = 0;
};

// Within about 200 m (Palermo's quarters) or 50 m (a point of a town) of `base`, by name.
double jitter(std::string_view name, std::uint64_t seed, double range) {
  return (double(fnv1a(name, seed) % 2001) / 1000.0 - 1.0) * range;
}

double rounded(double x) {
  return std::round(x * 100000.0) / 100000.0;
}

class Builder {
 public:
  Builder(const json& catalogue, CivilDay today) : c_(catalogue), today_(today) {
    for (const auto& m : c_.at("municipalities"))
      if (m.at("istat") != kPalermo) towns_.push_back(&m);
    std::stable_sort(towns_.begin(), towns_.end(), [](const json* a, const json* b) {
      return a->at("population").get<int>() > b->at("population").get<int>();
    });
  }

  void verify(const std::string& service_id) {
    // Spread over the last year (a step of 37 days modulo 365 visits every day before
    // repeating), every other listing within the last six months: about a quarter are older
    // than six months, for the editorial workflow's reminders.
    const auto n = out_.verified.size();
    auto days_ago = std::int64_t((n * 37 + 11) % 365);
    if (n % 2 == 1) days_ago %= 182;
    out_.verified.emplace_back(service_id, today_.plus_days(-days_ago).to_string());
  }

  void add_kind(const json& kind, std::size_t kind_index) {
    const auto palermo = kind.at("palermo").get<std::size_t>();
    for (std::size_t i = 0; i < palermo; ++i) add(kind, palermo_place(), i);
    std::vector<const json*> eligible;
    for (const auto* m : towns_)
      if (m->at("population").get<int>() >= kind.at("min_pop").get<int>()) eligible.push_back(m);
    const auto n = std::min(kind.at("towns").get<std::size_t>(), eligible.size());
    if (n == 0) return;
    // Spread over large and small towns alike, a little differently for each kind.
    const std::size_t stride = eligible.size() / n;
    for (std::size_t j = 0; j < n; ++j) {
      const auto at = std::min(eligible.size() - 1, j * eligible.size() / n + kind_index % stride);
      add(kind, town_place(*eligible[at], kind.at("key").get<std::string>()), j);
    }
  }

  Directory finish() { return std::move(out_); }
  json& services() { return out_.services; }

 private:
  Place palermo_place() {
    const auto& quarters = c_.at("palermo_quarters");
    const auto& q = quarters.at((palermo_count_ * 5) % quarters.size());
    const auto name = q.at("name").get<std::string>();
    const auto key = "palermo/" + name + "/" + std::to_string(palermo_count_);
    ++palermo_count_;
    return {key,
            "Palermo, " + name,
            "Palermo",
            std::string(kPalermo),
            q.at("postcode").get<std::string>(),
            q.at("streets").at(palermo_count_ % 2).get<std::string>(),
            rounded(q.at("lat").get<double>() + jitter(key, 1, 0.002)),
            rounded(q.at("lon").get<double>() + jitter(key, 2, 0.002))};
  }

  Place town_place(const json& m, const std::string& kind) {
    const auto istat = m.at("istat").get<std::string>();
    const auto key = istat + "/" + kind;
    const auto& points = m.at("points");
    const auto& point = points.at(fnv1a(key, 3) % points.size());
    const auto& streets = c_.at("town_streets");
    return {key,
            m.at("name").get<std::string>(),
            m.at("name").get<std::string>(),
            istat,
            m.at("postcode").get<std::string>(),
            streets.at(fnv1a(key, 4) % streets.size()).get<std::string>(),
            rounded(point.at(0).get<double>() + jitter(key, 5, 0.0005)),
            rounded(point.at(1).get<double>() + jitter(key, 6, 0.0005))};
  }

  // The organisation that runs the service: the municipality's office, the public body, or one
  // of the fictional associations of the kind's pool, in turn.
  std::pair<std::string, std::string> organization(const json& kind, const Place& place,
                                                   std::size_t instance) {
    const auto provider = kind.at("provider").get<std::string>();
    if (provider == "comune")
      return {"Comune di " + place.town + " - " + kind.at("unit").get<std::string>() + " (demo)",
              "comune"};
    if (provider == "cpi") return {"Centro per l'impiego di " + place.town + " (demo)", "cpi"};
    const auto& pool = c_.at("providers").at(provider);
    const auto name = (provider == "cpia" ? pool.at(instance % pool.size())
                                          : pool.at(pool_turn_[provider]++ % pool.size()))
                          .get<std::string>();
    const auto& types = c_.at("pool_types");
    return {name, types.contains(provider) ? types.at(provider).get<std::string>() : "association"};
  }

  // "Associazione Pane e Ponti – Palermo, Zisa"; "Comune di Bagheria - Anagrafe", which names
  // its town already.
  static std::string location_name(const std::string& organization, const Place& place) {
    auto name = organization.substr(0, organization.rfind(" (demo)"));
    if (place.label == place.town && name.find(place.town) != std::string::npos) return name;
    return name + " – " + place.label;
  }

  static json translated(const json& texts, const char* language) {
    return texts.at(language).get<std::string>();
  }

  void add(const json& kind, const Place& place, std::size_t instance) {
    const auto key = kind.at("key").get<std::string>();
    const std::string id_base = "service/" + key + "/" + place.key + "/" + std::to_string(instance);
    const auto sid = stable_uuid(id_base);
    const bool confidential = kind.value("confidential", false);
    const auto& it = kind.at("it");
    const auto& cost = c_.at("costs").at(kind.at("cost").get<std::string>());

    json s = {{"id", sid},
              {"name", it.at(0).get<std::string>() + " – " + place.label},
              {"description", it.at(1)},
              {"eligibility_description", it.at(2)},
              {"application_process", it.at(3)},
              {"fees_description", cost.at("it")},
              {"status", "active"}};
    json translations = json::object();
    for (const char* language : kTranslated) {
      const auto& texts = kind.at(language);
      translations[language] = {{"name", texts.at(0).get<std::string>() + " – " + place.label},
                                {"description", texts.at(1)},
                                {"eligibility_description", texts.at(2)},
                                {"application_process", texts.at(3)},
                                {"fees_description", cost.at(language)}};
    }
    s["translations"] = std::move(translations);

    const auto [org_name, org_type] = organization(kind, place, instance);
    const auto org_id = stable_uuid("organization/" + org_name);
    if (organizations_.insert(org_id).second) {
      const auto& about = c_.at("org_descriptions").at(org_type);
      json o = {{"id", org_id}, {"name", org_name}, {"description", about.at("it")}};
      for (const char* language : kTranslated)
        o["translations"][language] = {{"description", translated(about, language)}};
      s["organization"] = std::move(o);
    } else {
      s["organization_id"] = org_id;
    }

    ++phone_count_;
    char number[32];
    std::snprintf(number, sizeof number, "+39 091 000 %04zu", 1000 + phone_count_);
    s["phones"] = json::array(
        {{{"id", stable_uuid(id_base + "/phone")}, {"number", kind.value("phone", number)}}});

    json languages = json::array();
    for (const auto& code : kind.at("langs"))
      languages.push_back({{"id", stable_uuid(id_base + "/language/" + code.get<std::string>())},
                           {"code", code},
                           {"name", c_.at("language_names").at(code.get<std::string>())}});
    s["languages"] = std::move(languages);

    json option = {{"id", stable_uuid(id_base + "/cost")},
                   {"option", cost.at("it")},
                   {"amount", 0},
                   {"currency", "EUR"}};
    for (const char* language : kTranslated)
      option["translations"][language] = {{"option", translated(cost, language)}};
    s["cost_options"] = json::array({std::move(option)});

    json documents = json::array();
    for (const auto& d : kind.at("docs")) {
      const auto& text = c_.at("documents").at(d.get<std::string>());
      json doc = {{"id", stable_uuid(id_base + "/document/" + d.get<std::string>())},
                  {"document", text.at("it")}};
      for (const char* language : kTranslated)
        doc["translations"][language] = {{"document", translated(text, language)}};
      documents.push_back(std::move(doc));
    }
    if (!documents.empty()) s["required_documents"] = std::move(documents);

    json attributes = json::array();
    auto attribute = [&](const char* taxonomy, const json& code, std::string term_id) {
      attributes.push_back(
          {{"id", stable_uuid(id_base + "/" + taxonomy + "/" + code.get<std::string>())},
           {"taxonomy_term_id", std::move(term_id)},
           {"link_type", taxonomy},
           {"link_entity", "service"},
           {"value", code}});
    };
    for (const auto& code : kind.at("categories"))
      attribute("category", code, term(profile::kCategories, code.get<std::string>()));
    for (const auto& code : kind.at("targets"))
      attribute("target_group", code, term(profile::kTargetGroups, code.get<std::string>()));
    for (const auto& code : kind.at("permits"))
      attribute("permit_type", code, term(profile::kPermitTypes, code.get<std::string>()));
    s["attributes"] = std::move(attributes);

    const auto location_id = stable_uuid(id_base + "/location");
    json address = {{"id", stable_uuid(id_base + "/address")},
                    {"address_1", confidential ? std::string("Indirizzo riservato")
                                               : place.street + " " +
                                                     std::to_string(1 + fnv1a(id_base, 7) % 150)},
                    {"city", place.town},
                    {"state_province", "PA"},
                    {"postal_code", place.postcode},
                    {"country", "IT"},
                    {"address_type", "physical"}};
    json location = {
        {"id", location_id},
        {"location_type", "physical"},
        {"name", confidential ? std::string("Struttura protetta") : location_name(org_name, place)},
        {"latitude", place.latitude},
        {"longitude", place.longitude},
        {"external_identifier", place.istat},
        {"external_identifier_type", "ISTAT"},
        {"addresses", json::array({std::move(address)})}};
    json schedules = json::array();
    for (const auto& spec : kind.at("hours")) {
      const auto text = spec.get<std::string>();  // "MO,WE 09:00-13:00"
      const auto space = text.find(' ');
      const auto dash = text.find('-', space);
      const auto byday = text.substr(0, space);
      const auto opens = text.substr(space + 1, dash - space - 1);
      const auto closes = text.substr(dash + 1);
      schedules.push_back({{"id", stable_uuid(id_base + "/schedule/" + text)},
                           {"freq", "WEEKLY"},
                           {"byday", byday},
                           {"opens_at", opens},
                           {"closes_at", closes},
                           {"description", italian_days(byday) + " " + opens + "-" + closes}});
    }
    json at_location = {{"id", stable_uuid(id_base + "/place")}, {"location", std::move(location)}};
    if (!schedules.empty()) at_location["schedules"] = std::move(schedules);
    s["service_at_locations"] = json::array({std::move(at_location)});

    if (confidential) out_.confidential.push_back(location_id);
    verify(sid);
    const auto day = out_.verified.back().second;
    s["last_modified"] = day + "T09:00:00Z";
    out_.services.push_back(std::move(s));
  }

  const json& c_;
  CivilDay today_;
  std::vector<const json*> towns_;
  std::size_t palermo_count_ = 0;
  std::size_t phone_count_ = 0;
  std::map<std::string, std::size_t> pool_turn_;
  std::set<std::string> organizations_;
  Directory out_;
};

}  // namespace

std::string stable_uuid(std::string_view name) {
  const auto a = fnv1a(name, 0x6a09e667f3bcc908ULL);
  const auto b = fnv1a(name, 0xbb67ae8584caa73bULL);
  char out[37];
  std::snprintf(out, sizeof out, "%08x-%04x-4%03x-%04x-%012llx", unsigned(a >> 32),
                unsigned((a >> 16) & 0xffff), unsigned(a & 0xfff),
                unsigned(0x8000 | ((b >> 48) & 0x3fff)),
                static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return out;
}

Directory directory(CivilDay today, const json& extra) {
  const json catalogue = json::parse(catalogue_text());
  Builder b(catalogue, today);
  for (const auto& s : extra) {
    b.services().push_back(s);
    b.verify(s.at("id"));
  }
  const auto& kinds = catalogue.at("kinds");
  for (std::size_t i = 0; i < kinds.size(); ++i) b.add_kind(kinds[i], i);
  return b.finish();
}

}  // namespace innet::directory::demo

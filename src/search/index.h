// The search index of the directory's services, in memory (decision 0035): full text in the
// portal's six languages with ranking, filters, distance. A platform library: it holds what it is
// given and knows no table; the directory feeds it (upsert on every change, remove on withdrawal)
// and asks it for a page of ids, then reads those services from its storage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/civil_day.h"
#include "search/analyzer.h"

namespace innet::search {

struct GeoPoint {
  double lat = 0;  // degrees, WGS84
  double lon = 0;
};

// Great-circle distance in km (mean Earth radius).
double distance_km(GeoPoint a, GeoPoint b);

// One opening of a week, from the service's schedules (the directory computes them).
struct WeeklyOpening {
  int weekday = 0;        // 0 = Monday .. 6 = Sunday
  int opens_minute = 0;   // minutes after local midnight, 0..1439
  int closes_minute = 0;  // > opens_minute, at most 1440; a span past midnight comes as two
  std::optional<CivilDay> valid_from, valid_to;  // inclusive; nullopt = unbounded
};

struct LocalizedText {
  Language language = Language::it;
  std::string name, description, eligibility, extra;  // extra: keywords, other names, notes
};

struct Document {
  std::string id;                             // the HSDS service id
  std::vector<LocalizedText> texts;           // one per language present (a repeated one adds up)
  std::vector<std::string> terms;             // taxonomy term ids: categories, target groups...
  std::vector<std::string> municipalities;    // ISTAT codes where the service is
  std::vector<std::string> languages_spoken;  // ISO 639 codes, compared without case
  bool free_of_charge = false;
  std::vector<GeoPoint> points;         // its locations (none for confidential or virtual ones)
  std::vector<WeeklyOpening> openings;  // empty = hours unknown: never "open now"
};

struct Query {
  // Words typed, in any script; empty = browse. Every word must be found (in one language of a
  // service); the last one also as the start of a word while the reader types ("avv"), unless
  // the text ends with a space.
  std::string text;
  std::optional<Language> language;  // the reader's: its texts rank first; the browse order's names
  std::vector<std::string> all_terms;               // every one of them (AND)
  std::vector<std::vector<std::string>> any_terms;  // of each group at least one (AND of ORs)
  std::vector<std::string> any_municipality;        // at least one of them (OR)
  std::optional<std::string> language_spoken;       // ISO 639
  bool free_only = false;
  std::optional<std::pair<CivilDay, int>> open_at;  // local day and minute after midnight
  std::optional<GeoPoint> near;                     // distances; without text, the order too
  std::optional<double> within_km;  // with `near`: only services that close (ignored without)
  // With `near`: the nearest first even when words are typed (then by relevance); without it a
  // text query is ranked by relevance and the distance only breaks ties.
  bool nearest_first = false;
  std::size_t offset = 0, limit = 20;
};

struct Hit {
  std::string id;
  double score = 0;                   // text relevance; 0 when browsing
  std::optional<double> distance_km;  // to the nearest of its points, when `near` was given
};

struct Page {
  std::vector<Hit> hits;
  std::size_t total = 0;  // every match, past the page too
  // No service had every word: these have some of them, the most words first.
  bool partial = false;
};

// What the index holds, for the benchmarks and the operations page.
struct IndexStats {
  std::size_t documents = 0;
  std::size_t dead_slots = 0;  // replaced or removed, not yet compacted
  std::size_t postings = 0;
  std::size_t terms = 0;  // distinct stems, all languages
};

// Thread-safe: queries share a lock, a write holds it alone.
class Index {
 public:
  Index();
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  // Adds the document, or replaces the one with its id. O(size of the document), amortised: the
  // old version is marked dead and its postings are dropped when dead ones outnumber live ones.
  void upsert(Document document);
  // Many at once under one lock (the first load; the changes found by a poll).
  void upsert(std::vector<Document> documents);
  // Whether it was there.
  bool remove(std::string_view id);

  Page query(const Query& query) const;
  std::size_t size() const;
  IndexStats stats() const;

 private:
  struct State;
  mutable std::shared_mutex mutex_;
  std::unique_ptr<State> state_;
};

}  // namespace innet::search

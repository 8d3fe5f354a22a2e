#include "search/index.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <span>
#include <unordered_map>

namespace innet::search {
namespace {

// The fields of a text, in the order of their weights (decision 0035): a word in the name counts
// three times a word of the description or the eligibility, twice one of the extra keywords.
constexpr std::size_t kFields = 4;
constexpr std::array<float, kFields> kFieldWeight = {3.0F, 1.0F, 1.0F, 0.5F};
// BM25's usual constants: how fast repeated words stop adding (k1), how much a long field is
// penalised (b).
constexpr float kK1 = 1.2F;
constexpr float kB = 0.75F;
// A match in the reader's language counts half again as much as one in another language.
constexpr float kReaderLanguageBoost = 1.5F;
// A word found only as the start of a longer word ranks below the word typed in full.
constexpr float kPrefixFactor = 0.8F;
// The last word is also a prefix from two characters on: one would match most of the vocabulary.
constexpr std::size_t kMinPrefix = 2;
// Words of a query past these are ignored (a mark per word and slot is one byte).
constexpr std::size_t kMaxWords = 32;
// Compaction: when dead slots (replaced or removed documents) outnumber live ones and are this
// many at least, every posting list is rebuilt without them.
constexpr std::size_t kCompactAfter = 1024;
constexpr double kEarthRadiusKm = 6371.0088;
constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// The filter values (term ids, ISTAT codes, language codes) as small numbers.
struct Dictionary {
  StringMap<std::uint32_t> ids;
  std::uint32_t intern(std::string_view value) {
    auto it = ids.find(value);
    if (it != ids.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(ids.size());
    ids.emplace(std::string(value), id);
    return id;
  }
  std::optional<std::uint32_t> find(std::string_view value) const {
    auto it = ids.find(value);
    if (it == ids.end()) return std::nullopt;
    return it->second;
  }
};

// Slots in ascending order (a slot is appended once, never reused before a compaction); the
// term's count in each field, four bits per field (name in the lowest), at most 15.
struct PostingList {
  std::vector<std::uint32_t> slots;
  std::vector<std::uint16_t> counts;
};

struct LanguageIndex {
  StringMap<std::uint32_t> term_ids;  // stem -> term
  std::vector<PostingList> postings;  // by term
  // Every surface form seen -> its stem's term: prefixes are looked up here, in order.
  std::map<std::string, std::uint32_t, std::less<>> surfaces;
  // Words per field of each slot's text in this language (0 when it has none).
  std::vector<std::array<std::uint16_t, kFields>> lengths;
  std::array<double, kFields> length_sum{};
  std::size_t texts = 0;  // live texts in this language
};

struct UnitVector {
  double x, y, z;
};

UnitVector unit_vector(GeoPoint p) {
  constexpr double kRadians = 3.14159265358979323846 / 180.0;
  const double lat = p.lat * kRadians;
  const double lon = p.lon * kRadians;
  return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

// The squared chord between two points of the unit sphere: it grows with the distance, so it
// orders and filters without trigonometry; km only for the page.
double chord2(const UnitVector& a, const UnitVector& b) {
  const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  return dx * dx + dy * dy + dz * dz;
}

double chord2_to_km(double chord_squared) {
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(chord_squared) / 2));
}

bool valid_point(GeoPoint p) {
  return std::isfinite(p.lat) && std::isfinite(p.lon) && std::abs(p.lat) <= 90 &&
         std::abs(p.lon) <= 180;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// What a query reads of a document only when a filter asks for it, or for the page. What every
// browse reads (free of charge, points, names' first bytes) is in dense arrays of the State.
struct Slot {
  std::string id;
  std::vector<std::uint32_t> terms, municipalities, spoken;  // interned, sorted, unique
  std::vector<WeeklyOpening> openings;
  // The folded name in each language present, one after the other: the browse order.
  std::string names;
  std::array<std::uint32_t, kLanguageCount> name_begin{};
  std::array<std::uint16_t, kLanguageCount> name_size{};
  std::uint8_t named = 0;  // bit per language with a name

  std::string_view name(Language language) const {
    const auto l = static_cast<std::size_t>(language);
    return std::string_view(names).substr(name_begin[l], name_size[l]);
  }
  bool has_name(Language language) const { return (named >> static_cast<int>(language)) & 1; }
};

// The first eight bytes of a folded name, big-endian: comparing two of them compares the names
// as bytes, as far as they go (UTF-8 byte order is code point order).
std::uint64_t name_prefix(std::string_view name) {
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < 8; ++i)
    prefix = (prefix << 8) | (i < name.size() ? static_cast<unsigned char>(name[i]) : 0U);
  return prefix;
}

// An id's place in id order without reading the id: equal scores (a word every service has) are
// ordered by id, and reading 100,000 ids, one cache miss each, was most of such a query's time
// (docs/benchmarks.md). HSDS ids are UUIDs: one in canonical lower case packs into 128 bits
// whose order is its text's; any other id is compared as text.
struct IdKey {
  std::uint64_t high = 0, low = 0;
  bool packed = false;
};

IdKey id_key(std::string_view id) {
  IdKey key;
  if (id.size() != 36) return key;
  int digits = 0;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return key;
      continue;
    }
    std::uint64_t value = 0;
    if (c >= '0' && c <= '9')
      value = static_cast<std::uint64_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      value = static_cast<std::uint64_t>(c - 'a' + 10);
    else
      return key;
    std::uint64_t& half = digits < 16 ? key.high : key.low;
    half = (half << 4) | value;
    ++digits;
  }
  key.packed = true;
  return key;
}

// An opening of one weekday, in the list of that weekday: "open at" reads the list, not the
// documents. Days as days since 1970 (CivilDay's own count is private): unbounded = the extremes.
struct OpeningEntry {
  std::uint32_t slot;
  std::int16_t opens, closes;
  CivilDay from, to;
};

// A filter value's slots, ascending (dead ones included until a compaction).
using SlotList = std::vector<std::uint32_t>;

std::vector<std::uint32_t> interned(Dictionary& dictionary, const std::vector<std::string>& values,
                                    bool lower = false) {
  std::vector<std::uint32_t> ids;
  for (const auto& value : values)
    ids.push_back(dictionary.intern(lower ? lower_ascii(value) : value));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Per-thread work arrays of a query, one entry per slot, all zero between queries (each pass
// resets what it touched).
struct Scratch {
  std::vector<float> score, current;
  std::vector<std::uint8_t> count, mark;
  std::vector<std::uint32_t> touched;
  std::vector<float> best_score;
  std::vector<std::uint8_t> best_count, best_set;
  std::vector<std::uint32_t> best_touched;
  std::vector<std::uint8_t> allowed;  // set and cleared by a query from a filter's list

  void fit(std::size_t slots) {
    if (score.size() >= slots) return;
    allowed.resize(slots);
    score.resize(slots), current.resize(slots), count.resize(slots), mark.resize(slots);
    best_score.resize(slots), best_count.resize(slots), best_set.resize(slots);
  }
  void reset_pass() {
    for (auto s : touched) score[s] = current[s] = 0, count[s] = mark[s] = 0;
    touched.clear();
  }
  void reset() {
    reset_pass();
    for (auto s : best_touched) best_score[s] = 0, best_count[s] = best_set[s] = 0;
    best_touched.clear();
  }
};

// One word of the query as one language's terms.
struct WordTerms {
  std::vector<std::pair<std::uint32_t, float>> terms;  // term, factor (1 or kPrefixFactor)
  bool required = false;
  std::size_t cost = 0;  // postings to read
};

struct Candidate {
  std::uint32_t slot;
  float score;
  std::uint8_t words;
  double chord2;         // to `near`; infinity without points
  std::uint64_t prefix;  // of the name the browse order reads
  IdKey id;              // ties broken without reading the slot
};

}  // namespace

double distance_km(GeoPoint a, GeoPoint b) {
  return chord2_to_km(chord2(unit_vector(a), unit_vector(b)));
}

struct Index::State {
  std::array<LanguageIndex, kLanguageCount> languages;
  std::vector<Slot> slots;
  // Per slot, dense: what a browse of the whole directory reads without touching the slots.
  std::vector<std::uint8_t> live, free_of_charge, named;  // named: bit per language
  std::array<std::vector<std::uint64_t>, kLanguageCount> name_prefixes;
  std::vector<IdKey> id_keys;
  std::vector<std::uint32_t> point_begin;  // into points; a slot's run ends at the next's begin
  std::vector<UnitVector> points;
  StringMap<std::uint32_t> by_id;
  Dictionary terms, municipalities, spoken;
  // Inverted lists of the filters: the smallest one a query names gives its candidates.
  std::vector<SlotList> term_slots, municipality_slots, spoken_slots;
  std::array<std::vector<OpeningEntry>, 7> openings_by_weekday;
  std::size_t dead = 0;

  std::span<const UnitVector> points_of(std::uint32_t s) const {
    const std::uint32_t end =
        s + 1 < point_begin.size() ? point_begin[s + 1] : static_cast<std::uint32_t>(points.size());
    return std::span(points).subspan(point_begin[s], end - point_begin[s]);
  }

  void upsert(Document&& document) {
    if (auto it = by_id.find(document.id); it != by_id.end()) kill(it->second);
    add(std::move(document));
    if (dead >= kCompactAfter && dead > by_id.size()) compact();
  }

  bool remove(std::string_view id) {
    auto it = by_id.find(id);
    if (it == by_id.end()) return false;
    kill(it->second);
    if (dead >= kCompactAfter && dead > by_id.size()) compact();
    return true;
  }

  void add(Document&& document) {
    const auto slot = static_cast<std::uint32_t>(slots.size());
    Slot& s = slots.emplace_back();
    live.push_back(1);
    free_of_charge.push_back(document.free_of_charge ? 1 : 0);
    named.push_back(0);
    for (auto& prefixes : name_prefixes) prefixes.push_back(0);
    id_keys.push_back(id_key(document.id));
    for (auto& language : languages) language.lengths.emplace_back();

    // (term, field) of every word, per language, then counted.
    std::array<std::vector<std::pair<std::uint32_t, std::uint8_t>>, kLanguageCount> occurrences;
    std::array<std::array<std::size_t, kFields>, kLanguageCount> lengths{};
    for (const auto& text : document.texts) {
      const auto l = static_cast<std::size_t>(text.language);
      LanguageIndex& language = languages[l];
      const std::array<const std::string*, kFields> fields = {&text.name, &text.description,
                                                              &text.eligibility, &text.extra};
      for (std::size_t f = 0; f < kFields; ++f) {
        for (auto& term : analyze(*fields[f], text.language)) {
          auto [it, added] = language.term_ids.try_emplace(
              std::move(term.stem), static_cast<std::uint32_t>(language.postings.size()));
          if (added) language.postings.emplace_back();
          language.surfaces.try_emplace(std::move(term.surface), it->second);
          occurrences[l].emplace_back(it->second, static_cast<std::uint8_t>(f));
          ++lengths[l][f];
        }
      }
      if (!s.has_name(text.language)) {
        const std::string folded = fold(text.name);
        s.name_begin[l] = static_cast<std::uint32_t>(s.names.size());
        s.name_size[l] = static_cast<std::uint16_t>(std::min<std::size_t>(folded.size(), 0xFFFF));
        s.names += std::string_view(folded).substr(0, s.name_size[l]);
        s.named = static_cast<std::uint8_t>(s.named | (1U << l));
        named[slot] = s.named;
        name_prefixes[l][slot] = name_prefix(folded);
      }
    }
    for (std::size_t l = 0; l < kLanguageCount; ++l) {
      LanguageIndex& language = languages[l];
      if (occurrences[l].empty()) continue;
      for (std::size_t f = 0; f < kFields; ++f) {
        const auto words = std::min<std::size_t>(lengths[l][f], 0xFFFF);
        language.lengths[slot][f] = static_cast<std::uint16_t>(words);
        language.length_sum[f] += static_cast<double>(words);
      }
      ++language.texts;
      auto& occ = occurrences[l];
      std::sort(occ.begin(), occ.end());
      for (std::size_t i = 0; i < occ.size();) {
        const auto term = occ[i].first;
        std::uint16_t packed = 0;
        for (; i < occ.size() && occ[i].first == term; ++i) {
          const int shift = 4 * occ[i].second;
          const auto in_field = (packed >> shift) & 0xF;
          if (in_field < 15) packed = static_cast<std::uint16_t>(packed + (1U << shift));
        }
        language.postings[term].slots.push_back(slot);
        language.postings[term].counts.push_back(packed);
      }
    }

    s.id = std::move(document.id);
    s.terms = interned(terms, document.terms);
    s.municipalities = interned(municipalities, document.municipalities);
    s.spoken = interned(spoken, document.languages_spoken, true);
    const auto list = [slot](std::vector<SlotList>& lists, const std::vector<std::uint32_t>& ids) {
      for (auto id : ids) {
        if (id >= lists.size()) lists.resize(id + 1);
        lists[id].push_back(slot);
      }
    };
    list(term_slots, s.terms);
    list(municipality_slots, s.municipalities);
    list(spoken_slots, s.spoken);
    point_begin.push_back(static_cast<std::uint32_t>(points.size()));
    for (const auto& point : document.points) {
      if (valid_point(point)) points.push_back(unit_vector(point));
    }
    s.openings = std::move(document.openings);
    for (const auto& o : s.openings) {
      if (o.weekday < 0 || o.weekday > 6 || o.opens_minute >= o.closes_minute ||
          o.closes_minute <= 0 || o.opens_minute > 1440)
        continue;  // never open: nothing to list
      openings_by_weekday[static_cast<std::size_t>(o.weekday)].push_back(
          {slot, static_cast<std::int16_t>(std::max(0, o.opens_minute)),
           static_cast<std::int16_t>(std::min(1440, o.closes_minute)),
           o.valid_from.value_or(kEarliestDay), o.valid_to.value_or(kLatestDay)});
    }
    by_id.emplace(s.id, slot);
  }

  void kill(std::uint32_t slot) {
    live[slot] = 0;
    for (auto& language : languages) {
      const auto& lengths = language.lengths[slot];
      if (lengths == std::array<std::uint16_t, kFields>{}) continue;
      for (std::size_t f = 0; f < kFields; ++f) language.length_sum[f] -= lengths[f];
      --language.texts;
    }
    by_id.erase(slots[slot].id);
    slots[slot] = Slot{};  // its memory back now; its postings go at the next compaction
    ++dead;
  }

  // Renumbers the live slots densely and rebuilds every posting list, the vocabulary and the
  // surfaces without the dead: O(everything), after at least kCompactAfter removals, hence
  // amortised O(size of a document) per removal.
  void compact() {
    std::vector<std::uint32_t> renumbered(slots.size(), kNoSlot);
    std::vector<Slot> kept;
    kept.reserve(by_id.size());
    for (std::uint32_t s = 0; s < slots.size(); ++s) {
      if (!live[s]) continue;
      renumbered[s] = static_cast<std::uint32_t>(kept.size());
      kept.push_back(std::move(slots[s]));
    }
    for (auto& language : languages) {
      std::vector<std::uint32_t> new_term(language.postings.size(), kNoSlot);
      std::vector<PostingList> postings;
      for (std::uint32_t t = 0; t < language.postings.size(); ++t) {
        PostingList& list = language.postings[t];
        PostingList out;
        for (std::size_t i = 0; i < list.slots.size(); ++i) {
          if (renumbered[list.slots[i]] == kNoSlot) continue;
          out.slots.push_back(renumbered[list.slots[i]]);
          out.counts.push_back(list.counts[i]);
        }
        if (out.slots.empty()) continue;
        new_term[t] = static_cast<std::uint32_t>(postings.size());
        postings.push_back(std::move(out));
      }
      language.postings = std::move(postings);
      const auto renumber_terms = [&](auto& map) {
        for (auto it = map.begin(); it != map.end();) {
          it->second = new_term[it->second];
          it = it->second == kNoSlot ? map.erase(it) : std::next(it);
        }
      };
      renumber_terms(language.term_ids);
      renumber_terms(language.surfaces);
      std::vector<std::array<std::uint16_t, kFields>> lengths(kept.size());
      for (std::uint32_t s = 0; s < slots.size(); ++s) {
        if (renumbered[s] != kNoSlot) lengths[renumbered[s]] = language.lengths[s];
      }
      language.lengths = std::move(lengths);
    }
    // The dense arrays and the filters' lists, renumbered.
    const auto keep_dense = [&](auto& values) {
      std::size_t n = 0;
      for (std::uint32_t s = 0; s < slots.size(); ++s) {
        if (renumbered[s] != kNoSlot) values[n++] = values[s];
      }
      values.resize(n);
    };
    keep_dense(free_of_charge);
    keep_dense(named);
    for (auto& prefixes : name_prefixes) keep_dense(prefixes);
    keep_dense(id_keys);
    std::vector<std::uint32_t> begins;
    std::vector<UnitVector> kept_points;
    for (std::uint32_t s = 0; s < slots.size(); ++s) {
      if (renumbered[s] == kNoSlot) continue;
      begins.push_back(static_cast<std::uint32_t>(kept_points.size()));
      for (const auto& p : points_of(s)) kept_points.push_back(p);
    }
    point_begin = std::move(begins);
    points = std::move(kept_points);
    for (auto* lists : {&term_slots, &municipality_slots, &spoken_slots}) {
      for (auto& list : *lists) {
        std::erase_if(list, [&](std::uint32_t& s) { return renumbered[s] == kNoSlot; });
        for (auto& s : list) s = renumbered[s];
      }
    }
    for (auto& entries : openings_by_weekday) {
      std::erase_if(entries, [&](const OpeningEntry& e) { return renumbered[e.slot] == kNoSlot; });
      for (auto& e : entries) e.slot = renumbered[e.slot];
    }
    slots = std::move(kept);
    live.assign(slots.size(), 1);
    by_id.clear();
    for (std::uint32_t s = 0; s < slots.size(); ++s) by_id.emplace(slots[s].id, s);
    dead = 0;
  }

  // The words of a query as the terms of one language; false when a required word has none (no
  // service matches every word in this language).
  std::vector<WordTerms> terms_of(const std::vector<std::u32string>& words, bool last_is_prefix,
                                  Language l) const {
    const LanguageIndex& language = languages[static_cast<std::size_t>(l)];
    std::vector<WordTerms> out(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
      const auto term = analyze_word(words[i], l);
      WordTerms& w = out[i];
      w.required = term.has_value();
      std::optional<std::uint32_t> exact;
      if (term) {
        if (auto it = language.term_ids.find(term->stem); it != language.term_ids.end()) {
          exact = it->second;
          w.terms.emplace_back(it->second, 1.0F);
        }
      }
      if (i + 1 == words.size() && last_is_prefix && words[i].size() >= kMinPrefix) {
        const std::string prefix = term ? term->surface : to_utf8(words[i]);
        for (auto it = language.surfaces.lower_bound(prefix);
             it != language.surfaces.end() && it->first.starts_with(prefix); ++it) {
          if (it->second != exact) w.terms.emplace_back(it->second, kPrefixFactor);
        }
        // Several surfaces share a stem: each stem once.
        std::sort(w.terms.begin(), w.terms.end(), [](auto& a, auto& b) {
          return a.first != b.first ? a.first < b.first : a.second > b.second;
        });
        w.terms.erase(std::unique(w.terms.begin(), w.terms.end(),
                                  [](auto& a, auto& b) { return a.first == b.first; }),
                      w.terms.end());
      }
      for (const auto& [t, factor] : w.terms) w.cost += language.postings[t].slots.size();
    }
    // Only stop words: the last one, typed on, is what is searched.
    if (std::none_of(out.begin(), out.end(), [](auto& w) { return w.required; }) &&
        last_is_prefix && !out.empty() && !out.back().terms.empty())
      out.back().required = true;
    return out;
  }

  // Adds one language's matches to the scratch's best per slot. `all_words`: a slot must have
  // every required word (optional ones add to its score); otherwise any word counts, and the
  // number of words found ranks first.
  void match_language(Language l, std::vector<WordTerms> words, bool all_words, float boost,
                      Scratch& scratch) const {
    const LanguageIndex& language = languages[static_cast<std::size_t>(l)];
    if (language.texts == 0) return;
    std::size_t required = 0;
    if (all_words) {
      for (const auto& w : words) {
        if (w.required && w.terms.empty()) return;
        required += w.required ? 1 : 0;
      }
      if (required == 0) return;
      // The rarest required word first: later words only look at slots that have all before.
      std::stable_sort(words.begin(), words.end(), [](const WordTerms& a, const WordTerms& b) {
        if (a.required != b.required) return a.required;
        return a.required && a.cost < b.cost;
      });
    }
    const double n = static_cast<double>(language.texts);
    std::array<float, kFields> average{};
    for (std::size_t f = 0; f < kFields; ++f)
      average[f] = static_cast<float>(std::max(1.0, language.length_sum[f] / n));

    for (std::size_t k = 0; k < words.size(); ++k) {
      const auto mark = static_cast<std::uint8_t>(k + 1);
      const bool is_required = all_words && k < required;
      for (const auto& [term, factor] : words[k].terms) {
        const PostingList& list = language.postings[term];
        const double df = std::min<double>(static_cast<double>(list.slots.size()), n);
        const auto idf = static_cast<float>(std::log(1.0 + (n - df + 0.5) / (df + 0.5))) * factor;
        for (std::size_t i = 0; i < list.slots.size(); ++i) {
          const auto s = list.slots[i];
          if (!live[s]) continue;
          const bool first = scratch.mark[s] != mark;
          if (all_words) {
            // A required word: only slots that had every word before it; an optional one: only
            // slots that had every required word.
            if (first && (is_required ? scratch.count[s] != k : scratch.count[s] < required))
              continue;
          }
          const std::uint16_t packed = list.counts[i];
          const auto& lengths = language.lengths[s];
          float weighted = 0;
          for (std::size_t f = 0; f < kFields; ++f) {
            const auto tf = static_cast<float>((packed >> (4 * f)) & 0xF);
            if (tf == 0) continue;
            weighted += kFieldWeight[f] * tf /
                        ((1 - kB) + kB * static_cast<float>(lengths[f]) / average[f]);
          }
          const float score = idf * weighted * (kK1 + 1) / (weighted + kK1);
          if (first) {
            if (scratch.count[s] == 0) scratch.touched.push_back(s);
            scratch.mark[s] = mark;
            ++scratch.count[s];
            scratch.current[s] = score;
            scratch.score[s] += score;
          } else if (score > scratch.current[s]) {
            scratch.score[s] += score - scratch.current[s];
            scratch.current[s] = score;
          }
        }
      }
    }
    for (const auto s : scratch.touched) {
      if (all_words && scratch.count[s] < required) continue;
      const float score = scratch.score[s] * boost;
      // With every word required the score alone ranks (optional words only add to it).
      const std::uint8_t count = all_words ? 0 : scratch.count[s];
      if (!scratch.best_set[s]) {
        scratch.best_set[s] = 1;
        scratch.best_touched.push_back(s);
        scratch.best_count[s] = count;
        scratch.best_score[s] = score;
      } else if (std::pair(count, score) >
                 std::pair(scratch.best_count[s], scratch.best_score[s])) {
        scratch.best_count[s] = count;
        scratch.best_score[s] = score;
      }
    }
    scratch.reset_pass();
  }

  Page run(const Query& q) const {
    Page page;
    thread_local Scratch scratch;
    scratch.reset();
    scratch.fit(slots.size());

    // Filters as numbers; a value nobody has means no match at all.
    std::vector<std::uint32_t> need_terms;
    for (const auto& term : q.all_terms) {
      auto id = terms.find(term);
      if (!id) return page;
      need_terms.push_back(*id);
    }
    // Groups of terms, each satisfied by one of its terms (a visitor's "health or legal").
    std::vector<std::vector<std::uint32_t>> term_groups;
    for (const auto& group : q.any_terms) {
      std::vector<std::uint32_t> ids;
      for (const auto& term : group)
        if (auto id = terms.find(term)) ids.push_back(*id);
      if (ids.empty()) return page;
      term_groups.push_back(std::move(ids));
    }
    std::vector<std::uint32_t> any_of;
    for (const auto& code : q.any_municipality) {
      if (auto id = municipalities.find(code)) any_of.push_back(*id);
    }
    if (!q.any_municipality.empty() && any_of.empty()) return page;
    std::optional<std::uint32_t> speaks;
    if (q.language_spoken) {
      speaks = spoken.find(lower_ascii(*q.language_spoken));
      if (!speaks) return page;
    }
    int open_weekday = 0;
    if (q.open_at) open_weekday = static_cast<int>(q.open_at->first.weekday().iso_encoding()) - 1;
    std::optional<UnitVector> near;
    if (q.near && valid_point(*q.near)) near = unit_vector(*q.near);
    std::optional<double> within_chord2;
    if (near && q.within_km) {
      const double half_angle = std::max(0.0, *q.within_km) / (2 * kEarthRadiusKm);
      const double chord =
          half_angle >= 3.14159265358979323846 / 2 ? 2.0 : 2 * std::sin(half_angle);
      within_chord2 = chord * chord;
    }

    bool open_checked = false;            // by the list the candidates come from
    const SlotList* open_list = nullptr;  // the slots open then, when read from the lists
    const std::vector<std::uint8_t>* allowed_bits = nullptr;  // a filter's list, as bits
    // Dense arrays first; a slot's own data only when a filter asks for it.
    const auto passes = [&](std::uint32_t slot, double& distance2) {
      if (q.free_only && !free_of_charge[slot]) return false;
      if (allowed_bits && !(*allowed_bits)[slot]) return false;
      distance2 = std::numeric_limits<double>::infinity();
      if (near) {
        for (const auto& p : points_of(slot)) distance2 = std::min(distance2, chord2(p, *near));
        if (within_chord2 && !(distance2 <= *within_chord2)) return false;
      }
      const bool check_open = q.open_at && !open_checked;
      if (check_open && open_list)
        if (!std::binary_search(open_list->begin(), open_list->end(), slot)) return false;
      if (!speaks && any_of.empty() && need_terms.empty() && term_groups.empty() &&
          (!check_open || open_list))
        return true;
      const Slot& s = slots[slot];
      if (speaks && !std::binary_search(s.spoken.begin(), s.spoken.end(), *speaks)) return false;
      if (!any_of.empty() && std::none_of(any_of.begin(), any_of.end(), [&](std::uint32_t m) {
            return std::binary_search(s.municipalities.begin(), s.municipalities.end(), m);
          }))
        return false;
      for (auto t : need_terms) {
        if (!std::binary_search(s.terms.begin(), s.terms.end(), t)) return false;
      }
      for (const auto& group : term_groups) {
        if (std::none_of(group.begin(), group.end(), [&](std::uint32_t t) {
              return std::binary_search(s.terms.begin(), s.terms.end(), t);
            }))
          return false;
      }
      if (check_open && !open_list) {
        const auto [day, minute] = *q.open_at;
        const bool open =
            std::any_of(s.openings.begin(), s.openings.end(), [&](const WeeklyOpening& o) {
              return o.weekday == open_weekday && o.opens_minute <= minute &&
                     minute < o.closes_minute && (!o.valid_from || *o.valid_from <= day) &&
                     (!o.valid_to || day <= *o.valid_to);
            });
        if (!open) return false;
      }
      return true;
    };

    auto words = fold_words(q.text);
    if (words.size() > kMaxWords) words.resize(kMaxWords);
    const bool browse = words.empty();
    const unsigned char last = q.text.empty() ? ' ' : static_cast<unsigned char>(q.text.back());
    const bool last_is_prefix = last >= 0x80 || std::isalnum(last);

    // The browse order's name: in the reader's language, else Italian, else the first present.
    const auto name_language = [&](std::uint32_t s) {
      const auto has = [&](Language l) { return (named[s] >> static_cast<int>(l)) & 1; };
      if (q.language && has(*q.language)) return *q.language;
      if (has(Language::it)) return Language::it;
      for (Language l : kLanguages) {
        if (has(l)) return l;
      }
      return Language::it;
    };
    const bool by_name = browse && !near;
    const auto id_order = [&](const Candidate& a, const Candidate& b) {
      if (a.id.packed && b.id.packed)
        return std::pair(a.id.high, a.id.low) < std::pair(b.id.high, b.id.low);
      return slots[a.slot].id < slots[b.slot].id;
    };
    // Whether a comes before b on the pages.
    const auto order = [&](const Candidate& a, const Candidate& b) {
      if (near && q.nearest_first && a.chord2 != b.chord2) return a.chord2 < b.chord2;
      if (browse) {
        if (near) return a.chord2 != b.chord2 ? a.chord2 < b.chord2 : id_order(a, b);
        if (a.prefix != b.prefix) return a.prefix < b.prefix;
        const auto name_a = slots[a.slot].name(name_language(a.slot));
        const auto name_b = slots[b.slot].name(name_language(b.slot));
        return name_a != name_b ? name_a < name_b : id_order(a, b);
      }
      if (a.words != b.words) return a.words > b.words;
      if (a.score != b.score) return a.score > b.score;
      if (near && a.chord2 != b.chord2) return a.chord2 < b.chord2;
      return id_order(a, b);
    };

    // Every match is counted; only the first offset + limit are kept, in a heap whose top is the
    // last of them (a page of the whole directory sorts 20 names, not 100,000).
    const std::size_t keep = q.limit > std::numeric_limits<std::size_t>::max() - q.offset
                                 ? std::numeric_limits<std::size_t>::max()
                                 : q.offset + q.limit;
    std::vector<Candidate> kept;
    std::size_t total = 0;
    const auto collect = [&](std::uint32_t s, float score, std::uint8_t count) {
      double distance2 = 0;
      if (!passes(s, distance2)) return;
      ++total;
      if (q.limit == 0) return;
      const Candidate c{s,
                        score,
                        count,
                        distance2,
                        by_name ? name_prefixes[static_cast<std::size_t>(name_language(s))][s] : 0,
                        id_keys[s]};
      if (kept.size() < keep) {
        kept.push_back(c);
        std::push_heap(kept.begin(), kept.end(), order);
      } else if (order(c, kept.front())) {
        std::pop_heap(kept.begin(), kept.end(), order);
        kept.back() = c;
        std::push_heap(kept.begin(), kept.end(), order);
      }
    };
    // The slots open at the time asked, ascending, from the weekday's list: cheaper than each
    // slot's own openings once there are many candidates.
    const auto open_slots = [&] {
      SlotList open;
      const auto [day, minute] = *q.open_at;
      for (const auto& e : openings_by_weekday[static_cast<std::size_t>(open_weekday)]) {
        if (e.opens <= minute && minute < e.closes && e.from <= day && day <= e.to &&
            (open.empty() || open.back() != e.slot))
          open.push_back(e.slot);
      }
      return open;
    };

    // The smallest list among those the term, language and municipality filters name, and how
    // to drop that filter once its list has decided (nullptr when there is no such filter).
    SlotList merged;
    std::function<void()> drop_filter;
    const auto smallest_list = [&]() -> const SlotList* {
      const SlotList* smallest = nullptr;
      for (std::size_t i = 0; i < need_terms.size(); ++i) {
        const SlotList& list = term_slots[need_terms[i]];
        if (!smallest || list.size() < smallest->size()) {
          smallest = &list;
          drop_filter = [&need_terms, i] {
            need_terms.erase(need_terms.begin() + static_cast<std::ptrdiff_t>(i));
          };
        }
      }
      if (speaks && (!smallest || spoken_slots[*speaks].size() < smallest->size())) {
        smallest = &spoken_slots[*speaks];
        drop_filter = [&speaks] { speaks.reset(); };
      }
      if (!any_of.empty()) {
        std::size_t size = 0;
        for (auto m : any_of) size += municipality_slots[m].size();
        if (!smallest || size < smallest->size()) {
          if (any_of.size() == 1) {
            smallest = &municipality_slots[any_of.front()];  // sorted already
          } else {
            for (auto m : any_of)
              merged.insert(merged.end(), municipality_slots[m].begin(),
                            municipality_slots[m].end());
            std::sort(merged.begin(), merged.end());
            merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
            smallest = &merged;
          }
          drop_filter = [&any_of] { any_of.clear(); };
        }
      }
      return smallest;
    };

    if (browse) {
      // The candidates: the smallest list a filter names, else every slot; that filter is then
      // not tested again.
      const SlotList* smallest = smallest_list();
      SlotList open;
      if (q.open_at) {
        const auto entries = openings_by_weekday[static_cast<std::size_t>(open_weekday)].size();
        if (!smallest || entries < 2 * smallest->size()) {
          open = open_slots();
          if (!smallest || open.size() < smallest->size()) {
            smallest = &open;
            drop_filter = [&open_checked] { open_checked = true; };
          }
        }
      }
      if (drop_filter) drop_filter();
      if (smallest) {
        for (auto s : *smallest) {
          if (live[s]) collect(s, 0, 0);
        }
      } else {
        for (std::uint32_t s = 0; s < slots.size(); ++s) {
          if (live[s]) collect(s, 0, 0);
        }
      }
    } else {
      const SlotList* allowed = nullptr;  // kept for the partial matches too
      for (bool all_words : {true, false}) {
        if (!all_words) {
          if (words.size() < 2) break;
          page.partial = true;
        }
        for (Language l : kLanguages) {
          const float boost = q.language == l ? kReaderLanguageBoost : 1.0F;
          match_language(l, terms_of(words, last_is_prefix, l), all_words, boost, scratch);
        }
        // A filter's list marks the slots it allows (dense) unless the candidates are far fewer:
        // a bit per listed slot is a sequential write, reading a candidate's own values a cache
        // miss (a municipality that holds every match took a quarter of such a query's time).
        if (all_words) {
          const SlotList* smallest = smallest_list();
          if (smallest && scratch.best_touched.size() * 8 > smallest->size()) {
            drop_filter();
            for (auto slot : *smallest) scratch.allowed[slot] = 1;
            allowed = smallest;
            allowed_bits = &scratch.allowed;
          }
        }
        SlotList open;
        if (q.open_at && !open_checked &&
            scratch.best_touched.size() * 8 >
                openings_by_weekday[static_cast<std::size_t>(open_weekday)].size()) {
          open = open_slots();
          open_list = &open;
        }
        for (const auto s : scratch.best_touched)
          collect(s, scratch.best_score[s], scratch.best_count[s]);
        open_list = nullptr;
        scratch.reset();
        if (total > 0) break;
      }
      if (allowed) {
        for (auto slot : *allowed) scratch.allowed[slot] = 0;
        allowed_bits = nullptr;
      }
      if (total == 0) page.partial = false;
    }

    page.total = total;
    std::sort_heap(kept.begin(), kept.end(), order);
    for (std::size_t i = q.offset; i < kept.size(); ++i) {
      const Candidate& c = kept[i];
      Hit hit{slots[c.slot].id, c.score, std::nullopt};
      if (near && std::isfinite(c.chord2)) hit.distance_km = chord2_to_km(c.chord2);
      page.hits.push_back(std::move(hit));
    }
    return page;
  }
};

Index::Index() : state_(std::make_unique<State>()) {}
Index::~Index() = default;

void Index::upsert(Document document) {
  std::unique_lock lock(mutex_);
  state_->upsert(std::move(document));
}

void Index::upsert(std::vector<Document> documents) {
  std::unique_lock lock(mutex_);
  for (auto& document : documents) state_->upsert(std::move(document));
}

bool Index::remove(std::string_view id) {
  std::unique_lock lock(mutex_);
  return state_->remove(id);
}

Page Index::query(const Query& query) const {
  std::shared_lock lock(mutex_);
  return state_->run(query);
}

std::size_t Index::size() const {
  std::shared_lock lock(mutex_);
  return state_->by_id.size();
}

IndexStats Index::stats() const {
  std::shared_lock lock(mutex_);
  IndexStats stats;
  stats.documents = state_->by_id.size();
  stats.dead_slots = state_->dead;
  for (const auto& language : state_->languages) {
    stats.terms += language.term_ids.size();
    for (const auto& list : language.postings) stats.postings += list.slots.size();
  }
  return stats;
}

}  // namespace innet::search

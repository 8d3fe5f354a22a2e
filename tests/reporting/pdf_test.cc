// PDF documents (reporting/pdf.h) read back with poppler's pdftotext and pdfinfo, as a person
// copying text out of the file would: the names in Arabic and Bengali must come out as they went
// in (shaped, with the fonts embedded), and a long document must break into pages.
#include "reporting/pdf.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace innet::reporting {
namespace {

// Runs a poppler tool on `pdf` and returns what it printed.
std::string poppler(const std::string& tool, const std::string& pdf, const std::string& args) {
  auto path = std::filesystem::temp_directory_path() /
              ("innet-pdf-test-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  std::string output;
  if (FILE* p = ::popen(
          (tool + " " + args + " " + path.string() + (tool == "pdftotext" ? " -" : "") + " 2>&1")
              .c_str(),
          "r")) {
    std::array<char, 4096> buffer{};
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), p))
      output.append(buffer.data(), n);
    ::pclose(p);
  }
  std::filesystem::remove(path);
  return output;
}

int pages_of(const std::string& pdf) {
  std::string info = poppler("pdfinfo", pdf, "");
  auto at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
}

bool have_poppler() {
  return std::system("command -v pdftotext >/dev/null 2>&1") == 0;
}

TEST(Pdf, NamesInEveryScriptComeOutAsText) {
  if (!have_poppler()) GTEST_SKIP() << "poppler-utils missing: scripts/setup.sh installs it";
  PdfDocument doc("Rapporto di prova", "Generato il 03/12/2026", "Pagina {page} di {pages}");
  doc.heading("Ospiti");
  doc.key_value("Nome", "Giuseppe Verdi");
  doc.key_value("Nome", "محمد عبد الله");
  doc.key_value("Nome", "রহিম উদ্দিন");
  doc.paragraph("Олена Шевченко");
  doc.table({{"Nome", 2}, {"Esito", 1}},
            {{.cells = {"فاطمة الزهراء", "Conforme"}},
             {.cells = {"আমিনা বেগম", "NON CONFORME"}, .marked = true}});
  auto pdf = doc.render();
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  ASSERT_EQ(pdf->substr(0, 5), "%PDF-");
  // pdftotext wraps right-to-left runs in embedding marks (U+202B ... U+202C): not ours.
  std::string text = poppler("pdftotext", *pdf, "-enc UTF-8");
  for (const char* mark : {"\u202B", "\u202C"})
    for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark))
      text.erase(at, std::string(mark).size());
  for (const char* expected :
       {"Rapporto di prova", "Giuseppe Verdi", "محمد عبد الله", "রহিম উদ্দিন", "Олена Шевченко",
        "فاطمة الزهراء", "আমিনা বেগম", "NON CONFORME", "Pagina 1 di 1", "Generato il 03/12/2026"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in:\n" << text;
  EXPECT_EQ(pages_of(*pdf), 1);
  // The fonts are embedded (a subset each): the file reads the same on a machine without Noto.
  std::string fonts = poppler("pdffonts", *pdf, "");
  EXPECT_NE(fonts.find("NotoSansArabic"), std::string::npos) << fonts;
  EXPECT_NE(fonts.find("NotoSansBengali"), std::string::npos) << fonts;
  EXPECT_EQ(fonts.find(" no  "), std::string::npos) << "a font not embedded:\n" << fonts;
}

TEST(Pdf, ALongDocumentBreaksIntoPagesAndRepeatsTheTableHeader) {
  if (!have_poppler()) GTEST_SKIP() << "poppler-utils missing: scripts/setup.sh installs it";
  PdfDocument doc("Documento lungo", "piè di pagina", "Pagina {page} di {pages}");
  std::string long_text;
  for (int i = 0; i < 400; ++i) long_text += "parola" + std::to_string(i) + " ";
  doc.paragraph(long_text);
  std::vector<PdfRow> rows;
  for (int i = 0; i < 120; ++i) rows.push_back({.cells = {"riga " + std::to_string(i), "valore"}});
  doc.table({{"Intestazione", 1}, {"Valore", 1}}, std::move(rows));
  auto pdf = doc.render();
  ASSERT_TRUE(pdf.ok());
  int pages = pages_of(*pdf);
  EXPECT_GE(pages, 3);
  std::string text = poppler("pdftotext", *pdf, "-enc UTF-8");
  EXPECT_NE(text.find("parola399"), std::string::npos);  // nothing lost at a page break
  EXPECT_NE(text.find("riga 119"), std::string::npos);
  EXPECT_NE(text.find("Pagina " + std::to_string(pages) + " di " + std::to_string(pages)),
            std::string::npos);
  // The header row on the table's first page and again on each page it continues onto.
  std::size_t headers = 0;
  for (auto at = text.find("Intestazione"); at != std::string::npos;
       at = text.find("Intestazione", at + 1))
    ++headers;
  EXPECT_GE(headers, 2u);
}

}  // namespace
}  // namespace innet::reporting

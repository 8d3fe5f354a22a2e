// PDF documents for reports the server generates (decision 0024): a small builder of A4 pages
// with a title, headings, paragraphs, key/value rows and tables, page numbers and a footer, laid
// out by pango and drawn by cairo, which shape every script (Arabic, Bengali) through HarfBuzz
// and embed the subset of each font used. It knows nothing of what a report says: the modules
// build their documents with it, in their own words. cairo and pango stay inside pdf.cc, so
// that no other translation unit compiles their headers.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace innet::reporting {

struct PdfColumn {
  std::string header;
  double width = 1;  // a share of the page's text width: columns get width / sum of widths
};

struct PdfRow {
  std::vector<std::string> cells;  // one per column; fewer leave the rest empty
  bool marked = false;             // drawn on a tinted background, e.g. a failed item
};

class PdfDocument {
 public:
  // `footer` ends every page, e.g. "Generato il 3 dicembre 2026"; `page_format` numbers it,
  // "{page}" and "{pages}" replaced, e.g. "Pagina {page} di {pages}".
  PdfDocument(std::string title, std::string footer, std::string page_format);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  // Plain text everywhere (never markup); each paragraph takes its direction from its first
  // strong character, so an Arabic name reads right to left whatever the document's language.
  void heading(std::string text);
  void subheading(std::string text);  // smaller, e.g. an area before its table
  void paragraph(std::string text);
  void key_value(std::string key, std::string value);
  // A header row repeated at the top of each page the table continues on; long cells wrap.
  void table(std::vector<PdfColumn> columns, std::vector<PdfRow> rows);

  // The PDF's bytes; an internal error when cairo fails (out of memory, no font at all).
  Result<std::string> render() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace innet::reporting

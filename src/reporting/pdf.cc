// The document is kept as a list of elements while it is built; render() turns each into pieces
// (a vertical strip of known height, with the places a page may break inside it), places them on
// pages once to count the pages, then again drawing, so every footer says "page n of N".
#include "reporting/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <variant>

namespace innet::reporting {
namespace {

// A4 in points, margins of 2 cm, the footer in the bottom margin.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.890;
constexpr double kMargin = 56.7;
constexpr double kTextWidth = kPageWidth - 2 * kMargin;
constexpr double kTop = kMargin;
constexpr double kBottom = kPageHeight - kMargin;
constexpr double kCellPadding = 3;

// Noto covers every script the platform's users write their names in; each family holds one
// script, pango picks per character along the list (and fontconfig beyond it).
constexpr const char* kFamilies = "Noto Sans, Noto Sans Arabic, Noto Sans Bengali";

struct Heading {
  std::string text;
  bool sub = false;
};
struct Paragraph {
  std::string text;
};
struct KeyValue {
  std::string key;
  std::string value;
};
struct Table {
  std::vector<PdfColumn> columns;
  std::vector<PdfRow> rows;
};
using Element = std::variant<Heading, Paragraph, KeyValue, Table>;

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using FontPtr = std::unique_ptr<PangoFontDescription,
                                Deleter<PangoFontDescription, pango_font_description_free>>;
using SurfacePtr =
    std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_t, cairo_surface_destroy>>;
using CairoPtr = std::unique_ptr<cairo_t, Deleter<cairo_t, cairo_destroy>>;

// A strip of the page, drawn with its top left corner at the origin.
struct Piece {
  double height = 0;
  double space_before = 0;
  std::vector<double> breaks;     // heights inside the piece where a page may end (between lines)
  bool keep_with_next = false;    // a heading or a table's header row: never last on a page
  const Piece* repeat = nullptr;  // drawn first on each page this piece continues onto
  std::function<void(cairo_t*)> draw;
};

struct Font {
  FontPtr description;
  explicit Font(double size, bool bold) {
    description.reset(pango_font_description_from_string(kFamilies));
    pango_font_description_set_absolute_size(description.get(), size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(description.get(), PANGO_WEIGHT_BOLD);
  }
};

double points(int pango_units) {
  return static_cast<double>(pango_units) / PANGO_SCALE;
}

}  // namespace

struct PdfDocument::Impl {
  std::string title;
  std::string footer;
  std::string page_format;
  std::vector<Element> elements;
};

namespace {

// Builds the pieces with one cairo context (pango measures with the surface's font options).
class Builder {
 public:
  // Glyph positions are not rounded to whole points (pango's default, made for screens): in a
  // PDF the rounding only opens gaps inside words, which text extraction (copying a name out of
  // the file, pdftotext) reads as spaces, notably between Arabic letters that do not join.
  explicit Builder(cairo_t* cr) : context_(pango_cairo_create_context(cr), g_object_unref) {
    pango_context_set_round_glyph_positions(context_.get(), FALSE);
  }

  std::shared_ptr<PangoLayout> layout(const std::string& text, const Font& font, double width) {
    std::shared_ptr<PangoLayout> l(pango_layout_new(context_.get()),
                                   [](PangoLayout* p) { g_object_unref(p); });
    pango_layout_set_font_description(l.get(), font.description.get());
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    // auto_dir (pango's default, kept): an Arabic paragraph runs and aligns right to left.
    pango_layout_set_auto_dir(l.get(), TRUE);
    pango_layout_set_text(l.get(), text.data(), static_cast<int>(text.size()));
    return l;
  }

  static double height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return points(h);
  }

  // Text across the width, breakable between its lines.
  Piece text(const std::string& s, const Font& font, double space_before, double space_after) {
    auto l = layout(s, font, kTextWidth);
    Piece p;
    p.height = height(l.get()) + space_after;
    p.space_before = space_before;
    PangoLayoutIter* it = pango_layout_get_iter(l.get());
    do {
      int y0 = 0, y1 = 0;
      pango_layout_iter_get_line_yrange(it, &y0, &y1);
      p.breaks.push_back(points(y1));
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    p.draw = [l](cairo_t* cr) {
      cairo_move_to(cr, 0, 0);
      pango_cairo_show_layout(cr, l.get());
    };
    return p;
  }

  // A row of cells of the given widths; `fill` an RGB background, or none.
  Piece row(const std::vector<std::string>& cells, const std::vector<double>& widths,
            const Font& font, std::optional<std::array<double, 3>> fill, bool rule) {
    std::vector<std::shared_ptr<PangoLayout>> layouts;
    double tallest = 0;
    for (std::size_t i = 0; i < widths.size(); ++i) {
      const std::string& s = i < cells.size() ? cells[i] : std::string();
      layouts.push_back(layout(s, font, widths[i] - 2 * kCellPadding));
      tallest = std::max(tallest, height(layouts.back().get()));
    }
    Piece p;
    p.height = tallest + 2 * kCellPadding;
    p.draw = [layouts, widths, fill, rule, h = p.height](cairo_t* cr) {
      if (fill) {
        cairo_set_source_rgb(cr, (*fill)[0], (*fill)[1], (*fill)[2]);
        cairo_rectangle(cr, 0, 0, kTextWidth, h);
        cairo_fill(cr);
      }
      cairo_set_source_rgb(cr, 0, 0, 0);
      double x = 0;
      for (std::size_t i = 0; i < layouts.size(); ++i) {
        cairo_move_to(cr, x + kCellPadding, kCellPadding);
        pango_cairo_show_layout(cr, layouts[i].get());
        x += widths[i];
      }
      if (rule) {
        cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, 0, h - 0.25);
        cairo_line_to(cr, kTextWidth, h - 0.25);
        cairo_stroke(cr);
      }
    };
    return p;
  }

 private:
  std::unique_ptr<PangoContext, decltype(&g_object_unref)> context_;
};

std::string replaced(std::string format, const std::string& name, const std::string& value) {
  if (auto at = format.find(name); at != std::string::npos) format.replace(at, name.size(), value);
  return format;
}

// Places the pieces on pages; draws them when `cr` is given. Returns the number of pages.
class Pager {
 public:
  Pager(cairo_t* cr, int pages, const std::string& footer, const std::string& page_format,
        Builder& builder, const Font& small)
      : cr_(cr),
        pages_(pages),
        footer_(footer),
        page_format_(page_format),
        builder_(builder),
        small_(small) {}

  int place_all(const std::vector<Piece>& pieces) {
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const Piece& p = pieces[i];
      if (y_ > kTop) y_ += p.space_before;
      // A heading, or a heading and a table's header, goes with the first line of what follows.
      if (p.keep_with_next && y_ > kTop) {
        double need = p.height;
        std::size_t j = i + 1;
        for (; j < pieces.size() && pieces[j - 1].keep_with_next; ++j) {
          const Piece& next = pieces[j];
          bool last = !next.keep_with_next;
          need += next.space_before +
                  (last && !next.breaks.empty() ? next.breaks.front() : next.height);
        }
        if (y_ + need > kBottom && need <= kBottom - kTop) new_page(nullptr);
      }
      place(p);
    }
    finish_page();
    return page_;
  }

 private:
  void place(const Piece& p) {
    if (y_ + p.height <= kBottom) {
      strip(p, 0, p.height);
      return;
    }
    if (p.height <= kBottom - kTop - (p.repeat ? p.repeat->height : 0) && y_ > kTop) {
      new_page(p.repeat);
      strip(p, 0, p.height);
      return;
    }
    // Taller than a page: cut between lines, or anywhere when a single line will not fit.
    double offset = 0;
    while (p.height - offset > kBottom - y_) {
      double limit = offset + (kBottom - y_);
      double cut = offset;
      for (double b : p.breaks)
        if (b > offset && b <= limit) cut = b;
      if (cut == offset) cut = limit;
      strip(p, offset, cut - offset);
      new_page(p.repeat);
      offset = cut;
    }
    strip(p, offset, p.height - offset);
  }

  // Draws the part [offset, offset + length) of `p` at the current height.
  void strip(const Piece& p, double offset, double length) {
    if (cr_) {
      cairo_save(cr_);
      cairo_rectangle(cr_, kMargin, y_, kTextWidth, length);
      cairo_clip(cr_);
      cairo_translate(cr_, kMargin, y_ - offset);
      p.draw(cr_);
      cairo_restore(cr_);
    }
    y_ += length;
  }

  void finish_page() {
    if (!cr_) return;
    auto footer = builder_.layout(footer_, small_, kTextWidth * 0.7);
    cairo_set_source_rgb(cr_, 0.3, 0.3, 0.3);
    cairo_move_to(cr_, kMargin, kBottom + 18);
    pango_cairo_show_layout(cr_, footer.get());
    std::string label = replaced(replaced(page_format_, "{page}", std::to_string(page_)), "{pages}",
                                 std::to_string(pages_));
    auto number = builder_.layout(label, small_, kTextWidth * 0.3);
    pango_layout_set_alignment(number.get(), PANGO_ALIGN_RIGHT);
    cairo_move_to(cr_, kMargin + kTextWidth * 0.7, kBottom + 18);
    pango_cairo_show_layout(cr_, number.get());
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_show_page(cr_);
  }

  void new_page(const Piece* repeat) {
    finish_page();
    ++page_;
    y_ = kTop;
    if (repeat) strip(*repeat, 0, repeat->height);
  }

  cairo_t* cr_;
  int pages_;
  const std::string& footer_;
  const std::string& page_format_;
  Builder& builder_;
  const Font& small_;
  int page_ = 1;
  double y_ = kTop;
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PdfDocument::PdfDocument(std::string title, std::string footer, std::string page_format)
    : impl_(std::make_unique<Impl>(
          Impl{std::move(title), std::move(footer), std::move(page_format), {}})) {}
PdfDocument::~PdfDocument() = default;

void PdfDocument::heading(std::string text) {
  impl_->elements.push_back(Heading{std::move(text), false});
}
void PdfDocument::subheading(std::string text) {
  impl_->elements.push_back(Heading{std::move(text), true});
}
void PdfDocument::paragraph(std::string text) {
  impl_->elements.push_back(Paragraph{std::move(text)});
}
void PdfDocument::key_value(std::string key, std::string value) {
  impl_->elements.push_back(KeyValue{std::move(key), std::move(value)});
}
void PdfDocument::table(std::vector<PdfColumn> columns, std::vector<PdfRow> rows) {
  impl_->elements.push_back(Table{std::move(columns), std::move(rows)});
}

Result<std::string> PdfDocument::render() const {
  std::string bytes;
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(append, &bytes, kPageWidth, kPageHeight));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, impl_->title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "InNet");
  CairoPtr cr(cairo_create(surface.get()));

  const Font title(18, true), heading(13, true), subheading(11, true), body(10, false),
      bold(10, true), cell(9, false), cell_bold(9, true), small(8, false);
  Builder builder(cr.get());
  // Pieces point at the table headers they repeat: reserve so that none moves.
  std::vector<Piece> pieces;
  std::size_t count = 1;
  for (const auto& e : impl_->elements)
    count += std::holds_alternative<Table>(e) ? std::get<Table>(e).rows.size() + 1 : 1;
  pieces.reserve(count);

  pieces.push_back(builder.text(impl_->title, title, 0, 6));
  for (const auto& e : impl_->elements) {
    if (const auto* h = std::get_if<Heading>(&e)) {
      if (h->sub)
        pieces.push_back(builder.text(h->text, subheading, 10, 0));
      else
        pieces.push_back(builder.text(h->text, heading, 14, 4));
      pieces.back().keep_with_next = true;
    } else if (const auto* p = std::get_if<Paragraph>(&e)) {
      pieces.push_back(builder.text(p->text, body, 6, 0));
    } else if (const auto* kv = std::get_if<KeyValue>(&e)) {
      const std::vector<double> widths = {kTextWidth * 0.32, kTextWidth * 0.68};
      // Each side on its own: the value may be in another script than the key.
      auto key = builder.row({kv->key}, {widths[0]}, bold, std::nullopt, false);
      auto value = builder.row({kv->value}, {widths[1]}, body, std::nullopt, false);
      Piece row;
      row.height = std::max(key.height, value.height);
      row.draw = [key = std::move(key.draw), value = std::move(value.draw),
                  x = widths[0]](cairo_t* c) {
        key(c);
        cairo_translate(c, x, 0);
        value(c);
      };
      pieces.push_back(std::move(row));
    } else {
      const auto& t = std::get<Table>(e);
      double total = 0;
      for (const auto& c : t.columns) total += c.width;
      std::vector<double> widths;
      std::vector<std::string> headers;
      for (const auto& c : t.columns) {
        widths.push_back(kTextWidth * c.width / total);
        headers.push_back(c.header);
      }
      pieces.push_back(builder.row(headers, widths, cell_bold, std::array{0.88, 0.88, 0.88}, true));
      Piece& header = pieces.back();
      header.space_before = 8;
      header.keep_with_next = true;
      for (const auto& r : t.rows) {
        std::optional<std::array<double, 3>> fill;
        if (r.marked) fill = std::array{1.0, 0.88, 0.88};
        pieces.push_back(builder.row(r.cells, widths, cell, fill, true));
        pieces.back().repeat = &header;
      }
    }
  }

  const std::string& footer = impl_->footer;
  const std::string& format = impl_->page_format;
  int pages = Pager(nullptr, 0, footer, format, builder, small).place_all(pieces);
  Pager(cr.get(), pages, footer, format, builder, small).place_all(pieces);
  cr.reset();
  cairo_surface_finish(surface.get());
  if (auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS)
    return Error::internal(std::string("pdf: ") + cairo_status_to_string(status));
  return bytes;
}

}  // namespace innet::reporting

// /api/v1/guidance: the guidance pages (decision 0033). Every staff role that works with people
// reads them (guidance.read); admins and prefecture officers publish edits (guidance.edit), each a
// new version. The pages are not personal data: nothing here names a person.
#include "guidance/routes.h"

#include <map>

#include "accounts/accounts.h"
#include "cases/cases.h"
#include "core/clock.h"
#include "guidance/guidance.h"

namespace innet::guidance {
namespace {

constexpr const char* kBase = "/api/v1/guidance";

struct Editor {
  std::int64_t id = 0;
  std::string display_name;
};

const api::ObjectType<Editor>& editor_type() {
  static const auto type = api::ObjectType<Editor>("GuidanceEditor")
                               .field("id", &Editor::id)
                               .field("display_name", &Editor::display_name);
  return type;
}

// The editors' names, each read once per request.
class Editors {
 public:
  explicit Editors(db::Connection& conn) : conn_(conn) {}
  Result<Editor> of(std::int64_t id) {
    if (auto known = names_.find(id); known != names_.end()) return Editor{id, known->second};
    INNET_ASSIGN_OR_RETURN(auto user, accounts::find_user(conn_, id));
    return Editor{id, names_[id] = user.display_name};
  }

 private:
  db::Connection& conn_;
  std::map<std::int64_t, std::string> names_;
};

// A list of words of a vocabulary (FieldDoc::allowed would constrain the list, not its items).
nlohmann::json list_of(const std::vector<std::string>& vocabulary) {
  return {{"type", "array"}, {"items", {{"type", "string"}, {"enum", vocabulary}}}};
}

// The version's sections as properties of their own, in the order of section_names().
template <class T>
api::ObjectType<T> with_sections(api::ObjectType<T> type) {
  for (const auto& name : section_names())
    type.field(name, [name](const T& v) { return section(v.version.sections, name); });
  return type;
}

// A page as a reader gets it: in the language asked for, or in Italian when that language has no
// text yet (`fallback`).
struct Page {
  std::string language;  // asked for
  bool fallback = false;
  Version version;
  Editor editor;
};

const api::ObjectType<Page>& page_type() {
  static const auto type = with_sections(
      api::ObjectType<Page>("GuidancePage")
          .field("category", [](const Page& p) { return p.version.category; },
                 {.allowed = cases::vulnerability_categories()})
          .field("language", &Page::language,
                 {.description = "the language asked for", .allowed = languages()})
          .field("shown_language", [](const Page& p) { return p.version.language; },
                 {.description = "the language of the text: Italian when `fallback`",
                  .allowed = languages()})
          .field("fallback", &Page::fallback,
                 {.description = "the language asked for has no text yet: the Italian is shown"})
          .field("version", [](const Page& p) { return p.version.version; },
                 {.description = "the version shown; an edit of the language asked for is based "
                                 "on it, or on 0 when `fallback`"})
          .field("change_note", [](const Page& p) { return p.version.change_note; })
          .field("edited_at", [](const Page& p) { return p.version.edited_at; },
                 {.format = "date-time"})
          .field("edited_by", &Page::editor, editor_type()));
  return type;
}

struct Listed {
  Version version;
  Editor editor;
  std::vector<std::string> changed;  // sections that differ from the version before
};

const api::ObjectType<Listed>& version_type() {
  static const auto type = with_sections(
      api::ObjectType<Listed>("GuidanceVersion")
          .field("version", [](const Listed& l) { return l.version.version; })
          .field("language", [](const Listed& l) { return l.version.language; },
                 {.allowed = languages()})
          .field("change_note", [](const Listed& l) { return l.version.change_note; })
          .field("edited_at", [](const Listed& l) { return l.version.edited_at; },
                 {.format = "date-time"})
          .field("edited_by", &Listed::editor, editor_type())
          .field("changed_sections", &Listed::changed,
                 {.description = "the sections this version changed (all of them for the first)",
                  .schema = list_of(section_names())}));
  return type;
}

// A category's row in the list: which languages have text, and the last edit in any of them.
struct Summary {
  std::string category;
  std::vector<std::string> languages;
  std::optional<std::string> last_edited_at;
  std::optional<std::string> last_edited_language;
  std::optional<Editor> last_edited_by;
};

const api::ObjectType<Summary>& summary_type() {
  static const auto type =
      api::ObjectType<Summary>("GuidanceSummary")
          .field("category", &Summary::category, {.allowed = cases::vulnerability_categories()})
          .field("languages", &Summary::languages,
                 {.description = "the languages that have text, in the app's order",
                  .schema = list_of(languages())})
          .field("last_edited_at", &Summary::last_edited_at, {.format = "date-time"})
          .field("last_edited_language", &Summary::last_edited_language, {.allowed = languages()})
          .field("last_edited_by", &Summary::last_edited_by, editor_type());
  return type;
}

// The category and language of the path: 404 for any other, as for a page that does not exist.
Result<std::pair<std::string, std::string>> page_param(api::Context& ctx) {
  auto category = ctx.param("category");
  auto language = ctx.param("language");
  if (!is_category(category)) return Error::not_found("guidance category");
  if (!is_language(language)) return Error::not_found("guidance language");
  return std::pair{std::move(category), std::move(language)};
}

Result<http::Response> list(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto current, current_versions(*conn));
  Editors editors(*conn);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& category : cases::vulnerability_categories()) {
    Summary s{.category = category};
    const Version* last = nullptr;
    for (const auto& language : languages())
      for (const auto& v : current)
        if (v.category == category && v.language == language) {
          s.languages.push_back(language);
          if (!last || v.edited_at > last->edited_at) last = &v;
        }
    if (last) {
      INNET_ASSIGN_OR_RETURN(auto editor, editors.of(last->edited_by));
      s.last_edited_at = last->edited_at;
      s.last_edited_language = last->language;
      s.last_edited_by = editor;
    }
    items.push_back(summary_type().to_json(s));
  }
  return api::ok(nlohmann::json{{"items", std::move(items)}});
}

Result<http::Response> answer_page(db::Connection& conn, const std::string& language, Version v,
                                   int status = 200) {
  Editors editors(conn);
  INNET_ASSIGN_OR_RETURN(auto editor, editors.of(v.edited_by));
  Page page{.language = language,
            .fallback = v.language != language,
            .version = std::move(v),
            .editor = editor};
  if (status == 200) return api::ok(page_type(), page);
  return api::created(page_type().to_json(page));
}

Result<http::Response> get(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto page, page_param(ctx));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto shown, shown_version(*conn, page.first, page.second));
  if (!shown) return Error::not_found("guidance page");
  return answer_page(*conn, page.second, std::move(*shown));
}

Result<http::Response> history(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto page, page_param(ctx));
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
  INNET_ASSIGN_OR_RETURN(auto all, versions(*conn, page.first, page.second));
  Editors editors(*conn);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t k = 0; k < all.size(); ++k) {
    Listed l{.version = all[k]};
    INNET_ASSIGN_OR_RETURN(l.editor, editors.of(all[k].edited_by));
    // Newest first: the version before this one is the next in the list.
    for (const auto& name : section_names())
      if (k + 1 == all.size() ||
          section(all[k].sections, name) != section(all[k + 1].sections, name))
        l.changed.push_back(name);
    items.push_back(version_type().to_json(l));
  }
  return api::ok(nlohmann::json{{"items", std::move(items)}});
}

Result<http::Response> edit(api::Context& ctx) {
  INNET_ASSIGN_OR_RETURN(auto page, page_param(ctx));
  const auto& b = ctx.body;
  Edit e{.category = page.first,
         .language = page.second,
         .based_on = b["based_on"].get<std::int64_t>(),
         .change_note = b["change_note"].get<std::string>(),
         .edited_by = ctx.actor->user_id};
  for (const auto& name : section_names()) section(e.sections, name) = b.value(name, std::string());
  INNET_ASSIGN_OR_RETURN(auto conn, ctx.begin_write());
  INNET_ASSIGN_OR_RETURN(auto saved, save_edit(*conn, e, clock::now_iso()));
  auto entry = ctx.audit("guidance.edit", "guidance_page", page.first + "/" + page.second);
  // The version numbers only: the text is in the page's history, the note may be long.
  entry.details = nlohmann::json{{"version", saved.version}, {"based_on", e.based_on}}.dump();
  INNET_TRY(ctx.commit(entry));
  return answer_page(*conn, page.second, std::move(saved), 201);
}

FieldSpec page_path() {
  return {{.name = "category",
           .max_length = 40,
           .description = "a vulnerability category (the cases' vocabulary); 404 for another"},
          {.name = "language",
           .max_length = 8,
           .description = "it, en, fr, ar, uk or bn; 404 for another"}};
}

FieldSpec edit_body() {
  FieldSpec spec = {{.name = "based_on",
                     .type = FieldType::integer,
                     .required = true,
                     .description = "the version the text was edited from (0: the language had "
                                    "none); 409 stale_version when another edit came since",
                     .min_value = 0}};
  for (const auto& name : section_names())
    spec.push_back({.name = name,
                    .required = name != "sources",
                    .max_length = kSectionMaxLength,
                    .multiline = true,
                    .description = "plain text: paragraphs, \"- \" bullet lines, [label](https://"
                                   "... or /path) links; 422 when empty (but sources)"});
  spec.push_back({.name = "change_note",
                  .required = true,
                  .max_length = kChangeNoteMaxLength,
                  .description = "what changed and why, for the history"});
  return spec;
}

}  // namespace

void add_routes(api::Api& api) {
  static const api::ListType summary_list("GuidanceList", summary_type(), false);
  static const api::ListType version_list("GuidanceVersionList", version_type(), false);
  api.add_schema(summary_list);
  api.add_schema(page_type());
  api.add_schema(version_list);
  const std::string base = kBase;
  const std::string page = base + "/{category}/{language}";
  api.add({.method = "GET",
           .pattern = base,
           .action = "guidance.read",
           .summary = "The guidance pages: per vulnerability category, the languages that have "
                      "text and the last edit",
           .tag = "guidance",
           .response_schema = "GuidanceList",
           .handler = list});
  api.add({.method = "GET",
           .pattern = page,
           .action = "guidance.read",
           .summary = "A guidance page in a language, or in Italian (fallback) while that "
                      "language has no text",
           .tag = "guidance",
           .path = page_path(),
           .response_schema = "GuidancePage",
           .handler = get});
  api.add({.method = "GET",
           .pattern = page + "/versions",
           .action = "guidance.read",
           .summary = "Every version of a guidance page in a language, newest first, with who "
                      "changed which sections",
           .tag = "guidance",
           .path = page_path(),
           .response_schema = "GuidanceVersionList",
           .handler = history});
  api.add({.method = "POST",
           .pattern = page + "/versions",
           .action = "guidance.edit",
           .summary = "Publish an edit of a guidance page as its next version",
           .tag = "guidance",
           .body = edit_body(),
           .path = page_path(),
           .response_schema = "GuidancePage",
           .success_status = 201,
           .handler = edit});
}

}  // namespace innet::guidance

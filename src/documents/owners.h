// Who may read a document, and how a module attaches one to its records.
//
// A document nobody has linked yet is its uploader's alone. Once a module links it to one of
// its records (a register's confirmation, a guest's receipt, an inspection), that module decides
// who may read it: it registers an Owner for its kind of record in its `connect` hook, and
// documents asks it "may this caller read record owner_id?", as people asks its PersonLinks who
// may see a person (people/visibility.h). So documents reads no other module's tables, and the
// owners need not know each other. A caller who may not read a document gets exactly the answer
// for a document that does not exist.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "api/api.h"
#include "core/result.h"
#include "documents/documents.h"

namespace innet::documents {

// The owner's answer for one of its records.
struct OwnerAccess {
  bool readable = false;
  // The persons the record names (the guests of a signed presence sheet): reading the document
  // is reading their personal data, logged in the read log like any other read of persons.
  std::vector<std::int64_t> persons;
};

struct Owner {
  std::string kind;                      // "register.sheet"
  std::vector<std::string> media_types;  // what it accepts, from accepted_media_type_names()
  // May the request's caller read the record? Runs on the request's connection (ctx.db()); a
  // record that does not exist is simply not readable.
  std::function<Result<OwnerAccess>(api::Context&, std::int64_t owner_id)> access;
};

// Called while the application is assembled (a module's connect), before any request: the
// owners are read without a lock afterwards.
void add_owner(Owner owner);

// The document when the caller may read it: the uploader while it is unlinked, afterwards
// whoever its owner allows; otherwise 404 "document", as for a missing id. Records the persons
// the owner names with ctx.record_read.
Result<Document> visible_document(api::Context& ctx, std::int64_t id);

// Links the document to the owner's record, on `conn` in the owner's open transaction (the link
// and the owner's write commit together). Refused: a document the caller may not see (422
// no_such_document, field document_id, as for a missing one), one already linked (409
// already_linked), one of a type the owner does not accept (422 media_type_not_accepted).
Result<Document> link_document(api::Context& ctx, db::Connection& conn, std::int64_t document_id,
                               const std::string& owner_kind, std::int64_t owner_id);

}  // namespace innet::documents

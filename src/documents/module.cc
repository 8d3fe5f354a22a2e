#include "documents/module.h"

#include "documents/documents.h"
#include "documents/routes.h"

namespace innet::documents {

namespace {

std::vector<auth::Policy::Grant> grants() {
  using enum auth::Role;
  using enum auth::Scope;
  // Who may upload and ask for documents at all; which documents a caller reads is decided per
  // document (owners.h): its uploader's until linked, then the owner module's rule. The
  // administrator holds no action on case data.
  return {
      {"documents.upload", prefecture_officer, own},
      {"documents.upload", inspector, own},
      {"documents.upload", case_worker, own},
      {"documents.read", prefecture_officer, own},
      {"documents.read", inspector, own},
      {"documents.read", case_worker, own},
  };
}

}  // namespace

api::Module module() {
  return {
      .name = "documents", .grants = grants(), .migrations = migrations, .add_routes = add_routes};
}

}  // namespace innet::documents

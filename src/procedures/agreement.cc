#include "procedures/agreement.h"

#include <algorithm>
#include <set>

#include "procedures/legal_clock.h"

namespace innet::procedures {
namespace {

const std::vector<std::string> kKinds = {"signature",
                                         "civic_session_attended",
                                         "civic_session_missed",
                                         "italian_level",
                                         "civic_knowledge",
                                         "course",
                                         "loss",
                                         "exemption",
                                         "correction",
                                         "extension"};

// Annex B of DPR 179/2011 (decision 0042): {spoken only, in full}.
struct ItalianFigures {
  const char* level;
  std::int64_t spoken;
  std::int64_t full;
  int rank;
};
constexpr ItalianFigures kItalian[] = {
    {"a1", 10, 14, 1}, {"a2", 20, 24, 2}, {"b1", 26, 28, 3}, {"above_b1", 30, 30, 4}};

struct Figure {
  const char* code;
  std::int64_t credits;
};
constexpr Figure kCivic[] = {{"sufficient", 6}, {"good", 9}, {"very_good", 12}};
constexpr Figure kCourses[] = {
    {"hours80", 4}, {"hours120", 5}, {"hours250", 10}, {"hours500", 20}, {"school_year", 30}};

std::vector<std::string> codes_of(const auto& table) {
  std::vector<std::string> out;
  for (const auto& row : table) out.emplace_back(row.code);
  return out;
}

const ItalianFigures* italian(const std::string& level) {
  for (const auto& row : kItalian)
    if (level == row.level) return &row;
  return nullptr;
}

std::optional<std::int64_t> figure(const auto& table, const std::string& code) {
  for (const auto& row : table)
    if (code == row.code) return row.credits;
  return std::nullopt;
}

const LossBand* band(const std::vector<LossBand>& bands, const std::string& code) {
  for (const auto& b : bands)
    if (b.code == code) return &b;
  return nullptr;
}

}  // namespace

const std::vector<std::string>& agreement_entry_kinds() {
  return kKinds;
}

const std::string& to_string(AgreementEntryKind kind) {
  return kKinds[static_cast<std::size_t>(kind)];
}

std::optional<AgreementEntryKind> parse_agreement_entry_kind(const std::string& text) {
  for (std::size_t i = 0; i < kKinds.size(); ++i)
    if (kKinds[i] == text) return static_cast<AgreementEntryKind>(i);
  return std::nullopt;
}

const std::vector<std::string>& italian_levels() {
  static const std::vector<std::string> levels = {"a1", "a2", "b1", "above_b1"};
  return levels;
}
const std::vector<std::string>& civic_levels() {
  static const std::vector<std::string> levels = codes_of(kCivic);
  return levels;
}
const std::vector<std::string>& course_kinds() {
  static const std::vector<std::string> kinds = codes_of(kCourses);
  return kinds;
}
const std::vector<std::string>& exemption_grounds() {
  static const std::vector<std::string> grounds = {"asylum_protection", "family_reasons",
                                                   "eu_long_term", "unaccompanied_minor",
                                                   "trafficking_victim"};
  return grounds;
}

std::vector<LossBand> default_loss_bands() {
  // Annex C of DPR 179/2011 as remembered, NOT verified against the Gazzetta (domain.md: "verify
  // bands"): the figures are data the admin corrects (decision 0042), never above 25.
  return {
      {"custodial_3y", "Condanna, anche non definitiva, a pena detentiva non inferiore a 3 anni",
       25},
      {"custodial_2y", "Condanna, anche non definitiva, a pena detentiva non inferiore a 2 anni",
       18},
      {"custodial_1y", "Condanna, anche non definitiva, a pena detentiva non inferiore a 1 anno",
       15},
      {"custodial_3m", "Condanna, anche non definitiva, a pena detentiva non inferiore a 3 mesi",
       10},
      {"custodial_under_3m", "Condanna, anche non definitiva, a pena detentiva inferiore a 3 mesi",
       8},
      {"security_measure",
       "Applicazione, anche non definitiva, di una misura di sicurezza personale", 10},
      {"fine_10000",
       "Sanzione pecuniaria definitiva non inferiore a 10.000 euro per illeciti amministrativi o "
       "tributari",
       6},
  };
}

std::optional<std::int64_t> entry_credits(const AgreementEntry& entry,
                                          const std::vector<LossBand>& bands) {
  using enum AgreementEntryKind;
  switch (entry.kind) {
    case signature:
      return kSignatureCredits;
    case civic_session_attended:
      return 0;
    case civic_session_missed:
      return kMissedCivicSessionCredits;
    case italian_level: {
      const auto* row = italian(entry.level);
      if (!row) return std::nullopt;
      return entry.spoken_only ? row->spoken : row->full;
    }
    case civic_knowledge:
      return figure(kCivic, entry.level);
    case course:
      return figure(kCourses, entry.level);
    case loss: {
      const auto* b = band(bands, entry.level);
      if (!b) return std::nullopt;
      return -b->credits;
    }
    case exemption:
      if (std::find(exemption_grounds().begin(), exemption_grounds().end(), entry.level) ==
          exemption_grounds().end())
        return std::nullopt;
      return 0;
    case correction:
    case extension:
      return 0;
  }
  return std::nullopt;
}

const std::string& to_string(AgreementOutcome outcome) {
  static const std::vector<std::string> names = {
      "pending", "fulfilled", "fulfilled_with_benefits", "extension", "terminated", "exempt"};
  return names[static_cast<std::size_t>(outcome)];
}

AgreementBalance agreement_balance(const AgreementInput& in, CivilDay today) {
  AgreementBalance out;
  std::vector<AgreementEntry> entries;
  for (const auto& e : in.entries)
    if (e.on <= today) entries.push_back(e);
  // In the order they happened; on one day, in the order recorded.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.on < b.on; });

  std::set<std::int64_t> voided;
  for (const auto& e : entries)
    if (e.kind == AgreementEntryKind::correction && e.corrects) voided.insert(*e.corrects);
  bool extended = in.extended;
  for (const auto& e : entries)
    if (e.kind == AgreementEntryKind::extension && !voided.contains(e.id)) extended = true;
  out.expires_on = add_months(in.signed_on, extended ? 36 : 24);
  out.verification_from = add_months(out.expires_on, -1);

  // Italian and civic knowledge: the best level counts once; a better one adds the difference.
  std::int64_t italian_credits = 0;
  int italian_rank = 0;
  std::int64_t civic_credits = 0;
  bool any_loss = false;

  auto line = [&](std::string code, const AgreementEntry& e, std::int64_t credits,
                  std::map<std::string, std::string> params = {}) {
    out.credits += credits;
    params.emplace("date", e.on.to_string());
    out.lines.push_back({std::move(code), e.id, credits, out.credits, std::move(params)});
  };

  for (const auto& e : entries) {
    if (voided.contains(e.id)) {
      line("voided", e, 0, {{"kind", to_string(e.kind)}});
      continue;
    }
    auto credits = entry_credits(e, in.bands);
    if (!credits) {
      line("unknown_level", e, 0, {{"kind", to_string(e.kind)}, {"level", e.level}});
      continue;
    }
    using enum AgreementEntryKind;
    switch (e.kind) {
      case signature:
        line("signature", e, *credits);
        break;
      case civic_session_attended:
        line("civic_session_attended", e, 0);
        break;
      case civic_session_missed:
        any_loss = true;
        line("civic_session_missed", e, *credits);
        break;
      case italian_level: {
        const auto* row = italian(e.level);
        const bool better = *credits > italian_credits;
        std::map<std::string, std::string> params = {
            {"level", e.level}, {"spoken_only", e.spoken_only ? "true" : "false"}};
        if (!better) {
          line("italian_not_better", e, 0, params);
          break;
        }
        line("italian_level", e, *credits - italian_credits, params);
        italian_credits = *credits;
        italian_rank = row->rank;
        out.italian_level = e.level + (e.spoken_only ? "_spoken" : "");
        break;
      }
      case civic_knowledge:
        if (*credits <= civic_credits) {
          line("civic_not_better", e, 0, {{"level", e.level}});
          break;
        }
        line("civic_knowledge", e, *credits - civic_credits, {{"level", e.level}});
        civic_credits = *credits;
        out.civic_level = e.level;
        break;
      case course:
        line("course", e, *credits, {{"course", e.level}});
        break;
      case loss:
        any_loss = true;
        line("loss", e, *credits, {{"band", e.level}});
        break;
      case exemption:
        line("exemption", e, 0, {{"ground", e.level}});
        if (!out.exemption) out.exemption = e.level;
        break;
      case extension:
        line("extension_granted", e, 0);
        break;
      case correction:
        line("correction", e, 0,
             {{"corrects", e.corrects ? std::to_string(*e.corrects) : std::string()}});
        break;
    }
  }
  out.italian_a2_spoken = italian_rank >= 2;

  auto conclude = [&](AgreementOutcome outcome, std::string code) {
    out.outcome = outcome;
    out.lines.push_back({std::move(code), std::nullopt, 0, out.credits, {}});
  };
  if (out.exemption) return conclude(AgreementOutcome::exempt, "outcome_exempt"), out;
  if (out.credits <= 0 && any_loss)
    return conclude(AgreementOutcome::terminated, "outcome_terminated_no_credits"), out;
  if (today < out.verification_from)
    return conclude(AgreementOutcome::pending, "outcome_pending"), out;
  const bool requirements = out.italian_a2_spoken && out.civic_level.has_value();
  if (out.credits >= kFulfilledCredits && requirements) {
    if (out.credits >= kBenefitsCredits)
      return conclude(AgreementOutcome::fulfilled_with_benefits, "outcome_fulfilled_benefits"), out;
    return conclude(AgreementOutcome::fulfilled, "outcome_fulfilled"), out;
  }
  // Not fulfilled: why, one line a reason.
  if (out.credits < kFulfilledCredits)
    out.lines.push_back({"missing_credits",
                         std::nullopt,
                         0,
                         out.credits,
                         {{"missing", std::to_string(kFulfilledCredits - out.credits)}}});
  if (!out.italian_a2_spoken)
    out.lines.push_back({"missing_italian_a2", std::nullopt, 0, out.credits, {}});
  if (!out.civic_level)
    out.lines.push_back({"missing_civic_knowledge", std::nullopt, 0, out.credits, {}});
  if (out.credits <= 0)
    return conclude(AgreementOutcome::terminated, "outcome_terminated_no_credits"), out;
  if (extended)
    return conclude(AgreementOutcome::terminated, "outcome_terminated_after_extension"), out;
  return conclude(AgreementOutcome::extension, "outcome_extension"), out;
}

}  // namespace innet::procedures

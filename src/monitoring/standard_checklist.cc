// The checklist the product ships (code "standard", inserted as version 1 by the module's
// migrations): the inspection areas and items of domain.md ("Reception centres and their
// monitoring"), as a Prefettura's inspectors ask them. A Prefettura changes it by writing a new
// version; this one is never edited once installations have it (an edit here would not reach a
// database that already holds version 1, and must not: inspections name it).
#include "monitoring/checklists.h"

namespace innet::monitoring {

namespace {

struct Question {
  const char* it;
  const char* en;
};

ChecklistItem yes_no(const char* code, const char* area, bool expected, std::int64_t weight,
                     const char* severity, const char* reference, Question q) {
  ChecklistItem item;
  item.code = code;
  item.area = area;
  item.answer_kind = "yes_no";
  item.expected_yes = expected;
  item.weight = weight;
  item.failure_is_finding = true;
  item.default_severity = severity;
  item.reference = reference;
  item.question = {{"it", q.it}, {"en", q.en}};
  return item;
}

// Recorded and shown beside the scored items, never failing: counts, notes and photos.
ChecklistItem recorded(const char* code, const char* area, const char* kind, Question q) {
  ChecklistItem item;
  item.code = code;
  item.area = area;
  item.answer_kind = kind;
  item.question = {{"it", q.it}, {"en", q.en}};
  return item;
}

}  // namespace

NewChecklistVersion standard_checklist() {
  constexpr const char* art20 = "art. 20 d.lgs. 142/2015";
  constexpr const char* contract = "capitolato e convenzione";
  NewChecklistVersion v{.code = "standard",
                        .title = "Verifica dei centri di accoglienza (art. 20 d.lgs. 142/2015)"};
  v.items = {
      // Capacity and presences: the register is checked against a head count.
      recorded(
          "capacity_presences.guests_counted", "capacity_presences", "number",
          {"Ospiti presenti contati dagli ispettori", "Guests present counted by the inspectors"}),
      yes_no("capacity_presences.within_places", "capacity_presences", true, 5, "major", contract,
             {"Le presenze non superano i posti in convenzione",
              "Presences do not exceed the contracted places"}),
      yes_no("capacity_presences.register_kept", "capacity_presences", true, 5, "major", art20,
             {"Il registro delle presenze è tenuto e aggiornato (identità, nazionalità, date di "
              "ingresso e uscita)",
              "The presence register is kept up to date (identity, nationality, entry and exit "
              "dates)"}),
      yes_no("capacity_presences.count_matches_register", "capacity_presences", true, 8, "critical",
             art20,
             {"Gli ospiti contati corrispondono al report giornaliero delle presenze",
              "The guests counted match the daily presence report"}),
      // Building.
      yes_no("building.habitability", "building", true, 8, "critical", "DM 22 luglio 2021",
             {"Agibilità e conformità urbanistica della struttura documentate",
              "Habitability and planning compliance of the building are documented"}),
      yes_no("building.fire_safety", "building", true, 8, "critical", "normativa antincendio",
             {"Presidi antincendio presenti e verificati",
              "Fire safety equipment present and checked"}),
      yes_no("building.no_overcrowding", "building", true, 5, "major", "DM 22 luglio 2021",
             {"Le camere non sono sovraffollate", "Rooms are not overcrowded"}),
      yes_no("building.no_pests", "building", true, 5, "major", "DM 22 luglio 2021",
             {"Assenza di infestanti (roditori, insetti)", "No pests (rodents, insects)"}),
      [] {
        ChecklistItem item =
            recorded("building.hygiene", "building", "choice",
                     {"Condizioni igienico-sanitarie degli ambienti", "Hygiene of the premises"});
        item.choices = {"adeguate", "parzialmente_adeguate", "inadeguate"};
        item.passing_choices = {"adeguate"};
        item.weight = 5;
        item.failure_is_finding = true;
        item.default_severity = "major";
        item.reference = "DM 22 luglio 2021";
        return item;
      }(),
      recorded("building.photos", "building", "photo",
               {"Documentazione fotografica degli spazi", "Photos of the premises"}),
      // Meals.
      yes_no("meals.regular_supply", "meals", true, 5, "major", contract,
             {"I pasti sono forniti regolarmente e in quantità adeguata",
              "Meals are supplied regularly and in sufficient quantity"}),
      yes_no("meals.special_diets", "meals", true, 3, "minor", contract,
             {"Sono garantite diete per motivi religiosi, di salute e per la prima infanzia",
              "Diets for religion, health and infants are provided"}),
      // Cleaning and laundry.
      yes_no("cleaning_laundry.cleaning", "cleaning_laundry", true, 3, "minor", contract,
             {"La pulizia è svolta come da capitolato", "Cleaning is done as contracted"}),
      yes_no("cleaning_laundry.laundry", "cleaning_laundry", true, 3, "minor", contract,
             {"Il servizio di lavanderia è svolto come da capitolato",
              "Laundry is done as contracted"}),
      // Goods and money: each handed over against a receipt signed by the guest.
      yes_no("goods_money.pocket_money_paid", "goods_money", true, 5, "major", contract,
             {"Il pocket money è erogato (2,50 euro al giorno a persona, massimo 7,50 per nucleo)",
              "Pocket money is paid (EUR 2.50 per person per day, at most EUR 7.50 per family)"}),
      yes_no("goods_money.receipts_signed", "goods_money", true, 3, "minor", contract,
             {"Le consegne sono attestate da ricevute firmate dagli ospiti",
              "Handovers are attested by receipts signed by the guests"}),
      yes_no("goods_money.entry_kit", "goods_money", true, 3, "minor", contract,
             {"Il kit di primo ingresso è consegnato (effetti letterecci, vestiario stagionale, "
              "igiene personale)",
              "The first-entry kit is handed over (bedding, season clothing, hygiene)"}),
      yes_no("goods_money.phone_card", "goods_money", true, 2, "minor", contract,
             {"La scheda telefonica (5 euro) è consegnata all'ingresso",
              "The phone card (EUR 5) is handed over on entry"}),
      yes_no(
          "goods_money.credit_returned", "goods_money", true, 3, "minor", contract,
          {"Il credito residuo è restituito all'uscita", "Remaining credit is returned at exit"}),
      // Staff.
      yes_no("staff.staffing", "staff", true, 5, "major", contract,
             {"Il personale in servizio corrisponde al prospetto richiesto per la capienza",
              "Staff on duty match the schedule required for the centre's size"}),
      yes_no("staff.contributions_paid", "staff", true, 5, "major", contract,
             {"I contributi previdenziali del personale sono regolarmente versati",
              "Staff social security contributions are paid"}),
      // Services.
      yes_no("services.mediation", "services", true, 5, "major", contract,
             {"È disponibile la mediazione linguistico-culturale (mediatrici per le donne)",
              "Linguistic and cultural mediation is available (female mediators for women)"}),
      yes_no("services.asylum_information", "services", true, 5, "major", "art. 3 d.lgs. 142/2015",
             {"Gli ospiti ricevono informazione sulla procedura di protezione internazionale",
              "Guests are informed about the international protection procedure"}),
      yes_no("services.health", "services", true, 5, "major", contract,
             {"Visita medica d'ingresso effettuata e iscrizione al Servizio sanitario nazionale",
              "Entry medical visit done and enrolment in the national health service"}),
      yes_no("services.italian_courses", "services", true, 3, "minor", contract,
             {"Sono attivi corsi di lingua italiana", "Italian language courses are running"}),
      yes_no("services.vulnerable_and_minors", "services", true, 8, "critical",
             "art. 17 d.lgs. 142/2015",
             {"Sono attivati i servizi per le persone vulnerabili e per i minori",
              "Services for vulnerable people and minors are in place"}),
      // Finance.
      yes_no("finance.no_other_funding", "finance", true, 5, "major", contract,
             {"L'ente non riceve altri finanziamenti pubblici per gli stessi servizi",
              "The operator receives no other public funding for the same services"}),
      yes_no("finance.invoices_match_presences", "finance", true, 8, "critical", contract,
             {"Le fatture corrispondono alle presenze registrate",
              "Invoices match the recorded presences"}),
      recorded("finance.notes", "finance", "text",
               {"Osservazioni sulla documentazione contabile", "Notes on the accounts"}),
  };
  return v;
}

}  // namespace innet::monitoring

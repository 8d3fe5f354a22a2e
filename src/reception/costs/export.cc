// The tables behind the cost and reconciliation files (rendered by reporting/), with their words
// in six languages. The terms are the glossary's, as in the web app's locale files (costs,
// register, handovers), so a file says what the page it was downloaded from says.
#include "reception/costs/export.h"

namespace innet::reception {
namespace {

using reporting::Cell;
using reporting::Labels;
using reporting::Table;

Cell opt_id(const std::optional<std::int64_t>& v) {
  return v ? Cell::of(*v) : Cell{};
}

// A column whose stable name is its catalogue key without the "column." prefix.
reporting::Column column(const char* name, const Labels& l) {
  return {name, l(std::string("column.") + name)};
}

Table table(const char* sheet, std::initializer_list<const char*> columns, const Labels& l) {
  Table t{l(std::string("sheet.") + sheet), {}, {}};
  for (const char* c : columns) t.columns.push_back(column(c, l));
  return t;
}

std::vector<Cell> item(const char* key, Cell value, const Labels& l) {
  return {Cell::of(l(std::string("item.") + key)), std::move(value)};
}

Cell yes_no(bool v, const Labels& l) {
  return Cell::of(l(v ? "value.yes" : "value.no"));
}

// "2026-11" as "11/2026", the month as an Italian office writes it.
Cell month_cell(const CivilMonth& m) {
  const std::string s = m.to_string();
  return Cell::of(s.substr(5, 2) + "/" + s.substr(0, 4));
}

// Money beside the daily price (decision 0019): one row per item, due against handed over.
Table money_table(const std::vector<MoneyLine>& lines, const Labels& l) {
  Table t = table(
      "money",
      {"money_item", "due_count", "handed_over_count", "due", "handed_over", "money_difference"},
      l);
  for (const auto& m : lines)
    t.rows.push_back({Cell::of(l("money." + m.item)), opt_id(m.due_count),
                      opt_id(m.handed_over_count), Cell::cents(m.due_cents),
                      Cell::cents(m.handed_over_cents),
                      Cell::cents(m.handed_over_cents - m.due_cents)});
  return t;
}

}  // namespace

const reporting::Catalogue& cost_catalogue() {
  // Keys: sheet.<table>, column.<column>, item.<summary row>, value.*, money.<item>,
  // kind.<difference>, reason.<reason>, absence.<absence reason>, status.<register day status>;
  // in the order it, en, fr, ar, uk, bn.
  static const reporting::Catalogue words = {
      {"sheet.summary", {"Riepilogo", "Summary", "Résumé", "ملخص", "Підсумок", "সারসংক্ষেপ"}},
      {"sheet.days", {"Giorni", "Days", "Jours", "الأيام", "Дні", "দিন"}},
      {"sheet.persons", {"Persone", "Persons", "Personnes", "الأشخاص", "Особи", "ব্যক্তি"}},
      {"sheet.money",
       {"Pocket money e kit", "Pocket money and kits", "Argent de poche et kits",
        "مصروف الجيب والحقائب", "Кишенькові гроші та набори", "হাতখরচ ও কিট"}},
      {"sheet.differences",
       {"Differenze", "Differences", "Écarts", "الفروق", "Розбіжності", "পার্থক্য"}},
      {"sheet.unconfirmed",
       {"Giorni non confermati", "Unconfirmed days", "Jours non confirmés", "أيام غير مؤكدة",
        "Непідтверджені дні", "অনিশ্চিত দিন"}},

      {"column.item", {"Voce", "Item", "Élément", "البند", "Показник", "বিষয়"}},
      {"column.value", {"Valore", "Value", "Valeur", "القيمة", "Значення", "মান"}},
      {"column.day", {"Giorno", "Day", "Jour", "اليوم", "День", "দিন"}},
      {"column.present", {"Presenti", "Present", "Présents", "الحاضرون", "Присутні", "উপস্থিত"}},
      {"column.absent", {"Assenti", "Absent", "Absents", "الغائبون", "Відсутні", "অনুপস্থিত"}},
      {"column.contract_id",
       {"ID convenzione", "Contract ID (convenzione)", "ID de la convention", "رقم العقد",
        "ID договору", "চুক্তি আইডি"}},
      {"column.no_contract",
       {"Senza convenzione", "Without a contract", "Sans convention", "بلا عقد", "Без договору",
        "চুক্তি ছাড়া"}},
      {"column.price",
       {"Prezzo giornaliero (EUR)", "Price per day (EUR)", "Prix par jour (EUR)",
        "السعر اليومي (يورو)", "Ціна за день (EUR)", "দৈনিক মূল্য (ইউরো)"}},
      {"column.amount",
       {"Importo (EUR)", "Amount (EUR)", "Montant (EUR)", "المبلغ (يورو)", "Сума (EUR)",
        "অর্থ (ইউরো)"}},
      {"column.pocket_money",
       {"Pocket money (EUR)", "Pocket money (EUR)", "Argent de poche (EUR)", "مصروف الجيب (يورو)",
        "Кишенькові гроші (EUR)", "হাতখরচ (ইউরো)"}},
      {"column.cig", {"CIG", "CIG", "CIG", "CIG", "CIG", "CIG"}},
      {"column.vat_rate",
       {"Aliquota IVA (%)", "VAT rate (%)", "Taux de TVA (%)", "نسبة ضريبة القيمة المضافة (%)",
        "Ставка ПДВ (%)", "ভ্যাটের হার (%)"}},
      {"column.person_id",
       {"ID persona", "Person ID", "ID de la personne", "رقم الشخص", "ID особи", "ব্যক্তি আইডি"}},
      {"column.family_name",
       {"Cognome", "Family name", "Nom de famille", "اسم العائلة", "Прізвище", "পারিবারিক নাম"}},
      {"column.given_names", {"Nomi", "Given names", "Prénoms", "الأسماء", "Імена", "প্রদত্ত নাম"}},
      {"column.family_group_id",
       {"ID nucleo familiare", "Family group ID", "ID du groupe familial", "رقم المجموعة العائلية",
        "ID сімейної групи", "পারিবারিক দল আইডি"}},
      {"column.presence_days",
       {"Giornate di presenza", "Presence-days", "Journées de présence", "أيام الحضور",
        "Дні присутності", "উপস্থিতির দিন"}},
      {"column.absent_days",
       {"Giorni di assenza", "Absent days", "Jours d'absence", "أيام الغياب", "Дні відсутності",
        "অনুপস্থিতির দিন"}},
      {"column.kind", {"Differenza", "Difference", "Écart", "الفرق", "Розбіжність", "পার্থক্য"}},
      {"column.reason", {"Motivo", "Reason", "Motif", "السبب", "Причина", "কারণ"}},
      {"column.absence_reason",
       {"Motivo dell'assenza", "Absence reason", "Motif de l'absence", "سبب الغياب",
        "Причина відсутності", "অনুপস্থিতির কারণ"}},
      {"column.status",
       {"Stato del registro", "Register status", "État du registre", "حالة السجل",
        "Стан журналу присутності", "রেজিস্টারের অবস্থা"}},
      {"column.money_item", {"Voce", "Item", "Élément", "البند", "Позиція", "বিষয়"}},
      {"column.due_count",
       {"Dovuti (pezzi)", "Due (pieces)", "Dus (pièces)", "المستحق (قطع)", "Належить (шт.)",
        "প্রাপ্য (টি)"}},
      {"column.handed_over_count",
       {"Consegnati (pezzi)", "Handed over (pieces)", "Remis (pièces)", "المُسلَّم (قطع)",
        "Видано (шт.)", "হস্তান্তরিত (টি)"}},
      {"column.due",
       {"Dovuto (EUR)", "Due (EUR)", "Dû (EUR)", "المستحق (يورو)", "Належить (EUR)",
        "প্রাপ্য (ইউরো)"}},
      {"column.handed_over",
       {"Consegnato (EUR)", "Handed over (EUR)", "Remis (EUR)", "المُسلَّم (يورو)", "Видано (EUR)",
        "হস্তান্তরিত (ইউরো)"}},
      {"column.money_difference",
       {"Differenza (EUR)", "Difference (EUR)", "Écart (EUR)", "الفرق (يورو)", "Різниця (EUR)",
        "পার্থক্য (ইউরো)"}},

      {"item.centre", {"Centro", "Centre", "Centre", "المركز", "Центр", "কেন্দ্র"}},
      {"item.centre_id",
       {"ID centro", "Centre ID", "ID du centre", "رقم المركز", "ID центру", "কেন্দ্র আইডি"}},
      {"item.month", {"Mese", "Month", "Mois", "الشهر", "Місяць", "মাস"}},
      {"item.from", {"Dal", "From", "Du", "من", "З", "থেকে"}},
      {"item.to", {"Al", "To", "Au", "إلى", "По", "পর্যন্ত"}},
      {"item.complete_month",
       {"Mese completo", "Complete month", "Mois complet", "شهر كامل", "Повний місяць", "পূর্ণ মাস"}},
      {"item.presence_days",
       {"Giornate di presenza", "Presence-days", "Journées de présence", "أيام الحضور",
        "Дні присутності", "উপস্থিতির দিন"}},
      {"item.amount_due",
       {"Imponibile dovuto (EUR)", "Amount due, net of VAT (EUR)", "Montant dû hors TVA (EUR)",
        "المبلغ المستحق دون ضريبة القيمة المضافة (يورو)", "Сума до сплати без ПДВ (EUR)",
        "ভ্যাট ছাড়া প্রাপ্য অর্থ (ইউরো)"}},
      {"item.vat",
       {"IVA (EUR)", "VAT (EUR)", "TVA (EUR)", "ضريبة القيمة المضافة (يورو)", "ПДВ (EUR)",
        "ভ্যাট (ইউরো)"}},
      {"item.total_with_vat",
       {"Totale IVA inclusa (EUR)", "Total including VAT (EUR)", "Total TVA comprise (EUR)",
        "الإجمالي شاملًا ضريبة القيمة المضافة (يورو)", "Разом з ПДВ (EUR)", "ভ্যাটসহ মোট (ইউরো)"}},
      {"item.pocket_money_due",
       {"Pocket money dovuto (EUR)", "Pocket money due (EUR)", "Argent de poche dû (EUR)",
        "مصروف الجيب المستحق (يورو)", "Кишенькові гроші до сплати (EUR)", "প্রাপ্য হাতখরচ (ইউরো)"}},
      {"item.days_without_contract",
       {"Giorni senza convenzione", "Days without a contract", "Jours sans convention",
        "أيام بلا عقد", "Дні без договору", "চুক্তি ছাড়া দিন"}},
      {"item.presence_days_without_contract",
       {"Giornate di presenza senza convenzione", "Presence-days without a contract",
        "Journées de présence sans convention", "أيام الحضور بلا عقد",
        "Дні присутності без договору", "চুক্তি ছাড়া উপস্থিতির দিন"}},
      {"item.invoice_id",
       {"ID fattura", "Invoice ID", "ID de la facture", "رقم الفاتورة", "ID рахунку-фактури",
        "চালানপত্র আইডি"}},
      {"item.invoice_number",
       {"Numero fattura", "Invoice number (fattura)", "Numéro de facture",
        "رقم الفاتورة لدى المشغّل", "Номер рахунку-фактури (fattura)", "চালানপত্র নম্বর (fattura)"}},
      {"item.cig", {"CIG", "CIG", "CIG", "CIG", "CIG", "CIG"}},
      {"item.contract_id",
       {"ID convenzione", "Contract ID (convenzione)", "ID de la convention", "رقم العقد",
        "ID договору", "চুক্তি আইডি"}},
      {"item.declared_amount",
       {"Imponibile dichiarato (EUR)", "Amount declared, net of VAT (EUR)",
        "Montant déclaré hors TVA (EUR)", "المبلغ المصرّح به دون ضريبة القيمة المضافة (يورو)",
        "Заявлена сума без ПДВ (EUR)", "ঘোষিত অর্থ, ভ্যাট ছাড়া (ইউরো)"}},
      {"item.declared_vat",
       {"IVA dichiarata (EUR)", "VAT declared (EUR)", "TVA déclarée (EUR)",
        "ضريبة القيمة المضافة المصرّح بها (يورو)", "Заявлений ПДВ (EUR)", "ঘোষিত ভ্যাট (ইউরো)"}},
      {"item.declared_total",
       {"Totale dichiarato IVA inclusa (EUR)", "Total declared including VAT (EUR)",
        "Total déclaré TVA comprise (EUR)", "الإجمالي المصرّح به شاملًا الضريبة (يورو)",
        "Заявлено разом з ПДВ (EUR)", "ভ্যাটসহ ঘোষিত মোট (ইউরো)"}},
      {"item.computed_vat",
       {"IVA calcolata (EUR)", "VAT computed (EUR)", "TVA calculée (EUR)",
        "ضريبة القيمة المضافة المحسوبة (يورو)", "Обчислений ПДВ (EUR)", "হিসাবকৃত ভ্যাট (ইউরো)"}},
      {"item.amount_not_matching_days",
       {"Importo non coerente con le giornate dichiarate", "Amount not matching the days declared",
        "Montant incohérent avec les journées déclarées", "المبلغ لا يطابق الأيام المصرّح بها",
        "Сума не відповідає заявленим дням", "ঘোষিত দিনের সঙ্গে অর্থ মেলে না"}},
      {"item.declared_presence_days",
       {"Giornate di presenza dichiarate", "Presence-days declared",
        "Journées de présence déclarées", "أيام الحضور المصرّح بها", "Заявлені дні присутності",
        "ঘোষিত উপস্থিতির দিন"}},
      {"item.computed_presence_days",
       {"Giornate di presenza dal registro", "Presence-days in the register",
        "Journées de présence selon le registre", "أيام الحضور حسب السجل",
        "Дні присутності за журналом", "রেজিস্টার অনুযায়ী উপস্থিতির দিন"}},
      {"item.presence_days_difference",
       {"Differenza giornate", "Difference in presence-days", "Écart de journées",
        "الفرق في أيام الحضور", "Різниця днів присутності", "উপস্থিতির দিনের পার্থক্য"}},
      {"item.computed_amount",
       {"Importo dovuto dal registro (EUR)", "Amount due per the register (EUR)",
        "Montant dû selon le registre (EUR)", "المبلغ المستحق حسب السجل (يورو)",
        "Сума до сплати за журналом (EUR)", "রেজিস্টার অনুযায়ী প্রাপ্য অর্থ (ইউরো)"}},
      {"item.amount_difference",
       {"Differenza importo (EUR)", "Difference in amount (EUR)", "Écart de montant (EUR)",
        "الفرق في المبلغ (يورو)", "Різниця суми (EUR)", "অর্থের পার্থক্য (ইউরো)"}},
      {"item.declared_days_value",
       {"Giornate dichiarate al prezzo di convenzione (EUR)",
        "Days declared at the contract's price (EUR)",
        "Journées déclarées au prix de la convention (EUR)", "الأيام المصرّح بها بسعر العقد (يورو)",
        "Заявлені дні за ціною договору (EUR)", "চুক্তির মূল্যে ঘোষিত দিন (ইউরো)"}},
      {"item.declared_not_present",
       {"Dichiarate ma non presenti", "Declared but not present", "Déclarées mais absentes",
        "مُصرَّح بها لكن غير حاضر", "Заявлено, але відсутні", "ঘোষিত কিন্তু অনুপস্থিত"}},
      {"item.present_not_declared",
       {"Presenti ma non dichiarate", "Present but not declared", "Présentes mais non déclarées",
        "حاضر لكن غير مُصرَّح به", "Присутні, але не заявлено", "উপস্থিত কিন্তু অঘোষিত"}},
      {"item.unconfirmed_days",
       {"Giorni non confermati nel registro", "Days not confirmed in the register",
        "Jours non confirmés dans le registre", "أيام غير مؤكدة في السجل",
        "Дні, не підтверджені в журналі присутності", "রেজিস্টারে অনিশ্চিত দিন"}},

      {"value.yes", {"Sì", "Yes", "Oui", "نعم", "Так", "হ্যাঁ"}},
      {"value.no", {"No", "No", "Non", "لا", "Ні", "না"}},
      {"value.up_to_today",
       {"No (fino a oggi)", "No (up to today)", "Non (jusqu'à aujourd'hui)", "لا (حتى اليوم)",
        "Ні (до сьогодні)", "না (আজ পর্যন্ত)"}},

      {"money.pocket_money",
       {"Pocket money", "Pocket money", "Argent de poche", "مصروف الجيب", "Кишенькові гроші",
        "হাতখরচ"}},
      {"money.phone_card",
       {"Scheda telefonica", "Phone card", "Carte téléphonique", "بطاقة الهاتف", "Телефонна картка",
        "ফোন কার্ড"}},
      {"money.first_entry_kit",
       {"Kit di primo ingresso", "First-entry kit", "Kit de premier accueil", "حقيبة الدخول الأول",
        "Набір першого поселення", "প্রথম প্রবেশের কিট"}},

      {"kind.declared_not_present",
       {"Dichiarata ma non presente", "Declared but not present", "Déclarée mais absente",
        "مُصرَّح به لكن غير حاضر", "Заявлено, але відсутній", "ঘোষিত কিন্তু অনুপস্থিত"}},
      {"kind.present_not_declared",
       {"Presente ma non dichiarata", "Present but not declared", "Présente mais non déclarée",
        "حاضر لكن غير مُصرَّح به", "Присутній, але не заявлено", "উপস্থিত কিন্তু অঘোষিত"}},
      {"reason.not_placed",
       {"Non ospite del centro quel giorno", "Not a guest of the centre that day",
        "Pas hébergée au centre ce jour-là", "لم يكن نزيلًا في المركز في ذلك اليوم",
        "Не був мешканцем центру того дня", "সেদিন কেন্দ্রের আবাসিক ছিলেন না"}},
      {"reason.absent",
       {"Assente secondo il registro", "Absent per the register", "Absente selon le registre",
        "غائب وفق السجل", "Відсутній за журналом присутності", "রেজিস্টার অনুযায়ী অনুপস্থিত"}},
      {"reason.not_declared",
       {"Presente nel registro, non dichiarata in fattura",
        "Present in the register, not declared in the invoice",
        "Présente dans le registre, non déclarée sur la facture",
        "حاضر في السجل وغير مُصرَّح به في الفاتورة",
        "Присутній у журналі присутності, не заявлений у рахунку-фактурі",
        "রেজিস্টারে উপস্থিত, চালানপত্রে অঘোষিত"}},
      {"absence.authorised_leave",
       {"Permesso autorizzato", "Authorised leave", "Sortie autorisée", "إذن غياب مصرّح به",
        "Дозволена відсутність", "অনুমোদিত ছুটি"}},
      {"absence.hospitalised",
       {"Ricovero", "In hospital", "Hospitalisation", "في المستشفى", "Госпіталізація",
        "হাসপাতালে ভর্তি"}},
      {"absence.unauthorised",
       {"Assenza non autorizzata", "Unauthorised absence", "Absence non autorisée",
        "غياب غير مصرّح به", "Самовільна відсутність", "অননুমোদিত অনুপস্থিতি"}},
      {"absence.other", {"Altro", "Other", "Autre", "آخر", "Інше", "অন্যান্য"}},
      {"status.unconfirmed",
       {"Da confermare", "To confirm", "À confirmer", "بانتظار التأكيد", "Не підтверджено",
        "নিশ্চিত করা বাকি"}},
      {"status.confirmed",
       {"Confermato", "Confirmed", "Confirmé", "مؤكَّد", "Підтверджено", "নিশ্চিত"}},
      {"status.changed_since_confirmation",
       {"Modificato dopo la conferma", "Changed since confirmation",
        "Modifié après la confirmation", "معدَّل بعد التأكيد", "Змінено після підтвердження",
        "নিশ্চিতকরণের পরে পরিবর্তিত"}},
  };
  return words;
}

std::vector<Table> cost_tables(const MonthlyCosts& c, const std::string& centre_name,
                               const Labels& l) {
  Table summary = table("summary", {"item", "value"}, l);
  summary.rows = {
      item("centre", Cell::of(centre_name), l),
      item("centre_id", Cell::of(c.centre_id), l),
      item("month", month_cell(c.range.month), l),
      item("from", Cell::date(c.range.from.to_string()), l),
      item("to", Cell::date(c.range.to.plus_days(-1).to_string()), l),
      item("complete_month", Cell::of(l(c.range.complete ? "value.yes" : "value.up_to_today")), l),
      item("presence_days", Cell::of(c.totals.presence_days), l),
      item("amount_due", Cell::cents(c.totals.amount_due_cents), l),
      item("vat", Cell::cents(c.totals.vat_cents), l),
      item("total_with_vat", Cell::cents(c.totals.amount_due_cents + c.totals.vat_cents), l),
      item("pocket_money_due", Cell::cents(c.totals.pocket_money_due_cents), l),
      item("days_without_contract", Cell::of(c.totals.days_without_contract), l),
      item("presence_days_without_contract", Cell::of(c.totals.presence_days_without_contract), l),
  };

  Table days = table("days",
                     {"day", "present", "absent", "contract_id", "no_contract", "price", "amount",
                      "pocket_money", "cig", "vat_rate"},
                     l);
  for (const auto& d : c.days)
    days.rows.push_back({Cell::date(d.day), Cell::of(d.present), Cell::of(d.absent),
                         opt_id(d.contract_id), yes_no(!d.contract_id, l),
                         Cell::cents(d.price_cents), Cell::cents(d.amount_cents),
                         Cell::cents(d.pocket_money_cents), d.cig ? Cell::of(*d.cig) : Cell{},
                         Cell::of(d.vat_rate_percent)});

  Table persons = table("persons",
                        {"person_id", "family_name", "given_names", "family_group_id",
                         "presence_days", "absent_days", "amount", "pocket_money"},
                        l);
  for (const auto& p : c.persons)
    persons.rows.push_back({Cell::of(p.person_id), Cell::of(p.family_name), Cell::of(p.given_names),
                            opt_id(p.family_group_id), Cell::of(p.presence_days),
                            Cell::of(p.absent_days), Cell::cents(p.amount_cents),
                            Cell::cents(p.pocket_money_cents)});
  return {std::move(summary), std::move(days), std::move(persons), money_table(c.money, l)};
}

std::vector<Table> reconciliation_tables(const Reconciliation& r, const std::string& centre_name,
                                         const Labels& l) {
  const auto& inv = r.invoice;
  Table summary = table("summary", {"item", "value"}, l);
  summary.rows = {
      item("invoice_id", Cell::of(inv.id), l),
      item("invoice_number", Cell::of(inv.number), l),
      item("centre", Cell::of(centre_name), l),
      item("centre_id", Cell::of(inv.centre_id), l),
      item("month", month_cell(r.range.month), l),
      item("cig", inv.cig ? Cell::of(*inv.cig) : Cell{}, l),
      item("contract_id", opt_id(inv.contract_id), l),
      item("declared_amount", Cell::cents(inv.amount_cents), l),
      item("declared_vat", Cell::cents(inv.vat_cents), l),
      item("declared_total", Cell::cents(inv.amount_cents + inv.vat_cents), l),
      item("computed_vat", Cell::cents(r.computed_vat_cents), l),
      item("amount_not_matching_days", yes_no(r.amount_not_matching_days, l), l),
      item("declared_presence_days", Cell::of(inv.presence_days), l),
      item("computed_presence_days", Cell::of(r.computed_presence_days), l),
      item("presence_days_difference", Cell::of(r.presence_days_difference), l),
      item("computed_amount", Cell::cents(r.computed_amount_cents), l),
      item("amount_difference", Cell::cents(r.amount_difference_cents), l),
      item("declared_days_value", Cell::cents(r.declared_days_value_cents), l),
      item("pocket_money_due", Cell::cents(r.pocket_money_due_cents), l),
      item("declared_not_present", Cell::of(r.declared_not_present), l),
      item("present_not_declared", Cell::of(r.present_not_declared), l),
      item("unconfirmed_days", Cell::of(static_cast<std::int64_t>(r.unconfirmed_days.size())), l),
  };

  Table differences = table("differences",
                            {"day", "person_id", "family_name", "given_names", "kind", "reason",
                             "absence_reason", "price"},
                            l);
  for (const auto& d : r.differences)
    differences.rows.push_back(
        {Cell::date(d.day), Cell::of(d.person_id), Cell::of(d.family_name), Cell::of(d.given_names),
         Cell::of(l("kind." + d.kind)), Cell::of(l("reason." + d.reason)),
         d.absence_reason ? Cell::of(l("absence." + *d.absence_reason)) : Cell{},
         Cell::cents(d.price_cents)});

  Table unconfirmed = table("unconfirmed", {"day", "status", "present", "absent"}, l);
  for (const auto& d : r.unconfirmed_days)
    unconfirmed.rows.push_back({Cell::date(d.day), Cell::of(l("status." + to_string(d.status))),
                                Cell::of(d.present), Cell::of(d.absent)});
  return {std::move(summary), std::move(differences), std::move(unconfirmed),
          money_table(r.money, l)};
}

}  // namespace innet::reception

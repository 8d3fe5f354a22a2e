#include "cases/labels.h"

namespace innet::cases {

const reporting::Catalogue& catalogue() {
  // In the order it, en, fr, ar, uk, bn.
  static const reporting::Catalogue words = {
      {"sheet.cases", {"Fascicoli", "Cases", "Dossiers", "الملفات", "Справи", "কেস"}},
      {"column.case", {"Fascicolo", "Case", "Dossier", "الملف", "Справа", "কেস"}},
      {"column.family_name",
       {"Cognome", "Family name", "Nom", "اسم العائلة", "Прізвище", "পারিবারিক নাম"}},
      {"column.given_names", {"Nome", "Given names", "Prénoms", "الاسم", "Ім’я", "প্রদত্ত নাম"}},
      {"column.nationality",
       {"Cittadinanza", "Nationality", "Nationalité", "الجنسية", "Громадянство", "জাতীয়তা"}},
      {"column.centre", {"Centro", "Centre", "Centre", "المركز", "Центр", "কেন্দ্র"}},
      {"column.status", {"Stato", "Status", "État", "الحالة", "Стан", "অবস্থা"}},
      {"column.legal_status",
       {"Condizione giuridica", "Legal status", "Statut juridique", "الوضع القانوني",
        "Правовий статус", "আইনি অবস্থা"}},
      {"column.next_expiry",
       {"Prima scadenza documento", "First document expiry", "Première expiration de document",
        "أقرب تاريخ انتهاء وثيقة", "Найближчий термін дії документа", "প্রথম নথির মেয়াদ শেষ"}},
      {"column.opened_on",
       {"Aperto il", "Opened on", "Ouvert le", "تاريخ الفتح", "Відкрито", "খোলার তারিখ"}},
      {"status.open", {"Aperto", "Open", "Ouvert", "مفتوح", "Відкрита", "খোলা"}},
      {"status.active", {"In carico", "Active", "En cours", "قيد المتابعة", "Активна", "সক্রিয়"}},
      {"status.closed", {"Chiuso", "Closed", "Clos", "مغلق", "Закрита", "বন্ধ"}},
      {"status.reopened",
       {"Riaperto", "Reopened", "Rouvert", "أعيد فتحه", "Відкрита повторно", "পুনরায় খোলা"}},
      {"legal_status.asylum_applicant",
       {"Richiedente asilo", "Asylum seeker", "Demandeur d’asile", "طالب لجوء", "Шукач притулку",
        "আশ্রয়প্রার্থী"}},
      {"legal_status.international_protection",
       {"Protezione internazionale", "International protection", "Protection internationale",
        "الحماية الدولية", "Міжнародний захист", "আন্তর্জাতিক সুরক্ষা"}},
      {"legal_status.special_protection",
       {"Protezione speciale", "Special protection", "Protection spéciale", "الحماية الخاصة",
        "Спеціальний захист", "বিশেষ সুরক্ষা"}},
      {"legal_status.temporary_protection",
       {"Protezione temporanea", "Temporary protection", "Protection temporaire", "الحماية المؤقتة",
        "Тимчасовий захист", "অস্থায়ী সুরক্ষা"}},
      {"legal_status.other", {"Altro", "Other", "Autre", "أخرى", "Інше", "অন্যান্য"}},
  };
  return words;
}

}  // namespace innet::cases

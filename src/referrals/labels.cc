#include "referrals/labels.h"

namespace innet::referrals {

const reporting::Catalogue& catalogue() {
  // In the order it, en, fr, ar, uk, bn.
  static const reporting::Catalogue words = {
      {"sheet.referrals",
       {"Invii ai servizi", "Referrals", "Orientations", "الإحالات", "Направлення", "রেফারেল"}},
      {"column.reference",
       {"Numero", "Reference", "Référence", "الرقم المرجعي", "Номер", "রেফারেন্স নম্বর"}},
      {"column.person", {"Persona", "Person", "Personne", "الشخص", "Особа", "ব্যক্তি"}},
      {"column.from", {"Da", "From", "De", "من", "Від", "প্রেরক"}},
      {"column.to", {"A", "To", "À", "إلى", "Кому", "প্রাপক"}},
      {"column.state", {"Stato", "State", "État", "الحالة", "Стан", "অবস্থা"}},
      {"column.urgency",
       {"Urgenza", "Urgency", "Urgence", "درجة الاستعجال", "Терміновість", "জরুরিতা"}},
      {"column.sent_on",
       {"Inviato il", "Sent on", "Envoyée le", "تاريخ الإرسال", "Надіслано", "পাঠানোর তারিখ"}},
      {"column.answer_due",
       {"Risposta entro", "Answer due", "Réponse attendue le", "الرد مطلوب قبل", "Відповідь до",
        "উত্তরের শেষ তারিখ"}},
      {"column.escalated",
       {"Sollecitato", "Escalated", "Relancée", "مُصعَّدة", "Ескальовано", "এসকেলেটেড"}},
      {"yes", {"Sì", "Yes", "Oui", "نعم", "Так", "হ্যাঁ"}},
      {"no", {"No", "No", "Non", "لا", "Ні", "না"}},
      {"state.draft", {"Bozza", "Draft", "Brouillon", "مسودة", "Чернетка", "খসড়া"}},
      {"state.sent", {"Inviato", "Sent", "Envoyée", "مُرسلة", "Надіслано", "পাঠানো হয়েছে"}},
      {"state.accepted", {"Accettato", "Accepted", "Acceptée", "مقبولة", "Прийнято", "গৃহীত"}},
      {"state.declined", {"Rifiutato", "Declined", "Refusée", "مرفوضة", "Відхилено", "প্রত্যাখ্যাত"}},
      {"state.in_progress",
       {"In carico", "In progress", "Prise en charge", "قيد المتابعة", "У роботі", "চলমান"}},
      {"state.completed", {"Concluso", "Completed", "Terminée", "مكتملة", "Завершено", "সম্পন্ন"}},
      {"state.cancelled", {"Annullato", "Cancelled", "Annulée", "ملغاة", "Скасовано", "বাতিল"}},
      {"urgency.emergency",
       {"Emergenza", "Emergency", "Urgence vitale", "طارئة", "Екстрена", "জরুরি অবস্থা"}},
      {"urgency.urgent", {"Urgente", "Urgent", "Urgente", "عاجلة", "Термінова", "জরুরি"}},
      {"urgency.normal", {"Ordinaria", "Normal", "Normale", "عادية", "Звичайна", "সাধারণ"}},
  };
  return words;
}

}  // namespace innet::referrals

#include "procedures/file_export.h"

namespace innet::procedures {

// In the order it, en, fr, ar, uk, bn (reporting::Language).
const reporting::Catalogue& file_export_words() {
  static const reporting::Catalogue words = {
      {"sheet.files", {"Pratiche", "Files", "Dossiers", "الملفات", "Справи", "ফাইলসমূহ"}},
      {"column.protocol_number",
       {"Numero di protocollo", "Protocol number", "Numéro de protocole", "رقم البروتوكول",
        "Номер протоколу", "প্রোটোকল নম্বর"}},
      {"column.procedure",
       {"Procedimento", "Procedure", "Procédure", "الإجراء", "Процедура", "প্রক্রিয়া"}},
      {"column.person", {"Persona", "Person", "Personne", "الشخص", "Особа", "ব্যক্তি"}},
      {"column.current_step",
       {"Fase attuale", "Current step", "Étape actuelle", "المرحلة الحالية", "Поточний етап",
        "বর্তমান ধাপ"}},
      {"column.filed_on",
       {"Presentata il", "Filed on", "Déposé le", "تاريخ التقديم", "Дата подання", "জমার তারিখ"}},
      {"column.due_on",
       {"Scadenza", "Due date", "Échéance", "تاريخ انتهاء المهلة", "Кінцевий строк",
        "নির্ধারিত শেষ তারিখ"}},
      {"column.clock_state",
       {"Stato del termine", "Term status", "État du délai", "حالة المهلة", "Стан строку",
        "সময়সীমার অবস্থা"}},
      {"column.days_left",
       {"Giorni alla scadenza", "Days to the due date", "Jours jusqu'à l'échéance",
        "الأيام المتبقية", "Днів до строку", "শেষ তারিখ পর্যন্ত দিন"}},
      {"column.suspended_days",
       {"Giorni di sospensione", "Days suspended", "Jours de suspension", "أيام التعليق",
        "Днів зупинення", "স্থগিত থাকার দিন"}},
      {"state.not_started",
       {"Termine non iniziato", "Term not started", "Délai non commencé", "لم تبدأ المهلة",
        "Строк не почався", "সময়সীমা শুরু হয়নি"}},
      {"state.running", {"In corso", "Running", "En cours", "جارية", "Триває", "চলমান"}},
      {"state.due_soon",
       {"In scadenza", "Due soon", "Échéance proche", "قريبة من الانتهاء", "Строк спливає",
        "শীঘ্রই শেষ"}},
      {"state.suspended", {"Sospesa", "Suspended", "Suspendu", "معلّقة", "Зупинено", "স্থগিত"}},
      {"state.overdue",
       {"Scaduta", "Overdue", "Délai dépassé", "متأخرة", "Прострочено", "সময় পেরিয়ে গেছে"}},
      {"state.closed", {"Chiusa", "Closed", "Clos", "مغلقة", "Закрито", "বন্ধ"}},
  };
  return words;
}

}  // namespace innet::procedures

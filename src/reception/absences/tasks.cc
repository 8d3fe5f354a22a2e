// Reception's source of the tasks inbox (tasks/tasks.h, decision 0028): the absence notices the
// operators sent, awaiting the Prefettura's decision on the measure (art. 23 d.lgs. 142/2015).
// The task names the centre and the days, never the guest: the inbox reads no personal data;
// the notices page, where the officer decides, does.
#include <algorithm>
#include <map>

#include "centres/centres.h"
#include "reception/absences/absences.h"
#include "tasks/tasks.h"

namespace innet::reception {

void add_notice_task_source() {
  tasks::add_source(
      {.kind = "notice_to_decide",
       .action = "measures.decide",
       .count = [](api::Context&, db::Connection& conn, CivilDay) -> Result<tasks::Count> {
         INNET_ASSIGN_OR_RETURN(auto sent, list_notices(conn, "sent", std::nullopt));
         return tasks::Count{static_cast<std::int64_t>(sent.size()), 0};
       },
       .list = [](api::Context&, db::Connection& conn, CivilDay,
                  std::int64_t limit) -> Result<std::vector<tasks::Task>> {
         INNET_ASSIGN_OR_RETURN(auto sent, list_notices(conn, "sent", std::nullopt));
         // The longest waiting first.
         std::stable_sort(sent.begin(), sent.end(),
                          [](const Notice& a, const Notice& b) { return *a.sent_at < *b.sent_at; });
         if (static_cast<std::int64_t>(sent.size()) > limit) sent.resize(limit);
         std::map<std::int64_t, std::string> names;
         std::vector<tasks::Task> out;
         for (const auto& n : sent) {
           auto name = names.find(n.centre_id);
           if (name == names.end()) {
             INNET_ASSIGN_OR_RETURN(auto centre, centres::find_centre(conn, n.centre_id));
             name = names.emplace(n.centre_id, centre.name).first;
           }
           out.push_back({.kind = "notice_to_decide",
                          .params = {{"centre", name->second},
                                     {"first_day", n.first_day},
                                     {"hours", std::to_string(n.hours)},
                                     {"sent_on", n.sent_at->substr(0, 10)}},
                          .link = "/absence-notices"});
         }
         return out;
       }});
}

}  // namespace innet::reception

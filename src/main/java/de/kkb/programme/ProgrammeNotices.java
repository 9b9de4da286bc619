package de.kkb.programme;

import java.util.Map;

import de.kkb.identity.KkbGroups;
import de.kkb.notification.Notices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The round's own notices: the programme end approaching (everyone) and reached (management). */
@Component
public class ProgrammeNotices {

  private final Notices notices;
  private final ProgrammeCalendar programme;

  public ProgrammeNotices(@Qualifier("notices") Notices notices, ProgrammeCalendar programme) {
    this.notices = notices;
    this.programme = programme;
  }

  public void endApproaching(DelegateExecution execution) {
    for (String group : new String[] {KkbGroups.CONSULTANTS_K3B, KkbGroups.CONSULTANTS_FORUMZFD,
        KkbGroups.PROGRAMME_MANAGEMENT}) {
      send(execution, "programme-end-approaching", group);
    }
  }

  public void endReached(DelegateExecution execution) {
    send(execution, "programme-end-reached", KkbGroups.PROGRAMME_MANAGEMENT);
  }

  private void send(DelegateExecution execution, String template, String group) {
    Map<String, Object> model = Map.of("roundLastDay",
        programme.lastDay().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    for (User user : notices.members(group)) {
      notices.toUser(user, template, execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
          programme.roundKey() + "|" + template, model);
    }
  }
}

package de.kkb.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.kkb.identity.KkbGroups;
import de.kkb.notification.Notices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The round's own notices: the programme end approaching (every carrier's consultants and
 * management) and reached (management).
 */
@Component
public class ProgrammeNotices {

  private final Notices notices;
  private final ProgrammeCalendar programme;

  public ProgrammeNotices(@Qualifier("notices") Notices notices, ProgrammeCalendar programme) {
    this.notices = notices;
    this.programme = programme;
  }

  public void endApproaching(DelegateExecution execution) {
    List<String> groups = new ArrayList<>(programme.consultantGroups());
    groups.add(KkbGroups.PROGRAMME_MANAGEMENT);
    for (String group : groups) {
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

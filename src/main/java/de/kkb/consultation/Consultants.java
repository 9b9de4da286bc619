package de.kkb.consultation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kkb.platform.EngineAsPlatform;
import de.kkb.platform.FormInputRefused;
import de.kkb.programme.Carrier;
import de.kkb.programme.ProgrammeCalendar;
import de.kkb.vocabulary.CommonVariables;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who advises a municipality: the team, chosen from the carrier's consultants, and its lead, to
 * whom every task of the consultation, its measures and interim reports is assigned (the carrier's
 * group stays candidate, so a colleague can take a task over). Whoever of the carrier takes a task
 * over, or is given it by programme management, becomes the lead of all later tasks.
 *
 * <p>Called from the models: the selection form's options
 * ({@code ${consultants.options()}}), the assignee of every consultant task
 * ({@code ${consultants.lead(execution)}}); from {@code Places} when a selection is decided, from
 * {@code ConsultationStart}, and as the assignment listener every user task gets.
 */
@Component
public class Consultants {

  private static final String LEAD = CommonVariables.CONSULTANT_LEAD;
  private static final String TEAM = CommonVariables.CONSULTANT_TEAM;

  private final ProgrammeCalendar programme;
  private final ProcessEngine engine;

  public Consultants(ProgrammeCalendar programme, @Lazy ProcessEngine engine) {
    this.programme = programme;
    this.engine = engine;
  }

  /** Every carrier's consultants as form options, "Name (Träger)", by carrier and name. */
  public SpinJsonNode options() {
    List<Map<String, String>> options = new ArrayList<>();
    for (Carrier carrier : programme.carrierList()) {
      for (User user : members(carrier.group())) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", name(user) + " (" + carrier.name() + ")");
        option.put("value", user.getId());
        options.add(option);
      }
    }
    return Spin.JSON(options);
  }

  /** The lead, or none (the task then waits in the carrier's group queue). */
  public String lead(VariableScope scope) {
    Object lead = scope.getVariable(LEAD);
    return lead == null || lead.toString().isBlank() ? null : lead.toString();
  }

  /**
   * Checks team and lead against the carrier's consultants and stores the team as a list of user
   * ids with the lead in it.
   *
   * @return why the choice cannot stand, in German, or null when it can
   */
  public String refusal(VariableScope scope, String carrierGroup) {
    Set<String> team = new LinkedHashSet<>(ids(scope.getVariable(TEAM)));
    String lead = lead(scope);
    if (lead == null) {
      return "Bitte die Federführung aus dem Berater:innen-Team wählen.";
    }
    team.add(lead);
    Set<String> carrierMembers = new LinkedHashSet<>();
    members(carrierGroup).forEach(user -> carrierMembers.add(user.getId()));
    List<String> strangers = team.stream().filter(id -> !carrierMembers.contains(id)).toList();
    if (!strangers.isEmpty()) {
      return String.join(", ", names(strangers)) + (strangers.size() == 1 ? " gehört" : " gehören")
          + " nicht zu den Berater:innen von " + carrierName(carrierGroup)
          + ". Bitte Team und Federführung aus diesem Träger wählen.";
    }
    scope.setVariable(TEAM, Spin.JSON(new ArrayList<>(team)));
    return null;
  }

  /** As {@link #refusal}, for a start form: refuses the start with the German reason. */
  public void require(VariableScope scope, String carrierGroup) {
    String refusal = refusal(scope, carrierGroup);
    if (refusal != null) {
      throw new FormInputRefused(LEAD, refusal);
    }
  }

  /**
   * Assignment listener of every user task: a consultant task taken over by another consultant of
   * the carrier makes them the lead of the consultation and everything that belongs to it.
   */
  public void takeOver(DelegateTask task) {
    String assignee = task.getAssignee();
    Object carrierGroup = task.getVariable(CommonVariables.CARRIER_GROUP);
    if (assignee == null || carrierGroup == null || assignee.equals(lead(task))
        || task.getCandidates().stream().noneMatch(link -> carrierGroup.equals(link.getGroupId()))) {
      return;
    }
    String businessKey = task.getExecution().getProcessBusinessKey();
    EngineAsPlatform.call(() -> {
      if (engine.getIdentityService().createUserQuery().userId(assignee)
          .memberOfGroup(carrierGroup.toString()).count() == 0) {
        return null;
      }
      RuntimeService runtime = engine.getRuntimeService();
      for (ProcessInstance instance : runtime.createProcessInstanceQuery()
          .processInstanceBusinessKey(businessKey).active().list()) {
        if (runtime.getVariable(instance.getId(), LEAD) != null
            || instance.getId().equals(task.getProcessInstanceId())) {
          runtime.setVariable(instance.getId(), LEAD, assignee);
        }
      }
      return null;
    });
  }

  /** User ids from the form's list, a JSON list, or a comma-separated text. */
  static List<String> ids(Object value) {
    List<String> ids = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> ids.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (value instanceof Collection<?> list) {
      list.forEach(element -> ids.add(String.valueOf(element)));
    } else if (value != null) {
      for (String part : value.toString().split("[,;\\s]+")) {
        ids.add(part);
      }
    }
    ids.removeIf(String::isBlank);
    return ids.stream().map(String::strip).toList();
  }

  private List<User> members(String group) {
    return EngineAsPlatform.call(() -> engine.getIdentityService().createUserQuery().memberOfGroup(group)
        .orderByUserLastName().asc().list());
  }

  /** The people's names, as the form offers them; an unknown id as it was entered. */
  private List<String> names(List<String> ids) {
    return ids.stream().map(id -> {
      User user = EngineAsPlatform.call(() -> engine.getIdentityService().createUserQuery().userId(id).singleResult());
      return user == null ? id : name(user);
    }).toList();
  }

  private String carrierName(String group) {
    Map<String, String> byGroup = new LinkedHashMap<>();
    programme.carriers().forEach((name, carrierGroup) -> byGroup.put(carrierGroup, name));
    return byGroup.getOrDefault(group, group);
  }

  private static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }
}

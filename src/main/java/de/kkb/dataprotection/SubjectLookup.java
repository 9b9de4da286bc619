package de.kkb.dataprotection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationRequestProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Finds what belongs to an e-mail address or a reference: the requests, their process instances
 * (running and ended: request, consultation, measures, interim reports, reports and withdrawals
 * naming the reference), the person's identifying strings as stored, and an engine account.
 * History is the source: it holds every instance, running or not (history level full).
 */
@Component
public class SubjectLookup {

  /** {@code KKB-2023-007}; the round's own key ({@code KKB-RUNDE-…}) is no request. */
  static final Pattern REFERENCE = Pattern.compile("KKB-\\d{4}-\\d{3,}");

  static final List<String> CONTACT_VARIABLES = List.of(ConsultationRequestProcess.Variables.CONTACT_NAME,
      ConsultationRequestProcess.Variables.CONTACT_EMAIL, ConsultationRequestProcess.Variables.CONTACT_PHONE,
      ConsultationRequestProcess.Variables.CONTACT_ROLE);

  /** The contact variables that identify the person; the function alone does not. */
  private static final Set<String> IDENTIFYING = Set.of(ConsultationRequestProcess.Variables.CONTACT_NAME,
      ConsultationRequestProcess.Variables.CONTACT_EMAIL, ConsultationRequestProcess.Variables.CONTACT_PHONE);

  private final HistoryService history;
  private final IdentityService identity;

  public SubjectLookup(HistoryService history, IdentityService identity) {
    this.history = history;
    this.identity = identity;
  }

  public DataSubject byEmail(String email) {
    String address = email.strip().toLowerCase(Locale.ROOT);
    Set<String> contactInstances = new LinkedHashSet<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .variableName(ConsultationRequestProcess.Variables.CONTACT_EMAIL).includeDeleted().list()) {
      if (variable.getValue() instanceof String value && value.strip().equalsIgnoreCase(address)) {
        contactInstances.add(variable.getProcessInstanceId());
      }
    }
    Set<String> references = new LinkedHashSet<>();
    for (String instance : contactInstances) {
      HistoricProcessInstance request = history.createHistoricProcessInstanceQuery()
          .processInstanceId(instance).singleResult();
      if (request != null && request.getBusinessKey() != null) {
        references.add(request.getBusinessKey());
      }
    }
    List<String> identifiers = new ArrayList<>(List.of(address));
    identifiers.addAll(contactValues(contactInstances));
    User account = account(address);
    return new DataSubject(address, null, references, contactInstances, related(references),
        PersonalText.of(identifiers), account);
  }

  public DataSubject byReference(String reference) {
    String ref = reference.strip().toUpperCase(Locale.ROOT);
    Set<String> contactInstances = new LinkedHashSet<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationRequestProcess.KEY)
        .processInstanceBusinessKey(ref).list().forEach(i -> contactInstances.add(i.getId()));
    Set<String> related = related(Set.of(ref));
    Set<String> references = related.isEmpty() ? Set.of() : Set.of(ref);
    return new DataSubject(null, ref, references, contactInstances, related,
        PersonalText.of(contactValues(contactInstances)), null);
  }

  /** The process instances of the references: by business key, or naming one in {@code reference}. */
  Set<String> related(Set<String> references) {
    Set<String> instances = new LinkedHashSet<>();
    for (String reference : references) {
      history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list()
          .forEach(i -> instances.add(i.getId()));
      history.createHistoricVariableInstanceQuery().variableValueEquals(CommonVariables.REFERENCE, reference)
          .includeDeleted().list().forEach(v -> instances.add(v.getProcessInstanceId()));
    }
    return instances;
  }

  /** Every value the contact variables had in these instances, earlier ones included. */
  private List<String> contactValues(Set<String> instances) {
    List<String> values = new ArrayList<>();
    for (String instance : instances) {
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceId(instance).includeDeleted().list()) {
        if (IDENTIFYING.contains(variable.getName()) && variable.getValue() instanceof String value) {
          values.add(value);
        }
      }
      for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(instance)
          .variableUpdates().list()) {
        if (detail instanceof HistoricVariableUpdate update && IDENTIFYING.contains(update.getVariableName())
            && update.getValue() instanceof String value) {
          values.add(value);
        }
      }
    }
    return values;
  }

  private User account(String address) {
    return identity.createUserQuery().list().stream()
        .filter(user -> user.getEmail() != null && user.getEmail().strip().equalsIgnoreCase(address))
        .findFirst().orElse(null);
  }
}

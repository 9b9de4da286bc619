package de.kkb.security;

import java.util.Optional;
import java.util.function.Supplier;

import de.kkb.intake.ApplicantDocuments;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may open a document an applicant handed in ({@code /api/documents/{id}}): programme
 * management and admins, and the consultants of the carrier that advises the municipality (the
 * {@code carrierGroup} of the consultation with the document's reference, once it was selected).
 * Nobody else: a consultant gets the same 403 for another carrier's document and for an unknown id.
 */
final class DocumentAccess implements AuthorizationManager<RequestAuthorizationContext> {

  private final PlatformRoles roles;
  private final ApplicantDocuments documents;
  private final HistoryService history;

  DocumentAccess(PlatformRoles roles, ApplicantDocuments documents, HistoryService history) {
    this.roles = roles;
    this.documents = documents;
    this.history = history;
  }

  @Override
  public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Authentication caller = authentication.get();
    if (caller == null || !caller.isAuthenticated() || caller.getAuthorities().isEmpty()) {
      return new AuthorizationDecision(false);
    }
    if (roles.seesTheWholeProgramme(caller)) {
      return new AuthorizationDecision(true);
    }
    if (!roles.isConsultantOnly(caller)) {
      return new AuthorizationDecision(false);
    }
    String id = context.getVariables().get("id");
    Optional<String> carrierGroup = Optional.ofNullable(id).flatMap(documents::referenceOf).flatMap(this::carrierGroup);
    return new AuthorizationDecision(carrierGroup.isPresent() && caller.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).anyMatch(carrierGroup.get()::equals));
  }

  /** The carrier group of the consultation with this reference, running or ended. */
  private Optional<String> carrierGroup(String reference) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ConsultationProcess.KEY)
        .processInstanceBusinessKey(reference).list().stream()
        .map(HistoricProcessInstance::getId)
        .map(id -> history.createHistoricVariableInstanceQuery().processInstanceId(id)
            .variableName(CommonVariables.CARRIER_GROUP).singleResult())
        .filter(variable -> variable != null && variable.getValue() != null)
        .map(HistoricVariableInstance::getValue).map(Object::toString)
        .findFirst();
  }
}

package de.kkb.audit;

import java.util.Map;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/** German words for the engine's user operations, as the audit page shows them. */
final class EngineOperationLabels {

  private static final Map<String, String> OPERATIONS = Map.ofEntries(
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_CREATE, "angelegt"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, "abgeschlossen"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_CLAIM, "übernommen"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_ASSIGN, "zugewiesen"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELEGATE, "delegiert"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_RESOLVE, "zurückgegeben"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_OWNER, "Eigentümer:in gesetzt"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_PRIORITY, "Priorität gesetzt"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_UPDATE, "geändert"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE, "gelöscht"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE_HISTORY, "Historie gelöscht"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE, "Variable gesetzt"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE, "Variablen geändert"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_REMOVE_VARIABLE, "Variable entfernt"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SUSPEND, "angehalten"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_ACTIVATE, "fortgesetzt"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES, "Wiederholungen gesetzt"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE, "Nachricht zugestellt"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE, "Prozessinstanz verschoben"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_RESTART_PROCESS_INSTANCE, "Prozessinstanz neu gestartet"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_MIGRATE, "migriert"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_CREATE_INCIDENT, "Vorfall angelegt"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_ANNOTATION, "Anmerkung gesetzt"));

  private static final Map<String, String> ENTITIES = Map.ofEntries(
      Map.entry(EntityTypes.TASK, "Aufgabe"),
      Map.entry(EntityTypes.PROCESS_INSTANCE, "Prozessinstanz"),
      Map.entry(EntityTypes.PROCESS_DEFINITION, "Prozessdefinition"),
      Map.entry(EntityTypes.VARIABLE, "Variable"),
      Map.entry(EntityTypes.JOB, "Job"),
      Map.entry(EntityTypes.JOB_DEFINITION, "Job-Definition"),
      Map.entry(EntityTypes.DEPLOYMENT, "Deployment"),
      Map.entry(EntityTypes.INCIDENT, "Vorfall"),
      Map.entry(EntityTypes.ATTACHMENT, "Anhang"),
      Map.entry(EntityTypes.IDENTITY_LINK, "Beteiligung"),
      Map.entry(EntityTypes.USER, "Benutzer:in"),
      Map.entry(EntityTypes.GROUP, "Gruppe"),
      Map.entry(EntityTypes.GROUP_MEMBERSHIP, "Gruppenmitgliedschaft"),
      Map.entry(EntityTypes.AUTHORIZATION, "Berechtigung"),
      Map.entry(EntityTypes.FILTER, "Filter"),
      Map.entry(EntityTypes.BATCH, "Batch"));

  private EngineOperationLabels() {
  }

  /** e.g. "Aufgabe abgeschlossen"; an operation without a word here keeps its engine name. */
  static String label(String entityType, String operationType) {
    String entity = entityType == null ? "" : entity(entityType) + " ";
    return entity + OPERATIONS.getOrDefault(operationType, operationType);
  }

  /** e.g. "Aufgabe" for the engine's {@code Task}; an entity without a word here keeps its name. */
  static String entity(String entityType) {
    return entityType == null ? null : ENTITIES.getOrDefault(entityType, entityType);
  }
}

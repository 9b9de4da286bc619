package de.kkb.audit;

import java.time.OffsetDateTime;

/**
 * One line of the audit as admins read it: the platform's own entries ({@code kkb_audit}) and the
 * engine's user operation log side by side. It names who, what and on which subject (a reference,
 * a document id, a process instance and task), never the personal data itself.
 *
 * @param source {@code PLATTFORM} or {@code ENGINE}
 * @param action an {@link AuditAction} name, or the engine's operation type (e.g. {@code Complete})
 * @param label what happened, in German
 * @param user the user id; {@code system} when no one was logged in
 * @param subject the platform's subject, or for the engine the kind of entity in German (e.g. Aufgabe)
 * @param processInstanceId the engine's process instance, if any
 * @param taskId the engine's task, if any
 * @param detail the platform's detail, or the engine's property that changed
 */
public record AuditEntry(OffsetDateTime time, String source, String action, String label, String user,
    String subject, String processInstanceId, String taskId, String detail) {

  public static final String PLATFORM = "PLATTFORM";
  public static final String ENGINE = "ENGINE";
  /** Who did it when no one was logged in (the platform itself, a timer, a job). */
  public static final String SYSTEM = "system";
}

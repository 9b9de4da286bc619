package de.kkb.dataprotection;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * What the platform stores about a person or a request (Art. 15 DSGVO), grouped by store, as the
 * JSON answer and the page show it.
 */
public record AccessReport(Map<String, String> query, String subject, List<String> references,
    List<Process> processes, List<HistoryEntry> history, List<Notification> notifications,
    List<Document> documents, List<RegisterEntry> register, Account account, Map<String, Integer> counts) {

  /** A process instance with the variables that concern the subject (runtime values while it runs). */
  public record Process(String id, String processKey, String processName, String businessKey, String state,
      Date started, Date ended, List<Variable> variables) {
  }

  public record Variable(String name, String value) {
  }

  /** One entry of the engine's history: a variable's value at a time, a form field, a comment, a job or incident message. */
  public record HistoryEntry(String processInstanceId, String kind, String name, Date time, String value) {
  }

  public record Notification(String id, String template, String recipient, String businessKey, String subject,
      String status, Date createdAt, Date sentAt, String text) {
  }

  /** A document's metadata; its content only through the download. */
  public record Document(String id, String reference, String fileName, String mediaType, long size, Date uploadedAt,
      String download) {
  }

  /** The access token is stored only as a hash and is never shown. */
  public record RegisterEntry(String reference, String municipalityName, String ags, Date createdAt, boolean open) {
  }

  public record Account(String id, String firstName, String lastName, String email, List<String> groups,
      Map<String, String> settings) {
  }

  /** Whether nothing at all is stored. */
  public boolean empty() {
    return counts.values().stream().allMatch(n -> n == 0);
  }
}

package de.kkb.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads the filter of the audit from request parameters, for the API and the page alike. */
final class AuditQueries {

  private AuditQueries() {
  }

  /** Blank parameters are no filter; anything malformed is refused with a German reason. */
  static AuditQuery of(String action, String from, String to, String offset, String limit) {
    LocalDate since = date(from, "Das Datum „von“");
    LocalDate until = date(to, "Das Datum „bis“");
    if (since != null && until != null && until.isBefore(since)) {
      throw new AuditQueryRefused("Das Datum „bis“ liegt vor dem Datum „von“.");
    }
    int skip = number(offset, 0, "Der Versatz (offset)");
    int size = number(limit, AuditQuery.DEFAULT_LIMIT, "Die Anzahl (limit)");
    if (skip < 0) {
      throw new AuditQueryRefused("Der Versatz (offset) ist mindestens 0.");
    }
    if (size < 1 || size > AuditQuery.MAX_LIMIT) {
      throw new AuditQueryRefused("Die Anzahl (limit) liegt zwischen 1 und " + AuditQuery.MAX_LIMIT + ".");
    }
    String what = action == null || action.isBlank() ? null : action.strip();
    if (what != null && !what.matches("[A-Za-z_]{1,64}")) {
      throw new AuditQueryRefused("Die Aktion besteht nur aus Buchstaben und Unterstrichen.");
    }
    return new AuditQuery(what, since, until, skip, size);
  }

  private static LocalDate date(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new AuditQueryRefused(name + " hat die Form JJJJ-MM-TT.");
    }
  }

  private static int number(String value, int otherwise, String name) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new AuditQueryRefused(name + " ist eine ganze Zahl.");
    }
  }
}

package de.kkb.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import de.kkb.audit.AuditAction;
import de.kkb.audit.AuditLog;
import de.kkb.platform.EngineClock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The programme report for programme management: JSON, or CSV for German Excel. A CSV export leaves
 * the platform as a file, so it is recorded in the audit trail.
 */
@RestController
public class ProgrammeReportController {

  private static final DateTimeFormatter GERMAN_DATE =
      DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(EngineClock.BERLIN);
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final ProgrammeReport report;
  private final AuditLog audit;

  public ProgrammeReportController(ProgrammeReport report, AuditLog audit) {
    this.report = report;
    this.audit = audit;
  }

  /** Programme management only: the security layer guards {@code /api/programme/**}. */
  @GetMapping("/api/programme/report")
  public ResponseEntity<?> report(@RequestParam(defaultValue = "json") String format) throws IOException {
    List<ProgrammeReport.Row> rows = report.rows();
    if (!"csv".equalsIgnoreCase(format)) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
    }
    byte[] csv = csv(rows);
    audit.record(AuditAction.CSV_EXPORT, "Programmbericht", rows.size() == 1 ? "1 Zeile" : rows.size() + " Zeilen");
    byte[] body = new byte[BOM.length + csv.length];
    System.arraycopy(BOM, 0, body, 0, BOM.length);
    System.arraycopy(csv, 0, body, BOM.length, csv.length);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"programmbericht.csv\"")
        .body(body);
  }

  static byte[] csv(List<ProgrammeReport.Row> rows) throws IOException {
    List<String> header = new ArrayList<>(List.of("Aktenzeichen", "Kommune", "Träger", "Phase"));
    ProgrammeReport.PHASES.forEach(phase -> header.add("Beginn " + phase));
    header.addAll(List.of("Tage in der Phase", "Offene Aufgaben", "Überfällige Aufgaben",
        "Maßnahmen geplant", "Maßnahmen durchgeführt", "Nächste Frist", "Letzte Aktivität"));
    StringWriter out = new StringWriter();
    CSVFormat excel = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';')
        .setHeader(header.toArray(String[]::new)).get();
    try (CSVPrinter printer = new CSVPrinter(out, excel)) {
      for (ProgrammeReport.Row row : rows) {
        List<Object> values = new ArrayList<>(List.of(cell(row.reference()),
            cell(row.municipalityName()), cell(row.carrier()), cell(row.phase())));
        ProgrammeReport.PHASES.forEach(phase -> values.add(date(row.phaseStarted().get(phase))));
        values.addAll(List.of(row.daysInPhase() == null ? "" : row.daysInPhase(), row.openTasks(),
            row.overdueTasks(), row.measuresPlanned(), row.measuresCarriedOut(),
            date(row.nextDeadline()), date(row.lastActivity())));
        printer.printRecord(values);
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String date(Date date) {
    return date == null ? "" : GERMAN_DATE.format(date.toInstant());
  }

  /**
   * A text cell that a spreadsheet shows as text: a leading {@code = + - @}, tab or carriage return
   * would make German Excel evaluate it as a formula (CSV injection), so such a cell starts with an
   * apostrophe (OWASP's rule).
   */
  static String cell(String text) {
    if (text == null) {
      return "";
    }
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}

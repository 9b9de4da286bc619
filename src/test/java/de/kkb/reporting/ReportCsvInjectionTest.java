package de.kkb.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The report's CSV cannot be turned into formulas by a municipality's name (OWASP CSV injection). */
class ReportCsvInjectionTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"=HYPERLINK(\"http://angreifer.example\";\"Klick\")", "+1+cmd|' /C calc'!A0",
      "-2+3", "@SUMME(A1:A9)", "\t=1+1", "\r=1+1"})
  void cellsThatBeginWithAFormulaPrefixAreNeutralised(String name) throws Exception {
    List<CSVRecord> records = parse(ProgrammeReportController.csv(List.of(row("KKB-2024-001", name))));
    CSVRecord record = records.get(1);
    assertThat(record.get(1)).isEqualTo("'" + name);
    assertThat(record.get(0)).isEqualTo("KKB-2024-001");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Musterstadt", "Bad Münstereifel", "Kreis Höxter – Nord", "Städte 2=1"})
  void ordinaryNamesStayAsTheyAre(String name) throws Exception {
    assertThat(parse(ProgrammeReportController.csv(List.of(row("KKB-2024-002", name)))).get(1).get(1))
        .isEqualTo(name);
  }

  private static ProgrammeReport.Row row(String reference, String name) {
    return new ProgrammeReport.Row(reference, name, "K3B", "Konfliktanalyse", Map.of(), 3L, 1, 0, 0, 0,
        null, null, "instance-1", false);
  }

  private static List<CSVRecord> parse(byte[] csv) throws Exception {
    return CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').get()
        .parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
  }
}

package de.kkb.reporting;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kkb.platform.EngineClock;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.InterventionProcess;
import de.kkb.vocabulary.Phase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * One row per municipality with a consultation: where it stands, since when, what is open or
 * overdue, how many measures were planned and held, the next deadline and the last activity.
 *
 * <p>Read with a handful of set-based queries on the engine's history and runtime tables, not with
 * queries per consultation: a nationwide programme has about 11,000 municipalities, and the report
 * must stay under a second (docs/benchmarks.md, scenario 6). The tables are the engine's documented
 * schema; {@code ProgrammeReportTest} pins what is read from them.
 */
@Service
public class ProgrammeReport {

  /** The labels of the working phases, in their order: the report's phase columns. */
  public static final List<String> PHASES = Phase.workingPhases().stream().map(Phase::label).toList();

  private static final String CONSULTATION = ConsultationProcess.KEY;
  private static final List<String> REPORTED = List.of(CommonVariables.MUNICIPALITY_NAME,
      CommonVariables.CARRIER, CommonVariables.PHASE, ConsultationProcess.Variables.MEASURES);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;

  public ProgrammeReport(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Row> rows() {
    Date now = EngineClock.nowAsDate();
    Map<String, Map<String, Object>> variables = variables();
    Map<String, Map<String, Date>> phaseStarts = phaseStarts();
    Map<String, Date> lastActivities = lastActivities();
    Map<String, OpenTasks> openTasks = openTasks(now);
    Map<String, Long> held = measuresHeld();
    // Instances deleted by an operator (Cockpit, API) are no consultations to report.
    return jdbc.query("SELECT ID_, BUSINESS_KEY_, START_TIME_, END_TIME_ FROM ACT_HI_PROCINST "
        + "WHERE PROC_DEF_KEY_ = ? AND (STATE_ IS NULL OR STATE_ <> 'EXTERNALLY_TERMINATED') "
        + "ORDER BY START_TIME_, ID_", (rs, i) -> {
          String id = rs.getString("ID_");
          String reference = rs.getString("BUSINESS_KEY_");
          Date started = date(rs, "START_TIME_");
          boolean ended = rs.getTimestamp("END_TIME_") != null;
          Map<String, Object> values = variables.getOrDefault(id, Map.of());
          Map<String, Date> phaseStarted = new LinkedHashMap<>();
          Map<String, Date> starts = phaseStarts.getOrDefault(id, Map.of());
          PHASES.stream().filter(starts::containsKey).forEach(phase -> phaseStarted.put(phase, starts.get(phase)));
          String phase = (String) values.get(CommonVariables.PHASE);
          Date phaseStart = phaseStarted.get(phase);
          Long daysInPhase = phaseStart == null || ended ? null
              : Duration.between(phaseStart.toInstant(), now.toInstant()).toDays();
          OpenTasks open = reference == null ? OpenTasks.NONE : openTasks.getOrDefault(reference, OpenTasks.NONE);
          Integer planned = (Integer) values.get(ConsultationProcess.Variables.MEASURES);
          return new Row(reference, (String) values.get(CommonVariables.MUNICIPALITY_NAME),
              (String) values.get(CommonVariables.CARRIER),
              phase, phaseStarted, daysInPhase, open.count(), open.overdue(), planned == null ? 0 : planned,
              reference == null ? 0 : held.getOrDefault(reference, 0L), open.nextDue(),
              lastActivities.getOrDefault(id, started), id, ended);
        }, CONSULTATION);
  }

  /**
   * The reported variables of every consultation; the plan of measures as its length. A variable of
   * the process instance wins over a local one of the same name.
   */
  private Map<String, Map<String, Object>> variables() {
    Map<String, Map<String, Object>> variables = new HashMap<>();
    jdbc.query("SELECT v.PROC_INST_ID_, v.NAME_, v.TEXT_, b.BYTES_ FROM ACT_HI_VARINST v "
        + "LEFT JOIN ACT_GE_BYTEARRAY b ON b.ID_ = v.BYTEARRAY_ID_ "
        + "WHERE v.PROC_DEF_KEY_ = ? AND v.STATE_ = 'CREATED' AND v.NAME_ IN (?, ?, ?, ?) "
        + "ORDER BY CASE WHEN v.EXECUTION_ID_ = v.PROC_INST_ID_ THEN 1 ELSE 0 END", rs -> {
          String name = rs.getString("NAME_");
          Object value = ConsultationProcess.Variables.MEASURES.equals(name) ? length(rs.getBytes("BYTES_"))
              : rs.getString("TEXT_");
          variables.computeIfAbsent(rs.getString("PROC_INST_ID_"), id -> new HashMap<>()).put(name, value);
        }, CONSULTATION, REPORTED.get(0), REPORTED.get(1), REPORTED.get(2), REPORTED.get(3));
    return variables;
  }

  private static Integer length(byte[] json) {
    if (json == null) {
      return 0;
    }
    try {
      JsonNode list = JSON.readTree(json);
      return list.isArray() ? list.size() : 0;
    } catch (IOException e) {
      throw new IllegalStateException("Der Maßnahmenplan ist kein JSON", e);
    }
  }

  /**
   * When each phase first began, per consultation: the first time the variable {@code phase} took
   * its label (the history of variable updates), whatever the model's boxes are called.
   */
  private Map<String, Map<String, Date>> phaseStarts() {
    Map<String, Map<String, Date>> starts = new HashMap<>();
    jdbc.query("SELECT PROC_INST_ID_, TEXT_, MIN(TIME_) AS STARTED FROM ACT_HI_DETAIL "
        + "WHERE PROC_DEF_KEY_ = ? AND NAME_ = ? AND TYPE_ = 'VariableUpdate' "
        + "GROUP BY PROC_INST_ID_, TEXT_", rs -> {
          starts.computeIfAbsent(rs.getString("PROC_INST_ID_"), id -> new HashMap<>())
              .put(rs.getString("TEXT_"), date(rs, "STARTED"));
        }, CONSULTATION, CommonVariables.PHASE);
    return starts;
  }

  /** The last start or end of an activity, per consultation. */
  private Map<String, Date> lastActivities() {
    Map<String, Date> last = new HashMap<>();
    jdbc.query("SELECT PROC_INST_ID_, MAX(COALESCE(END_TIME_, START_TIME_)) AS LAST_ACTIVITY "
        + "FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = ? GROUP BY PROC_INST_ID_",
        rs -> {
          last.put(rs.getString("PROC_INST_ID_"), date(rs, "LAST_ACTIVITY"));
        }, CONSULTATION);
    return last;
  }

  /** Active tasks of all processes of a municipality (same business key): count, overdue, next due. */
  private Map<String, OpenTasks> openTasks(Date now) {
    Map<String, OpenTasks> open = new HashMap<>();
    jdbc.query("SELECT p.BUSINESS_KEY_, COUNT(*) AS OPEN_TASKS, "
        + "SUM(CASE WHEN t.DUE_DATE_ < ? THEN 1 ELSE 0 END) AS OVERDUE, MIN(t.DUE_DATE_) AS NEXT_DUE "
        + "FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_ "
        + "WHERE t.SUSPENSION_STATE_ = 1 AND p.BUSINESS_KEY_ IS NOT NULL GROUP BY p.BUSINESS_KEY_", rs -> {
          open.put(rs.getString("BUSINESS_KEY_"), new OpenTasks(rs.getLong("OPEN_TASKS"), rs.getLong("OVERDUE"),
              date(rs, "NEXT_DUE")));
        }, new Timestamp(now.getTime()));
    return open;
  }

  /** Measures documented as held, per municipality (business key of the Intervention instances). */
  private Map<String, Long> measuresHeld() {
    Map<String, Long> held = new HashMap<>();
    jdbc.query("SELECT p.BUSINESS_KEY_, COUNT(*) AS HELD_COUNT FROM ACT_HI_VARINST v "
        + "JOIN ACT_HI_PROCINST p ON p.ID_ = v.PROC_INST_ID_ "
        + "WHERE p.PROC_DEF_KEY_ = ? AND v.NAME_ = ? AND v.TEXT_ = ? "
        // The measure's own outcome, not the copies the documentation form keeps per pass.
        + "AND v.STATE_ = 'CREATED' AND v.EXECUTION_ID_ = v.PROC_INST_ID_ GROUP BY p.BUSINESS_KEY_", rs -> {
          held.put(rs.getString("BUSINESS_KEY_"), rs.getLong("HELD_COUNT"));
        }, InterventionProcess.KEY, InterventionProcess.Variables.INTERVENTION_OUTCOME,
        InterventionProcess.Values.HELD);
    return held;
  }

  private static Date date(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : new Date(timestamp.getTime());
  }

  private record OpenTasks(long count, long overdue, Date nextDue) {
    static final OpenTasks NONE = new OpenTasks(0, 0, null);
  }

  /**
   * One consultation. {@code processInstanceId} and {@code ended} lead to the consultation in Cockpit
   * (its dashboard section links each running one); the CSV leaves them out.
   */
  public record Row(String reference, String municipalityName, String carrier, String phase,
      Map<String, Date> phaseStarted, Long daysInPhase, long openTasks, long overdueTasks,
      int measuresPlanned, long measuresCarriedOut, Date nextDeadline, Date lastActivity,
      String processInstanceId, boolean ended) {
  }
}

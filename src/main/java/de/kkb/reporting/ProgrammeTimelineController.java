package de.kkb.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.kkb.platform.EngineClock;
import de.kkb.programme.ProgrammeCalendar;
import de.kkb.vocabulary.Phase;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The programme timeline for programme managers: each municipality a row across the programme
 * period, its phases as coloured bars, a marker for today, overdue work highlighted, counts per
 * phase. Server-rendered HTML and CSS, no script.
 */
@Controller
public class ProgrammeTimelineController {

  /** Label → colour of each working phase, in the phases' order. */
  static final Map<String, String> COLOURS = Phase.workingPhases().stream().collect(
      Collectors.toMap(Phase::label, Phase::colour, (a, b) -> a, LinkedHashMap::new));

  private final ProgrammeReport report;
  private final ProgrammeCalendar programme;

  public ProgrammeTimelineController(ProgrammeReport report, ProgrammeCalendar programme) {
    this.report = report;
    this.programme = programme;
  }

  /** Programme management only: the security layer guards {@code /programmsteuerung/**}. */
  @GetMapping("/programmsteuerung/zeitleiste")
  public String timeline(Model model) {
    LocalDate start = programme.start();
    LocalDate end = programme.lastDay();
    LocalDate today = EngineClock.today();
    double days = ChronoUnit.DAYS.between(start, end) + 1;
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Integer> perPhase = new LinkedHashMap<>();
    ProgrammeReport.PHASES.forEach(phase -> perPhase.put(phase, 0));
    for (ProgrammeReport.Row row : report.rows()) {
      List<Map<String, Object>> bars = new ArrayList<>();
      List<Map.Entry<String, Date>> started = new ArrayList<>(row.phaseStarted().entrySet());
      for (int i = 0; i < started.size(); i++) {
        LocalDate from = day(started.get(i).getValue());
        LocalDate to = i + 1 < started.size() ? day(started.get(i + 1).getValue())
            : row.lastActivity() != null && !row.phaseStarted().containsKey(row.phase()) ? day(row.lastActivity())
            : today;
        String phase = started.get(i).getKey();
        bars.add(Map.of("label", phase, "colour", COLOURS.get(phase),
            "left", percent(ChronoUnit.DAYS.between(start, from), days),
            "width", Math.max(0.4, percent(ChronoUnit.DAYS.between(from, to) + 1, days))));
      }
      if (perPhase.containsKey(row.phase())) {
        perPhase.merge(row.phase(), 1, Integer::sum);
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("row", row);
      entry.put("bars", bars);
      entry.put("overdue", row.overdueTasks() > 0);
      rows.add(entry);
    }
    List<Map<String, Object>> years = new ArrayList<>();
    for (int year = start.getYear(); year <= end.getYear(); year++) {
      LocalDate first = LocalDate.of(year, 1, 1).isBefore(start) ? start : LocalDate.of(year, 1, 1);
      years.add(Map.of("label", year, "left", percent(ChronoUnit.DAYS.between(start, first), days)));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("perPhase", perPhase);
    model.addAttribute("colours", COLOURS);
    model.addAttribute("years", years);
    model.addAttribute("start", start);
    model.addAttribute("end", end);
    model.addAttribute("today", today);
    model.addAttribute("todayLeft", percent(ChronoUnit.DAYS.between(start, today), days));
    model.addAttribute("todayInside", !today.isBefore(start) && !today.isAfter(end));
    return "zeitleiste";
  }

  private static LocalDate day(Date date) {
    return EngineClock.day(date);
  }

  private static double percent(long part, double whole) {
    return Math.round(Math.max(0, Math.min(100, part * 100.0 / whole)) * 100) / 100.0;
  }
}

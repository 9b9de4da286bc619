package de.kkb.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.kkb.programme.ProgrammeCalendar;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the programme round in force and its carriers, as configured. */
@Controller
public class StartPageController {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.GERMAN);

  private final ProgrammeCalendar programme;

  public StartPageController(ProgrammeCalendar programme) {
    this.programme = programme;
  }

  @GetMapping({"/", "/index.html"})
  public String startPage(Model model) {
    model.addAttribute("startMonth", programme.start().format(MONTH));
    model.addAttribute("endMonth", programme.lastDay().format(MONTH));
    model.addAttribute("carriers", enumeration(new ArrayList<>(programme.carriers().keySet())));
    return "startseite";
  }

  /** "A", "A und B", "A, B und C". */
  static String enumeration(List<String> names) {
    if (names.size() < 2) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " und " + names.get(names.size() - 1);
  }
}

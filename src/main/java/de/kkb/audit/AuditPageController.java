package de.kkb.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit page for admins ({@code /administration/protokoll}): the same entries as
 * {@link AuditController}, as a table with a filter form, 50 a page. Server-rendered, no script.
 * Admins only: the security layer guards {@code /administration/**}.
 */
@Controller
public class AuditPageController {

  static final int PAGE_SIZE = 50;

  /** The actions the filter offers: the platform's, then the engine's most frequent ones. */
  static final Map<String, String> ACTIONS = actions();

  private final AuditTrail trail;

  public AuditPageController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping("/administration/protokoll")
  public String audit(@RequestParam(required = false) String aktion, @RequestParam(required = false) String von,
      @RequestParam(required = false) String bis, @RequestParam(required = false) String seite, Model model,
      HttpServletResponse response) {
    model.addAttribute("actions", ACTIONS);
    model.addAttribute("aktion", aktion == null ? "" : aktion);
    model.addAttribute("von", von == null ? "" : von);
    model.addAttribute("bis", bis == null ? "" : bis);
    try {
      int page = page(seite);
      AuditTrail.Page entries = trail.read(AuditQueries.of(aktion, von, bis,
          Integer.toString((page - 1) * PAGE_SIZE), Integer.toString(PAGE_SIZE)));
      model.addAttribute("entries", entries.entries());
      model.addAttribute("total", entries.total());
      model.addAttribute("page", page);
      model.addAttribute("pages", Math.max(1, (entries.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    } catch (AuditQueryRefused refused) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("problem", refused.getMessage());
      model.addAttribute("entries", List.of());
      model.addAttribute("total", 0);
      model.addAttribute("page", 1);
      model.addAttribute("pages", 1);
    }
    return "protokoll";
  }

  private static Map<String, String> actions() {
    Map<String, String> actions = new LinkedHashMap<>();
    for (AuditAction action : AuditAction.values()) {
      actions.put(action.name(), "Plattform: " + action.label());
    }
    List<String> engine = new ArrayList<>(List.of(UserOperationLogEntry.OPERATION_TYPE_COMPLETE,
        UserOperationLogEntry.OPERATION_TYPE_CLAIM, UserOperationLogEntry.OPERATION_TYPE_ASSIGN,
        UserOperationLogEntry.OPERATION_TYPE_CREATE, UserOperationLogEntry.OPERATION_TYPE_UPDATE,
        UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE, UserOperationLogEntry.OPERATION_TYPE_DELETE,
        UserOperationLogEntry.OPERATION_TYPE_DELETE_HISTORY));
    for (String type : engine) {
      actions.put(type, "Engine: " + EngineOperationLabels.label(null, type) + " (" + type + ")");
    }
    return Collections.unmodifiableMap(actions);
  }

  private static int page(String seite) {
    if (seite == null || seite.isBlank()) {
      return 1;
    }
    try {
      int page = Integer.parseInt(seite.strip());
      if (page >= 1) {
        return page;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new AuditQueryRefused("Die Seite ist eine ganze Zahl ab 1.");
  }
}

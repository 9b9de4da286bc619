package de.kkb.dataprotection;

import de.kkb.identity.KkbGroups;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Datenschutz: Auskunft und Löschung" for programme management and admins. The address or
 * reference is always posted, never part of a URL (it would land in logs and the browser's
 * history). Erasure is for admins only (the security layer guards {@code …/loeschen/**}) and takes
 * two steps: the reason and what would be erased, then the confirmation. Forms carry the page's
 * CSRF token.
 */
@Controller
public class DataProtectionPage {

  static final String PAGE = "/programmsteuerung/datenschutz";
  static final String VIEW = "datenschutz";

  private final AccessReports reports;
  private final Erasures erasures;

  public DataProtectionPage(AccessReports reports, Erasures erasures) {
    this.reports = reports;
    this.erasures = erasures;
  }

  @GetMapping(PAGE)
  public String form(Authentication caller, Model model) {
    model.addAttribute("admin", admin(caller));
    return VIEW;
  }

  @PostMapping(PAGE + "/auskunft")
  public String access(@RequestParam(name = "suche", required = false) String input, Authentication caller,
      Model model, HttpServletResponse response) {
    model.addAttribute("admin", admin(caller));
    model.addAttribute("suche", input);
    SubjectQuery query = SubjectQuery.parse(input);
    if (query == null) {
      return refused(model, response, 400, SubjectQuery.INVALID);
    }
    model.addAttribute("report", query.byEmail() ? reports.forEmail(query.email()) : reports.forReference(query.reference()));
    model.addAttribute("byEmail", query.byEmail());
    return VIEW;
  }

  @PostMapping(PAGE + "/loeschen")
  public String prepare(@RequestParam(name = "suche", required = false) String input,
      @RequestParam(name = "grund", required = false) String reason, Authentication caller, Model model,
      HttpServletResponse response) {
    SubjectQuery query = SubjectQuery.parse(input);
    String invalid = checkErasureForm(query, input, reason, caller, model, response);
    if (invalid != null) {
      return invalid;
    }
    try {
      DataSubject subject = query.byEmail() ? erasures.checkContact(query.email()) : erasures.checkRequest(query.reference());
      model.addAttribute("confirm", subject);
      model.addAttribute("byEmail", query.byEmail());
      return VIEW;
    } catch (ErasureRefused refusal) {
      return refused(model, response, 409, refusal.getMessage());
    } catch (NothingStored nothing) {
      return refused(model, response, 404, nothing.getMessage());
    }
  }

  @PostMapping(PAGE + "/loeschen/bestaetigt")
  public String erase(@RequestParam(name = "suche", required = false) String input,
      @RequestParam(name = "grund", required = false) String reason,
      @RequestParam(name = "bestaetigt", required = false) String confirmed, Authentication caller, Model model,
      HttpServletResponse response) {
    SubjectQuery query = SubjectQuery.parse(input);
    String invalid = checkErasureForm(query, input, reason, caller, model, response);
    if (invalid != null) {
      return invalid;
    }
    if (!"ja".equals(confirmed)) {
      return refused(model, response, 400, "Bitte bestätigen Sie die Löschung ausdrücklich (Kästchen ankreuzen).");
    }
    try {
      model.addAttribute("result", query.byEmail() ? erasures.eraseContact(query.email(), reason)
          : erasures.eraseRequest(query.reference(), reason));
      model.addAttribute("suche", null);
      model.addAttribute("grund", null);
      return VIEW;
    } catch (ErasureRefused refusal) {
      return refused(model, response, 409, refusal.getMessage());
    } catch (NothingStored nothing) {
      return refused(model, response, 404, nothing.getMessage());
    } catch (org.camunda.bpm.engine.OptimisticLockingException concurrent) {
      return refused(model, response, 409, Erasures.CONCURRENT);
    }
  }

  /**
   * The erasure's form as the preview and the erasure both take it: its values back into the page,
   * then the query and the reason checked. The refusal's view, or null when both are valid.
   */
  private static String checkErasureForm(SubjectQuery query, String input, String reason, Authentication caller,
      Model model, HttpServletResponse response) {
    model.addAttribute("admin", admin(caller));
    model.addAttribute("suche", input);
    model.addAttribute("grund", reason);
    if (query == null) {
      return refused(model, response, 400, SubjectQuery.INVALID);
    }
    if (!ErasureReason.valid(reason)) {
      return refused(model, response, 400, ErasureReason.REQUIRED);
    }
    return null;
  }

  private static String refused(Model model, HttpServletResponse response, int status, String message) {
    response.setStatus(status);
    model.addAttribute("problem", message);
    return VIEW;
  }

  private static boolean admin(Authentication caller) {
    return caller != null && caller.getAuthorities().stream().anyMatch(a -> KkbGroups.ADMINS.equals(a.getAuthority()));
  }
}

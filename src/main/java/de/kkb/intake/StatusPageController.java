package de.kkb.intake;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import de.kkb.security.LoginThrottle;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The status page "Stand der Anfrage" for applicants, without an account: reference and access
 * token are posted (never part of a URL), and every further action on the page (handing in
 * documents, withdrawing) posts them again, so no session keeps them. The same
 * {@link ApplicantPortal} answers the API; its refusals appear on the page in German.
 */
@Controller
@RequestMapping("/beratung-anfragen/stand")
public class StatusPageController {

  static final String PAGE = "beratung-stand";
  /** Wrong tokens on the page count per reference, like wrong passwords per user id. */
  private static final String THROTTLE_KEY = "Aktenzeichen ";

  private final ApplicantPortal portal;
  private final IntakeProperties properties;
  private final LoginThrottle throttle;

  public StatusPageController(ApplicantPortal portal, IntakeProperties properties, LoginThrottle throttle) {
    this.portal = portal;
    this.properties = properties;
    this.throttle = throttle;
  }

  @GetMapping
  public String lookup(Model model) {
    return PAGE;
  }

  @PostMapping
  public String show(@RequestParam(defaultValue = "") String reference,
      @RequestParam(defaultValue = "") String accessToken, Model model, HttpServletResponse response) {
    return render(reference, accessToken, null, model, response);
  }

  @PostMapping("/unterlagen")
  public String handIn(@RequestParam(defaultValue = "") String reference,
      @RequestParam(defaultValue = "") String accessToken,
      @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
      HttpServletResponse response) {
    if (throttle.lockedFor(THROTTLE_KEY + reference.strip()).isPresent()) {
      return render(reference, accessToken, null, model, response);
    }
    try {
      int count = portal.handIn(reference.strip(), accessToken.strip(), files).size();
      model.addAttribute("done", count == 1 ? "Ihre Datei ist eingegangen. Die Programmsteuerung prüft die "
          + "Unterlagen jetzt." : "Ihre " + count + " Dateien sind eingegangen. Die Programmsteuerung prüft "
          + "die Unterlagen jetzt.");
    } catch (PortalRefusal refusal) {
      return refused(refusal, reference, accessToken, model, response);
    }
    return render(reference, accessToken, null, model, response);
  }

  @PostMapping("/rueckzug")
  public String withdraw(@RequestParam(defaultValue = "") String reference,
      @RequestParam(defaultValue = "") String accessToken,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "false") boolean confirmed, Model model, HttpServletResponse response) {
    if (!confirmed) {
      return render(reference, accessToken, "Bitte bestätigen Sie, dass Sie die Anfrage zurückziehen "
          + "möchten.", model, response);
    }
    if (reason.length() > 2000) {
      return render(reference, accessToken, "Die Begründung hat höchstens 2.000 Zeichen.", model, response);
    }
    if (throttle.lockedFor(THROTTLE_KEY + reference.strip()).isPresent()) {
      return render(reference, accessToken, null, model, response);
    }
    try {
      portal.withdraw(reference.strip(), accessToken.strip(), reason);
      model.addAttribute("done", "Ihre Anfrage ist zurückgezogen. Sie erhalten eine Bestätigung per E-Mail.");
    } catch (PortalRefusal refusal) {
      return refused(refusal, reference, accessToken, model, response);
    }
    return render(reference, accessToken, null, model, response);
  }

  private String refused(PortalRefusal refusal, String reference, String accessToken, Model model,
      HttpServletResponse response) {
    // A wrong pair or a locked reference shows the lookup again; anything else the status with the reason.
    if (refusal.status() == HttpStatus.NOT_FOUND) {
      throttle.failed(THROTTLE_KEY + reference.strip());
      return lookupAgain(refusal.status(), refusal.getMessage(), reference, model, response);
    }
    response.setStatus(refusal.status().value());
    return render(reference, accessToken, refusal.getMessage(), model, response);
  }

  private String render(String reference, String accessToken, String problem, Model model,
      HttpServletResponse response) {
    // The page carries the token in its forms: no cache may keep it.
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    String key = THROTTLE_KEY + reference.strip();
    Optional<Duration> locked = throttle.lockedFor(key);
    if (locked.isPresent()) {
      return lookupAgain(HttpStatus.TOO_MANY_REQUESTS, "Zu diesem Aktenzeichen wurde zu oft ein falscher "
          + "Zugangsschlüssel eingegeben. Bitte in " + (locked.get().toMinutes() + 1) + " Minuten erneut "
          + "versuchen.", reference, model, response);
    }
    try {
      model.addAttribute("view", portal.view(reference.strip(), accessToken.strip()));
      throttle.succeeded(key);
    } catch (PortalRefusal refusal) {
      if (refusal.status() == HttpStatus.NOT_FOUND) {
        throttle.failed(key);
      }
      return lookupAgain(refusal.status(), refusal.getMessage(), reference, model, response);
    }
    model.addAttribute("problem", problem);
    model.addAttribute("accessToken", accessToken.strip());
    model.addAttribute("maxFiles", properties.documents().maxFiles());
    model.addAttribute("maxMegabytes", ApplicantPortal.megabytes(properties.documents().maxFileSize().toBytes()));
    return PAGE;
  }

  /** The lookup form again, with the reference entered and why it did not open. */
  private static String lookupAgain(HttpStatus status, String problem, String reference, Model model,
      HttpServletResponse response) {
    response.setStatus(status.value());
    model.addAttribute("problem", problem);
    model.addAttribute("enteredReference", reference);
    return PAGE;
  }
}

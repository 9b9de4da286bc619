package de.kkb.notification;

import java.security.Principal;
import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Benachrichtigungen": each person chooses how they hear of their tasks (täglich, sofort, keine).
 * Any logged-in user, for themselves only: the security layer asks for the login (Tasklist's, or
 * HTTP Basic) and for the form's CSRF token.
 */
@Controller
public class NoticeSettingsController {

  static final String PAGE = "/mein-konto/benachrichtigungen";

  private final NoticePreferences preferences;

  public NoticeSettingsController(NoticePreferences preferences) {
    this.preferences = preferences;
  }

  @GetMapping(PAGE)
  public String show(Principal person, Model model) {
    model.addAttribute("current", preferences.of(person.getName()));
    model.addAttribute("choices", Arrays.asList(DigestPreference.values()));
    return "benachrichtigungen";
  }

  @PostMapping(PAGE)
  public String save(Principal person, @RequestParam(name = "benachrichtigung", required = false) String choice,
      Model model, RedirectAttributes next) {
    DigestPreference chosen = choice == null ? null : DigestPreference.ofLabel(choice).orElse(null);
    if (chosen == null) {
      model.addAttribute("problem", "Bitte eine der drei Möglichkeiten wählen.");
      model.addAttribute("current", preferences.of(person.getName()));
      model.addAttribute("choices", Arrays.asList(DigestPreference.values()));
      return "benachrichtigungen";
    }
    preferences.set(person.getName(), chosen);
    next.addFlashAttribute("done", "Gespeichert: " + chosen.label() + " – " + chosen.description() + ".");
    return "redirect:" + PAGE;
  }
}

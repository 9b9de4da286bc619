package de.kkb.intake;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The public page "Beratung anfragen": a plain HTML form, validated on the server, no login. */
@Controller
@RequestMapping("/beratung-anfragen")
public class ApplicationPageController {

  private final ConsultationRequestService requests;

  public ApplicationPageController(ConsultationRequestService requests) {
    this.requests = requests;
  }

  @GetMapping
  public String form(Model model) {
    model.addAttribute("request", new ConsultationRequestForm(null, null, null, null, null, null,
        null, null, null, null, null, null, null));
    return "beratung-anfragen";
  }

  @PostMapping
  public String submit(@Valid @ModelAttribute("request") ConsultationRequestForm request,
      BindingResult binding, Model model, HttpServletResponse response) {
    if (binding.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "beratung-anfragen";
    }
    try {
      model.addAttribute("submitted", requests.submit(request));
      return "beratung-angefragt";
    } catch (DuplicateRequestException | ApplicationDeadlinePassedException refused) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("refusal", refused.getMessage());
      return "beratung-anfragen";
    }
  }
}

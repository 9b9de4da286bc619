package de.kkb.intake;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import de.kkb.cluster.ClusterLocks;
import de.kkb.vocabulary.RequestStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.beans.SimpleTypeConverter;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.propertyeditors.CustomBooleanEditor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

/**
 * The public page "Beratung anfragen": a plain HTML form, validated on the server, no login.
 *
 * <p>Whatever is sent, the answer is the form again with one German message next to each field that
 * is wrong (400), never an error page: values that are no number, date or yes/no, fields sent twice,
 * and the constraints of {@link ConsultationRequestForm}, all fields at once.
 *
 * <p>A request that is accepted follows post/redirect/get: the POST answers 303 to the confirmation
 * page {@value #CONFIRMATION}, which shows the reference, the current status (with the reason when
 * the request is not eligible) and the access token, the token only once. Each form carries a
 * one-time token ({@link PageSubmissions}): a second POST with the same token, a double click or the
 * form sent again, starts no second request but leads to the confirmation of the first.
 */
@Controller
@RequestMapping("/beratung-anfragen")
public class ApplicationPageController {

  static final String INTEGER = "Bitte eine ganze Zahl angeben.";
  static final String BOOLEAN = "Bitte Ja oder Nein auswählen.";

  static final String PAGE = "/beratung-anfragen";
  static final String CONFIRMATION = "/beratung-anfragen/bestaetigung";
  /** The applicant's status page (reference and access token). */
  static final String STATUS_PAGE = "/beratung-anfragen/stand";
  /** The hidden field with the form's one-time token. */
  static final String FORM_TOKEN = "formToken";

  private static final String NAME = "request";

  private final ConsultationRequestService requests;
  private final RequestOutcome outcomes;
  private final SpringValidatorAdapter validator;
  private final ClusterLocks locks;
  private final SessionRepository<? extends Session> sessions;

  public ApplicationPageController(ConsultationRequestService requests, RequestOutcome outcomes,
      jakarta.validation.Validator validator, ClusterLocks locks,
      SessionRepository<? extends Session> sessions) {
    this.requests = requests;
    this.outcomes = outcomes;
    this.validator = new SpringValidatorAdapter(validator);
    this.locks = locks;
    this.sessions = sessions;
  }

  /** Numbers as digits, dates as JJJJ-MM-TT (what the browser's inputs send), yes/no as true/false. */
  @InitBinder(NAME)
  void strictValues(WebDataBinder binder) {
    strictEditors(binder);
    binder.setBindingErrorProcessor(new GermanBindingErrors());
  }

  @GetMapping
  public String form(Model model, HttpSession session) {
    model.addAttribute(NAME, new ConsultationRequestForm(null, null, null, null, null, null,
        null, null, null, null, null, null, null));
    PageSubmissions submissions = PageSubmissions.of(session);
    model.addAttribute(FORM_TOKEN, submissions.issue());
    submissions.store(session);
    return "beratung-anfragen";
  }

  /**
   * Validated here rather than with {@code @Valid}: when a value cannot be converted, Spring neither
   * creates the form nor validates it, so the page would show only that one message (and had no
   * form to show the other values with).
   */
  @PostMapping
  public String submit(@ModelAttribute(NAME) ConsultationRequestForm request, BindingResult binding,
      @RequestParam(name = FORM_TOKEN, required = false) String formToken,
      HttpServletRequest http, Model model, HttpServletResponse response) {
    HttpSession session = http.getSession();
    // The lock makes the two POSTs of a double click one request, on one node or two: the second
    // waits, then reads the session as the first left it (in the database) and finds its token used.
    return locks.exclusively("kkb-form-token:" + session.getId(), () -> {
      PageSubmissions submissions = latest(session);
      if (submissions.usedFor(formToken) != null) {
        return seeOther(http, CONFIRMATION);
      }
      String view = check(request, binding, formToken, submissions, http, model, response);
      // Written at once (spring.session.jdbc.flush-mode: immediate), before the lock is let go.
      submissions.store(session);
      return view;
    });
  }

  /**
   * The session's submissions as stored now: another request of the same session may have changed
   * them since this request read its session.
   */
  private PageSubmissions latest(HttpSession session) {
    Session stored = sessions.findById(session.getId());
    PageSubmissions current = stored == null ? null : stored.getAttribute(PageSubmissions.ATTRIBUTE);
    return current != null ? current : PageSubmissions.of(session);
  }

  private String check(ConsultationRequestForm request, BindingResult binding, String formToken,
      PageSubmissions submissions, HttpServletRequest http, Model model, HttpServletResponse response) {
    model.addAttribute(FORM_TOKEN, submissions.issue());
    ConsultationRequestForm form = request != null ? request : readable(http);
    BindingResult checked = new BeanPropertyBindingResult(form, NAME);
    for (RecordComponent component : ConsultationRequestForm.class.getRecordComponents()) {
      String[] values = http.getParameterValues(component.getName());
      if (values != null && values.length > 1) {
        checked.addError(new FieldError(NAME, component.getName(), String.join(",", values), true,
            checked.resolveMessageCodes("duplicate", component.getName()), null,
            FieldMessages.DUPLICATE));
      }
    }
    binding.getAllErrors().forEach(checked::addError);
    validator.validate(form, checked);
    if (checked.hasErrors()) {
      BindingResult shown = new BeanPropertyBindingResult(form, NAME);
      FieldMessages.onePerField(checked.getFieldErrors()).values().forEach(shown::addError);
      checked.getGlobalErrors().forEach(shown::addError);
      model.addAttribute(NAME, form);
      model.addAttribute(BindingResult.MODEL_KEY_PREFIX + NAME, shown);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "beratung-anfragen";
    }
    try {
      ConsultationRequestService.Submitted submitted = requests.submit(form);
      submissions.submitted(formToken, submitted.reference(), submitted.accessToken());
      return seeOther(http, CONFIRMATION);
    } catch (DuplicateRequestException | ApplicationDeadlinePassedException refused) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("refusal", refused.getMessage());
      return "beratung-anfragen";
    }
  }

  /**
   * The confirmation of the request submitted last in this session: reference, status, the reason
   * when it is not eligible, and the access token the first time only. Without a request in the
   * session, the form.
   */
  @GetMapping("/bestaetigung")
  public String confirmation(HttpServletRequest http, Model model) {
    PageSubmissions submissions = PageSubmissions.existing(http.getSession(false));
    String reference = submissions == null ? null : submissions.reference();
    if (reference == null) {
      return seeOther(http, PAGE);
    }
    RequestOutcome.Outcome outcome = outcomes.of(reference)
        .orElse(new RequestOutcome.Outcome(null, null));
    model.addAttribute("requestReference", reference);
    model.addAttribute("status", outcome.status());
    model.addAttribute("notEligibleBecause", outcome.ineligibilityReason());
    model.addAttribute("notSelected", RequestStatus.NOT_SELECTED.label().equals(outcome.status()));
    model.addAttribute("accessToken", submissions.takeAccessToken());
    submissions.store(http.getSession());
    model.addAttribute("statusPage", STATUS_PAGE);
    return "beratung-angefragt";
  }

  /** A redirect with 303, so that the browser follows with GET whatever it sent. */
  private static String seeOther(HttpServletRequest http, String path) {
    http.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
    return "redirect:" + path;
  }

  static void strictEditors(PropertyEditorRegistry registry) {
    registry.registerCustomEditor(Integer.class, new WholeNumber());
    registry.registerCustomEditor(LocalDate.class, new IsoDate());
    registry.registerCustomEditor(Boolean.class, new CustomBooleanEditor("true", "false", true));
  }

  /**
   * The form with every value that could be read, the others empty: to validate the rest and to
   * show the page again when Spring could not create the form.
   */
  private static ConsultationRequestForm readable(HttpServletRequest http) {
    SimpleTypeConverter converter = new SimpleTypeConverter();
    strictEditors(converter);
    RecordComponent[] components = ConsultationRequestForm.class.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      try {
        values[i] = converter.convertIfNecessary(http.getParameter(components[i].getName()),
            components[i].getType());
      } catch (TypeMismatchException unreadable) {
        values[i] = null;
      }
    }
    try {
      Constructor<ConsultationRequestForm> constructor = ConsultationRequestForm.class.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Digits only, optionally with a minus (the range is the form's concern); empty is no value. */
  static final class WholeNumber extends PropertyEditorSupport {
    @Override
    public void setAsText(String text) {
      if (text == null || text.isEmpty()) {
        setValue(null);
      } else if (text.matches("-?[0-9]{1,10}")) {
        setValue(Integer.valueOf(text)); // NumberFormatException above the range of int
      } else {
        throw new IllegalArgumentException("not a whole number");
      }
    }
  }

  /** {@code JJJJ-MM-TT}, as {@code <input type="date">} sends it; empty is no value. */
  static final class IsoDate extends PropertyEditorSupport {
    @Override
    public void setAsText(String text) {
      if (text == null || text.isEmpty()) {
        setValue(null);
        return;
      }
      try {
        setValue(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not a date JJJJ-MM-TT", e);
      }
    }

    @Override
    public String getAsText() {
      return getValue() == null ? "" : getValue().toString();
    }
  }

  /** Type mismatches get a German message that says what to enter. */
  static final class GermanBindingErrors extends DefaultBindingErrorProcessor {
    @Override
    public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
      String field = ex.getPropertyName();
      Class<?> type = ex instanceof TypeMismatchException mismatch ? mismatch.getRequiredType() : null;
      String message = type == Integer.class ? INTEGER
          : type == LocalDate.class ? FieldMessages.DATE
          : type == Boolean.class ? BOOLEAN
          : FieldMessages.OTHER;
      Object rejected = ex.getValue();
      if (ObjectUtils.isArray(rejected)) {
        rejected = StringUtils.arrayToCommaDelimitedString(ObjectUtils.toObjectArray(rejected));
      }
      FieldError error = new FieldError(bindingResult.getObjectName(), field, rejected, true,
          bindingResult.resolveMessageCodes(ex.getErrorCode(), field), null, message);
      error.wrap(ex);
      bindingResult.addError(error);
    }
  }
}

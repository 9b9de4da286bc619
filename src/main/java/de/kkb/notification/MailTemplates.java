package de.kkb.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The German mail templates under {@code templates/mail/}: {@code <name>.txt} (text mode) and
 * {@code <name>.html} (HTML mode, values escaped), the subject in the text template's first line;
 * the notices about a task share {@code task.*}, worded by the template name.
 */
@Component
public class MailTemplates {

  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

  public Rendered render(String template, Map<String, Object> model) {
    Map<String, Object> variables = new HashMap<>(model);
    variables.put("template", template);
    Context context = new Context(Locale.GERMANY, variables);
    // The notices about a task (created, assigned, reminder, overdue, escalation) share one file.
    String file = template.startsWith("task-") ? "task" : template;
    String renderedText = text.process(file, context).strip();
    int newline = renderedText.indexOf('\n');
    String subject = newline < 0 ? renderedText : renderedText.substring(0, newline).strip();
    String body = newline < 0 ? "" : renderedText.substring(newline + 1).strip();
    return new Rendered(subject, body, html.process(file, context));
  }

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  public record Rendered(String subject, String text, String html) {
  }
}

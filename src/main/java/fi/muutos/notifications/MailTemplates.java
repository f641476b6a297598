package fi.muutos.notifications;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The mails' templates ({@code templates/mail/*.html} and {@code *.txt}, Finnish): each mail in
 * HTML and in plain text, from the same values.
 */
@Component
class MailTemplates {

  /** A mail's two bodies. */
  record Bodies(String html, String text) {}

  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

  Bodies render(String template, Map<String, Object> values) {
    Context context = new Context(Locale.forLanguageTag("fi-FI"), values);
    return new Bodies(html.process(template, context), text.process(template, context));
  }

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}

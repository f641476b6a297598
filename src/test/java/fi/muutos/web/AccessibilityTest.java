package fi.muutos.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fi.muutos.testing.Chromium;
import fi.muutos.testing.IntegrationTest;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The project's own pages measured with axe-core for WCAG 2.1 AA (issue 36, item 4): no violation
 * of the wcag2a, wcag2aa and wcag21aa rules. Skipped, as the other browser tests, without Chromium.
 */
@IntegrationTest
class AccessibilityTest {

  static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21aa");

  @LocalServerPort int port;
  WebDriver browser;

  @BeforeEach
  void browser() throws java.io.IOException {
    assumeTrue(Chromium.available(), Chromium.MISSING);
    browser = Chromium.start();
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theProjectsOwnPublicPagesHaveNoWcag21AaViolation() {
    for (String page :
        List.of("/", "/strategia.html", "/muistutukset.html", "/saavutettavuus.html")) {
      browser.get("http://localhost:" + port + page);
      Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
      assertThat(results.getViolations())
          .as(page + ": " + describe(results.getViolations()))
          .isEmpty();
    }
  }

  /** The measurement itself finds a violation where there is one (an image without a text). */
  @Test
  void theMeasurementFindsAViolationWhereThereIsOne() {
    browser.get("data:text/html,<html lang='fi'><title>x</title><main><img src='x.png'></main>");
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
    assertThat(results.getViolations()).extracting(Rule::getId).contains("image-alt");
  }

  private static String describe(List<Rule> violations) {
    return violations.stream()
        .map(
            rule ->
                rule.getId()
                    + " ("
                    + rule.getImpact()
                    + "): "
                    + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .limit(5)
                        .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "));
  }
}

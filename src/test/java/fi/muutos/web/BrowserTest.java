package fi.muutos.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.muutos.testing.Chromium;
import fi.muutos.testing.IntegrationTest;
import fi.muutos.testing.ProcessDriver;
import fi.muutos.testing.ZoningSteps;
import fi.muutos.zoning.PlanType;
import fi.muutos.zoning.StartPlan;
import fi.muutos.zoning.ZoningPlanProcedure;
import fi.muutos.zoning.ZoningPlanProcess;
import fi.muutos.zoning.ZoningPlans;
import fi.muutos.zoning.ZoningStage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real browser tests in headless Chromium (Debian's chromium and chromium-driver; .ci/run installs
 * them). Without a browser on the machine they are skipped with a message. Screenshots go to
 * target/screenshots.
 */
@IntegrationTest
class BrowserTest {

  static final Path SCREENSHOTS = Path.of("target/screenshots");

  @LocalServerPort int port;
  @Autowired ZoningPlanProcedure zoning;
  @Autowired ZoningPlans plans;
  @Autowired ProcessDriver driver;
  @Autowired fi.muutos.ryhti.RyhtiDelivery ryhti;
  @Autowired RepositoryService repositoryService;

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void browser() throws IOException {
    assumeTrue(Chromium.available(), Chromium.MISSING);
    browser = Chromium.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aPlannerCompletesAZoningTaskInFinnishTasklist() throws IOException {
    String name = "Selaintestin kaava " + UUID.randomUUID().toString().substring(0, 6);
    var started = zoning.start(new StartPlan(name, PlanType.DETAILED_PLAN, false, "Satama", null));
    driver.jobs(started.processInstanceId(), ZoningPlanProcess.Elements.MARK_MEASURE_IN_PROGRESS);

    login("tasklist", "kaavoittaja");
    browser.get(url("/"));
    click(By.partialLinkText("Tehtävälista")); // the start page opens Tasklist sorted by due date
    waitForText("Ryhmän tehtävät – Kaavoitus");
    assertThat(browser.findElement(By.cssSelector(".sorting-choice, .sort-by, body")).getText())
        .contains("Eräpäivä");
    assertThat(bodyText()).contains("Omat ja ryhmieni tehtävät", "Käynnistä prosessi", "Lajittele");
    click(By.partialLinkText("Ryhmän tehtävät"));
    waitForText("Kuuluta vireilletulo ja OAS");
    screenshot("tasklist-filter");
    // this plan's task (other tests' plans may wait at the same step): the list shows its name
    click(
        By.xpath(
            "//li[contains(., '"
                + name
                + "')]//a[contains(normalize-space(.), 'Kuuluta vireilletulo ja OAS')]"));
    screenshot("tasklist-task");
    click(By.xpath("//*[normalize-space(text())='Ota käsittelyyn']"));
    By dateField =
        By.xpath("//label[contains(normalize-space(.),'Kuulutuspäivä')]/following::input[1]");
    // form-js 1.8's date picker takes US-style input; it may re-render once after it appears
    wait.until(
        b -> {
          WebElement date = b.findElement(dateField);
          date.click();
          date.sendKeys(
              org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "01/05/2026");
          date.sendKeys(org.openqa.selenium.Keys.ESCAPE);
          return !b.findElement(dateField).getAttribute("value").isBlank();
        });
    browser
        .findElement(
            By.xpath(
                "//label[contains(normalize-space(.),'OAS:n diaarinumero')]"
                    + "/following::input[1]"))
        .sendKeys("HEI/78/10.02.03/2026");
    // the notice was published before today: an earlier act registered now, with its reason
    browser
        .findElement(
            By.xpath("//label[contains(normalize-space(.),'Perustelu')]/following::textarea[1]"))
        .sendKeys("Kuulutus julkaistiin ennen kuin kaava kirjattiin Muutokseen");
    screenshot("tasklist-form");
    click(By.xpath("//button[normalize-space(.)='Valmis']"));

    wait.until(
        b ->
            driver
                .active(started.processInstanceId())
                .contains(ZoningPlanProcess.Elements.DISPLAY_DRAFT));
    assertThat(plans.find(started.planId()).stage()).isEqualTo(ZoningStage.DRAFT);
    screenshot("tasklist-completed");
  }

  @Test
  void theRegistryChoosesTheApprovingBodyFromTheMunicipalitysBodies() throws IOException {
    var started =
        zoning.start(
            new StartPlan(
                "Toimielintestin kaava " + UUID.randomUUID().toString().substring(0, 6),
                PlanType.MINOR_DETAILED_PLAN_CHANGE,
                false,
                "Tori",
                null));
    String instance = started.processInstanceId();
    driver.jobs(instance, ZoningPlanProcess.Elements.MARK_MEASURE_IN_PROGRESS);
    driver.complete(
        instance,
        ZoningPlanProcess.Elements.ANNOUNCE_INITIATION,
        ZoningSteps.announce("2026-01-05"));
    driver.complete(
        instance,
        ZoningPlanProcess.Elements.PREPARE_PROPOSAL,
        ZoningSteps.proposal("2026-03-04", ""));
    driver.jobs(instance, ZoningPlanProcess.Elements.DISPLAY_ENDED);
    driver.complete(
        instance,
        ZoningPlanProcess.Elements.REPLY_TO_REMINDERS,
        fi.muutos.testing.ZoningSteps.reply(false));

    login("tasklist", "kirjaaja");
    click(By.partialLinkText("Ryhmän tehtävät"));
    click(By.partialLinkText("Kirjaa hyväksymispäätös"));
    click(By.xpath("//*[normalize-space(text())='Ota käsittelyyn']"));
    // the body is chosen from muutos.municipality.bodies, not typed
    click(
        By.xpath(
            "//label[contains(normalize-space(.),'Päättävä toimielin')]"
                + "/following::*[contains(@class,'fjs-input-group')][1]"));
    waitForText("Kaupunginhallitus");
    click(
        By.xpath(
            "//*[contains(@class,'fjs-dropdownlist-item')"
                + " and normalize-space(.)='Hallintosäännön mukainen lautakunta']"));
    By dateField =
        By.xpath("//label[contains(normalize-space(.),'Päätöspäivä')]/following::input[1]");
    wait.until(
        b -> {
          WebElement date = b.findElement(dateField);
          date.click();
          date.sendKeys(
              org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "04/20/2026");
          date.sendKeys(org.openqa.selenium.Keys.ESCAPE);
          return !b.findElement(dateField).getAttribute("value").isBlank();
        });
    click(By.xpath("//label[normalize-space(.)='Hyväksytty']"));
    screenshot("tasklist-decision");
    WebElement done = browser.findElement(By.xpath("//button[normalize-space(.)='Valmis']"));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block:'center'})", done);
    click(By.xpath("//button[normalize-space(.)='Valmis']"));

    waitFor(
        "decision-recorded",
        b ->
            plans.find(started.planId()).stage() == ZoningStage.APPROVED
                || driver.active(instance).contains(ZoningPlanProcess.Elements.PUBLISH_NOTICE));
    assertThat(plans.find(started.planId()).stage()).isEqualTo(ZoningStage.APPROVED);
  }

  @Test
  void aPlannerSeesWhatRyhtiRefusedOnTheCorrectionTask() throws IOException {
    var started =
        zoning.start(
            new StartPlan(
                "Rajaukseton kaava " + UUID.randomUUID().toString().substring(0, 6),
                PlanType.MINOR_DETAILED_PLAN_CHANGE,
                false,
                "Satama",
                null));
    driver.jobs(started.processInstanceId(), ZoningPlanProcess.Elements.MARK_MEASURE_IN_PROGRESS);
    driver.complete(
        started.processInstanceId(),
        ZoningPlanProcess.Elements.ANNOUNCE_INITIATION,
        fi.muutos.testing.ZoningSteps.announce("2026-01-05"));
    ryhti.deliverDue(started.businessKey()); // no area: our own check refuses the plan matter
    login("tasklist", "kaavoittaja");
    waitForText("Ryhmän tehtävät – Kaavoitus");
    click(By.partialLinkText("Ryhmän tehtävät"));
    click(By.partialLinkText("Korjaa Ryhti-virhe"));
    waitForText("Ryhti ei hyväksynyt kaavan tietoja");
    waitForText("Kaavalta puuttuu aluerajaus");
    assertThat(bodyText()).contains("Kaavan Rajaukseton kaava");
    screenshot("tasklist-ryhti-correction");
  }

  @Test
  void managementSeesTheDashboardWithTheZoningOverview() throws IOException {
    var started =
        zoning.start(
            new StartPlan(
                "Rajattu kaava " + UUID.randomUUID().toString().substring(0, 6),
                PlanType.DETAILED_PLAN,
                false,
                "Keskusta",
                java.util.List.of(),
                null,
                null,
                fi.muutos.zoning.PlanAreaTest.SQUARE));
    login("cockpit", "kaupunginjohtaja");
    waitForText("Kaarlo Kuntamaa"); // Cockpit has loaded, as a person would see
    browser.get("about:blank");
    browser.get(url("/strategia.html"));
    waitForText("johdon näkymä");
    waitFor("dashboard-zoning", ExpectedConditions.visibilityOfElementLocated(By.id("kaavoitus")));
    assertThat(bodyText())
        .contains(
            "Hyvä asuu Heinolassa 2030",
            "Käynnissä",
            "Kaavoituksen tilanne",
            "Vaiheiden läpimenoajat");
    waitFor(
        "dashboard-area",
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("svg.areas path[data-plan='" + started.businessKey() + "']")));
    screenshot("dashboard-management");
  }

  @Test
  void managementFollowsTheStrategyInFinnishCockpit() throws Exception {
    // a transfer that has moved its measure (the Lahti Aqua sample: M-LAHTI-AQUA)
    String body =
        Files.readString(java.nio.file.Path.of("docs/samples/transfers/lahti-aqua.json"))
            .replace("\"serviceName\": \"", "\"serviceName\": \"Selain ");
    var created =
        new fi.muutos.testing.HttpTestClient(port)
            .postJson("/api/transfers", "hallintojohtaja", "demo", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    com.fasterxml.jackson.databind.JsonNode transfer =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body());
    String instance = transfer.path("processInstanceId").asText();
    String key = transfer.path("businessKey").asText();
    driver.jobs(instance, fi.muutos.transfer.TransferProcess.Elements.MEASURES_IN_PROGRESS);
    // a registration that arrives before its step: a filing on the case, waiting for it
    driver.send(
        "fi.muutos.company.registered",
        key,
        "{\"businessId\":\"3141592-6\",\"date\":\"2026-01-12\"}");

    login("cockpit", "kaupunginjohtaja");
    waitForText("Strategia: Hyvä asuu Heinolassa 2030"); // the dashboard's section
    String dashboard = bodyText();
    assertThat(dashboard)
        .contains("Seuranta", "Prosessit", "Toimenpiteet tiloittain", "Kaavoituksen läpimenoajat")
        .doesNotContain("Camunda 8", "migrate", "Processes", "Dashboard");
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
        .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
    WebElement search = browser.findElement(By.cssSelector("[data-muutos=dashboard] input"));
    search.sendKeys("Selain");
    waitFor(
        "case-found",
        ExpectedConditions.presenceOfElementLocated(By.xpath("//a[contains(., '" + key + "')]")));
    screenshot("cockpit-dashboard");

    browser.get(url("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime"));
    click(By.xpath("//*[normalize-space(text())='Strategia']"));
    waitForText("M-LAHTI-AQUA");
    waitForText("Asialle saapuneet asiakirjat");
    assertThat(browser.findElement(By.cssSelector("[data-muutos=instance]")).getText())
        .contains(
            "Käynnissä",
            key,
            "Tämän käsittelyn muutokset",
            "mallin versio",
            "Kaupparekisterimerkintä",
            "12.1.2026",
            "Vastaanotettu, odottaa vaihettaan");
    screenshot("cockpit-strategia-tab");

    // the process model's cases by name, and the measures its instances move
    String definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(fi.muutos.transfer.TransferProcess.KEY)
            .latestVersion()
            .singleResult()
            .getId();
    browser.get(
        url("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime"));
    click(By.xpath("//*[normalize-space(text())='Strategia ja tapaukset']"));
    waitFor(
        "definition-tab",
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-muutos=definition] input")));
    browser.findElement(By.cssSelector("[data-muutos=definition] input")).sendKeys("Selain");
    waitFor(
        "definition-case",
        b ->
            b.findElement(By.cssSelector("[data-muutos=definition]")).getText().contains(key)
                && b.findElement(By.cssSelector("[data-muutos=definition]"))
                    .getText()
                    .contains("M-LAHTI-AQUA"));
  }

  @Test
  void anAdministratorWorksInFinnishAdmin() throws IOException {
    login("admin", "admin");
    waitForText("Käyttäjät");
    assertThat(bodyText())
        .contains("Ylläpito", "Ryhmät", "Käyttöoikeudet")
        .doesNotContain("Camunda 8", "Authorizations");
    screenshot("admin");
  }

  @Test
  void aCivilServantChoosesTheirRemindersAndSubscribesToTheCalendar() throws IOException {
    login("tasklist", "henkilostopaallikko");
    waitForText("Henna");
    browser.get(url("/"));
    click(By.cssSelector("a[href='/muistutukset.html']"));
    waitForText("henkilostopaallikko@muutos.example");
    WebElement digest = browser.findElement(By.id("digest"));
    if (digest.isSelected()) {
      digest.click();
    }
    click(By.cssSelector("#valinnat button[type=submit]"));
    waitForText("Tallennettu.");
    click(By.id("uusi"));
    waitFor(
        "calendar-url",
        b -> b.findElement(By.id("syote")).getText().matches("http.*/calendar/.+\\.ics"));
    screenshot("reminders");
    // what the page saved is what the API says
    browser.navigate().refresh();
    waitForText("henkilostopaallikko@muutos.example");
    waitFor("digest-off", b -> !b.findElement(By.id("digest")).isSelected());
    click(By.id("digest"));
    click(By.cssSelector("#valinnat button[type=submit]"));
    waitForText("Tallennettu.");
    click(By.id("poista"));
    waitFor("calendar-revoked", b -> b.findElement(By.id("syote")).getText().equals("Ei tilattu."));
  }

  @Test
  void aResidentSeesThePublicStrategyWithoutPersonalData() throws IOException {
    browser.get(url("/strategia.html"));
    waitForText("Julkinen näkymä");
    waitForText("Vesilaitoksen operointipalvelut Lahti Aqua Oy:lle");
    String text = bodyText();
    assertThat(text).contains("Käynnissä", "Velkamäärän vähentäminen");
    assertThat(text).doesNotContain("Kaavoituksen tilanne", "kaavoittaja", "talousjohtaja");
    assertThat(browser.findElements(By.cssSelector("progress"))).isNotEmpty();
    screenshot("dashboard-public");
  }

  /**
   * Each process's diagram as Cockpit draws it from the deployed BPMN (bpmn-js), for
   * docs/processes: never drawn by hand. Written to target/screenshots/process-KEY.png; the build
   * copies nothing into docs by itself (see docs/processes/README.md).
   */
  @Test
  void everyProcessDiagramIsRenderedFromItsModel() throws IOException {
    // wide enough that a whole procedure fits at a readable size
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(3600, 1300));
    login("cockpit", "admin");
    waitForText("Pääkäyttäjä");
    // every process of processes/, so that a new model gets its picture
    List<String> keys;
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("processes"))) {
      keys =
          files
              .filter(f -> f.toString().endsWith(".bpmn"))
              .sorted()
              .flatMap(
                  f ->
                      org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(f.toFile())
                          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
                          .stream()
                          .map(org.camunda.bpm.model.bpmn.instance.Process::getId))
              .toList();
    }
    assertThat(keys).hasSizeGreaterThanOrEqualTo(7);
    for (String key : keys) {
      String id =
          repositoryService
              .createProcessDefinitionQuery()
              .processDefinitionKey(key)
              .latestVersion()
              .singleResult()
              .getId();
      browser.get(url("/camunda/app/cockpit/default/#/process-definition/" + id + "/runtime"));
      By canvas = By.cssSelector(".djs-container svg .djs-element");
      waitFor("diagram-" + key, ExpectedConditions.presenceOfElementLocated(canvas));
      // every element of the model is drawn
      int elements =
          repositoryService
              .getBpmnModelInstance(id)
              .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class)
              .size();
      waitFor(
          "diagram-complete-" + key,
          b ->
              b.findElements(By.cssSelector(".djs-container [data-element-id]")).size()
                  >= elements);
      // only the drawing: the page's pixels cut to the diagram's own bounds
      @SuppressWarnings("unchecked")
      Map<String, Number> box =
          (Map<String, Number>)
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "window.scrollTo(0, 0);"
                          + "var r = document.querySelector('.djs-container svg g.viewport')"
                          + ".getBoundingClientRect();"
                          + "return {x: r.left, y: r.top, w: r.width, h: r.height,"
                          + " ratio: window.devicePixelRatio};");
      BufferedImage page =
          ImageIO.read(
              new ByteArrayInputStream(
                  ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)));
      double ratio = box.get("ratio").doubleValue();
      int pad = 16;
      int x = Math.max(0, (int) (box.get("x").doubleValue() * ratio) - pad);
      int y = Math.max(0, (int) (box.get("y").doubleValue() * ratio) - pad);
      int w = Math.min(page.getWidth() - x, (int) (box.get("w").doubleValue() * ratio) + 2 * pad);
      int h = Math.min(page.getHeight() - y, (int) (box.get("h").doubleValue() * ratio) + 2 * pad);
      ImageIO.write(
          page.getSubimage(x, y, w, h),
          "png",
          SCREENSHOTS.resolve("process-" + key + ".png").toFile());
    }
  }

  // --- helpers ------------------------------------------------------------------------------

  /**
   * Signs in to a webapp: on the current page ({@code app == null}) or on the app's own page. The
   * sign-in is the login form's own request (with the webapp's CSRF token), sent from the page:
   * typing into the form raced with the form rendering again when its translations arrived, and a
   * sign-in with a lost password is a wrong one (which delays the account).
   */
  private void login(String app, String user) {
    if (app != null) {
      browser.get(url("/camunda/app/" + app + "/default/"));
    }
    waitFor(
        "login-form-" + user,
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    String webapp =
        app != null ? app : browser.getCurrentUrl().replaceAll(".*/camunda/app/([a-z]+)/.*", "$1");
    Object status =
        ((JavascriptExecutor) browser)
            .executeScript(
                "var token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];"
                    + "var x = new XMLHttpRequest();"
                    + "x.open('POST', '/camunda/api/admin/auth/user/default/login/' + arguments[0], false);"
                    + "x.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');"
                    + "x.setRequestHeader('Accept', 'application/json');"
                    + "if (token) { x.setRequestHeader('X-XSRF-TOKEN', token); }"
                    + "x.send('username=' + encodeURIComponent(arguments[1]) + '&password=demo');"
                    + "return x.status;",
                webapp,
                user);
    assertThat(status).as("signing in as " + user + " to " + webapp).isEqualTo(200L);
    // the page again, signed in: where it was, or the app's start where it was the login view
    String here = browser.getCurrentUrl();
    browser.get(here.contains("#/login") ? here.substring(0, here.indexOf('#')) : here);
    if (!here.contains("#/login")) {
      browser.navigate().refresh();
    }
    waitFor(
        "login-" + user,
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
  }

  private void click(By by) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
    // a long list puts it under the page's footer: into view first
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private void waitForText(String text) {
    waitFor(text.replaceAll("[^A-Za-z0-9]", "_"), b -> bodyText().contains(text));
  }

  /** Waits; on a timeout leaves a screenshot of what the browser showed. */
  private <T> T waitFor(String what, java.util.function.Function<? super WebDriver, T> condition) {
    try {
      return wait.until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      try {
        screenshot("failure-" + what);
        Files.writeString(
            SCREENSHOTS.resolve("failure-" + what + ".txt"),
            bodyText()
                + "\n"
                + ((JavascriptExecutor) browser)
                    .executeScript(
                        "var out = JSON.stringify(window.__errors || []);"
                            + "out += '\\ncookies: ' + document.cookie;"
                            + "performance.getEntriesByType('resource').forEach(function (e) {"
                            + "  if (e.responseStatus >= 400) { out += '\\n' + e.responseStatus + ' '"
                            + " + e.name; } });"
                            + "['/api/zoning/plans', '/api/zoning/lead-times',"
                            + " '/camunda/api/admin/auth/user/default'].forEach(function (u) {"
                            + "  var x = new XMLHttpRequest(); x.open('GET', u, false); x.send();"
                            + "  out += '\\n' + u + ' ' + x.status + ' ' + x.responseText.substring(0, 300); });"
                            + "return out;"));
      } catch (IOException ignored) {
        // the timeout is what matters
      }
      throw e;
    }
  }

  private String bodyText() {
    return (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void screenshot(String name) throws IOException {
    File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(
        file.toPath(),
        SCREENSHOTS.resolve(name + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}

package fi.muutos.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests (Debian's chromium and chromium-driver; .ci/run installs
 * them), in Finnish, with a fresh profile, and none of Chromium's own connections to the internet.
 */
public final class Chromium {

  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  public static final String MISSING =
      "No browser: install Debian's chromium and chromium-driver to run the browser tests";

  private Chromium() {}

  public static boolean available() {
    return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
  }

  public static WebDriver start() throws IOException {
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(BINARY.toFile())
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--lang=fi-FI",
                "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fi-FI,fi"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}

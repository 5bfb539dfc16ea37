/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven by its chromedriver, both found on the machine (Debian's
 * {@code chromium} and {@code chromium-driver}; {@code .ci/install-chromium} installs them), never
 * downloaded by Selenium Manager. Missing, the browser tests fail in CI ({@code CI=true}) and are
 * skipped elsewhere, saying how to install them.
 */
final class Chromium {

    private static final String[] BROWSERS = {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"
    };
    private static final String[] DRIVERS = {"/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"};

    private Chromium() {}

    /** Starts a fresh browser (its own profile in {@code profile}), or fails or skips as described above. */
    static ChromeDriver start(Path profile) {
        Optional<String> browser = find("CHROME_BIN", BROWSERS);
        Optional<String> driver = find("CHROMEDRIVER", DRIVERS);
        if (browser.isEmpty() || driver.isEmpty()) {
            String why = "no Chromium or chromedriver on this machine: run `bash .ci/install-chromium`"
                    + " (apt-get install chromium chromium-driver) or set CHROME_BIN and CHROMEDRIVER";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.get())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1400,1000",
                        "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver.get()))
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return chrome;
    }

    /** Saves what {@code chrome} shows as {@code target/screenshots/<name>.png}. */
    static void screenshot(ChromeDriver chrome, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
    }

    private static Optional<String> find(String variable, String... candidates) {
        return Stream.concat(Stream.ofNullable(System.getenv(variable)), Stream.of(candidates))
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst();
    }
}

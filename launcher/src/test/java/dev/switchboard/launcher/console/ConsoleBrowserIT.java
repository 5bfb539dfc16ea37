/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.TrackMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real headless Chromium against the whole system in dev mode: log in with the link
 * {@code switchboard dev} prints, watch calls sent with Segment's Java library arrive live in the source
 * debugger, pause it, search it, read a rejection's reason, see a destination's 503 in event delivery,
 * redrive the dead letter from the page and follow the event's trace; hostile text stays text; a burst of
 * 1,000 calls a second keeps the list capped and current. Each view's screenshot is saved in
 * {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XSS_EVENT = "<img src=x onerror=\"window.__xss=1\">";
    private static final String XSS_USER = "\"><svg onload=window.__xss=2>";

    @TempDir
    static Path dir;

    static ConsoleFixture fx;
    static ChromeDriver chrome;

    @BeforeAll
    static void start() throws Exception {
        chrome = Chromium.start(dir.resolve("profile"));
        fx = new ConsoleFixture(dir);
    }

    @AfterAll
    static void stop() {
        if (chrome != null) {
            chrome.quit();
        }
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    @Order(1)
    void shouldLogInWithThePrintedLinkAndShowTheWorkspaceWithoutSecrets() throws Exception {
        chrome.get(fx.consoleUrl() + "/login?token=not-the-console-token");
        eventually().untilAsserted(() -> assertThat(text("#login-message")).contains("wrong token"));

        chrome.get(fx.dev.consoleLoginUrl());
        eventually().untilAsserted(() -> assertThat(text("#destinations")).contains("hooks", "quiet"));
        assertThat(text("#sources .write-keys")).startsWith("wk_c").doesNotContain(ConsoleFixture.WRITE_KEY);
        assertThat(chrome.getPageSource())
                .doesNotContain(ConsoleFixture.SHARED_SECRET)
                .doesNotContain(ConsoleFixture.WRITE_KEY);
        Chromium.screenshot(chrome, "workspace");
    }

    @Test
    @Order(2)
    void shouldShowCallsLiveAsTheyArriveWithWhatTheRouterMadeOfThem() throws Exception {
        open("#/sources/web");
        eventually().until(() -> !chrome.findElements(By.id("calls")).isEmpty());
        fx.sendWithSegmentsLibrary(
                TrackMessage.builder("Signed Up").userId("u-ada").messageId("b-1"),
                IdentifyMessage.builder().userId("u-bob").messageId("b-2").traits(Map.of("plan", "pro")));

        // the page is not reloaded: the calls come over the live stream, newest first
        eventually().untilAsserted(() -> assertThat(rowIds()).startsWith("b-2", "b-1"));
        click(() -> row("b-1"));
        eventually().untilAsserted(() -> assertThat(text("#calls tr.detail"))
                .contains("Enriched by the router", "\"receivedAt\"", "hooks", "quiet")
                .contains("routed"));
        Chromium.screenshot(chrome, "debugger");
    }

    @Test
    @Order(3)
    void shouldHoldTheListWhilePausedAndCatchUpOnResume() throws Exception {
        open("#/sources/web");
        eventually().untilAsserted(() -> assertThat(rowIds()).contains("b-1"));
        chrome.findElement(By.id("live-toggle")).click();
        assertThat(text("#live-status")).isEqualTo("paused");

        fx.sendWithSegmentsLibrary(
                TrackMessage.builder("While Paused").userId("u-ada").messageId("b-paused"));
        // the console has it (its API lists it), the paused page does not show it
        eventually().until(() -> api("/api/sources/web/calls?q=b-paused")
                .path("calls")
                .toString()
                .contains("b-paused"));
        Thread.sleep(1_000); // four live frames' worth, had the page been listening
        assertThat(rowIds()).doesNotContain("b-paused");

        chrome.findElement(By.id("live-toggle")).click();
        eventually().untilAsserted(() -> assertThat(rowIds()).first().isEqualTo("b-paused"));
        assertThat(text("#live-status")).startsWith("live");
    }

    @Test
    @Order(4)
    void shouldSearchByAnyTextAndFilterByType() {
        open("#/sources/web");
        eventually().untilAsserted(() -> assertThat(rowIds()).contains("b-1", "b-2"));
        WebElement search = chrome.findElement(By.id("search"));
        search.sendKeys("u-bob");
        eventually().untilAsserted(() -> assertThat(rowIds()).containsExactly("b-2"));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        eventually().untilAsserted(() -> assertThat(rowIds()).contains("b-1", "b-2", "b-paused"));

        new Select(chrome.findElement(By.id("type-filter"))).selectByValue("identify");
        eventually().untilAsserted(() -> assertThat(rowIds()).containsExactly("b-2"));
    }

    @Test
    @Order(5)
    void shouldShowWhyACallWasRejectedAndKeepHostileTextAsText() throws Exception {
        open("#/sources/web");
        eventually().until(() -> !chrome.findElements(By.id("calls")).isEmpty());
        String hostile = JSON.writeValueAsString(Map.of(
                "type",
                "track",
                "event",
                XSS_EVENT,
                "userId",
                XSS_USER,
                "messageId",
                "b-xss",
                "properties",
                Map.of("note", "<script>window.__xss=3</script>")));
        assertThat(fx.sendRaw(
                        "/v1/batch",
                        "{\"batch\":[" + hostile
                                + ",{\"type\":\"track\",\"event\":\"Nobody\",\"messageId\":\"b-nobody\"}]}"))
                .isEqualTo(200);

        eventually().untilAsserted(() -> assertThat(row("b-nobody").getText()).contains("userId"));
        eventually().untilAsserted(() -> assertThat(
                        row("b-xss").findElement(By.cssSelector(".event-name")).getText())
                .isEqualTo(XSS_EVENT));
        click(() -> row("b-xss"));
        eventually().untilAsserted(() -> assertThat(text("#calls tr.detail")).contains("window.__xss=3"));
        assertThat(chrome.executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertThat(chrome.findElements(By.cssSelector("#main img, #main script, #calls svg")))
                .isEmpty();
        Chromium.screenshot(chrome, "debugger-rejected");
    }

    @Test
    @Order(6)
    void shouldShowADestinationsErrorWithItsRequestAndResponse() throws Exception {
        fx.status.set(503);
        fx.sendWithSegmentsLibrary(
                TrackMessage.builder("Checkout Failed").userId("u-ada").messageId("d-1"));
        eventually().until(() -> api("/api/destinations/hooks/dead-letters")
                .path("letters")
                .toString()
                .contains("d-1"));

        open("#/destinations/hooks");
        eventually().untilAsserted(() -> assertThat(text("#errors"))
                .contains("503", "hooks is down for maintenance", "x-vendor-trace: vt-123", "Checkout Failed"));
        assertThat(text("#steps li[data-step=deadLettered] strong")).isNotEqualTo("0");
        assertThat(text("#steps li[data-step=droppedFilter]")).startsWith("Dropped by a filter");
        assertThat(chrome.findElements(By.cssSelector("svg.trend rect"))).isNotEmpty();
        assertThat(chrome.getPageSource()).doesNotContain(ConsoleFixture.SHARED_SECRET);
        Chromium.screenshot(chrome, "delivery");
    }

    @Test
    @Order(7)
    void shouldRedriveADeadLetterFromThePageAndDeliverItOnce() throws Exception {
        fx.status.set(200);
        open("#/dead-letters/hooks");
        eventually().untilAsserted(() -> assertThat(text("#letters")).contains("d-1"));
        click(() -> letter("d-1").findElement(By.cssSelector(".inspect")));
        eventually().untilAsserted(() -> assertThat(text("#letters tr.detail")).contains("Attempts", "503"));
        assertThat(text("#letters tr.detail")).doesNotContain(ConsoleFixture.SHARED_SECRET);
        click(() -> letter("d-1").findElement(By.cssSelector("input.pick")));
        chrome.findElement(By.id("redrive")).click();

        eventually().untilAsserted(() -> assertThat(text("#redrive-result")).contains("1 put back for delivery"));
        eventually().until(() -> fx.received.stream().anyMatch(b -> b.contains("\"d-1\"")));
        eventually().untilAsserted(() -> assertThat(text("#letters")).contains("redriven"));
        Chromium.screenshot(chrome, "dead-letters");
    }

    @Test
    @Order(8)
    void shouldTraceAnEventThroughEveryStep() throws Exception {
        WebElement input = chrome.findElement(By.id("trace-input"));
        input.sendKeys("d-1", Keys.ENTER);
        eventually().untilAsserted(() -> assertThat(chrome.findElements(By.cssSelector("#trace-steps > li")).stream()
                        .map(li -> li.getAttribute("data-step"))
                        .toList())
                .containsSubsequence("received", "enriched", "routed", "request"));
        eventually().untilAsserted(() -> assertThat(text("#trace-steps")).contains("HTTP 503", "HTTP 200"));
        Chromium.screenshot(chrome, "trace");
    }

    @Test
    @Order(9)
    void shouldKeepTheDebuggerCappedAndCurrentUnderAThousandCallsASecond() throws Exception {
        open("#/sources/web");
        eventually().untilAsserted(() -> assertThat(rowIds()).isNotEmpty());
        // the browser's own account of main-thread work over 50 ms (the Long Tasks API)
        chrome.executeScript("window.__long = []; new PerformanceObserver((l) => l.getEntries()"
                + ".forEach((e) => window.__long.push(e.duration))).observe({ entryTypes: ['longtask'] });");
        Thread.sleep(5_000); // the baseline: the same page, live, with nothing arriving
        List<Double> idle = longTasks();
        int batches = 50;
        int perBatch = 100;
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) { // 5,000 calls at 1,000 a second
            StringBuilder batch = new StringBuilder("{\"batch\":[");
            for (int i = 0; i < perBatch; i++) {
                batch.append(i == 0 ? "" : ",")
                        .append("{\"type\":\"track\",\"event\":\"Burst\",\"userId\":\"u-")
                        .append(i)
                        .append("\",\"messageId\":\"burst-")
                        .append(b * perBatch + i)
                        .append("\"}");
            }
            sent.add(fx.sendRawAsync("/v1/batch", batch.append("]}").toString()));
            long due = start + (b + 1) * 100_000_000L;
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
        }
        assertThat(sent).allSatisfy(f -> assertThat(f.join()).isEqualTo(200));
        double sending = (System.nanoTime() - start) / 1e9;
        String last = "burst-" + (batches * perBatch - 1);

        // newest first in the order the console read them: the last batch on top (its users' partitions interleave)
        eventually()
                .untilAsserted(() ->
                        assertThat(rowIds()).contains(last).first().asString().startsWith("burst-49"));
        assertThat(rowIds()).hasSizeLessThanOrEqualTo(500);
        assertThat(text("#live-status")).contains("more arrived than listed");
        List<Double> all = longTasks(); // read once: the page may add a task between two reads
        List<Double> burst = all.subList(idle.size(), all.size());
        System.out.printf(
                "console burst: %d calls acknowledged in %.1f s, all listed after %.1f s; page main-thread tasks"
                        + " over 50 ms: %d, longest %.0f ms (idle 5 s before: %d, longest %.0f ms)%n",
                batches * perBatch,
                sending,
                (System.nanoTime() - start) / 1e9,
                burst.size(),
                burst.stream().mapToDouble(d -> d).max().orElse(0),
                idle.size(),
                idle.stream().mapToDouble(d -> d).max().orElse(0));
    }

    /** Every main-thread task over 50 ms the page's observer saw, in order. */
    private static List<Double> longTasks() {
        List<?> all = (List<?>) chrome.executeScript("return window.__long;");
        return all.stream().map(d -> ((Number) d).doubleValue()).toList();
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions();
    }

    /** Loads the page afresh at {@code hash} (a get of the URL already shown would only be a same-page jump). */
    private static void open(String hash) {
        chrome.get("about:blank");
        chrome.get(fx.consoleUrl() + "/" + hash);
    }

    private static String text(String css) {
        return chrome.findElement(By.cssSelector(css)).getText();
    }

    private static WebElement row(String messageId) {
        return chrome.findElement(By.cssSelector("#calls tr.call[data-message-id='" + messageId + "']"));
    }

    private static WebElement letter(String messageId) {
        return chrome.findElements(By.cssSelector("#letters tr.letter")).stream()
                .filter(r -> r.getText().contains(messageId))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Clicks the element {@code find} returns, finding it again if a live redraw replaced it between the find
     * and the click (Selenium's stale element): the page redraws its rows on every live frame.
     */
    private static void click(Callable<WebElement> find) {
        eventually().until(() -> {
            find.call().click();
            return true;
        });
    }

    /** The listed calls' messageIds, top to bottom, read in one script call (not one round trip per row). */
    private static List<String> rowIds() {
        List<?> ids = (List<?>) chrome.executeScript(
                "return [...document.querySelectorAll('#calls tr.call')].map((r) => r.dataset.messageId);");
        return ids.stream().map(String::valueOf).toList();
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> r = fx.http.send(
                HttpRequest.newBuilder(URI.create(fx.consoleUrl() + path))
                        .header("Authorization", "Bearer " + fx.dev.consoleToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}

package vn.langnghe.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in real headless Chromium against the real suite (packaged jars, PostgreSQL, Kafka): an organiser
 * records an opinion and the hall display shows it without a reload; an officer answers a case and the analyst
 * dashboard's count changes; Vietnamese renders with a real font. Screenshots of the main pages go to
 * docs/screenshots. Runs in {@code verify}, after every module is packaged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    static Suite suite;
    static Browser browser;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startEverything() {
        assumeTrue(Browser.available(), "Chromium and chromedriver are needed (apt-get install chromium"
                + " chromium-driver fonts-noto-core; .ci/run installs them)");
        suite = new Suite().start();
        browser = new Browser(suite.console.baseUrl(), 1280, 860);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void stateChangingRequestsNeedTheCustomHeader_andLiveFeedsNeedASession() throws Exception {
        String base = suite.console.baseUrl();
        HttpResponse<String> noHeader = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("role=organiser")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noHeader.statusCode()).isEqualTo(403);
        HttpResponse<String> crossSite = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Langnghe-CSRF", "1")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("role=organiser")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Langnghe-CSRF", "1")
                .header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString("role=organiser")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("langnghe_session=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        HttpResponse<String> live = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/forums/" + UUID.randomUUID()
                + "/live")).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void organiserRecordsAnOpinion_andTheHallDisplayShowsItWithoutAReload() {
        try {
            browser.signInAs("organiser");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/forums");
            browser.screenshot(suite.root, "forums");

            // schedule
            browser.waitFor(By.name("headTitle")).sendKeys("Giám đốc Công an thành phố");
            WebElement venueName = browser.driver.findElement(By.name("venueName"));
            venueName.sendKeys("Nhà văn hóa phường An Dương");
            new Select(browser.driver.findElement(By.name("venueUnitId"))).selectByValue("HP-LECHAN-ANDUONG");
            browser.driver.findElement(By.cssSelector("#schedule-form button[type=submit]")).click();
            browser.waitUntil(d -> d.getCurrentUrl().matches(".*/forums/[0-9a-f-]{36}$"), Duration.ofSeconds(20));
            String forumUrl = browser.driver.getCurrentUrl();

            // open with the attendance
            browser.waitFor(By.name("count_RESIDENTIAL_GROUP")).sendKeys("41");
            browser.driver.findElement(By.name("count_VETERANS")).sendKeys("12");
            browser.driver.findElement(By.name("count_WOMENS_UNION")).sendKeys("14");
            browser.driver.findElement(By.cssSelector("form[hx-post$='/open'] button[type=submit]")).click();
            browser.waitFor(By.id("record-form"));

            // the hall display in a second window, live
            String desk = browser.driver.getWindowHandle();
            browser.driver.switchTo().newWindow(WindowType.WINDOW);
            String hall = browser.driver.getWindowHandle();
            browser.driver.get(forumUrl + "/hall");
            browser.waitUntil(d -> d.findElement(By.cssSelector("[data-live-state]")).getAttribute("class")
                    .contains("on"), Duration.ofSeconds(20));
            browser.js("window.__notReloaded = 'still the same page';");
            assertThat(browser.driver.findElements(By.cssSelector(".opinion"))).isEmpty();

            // record, keyboard first: topic, nature by digit, summary, Ctrl+Enter
            browser.driver.switchTo().window(desk);
            WebElement topic = browser.waitFor(By.id("topic"));
            topic.sendKeys("TRAFFIC_SAFETY");
            browser.driver.findElement(By.tagName("h2")).click(); // leave the field, then pick the nature by its digit
            new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys("5").perform();
            String summary = "Đề nghị bố trí lực lượng phân luồng giao thông tại cổng trường giờ tan học";
            WebElement text = browser.driver.findElement(By.id("publicSummary"));
            text.sendKeys(summary);
            text.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
            browser.waitUntil(d -> d.findElement(By.cssSelector("#record-form .result")).getText().length() > 0,
                    Duration.ofSeconds(20));
            assertThat(browser.driver.findElement(By.id("publicSummary")).getAttribute("value")).isEmpty();

            // it appears on the hall display, same page, no reload
            browser.driver.switchTo().window(hall);
            browser.waitUntil(d -> d.findElements(By.cssSelector("#hall-opinions .opinion")).stream()
                    .anyMatch(e -> e.getText().contains(summary)), Duration.ofSeconds(20));
            assertThat(browser.js("return window.__notReloaded")).isEqualTo("still the same page");
            WebElement card = browser.driver.findElement(By.cssSelector("#hall-opinions .opinion"));
            assertThat(card.getText()).contains("mất an toàn giao thông").contains("đề nghị, kiến nghị");
            assertThat(browser.driver.findElement(By.cssSelector("[data-count=opinions]")).getText()).isEqualTo("1");

            // answer on the spot from the desk: the hall display shows the answer too
            browser.driver.switchTo().window(desk);
            browser.waitFor(By.cssSelector("#opinions .opinion details.act summary")).click();
            WebElement answerForm = browser.driver.findElement(By.cssSelector("#opinions .opinion form[hx-post$='/answer']"));
            answerForm.findElement(By.name("answeredByTitle")).sendKeys("Trưởng Công an phường An Dương");
            answerForm.findElement(By.name("answerSummary")).sendKeys("Từ tuần sau bố trí lực lượng phân luồng giờ tan học.");
            answerForm.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitUntil(d -> !d.findElements(By.cssSelector("#opinions .status.answered")).isEmpty(),
                    Duration.ofSeconds(20));
            browser.screenshot(suite.root, "forum-desk");

            browser.driver.switchTo().window(hall);
            browser.waitUntil(d -> !d.findElements(By.cssSelector("#hall-opinions .status.answered")).isEmpty(),
                    Duration.ofSeconds(20));
            assertThat(browser.js("return window.__notReloaded")).isEqualTo("still the same page");
            assertThat(browser.driver.findElement(By.cssSelector("[data-count=answered]")).getText()).isEqualTo("1");
            browser.screenshot(suite.root, "hall-display");
            browser.driver.close();
            browser.driver.switchTo().window(desk);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + page() + suite.logs(), e);
        }
    }

    @Test
    @Order(3)
    void officerAnswersACase_andTheAnalystDashboardCountChanges() throws Exception {
        try {
            UUID caseId = receivedAndClassifiedPetition(0);
            UUID overdueId = receivedAndClassifiedPetition(70);

            browser.signInAs("analyst");
            WebElement answered = browser.waitFor(By.id("fig-answered"));
            long before = Long.parseLong(answered.getAttribute("data-value"));

            browser.signInAs("officer");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/inbox");
            // most urgent legal deadline first, overdue marked
            WebElement first = browser.waitFor(By.cssSelector("#inbox tbody tr"));
            assertThat(first.getAttribute("data-case")).isEqualTo(overdueId.toString());
            assertThat(first.getAttribute("class")).contains("clock-OVERDUE");
            assertThat(first.getText()).contains("quá hạn");
            browser.screenshot(suite.root, "inbox");
            browser.waitFor(By.cssSelector("tr[data-case='" + caseId + "'] a")).click();
            browser.waitFor(By.id("case-status"));
            // identity: only on request, with a purpose (audited by intake-service)
            browser.driver.findElement(By.cssSelector("form[hx-post$='/reporter'] input[name=purpose]"))
                    .sendKeys("liên hệ trả lời công dân");
            browser.driver.findElement(By.cssSelector("form[hx-post$='/reporter'] button")).click();
            browser.waitFor(By.cssSelector("#identity dl"));
            assertThat(browser.driver.findElement(By.id("identity")).getText()).contains("Nguyễn Thị Hòa");
            browser.screenshot(suite.root, "case");

            WebElement action = browser.driver.findElement(By.id("action-answer"));
            if (action.getAttribute("open") == null) {
                action.findElement(By.tagName("summary")).click();
            }
            action.findElement(By.name("answerSummary")).sendKeys("Đã phối hợp bố trí lực lượng phân luồng giờ tan học.");
            action.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitUntil(d -> "ANSWERED".equals(d.findElement(By.id("case-status")).getAttribute("data-status")),
                    Duration.ofSeconds(20));

            browser.signInAs("analyst");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long after = before;
            while (after == before && System.nanoTime() < deadline) {
                Thread.sleep(700);
                browser.open("/dashboard");
                after = Long.parseLong(browser.waitFor(By.id("fig-answered")).getAttribute("data-value"));
            }
            assertThat(after).as("answered on the dashboard").isEqualTo(before + 1);
            browser.screenshot(suite.root, "dashboard");
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + page() + suite.logs(), e);
        }
    }

    @Test
    @Order(4)
    void vietnameseRendersWithARealFont_andEnglishIsOneClickAway() {
        browser.signInAs("analyst");
        @SuppressWarnings("unchecked")
        Map<String, Object> fonts = (Map<String, Object>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const sample = 'Tiếng Việt: ệ ư đ Ệ Ư Đ';
                document.fonts.load("16px 'Langnghe Sans'", sample)
                  .then(faces => done({loaded: faces.length, statuses: faces.map(f => f.status),
                      check: document.fonts.check("16px 'Langnghe Sans'", sample)}))
                  .catch(e => done({error: String(e)}));
                """);
        assertThat(fonts).doesNotContainKey("error");
        assertThat(((Number) fonts.get("loaded")).intValue()).as("font faces loaded for ệ ư đ").isPositive();
        assertThat((List<Object>) fonts.get("statuses")).containsOnly("loaded");
        assertThat(fonts.get("check")).isEqualTo(true);
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Báo cáo, thống kê");

        browser.driver.findElement(By.cssSelector("a[hreflang=en]")).click();
        browser.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")), Duration.ofSeconds(10));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Reports");
        browser.driver.findElement(By.cssSelector("a[hreflang=vi]")).click();

        // a tablet in portrait: the dashboard still fits
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        browser.open("/dashboard");
        browser.waitFor(By.id("fig-answered"));
        Number overflow = (Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("no horizontal scrolling on a tablet").isLessThanOrEqualTo(0);
        browser.screenshot(suite.root, "dashboard-tablet");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 860));
    }

    private static String page() {
        try {
            String html = browser.driver.getPageSource();
            int main = html.indexOf("<main");
            return "\n--- page " + browser.driver.getCurrentUrl() + " ---\n"
                    + html.substring(Math.max(0, main), Math.min(html.length(), Math.max(0, main) + 6000));
        } catch (RuntimeException e) {
            return "\n(no page: " + e + ")";
        }
    }

    /**
     * A petition received at the reception desk with the citizen's name, classified: ready to be answered. Received
     * {@code daysAgo} (on paper), so an old one is overdue.
     */
    private UUID receivedAndClassifiedPetition(int daysAgo) throws Exception {
        String receivedOn = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(daysAgo)
                .toString();
        String token = suite.roleTokens.get("officer");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(suite.intake.baseUrl()
                        + "/api/v1/submissions")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"kind":"PETITION","channel":"RECEPTION_DESK","unitId":"HP-LECHAN-ANDUONG",
                         "topic":"SCHOOL_GATE_CONGESTION","receivedOn":"%s",
                         "description":"Giờ tan học cổng trường tiểu học ùn tắc, đề nghị công an phường phân luồng.",
                         "reporter":{"fullName":"Nguyễn Thị Hòa","phone":"0912345678"}}
                        """.formatted(receivedOn))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1"));
        String version = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> classified = HTTP.send(HttpRequest.newBuilder(URI.create(suite.intake.baseUrl()
                        + "/api/v1/submissions/" + id + "/classify")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("If-Match", version)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"kind":"PETITION","topic":"SCHOOL_GATE_CONGESTION","unitId":"HP-LECHAN-ANDUONG",
                         "publicSummary":"Kiến nghị phân luồng giao thông tại cổng trường tiểu học giờ tan học.",
                         "effectiveOn":"%s"}
                        """.formatted(receivedOn))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(classified.statusCode()).as(classified.body()).isEqualTo(200);
        return id;
    }
}

package org.accessline.web.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.accessline.web.support.Axe;
import org.accessline.web.support.BrowserTest;
import org.accessline.web.support.Browsers;
import org.accessline.web.support.FakeTwilioApi;
import org.accessline.web.support.TestGateway;
import org.accessline.web.support.TwilioWebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** An agent works text messages in the console by keyboard: pictures, segment counts, opt-outs and the resident's history. */
class SmsInConsoleIT extends BrowserTest {
  private static final String RESIDENT = "+15551230002";

  private TwilioWebhookClient webhooks;
  private WebDriver agent;
  private int sids;

  @BeforeEach
  void start() throws IOException {
    Vertx apiVertx = Vertx.vertx();
    closeAfter(() -> apiVertx.close().await());
    FakeTwilioApi twilio = closeAfter(new FakeTwilioApi(apiVertx));
    useGateway(new TestGateway(work.resolve("data"), Duration.ofSeconds(30), 4,
        TwilioWebhookClient.gatewayOptions(new JsonObject().put("smsFrom", "+15550003110").put("apiBaseUrl", twilio.baseUrl()))));
    webhooks = closeAfter(new TwilioWebhookClient(gateway.vertx, gateway.port()));
    agent = browser("agent-profile");
  }

  private void texts(String body, Map<String, String> extra) {
    Map<String, String> f = new LinkedHashMap<>(Map.of("MessageSid", String.format("MM%032x", ++sids), "From", RESIDENT, "To", "+15550003110",
        "Body", body, "NumMedia", "0", "AccountSid", TwilioWebhookClient.ACCOUNT_SID));
    f.putAll(extra);
    if (webhooks.post("/channels/sms/twilio", f).statusCode() != 200) throw new IllegalStateException("webhook refused");
  }

  @Test
  void theAgentSeesPicturesCountsTextsSeesAnOptOutAndFindsTheResidentsHistory() {
    Browsers.signInAvailable(agent, gateway.port(), "maria");
    texts("Graffiti on the bridge", Map.of("NumMedia", "1", "MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
        "MediaContentType0", "image/jpeg"));
    Browsers.press(agent, By.cssSelector("#conversation-list button"));
    Browsers.waitForText(agent, By.id("transcript"), "Graffiti on the bridge");
    WebElement picture = Browsers.waitFor(agent, By.cssSelector("#transcript a.attachment"));
    assertTrue(picture.getText().contains("image/jpeg"), picture.getText());

    WebElement reply = agent.findElement(By.id("reply"));
    reply.sendKeys("x".repeat(161));
    Browsers.waitForText(agent, By.id("sms-preview"), "Sends as 2 texts (GSM-7)");
    reply.clear();
    reply.sendKeys("Gracias — lo limpiaremos");
    Browsers.waitForText(agent, By.id("sms-preview"), "Sends as 1 text (UCS-2");
    reply.sendKeys(Keys.ENTER);
    Browsers.waitForText(agent, By.id("transcript"), "queued");

    // The resident asks in the conversation not to be texted later: recorded by keyboard, confirmed to them once.
    Browsers.press(agent, By.id("consent-grant"));
    Browsers.waitForText(agent, By.id("follow-up-tools-status"), "Consent to texts recorded.");
    Browsers.press(agent, By.id("consent-revoke"));
    Browsers.waitForText(agent, By.id("follow-up-tools-status"), "Withdrawal recorded; the resident was sent one confirmation.");
    Browsers.waitForText(agent, By.id("transcript"), "As you asked, we will not text you to follow up.");
    Axe.assertNoViolations(agent, "consent withdrawn from the workspace");
    Browsers.press(agent, By.id("consent-revoke"));
    Browsers.waitForText(agent, By.id("follow-up-tools-status"), "Withdrawal recorded.");

    texts("STOP", Map.of());
    Browsers.waitForText(agent, By.id("transcript"), "The resident texted STOP: no text can reach them until they text START.");

    agent.findElement(By.id("open-resolve")).sendKeys(Keys.ENTER);
    new Select(agent.findElement(By.id("disposition"))).selectByVisibleText("Service request created");
    agent.findElement(By.id("resolve-submit")).sendKeys(Keys.ENTER);
    // The resident's next text must come after the resolution, or it would land in this conversation.
    new org.openqa.selenium.support.ui.WebDriverWait(agent, Duration.ofSeconds(10))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#conversation-list button")));
    texts("START", Map.of());
    Browsers.press(agent, By.cssSelector("#conversation-list button"));
    Browsers.waitForText(agent, By.id("transcript"), "can be texted again");
    Browsers.waitForText(agent, By.id("history"), "Service request created");
    // The history links to the earlier record on the records page, signed in already.
    agent.get(agent.findElement(By.cssSelector("#history a")).getAttribute("href"));
    Browsers.waitForText(agent, By.id("record-facts"), "Service request created");
    Browsers.waitForText(agent, By.id("record-entries"), "STOP");
  }
}

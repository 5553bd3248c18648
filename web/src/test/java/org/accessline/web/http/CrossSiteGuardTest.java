package org.accessline.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.http.HttpMethod;
import java.util.Optional;
import org.accessline.web.http.CrossSiteGuard.Request;
import org.accessline.web.http.CrossSiteGuard.Verdict;
import org.junit.jupiter.api.Test;

class CrossSiteGuardTest {
  private static final String HOST = "127.0.0.1:8080";
  private static final String JSON = "application/json";

  private static Verdict decide(HttpMethod method, String origin, String site, String type) {
    return CrossSiteGuard.decide(new Request(method, HOST, origin, site, type), Optional.empty());
  }

  @Test
  void theConsoleOwnJsonRequestsPass() {
    assertInstanceOf(Verdict.Allowed.class, decide(HttpMethod.POST, "http://127.0.0.1:8080", "same-origin", JSON));
    assertInstanceOf(Verdict.Allowed.class, decide(HttpMethod.PUT, "http://127.0.0.1:8080", null, "application/json; charset=utf-8"));
    assertInstanceOf(Verdict.Allowed.class, decide(HttpMethod.DELETE, "https://127.0.0.1:8080", "same-origin", "Application/JSON"));
  }

  @Test
  void clientsThatAreNotBrowsersAreJudgedByTheirContentTypeAlone() {
    assertInstanceOf(Verdict.Allowed.class, decide(HttpMethod.POST, null, null, JSON));
    assertInstanceOf(Verdict.NotJson.class, decide(HttpMethod.POST, null, null, null));
    assertInstanceOf(Verdict.NotJson.class, decide(HttpMethod.POST, null, null, "text/plain"));
  }

  @Test
  void anotherPortOfTheSameHostIsAnotherOrigin() {
    assertInstanceOf(Verdict.CrossSite.class, decide(HttpMethod.POST, "http://127.0.0.1:9999", null, JSON));
    assertInstanceOf(Verdict.CrossSite.class, decide(HttpMethod.POST, "http://127.0.0.1:9999", "same-site", "application/x-www-form-urlencoded"));
    assertInstanceOf(Verdict.CrossSite.class, decide(HttpMethod.POST, "null", null, JSON));
    assertInstanceOf(Verdict.CrossSite.class, decide(HttpMethod.PUT, "http://evil.example", null, JSON));
  }

  @Test
  void theBrowserSayingAnythingButSameOriginIsRefusedWhateverTheOrigin() {
    for (String site : new String[] {"same-site", "cross-site", "none"}) {
      assertInstanceOf(Verdict.CrossSite.class, decide(HttpMethod.POST, "http://127.0.0.1:8080", site, JSON), site);
    }
  }

  @Test
  void formsAndPlainTextFromTheSameOriginAreStillRefused() {
    for (String type : new String[] {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "application/jsonx", ""}) {
      assertInstanceOf(Verdict.NotJson.class, decide(HttpMethod.POST, "http://127.0.0.1:8080", "same-origin", type), type);
    }
  }

  @Test
  void readsAreRefusedOnlyWhenTheBrowserSaysAnotherSiteAskedForThem() {
    for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
      assertInstanceOf(Verdict.Allowed.class, decide(method, null, "same-origin", null));
      assertInstanceOf(Verdict.Allowed.class, decide(method, null, "none", null), "typed or bookmarked");
      assertInstanceOf(Verdict.Allowed.class, decide(method, null, null, null), "not a browser");
      assertInstanceOf(Verdict.CrossSite.class, decide(method, null, "same-site", null), "another port's <img> or <script>");
      assertInstanceOf(Verdict.CrossSite.class, decide(method, null, "cross-site", null));
    }
  }

  @Test
  void behindAProxyThePublicAddressIsTheOwnOrigin() {
    Optional<String> pub = Optional.of(CrossSiteGuard.originOf("https://311.Example.gov:443/base"));
    assertEquals("https://311.example.gov", pub.get());
    assertInstanceOf(Verdict.Allowed.class, CrossSiteGuard.decide(new Request(HttpMethod.POST, "10.0.0.5:8080", "https://311.example.gov", "same-origin", JSON), pub));
    assertInstanceOf(Verdict.CrossSite.class, CrossSiteGuard.decide(new Request(HttpMethod.POST, "10.0.0.5:8080", "https://other.example.gov", null, JSON), pub));
    assertEquals("http://gw.example:8443", CrossSiteGuard.originOf("http://gw.example:8443"));
  }
}

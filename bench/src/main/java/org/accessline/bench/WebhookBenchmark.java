package org.accessline.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.accessline.gateway.conversation.Channel;
import org.accessline.gateway.conversation.Contact;
import org.accessline.web.Application;
import org.accessline.web.config.AccesslineConfig;
import org.accessline.web.support.TwilioSigner;
import org.accessline.web.support.TwilioWebhookClient;

/**
 * Signed Twilio SMS webhooks against the real gateway on loopback, as fast as a fixed number of
 * concurrent requests allows (closed loop), each answered only once durable. In the same run, the
 * same load against a bare Vert.x route that answers 200 at once shows what HTTP alone costs here.
 * Afterwards every acknowledged message is looked for in the store.
 *
 * <p>Options: --seconds S (20), --warmup W (5), --concurrency C (64), --numbers N (1000).
 */
public final class WebhookBenchmark {
  private static final String PATH = "/channels/sms/twilio";

  private final int seconds;
  private final int warmup;
  private final int concurrency;
  private final int numbers;
  private final Vertx clients = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final HttpClient http;
  private long counter;

  WebhookBenchmark(int seconds, int warmup, int concurrency, int numbers) {
    this.seconds = seconds;
    this.warmup = warmup;
    this.concurrency = concurrency;
    this.numbers = numbers;
    this.http = clients.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(concurrency));
  }

  public static void main(String[] args) throws Exception {
    Map<String, Integer> o = new HashMap<>(Map.of("seconds", 20, "warmup", 5, "concurrency", 64, "numbers", 1000));
    for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), Integer.parseInt(args[i + 1]));
    new WebhookBenchmark(o.get("seconds"), o.get("warmup"), o.get("concurrency"), o.get("numbers")).run();
  }

  void run() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf("Signed SMS webhooks on loopback: %d cores, %d concurrent requests, %d numbers, %d s after %d s warm-up%n",
        cores, concurrency, numbers, seconds, warmup);

    Vertx bareServer = Vertx.vertx();
    int barePort = startBareRoute(bareServer, cores);
    Result bare = load(barePort);
    bareServer.close().await();
    System.out.printf("  bare Vert.x route (200, nothing done):   %,8.0f requests/s  %s%n", bare.rate(), bare.latencies().summary());

    Path data = Files.createTempDirectory("accessline-webhooks");
    Vertx server = Vertx.vertx();
    Application app = Application.start(server, config(data)).await();
    Result gateway = load(app.port());
    System.out.printf("  gateway: signed, parsed, stored, fsync'd: %,8.0f webhooks/s  %s%n", gateway.rate(), gateway.latencies().summary());
    System.out.printf("  errors: %d; answers that were not 200: %d%n", gateway.errors(), gateway.refused());

    long stored = 0;
    for (int n = 0; n < numbers; n++) {
      var latest = app.store().latestConversation(new Contact(Channel.SMS, number(n))).await();
      if (latest.isPresent()) stored += app.store().entries(latest.get(), 0).await().stream().filter(e -> e.text().isPresent() && e.actor().role() == org.accessline.gateway.conversation.Role.RESIDENT).count();
    }
    System.out.printf("  acknowledged %,d (warm-up included); texts from residents found in the store: %,d%n", gateway.acknowledged(), stored);
    app.stop().await();
    server.close().await();
    clients.close().await();
  }

  private record Result(double rate, Latencies latencies, long acknowledged, long errors, long refused) {}

  /** Keeps {@code concurrency} requests in flight; measures only after the warm-up. */
  private Result load(int port) {
    Latencies latencies = new Latencies();
    AtomicLong measured = new AtomicLong();
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    long start = System.nanoTime();
    long measureFrom = start + warmup * 1_000_000_000L;
    long stopAt = measureFrom + seconds * 1_000_000_000L;
    Promise<Void> done = Promise.promise();
    AtomicLong running = new AtomicLong(concurrency);
    clients.runOnContext(v -> {
      for (int i = 0; i < concurrency; i++) next(port, measureFrom, stopAt, latencies, measured, acknowledged, errors, refused, running, done);
    });
    done.future().await();
    return new Result(measured.get() / (double) seconds, latencies, acknowledged.get(), errors.get(), refused.get());
  }

  private void next(int port, long measureFrom, long stopAt, Latencies latencies, AtomicLong measured, AtomicLong acknowledged,
      AtomicLong errors, AtomicLong refused, AtomicLong running, Promise<Void> done) {
    long now = System.nanoTime();
    if (now >= stopAt) {
      if (running.decrementAndGet() == 0) done.complete();
      return;
    }
    long id = ++counter;
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("AccountSid", TwilioWebhookClient.ACCOUNT_SID);
    fields.put("Body", "Pothole report number " + id + " near the library");
    fields.put("From", number((int) (id % numbers)));
    fields.put("MessageSid", String.format("SM%032x", id));
    fields.put("NumMedia", "0");
    fields.put("To", "+15550003110");
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    String signature = TwilioSigner.sign(TwilioWebhookClient.AUTH_TOKEN, TwilioWebhookClient.PUBLIC_BASE + PATH, fields);
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI(PATH)
        .putHeader("Content-Type", "application/x-www-form-urlencoded").putHeader("X-Twilio-Signature", signature);
    long sentAt = System.nanoTime();
    http.request(request).compose(r -> r.send(Buffer.buffer(body.toString())).compose(resp -> resp.body().map(resp.statusCode())))
        .onComplete(ar -> {
          long end = System.nanoTime();
          if (ar.failed()) errors.incrementAndGet();
          else if (ar.result() != 200) refused.incrementAndGet();
          else {
            acknowledged.incrementAndGet();
            if (sentAt >= measureFrom && end <= stopAt) {
              measured.incrementAndGet();
              latencies.record((end - sentAt) / 1000);
            }
          }
          next(port, measureFrom, stopAt, latencies, measured, acknowledged, errors, refused, running, done);
        });
  }

  private static String number(int n) {
    return String.format("+1555%07d", n);
  }

  private static int startBareRoute(Vertx vertx, int instances) {
    AtomicLong port = new AtomicLong();
    vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        return vertx.createHttpServer().requestHandler(req -> req.body().onComplete(b -> req.response().end()))
            .listen(0, "127.0.0.1").onSuccess(s -> port.compareAndSet(0, s.actualPort()));
      }
    }, new DeploymentOptions().setInstances(instances)).await();
    return (int) port.get();
  }

  private static AccesslineConfig config(Path data) {
    return AccesslineConfig.fromJson(new JsonObject().put("httpHost", "127.0.0.1").put("httpPort", 0).put("dataDir", data.toString())
        .put("routing", new JsonObject().put("autoAccept", true))
        // Each of the 1,000 numbers sends many texts a second here, far past any person; the per-number
        // rate (still checked on every text) is set out of reach so that every text takes the durable path.
        .put("sms", new JsonObject().put("burstPerNumber", 100_000).put("perMinutePerNumber", 1_000_000))
        .put("publicBaseUrl", TwilioWebhookClient.PUBLIC_BASE)
        .put("twilio", new JsonObject().put("accountSid", TwilioWebhookClient.ACCOUNT_SID).put("authToken", TwilioWebhookClient.AUTH_TOKEN)
            .put("smsFrom", "+15550003110")), Map.of());
  }
}

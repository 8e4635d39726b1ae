/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisHandle;
import dev.assay.engine.AnalysisListener;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisPhase;
import dev.assay.model.AnalysisRun;
import dev.assay.model.AnalysisRunSpec;
import dev.assay.model.Argument;
import dev.assay.model.Authentication;
import dev.assay.model.BasicAuth;
import dev.assay.model.Header;
import dev.assay.model.Measurement;
import dev.assay.model.Metric;
import dev.assay.model.MetricResult;
import dev.assay.model.OAuth2Config;
import dev.assay.model.ObjectMeta;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.spi.MeasurementContext;
import dev.assay.spi.RunRef;
import dev.assay.template.ArgumentResolver;
import dev.assay.template.ResolvedMetrics;
import dev.assay.template.SecretResolver;
import dev.assay.testing.ManualClock;
import dev.assay.testing.ManualScheduler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 19, finding 2: a run whose secrets have hostile shapes, against a server that echoes everything it receives,
 * leaks no encoding of any secret through any channel: measurement and status messages, values and metadata, the
 * YAML and JSON {@link Manifests} write, listeners, the SLF4J log (DEBUG included) and {@code toString()} of the
 * resolved objects.
 */
class SecretAuditTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  /** Length of the pieces of a rendering searched for; a secret shorter than this is searched whole. */
  private static final int CHUNK = 10;

  /** Spaces and form metacharacters; URL metacharacters; unicode; one char; 1 KB of everything. */
  private static final Map<String, String> SECRETS = secrets();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
      .bindAddress("127.0.0.1").jettyAcceptors(1).globalTemplating(true)).build();

  private static Map<String, String> secrets() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("spaces", "PQ s3c&r=t+/");
    s.put("url", "p@ss%20w0rd?#:;x");
    s.put("unicode", "пароль-☃-秘密");
    s.put("one", "¤");
    StringBuilder kb = new StringBuilder();
    String alphabet = "Kx9&=+/@% ü\"\\'<>{}|";
    for (int i = 0; kb.length() < 1024; i++) {
      kb.append(alphabet.charAt((i * 7) % alphabet.length())).append((char) ('a' + i % 26));
    }
    s.put("kilobyte", kb.toString());
    return s;
  }

  /** Every metric gets a different secret in a different place; the server echoes what it got into its errors. */
  private List<Metric> metrics() {
    String base = wm.baseUrl();
    String host = base.substring("http://".length());
    List<Metric> m = new ArrayList<>();
    m.add(metric("echo-query", new PrometheusMetric(base, "up{a=\"{{args.spaces}}\", b=\"{{args.kilobyte}}\"}", null,
        false, List.of(new Header("X-Api-Key", "{{args.url}}")), null, null)));
    m.add(metric("echo-oauth2", new PrometheusMetric(base, "up", null, false, List.of(), new Authentication(null,
        new OAuth2Config(base + "/token", "client", "{{args.one}}{{args.spaces}}", List.of()), null), null)));
    m.add(metric("echo-basic", new PrometheusMetric(base, "up", null, false, List.of(),
        new Authentication(new BasicAuth("user", "{{args.kilobyte}}"), null, null), null)));
    m.add(metric("userinfo", new PrometheusMetric("http://user:{{args.url}}@" + host, "up", null, false, List.of(),
        null, null)));
    m.add(metric("bad-url", new PrometheusMetric("http://user:{{args.spaces}}@[::1", "up", null, false, List.of(),
        null, null)));
    m.add(metric("bad-header", new PrometheusMetric(base, "up", null, false,
        List.of(new Header("X-Trace", "{{args.unicode}}")), null, null)));
    return m;
  }

  private static Metric metric(String name, PrometheusMetric p) {
    return Metric.builder(name).consecutiveErrorLimit(1).provider(ProviderSpec.of(p)).build();
  }

  private static void hostileServer() {
    // Percent-encoded, form-encoded and base64 text needs no JSON escaping; the raw X-Api-Key secret has no quote.
    String echo = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"{{{request.url}}} "
        + "{{{request.body}}} {{{request.headers.X-Api-Key}}} {{{request.headers.Authorization}}}\"}";
    wm.stubFor(post(urlPathEqualTo("/api/v1/query")).willReturn(aResponse().withStatus(405)));
    wm.stubFor(get(urlPathEqualTo("/api/v1/query")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody(echo)));
    wm.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"{{{request.body}}} "
            + "{{{request.headers.Authorization}}}\"}")));
  }

  @Test
  void hostileSecrets_leakThroughNoChannel() throws Exception {
    hostileServer();
    List<Argument> args = new ArrayList<>();
    Map<String, String> secretMap = new LinkedHashMap<>();
    for (String name : SECRETS.keySet()) {
      args.add(Argument.fromSecret(name, "creds", name));
      secretMap.put(name, SECRETS.get(name));
    }
    SecretResolver resolver = SecretResolver.fromMap(Map.of("creds", secretMap));
    AnalysisRun run = AnalysisRun.of(ObjectMeta.of("audit", "ns"), new AnalysisRunSpec(metrics(), args, false,
        List.of(), List.of(), null));

    StringBuilder seen = new StringBuilder();
    AnalysisListener listener = new AnalysisListener() {
      @Override
      public void onMeasurementTaken(AnalysisRun r, String metric, Measurement m) {
        seen.append(metric).append(m).append(m.message()).append(m.value()).append(m.metadata()).append(r);
      }

      @Override
      public void onMetricPhaseChanged(AnalysisRun r, String metric, AnalysisPhase from, AnalysisPhase to) {
        seen.append(metric).append(r.status());
      }

      @Override
      public void onRunCompleted(AnalysisRun r) {
        seen.append(r).append(r.status().message());
      }
    };
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    AnalysisRun done;
    ManualScheduler scheduler = new ManualScheduler(new ManualClock(T0));
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try (PrometheusMetricProvider provider = PrometheusMetricProvider.builder().environment(k -> null).build();
        AnalysisEngine engine = AnalysisEngine.builder().clock(scheduler.clock()).scheduler(scheduler)
            .provider(provider).secretResolver(resolver).listener(listener).statusStore(r -> {
              seen.append(Manifests.write(r)).append(Manifests.writeJson(r));
            }).build()) {
      AnalysisHandle h = engine.start(run);
      scheduler.runUntilIdle(T0.plus(Duration.ofMinutes(10)));
      done = h.run();
    } finally {
      System.setErr(originalErr);
    }
    seen.append(log.toString(StandardCharsets.UTF_8));
    seen.append(Manifests.write(done)).append(Manifests.writeJson(done)).append(done);

    ResolvedMetrics resolved = ArgumentResolver.resolve(run.spec().metrics(), run.spec().args(), "ns", resolver);
    seen.append(resolved).append(resolved.secrets());
    for (Metric m : resolved.metrics()) {
      seen.append(m).append(m.provider()).append(m.provider().prometheus());
      seen.append(new MeasurementContext(new RunRef("audit", "ns", ""), m, MetricResult.start(m.name(), false,
          Map.of()), T0, resolved.secrets()));
    }

    // The run really went through the hostile paths.
    assertThat(done.status().phase()).isEqualTo(AnalysisPhase.ERROR);
    assertThat(done.status().metricResults()).hasSize(metrics().size());
    String text = seen.toString();
    assertThat(text).contains("*****");
    Set<String> grams = new java.util.HashSet<>();
    for (int i = 0; i + CHUNK <= text.length(); i++) {
      grams.add(text.substring(i, i + CHUNK));
    }
    for (Map.Entry<String, String> secret : SECRETS.entrySet()) {
      for (String rendering : renderings(secret.getValue())) {
        assertThat(occurrences(text, rendering))
            .as("occurrences of secret '%s' rendered as %s", secret.getKey(), shortened(rendering)).isZero();
        // A cut-off rendering is a leak too: no chunk of one may appear.
        for (int i = 0; i + CHUNK <= rendering.length(); i += CHUNK / 2) {
          String piece = rendering.substring(i, i + CHUNK);
          assertThat(grams.contains(piece)).as("piece %s of secret '%s' rendered as %s", piece, secret.getKey(),
              shortened(rendering)).isFalse();
        }
      }
    }
  }

  /** Every encoding a secret can take, computed here independently of the production code. */
  private static Set<String> renderings(String secret) throws Exception {
    Set<String> out = new LinkedHashSet<>();
    out.add(secret);
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    out.add(form);
    out.add(form.replace("+", "%20"));
    out.add(HttpUrl.get("http://h/").newBuilder().addQueryParameter("q", secret).build().encodedQuery()
        .substring(2));
    out.add(HttpUrl.get("http://h/").newBuilder().password(secret).build().encodedPassword());
    out.add(HttpUrl.get("http://h/").newBuilder().addPathSegment(secret).build().encodedPath().substring(1));
    for (String s : List.copyOf(out)) {
      out.add(s.toLowerCase(Locale.ROOT).equals(s) ? s : lowerHex(s));
    }
    JsonMapper json = JsonMapper.builder().build();
    String escaped = json.writeValueAsString(secret);
    out.add(escaped.substring(1, escaped.length() - 1));
    String ascii = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build().writeValueAsString(secret);
    out.add(ascii.substring(1, ascii.length() - 1));
    for (String plain : List.of(secret, "user:" + secret, "client:" + secret)) {
      for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
        byte[] bytes = plain.getBytes(charset);
        out.add(Base64.getEncoder().encodeToString(bytes));
        out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
      }
    }
    return out;
  }

  private static String shortened(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private static String lowerHex(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        b.append('%').append(s.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        i += 2;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static int occurrences(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}

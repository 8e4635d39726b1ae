/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import dev.assay.model.Authentication;
import dev.assay.model.BasicAuth;
import dev.assay.model.Header;
import dev.assay.model.IntOrString;
import dev.assay.model.JobMetric;
import dev.assay.model.Metric;
import dev.assay.model.OAuth2Config;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.model.RangeQuery;
import dev.assay.model.Sigv4Config;
import dev.assay.model.WebMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link TextTemplate} to every string of a metric, keys of free-form maps included. Argo substitutes in the
 * metric's JSON text; walking the fields gives the same result for every well-formed template, and fields are visited
 * in Argo's JSON order so that the same unresolved tag is reported.
 */
final class MetricTemplater {
  private final TextTemplate template;

  MetricTemplater(TextTemplate template) {
    this.template = template;
  }

  Metric apply(Metric m, String path) {
    String name = text(m.name(), path + ".name");
    String interval = text(m.interval(), path + ".interval");
    String initialDelay = text(m.initialDelay(), path + ".initialDelay");
    IntOrString count = intOrString(m.count(), path + ".count");
    String success = text(m.successCondition(), path + ".successCondition");
    String failure = text(m.failureCondition(), path + ".failureCondition");
    IntOrString failureLimit = intOrString(m.failureLimit(), path + ".failureLimit");
    IntOrString inconclusiveLimit = intOrString(m.inconclusiveLimit(), path + ".inconclusiveLimit");
    IntOrString errorLimit = intOrString(m.consecutiveErrorLimit(), path + ".consecutiveErrorLimit");
    ProviderSpec provider = provider(m.provider(), path + ".provider");
    IntOrString successLimit = intOrString(m.consecutiveSuccessLimit(), path + ".consecutiveSuccessLimit");
    return new Metric(name, interval, initialDelay, count, success, failure, failureLimit, inconclusiveLimit,
        errorLimit, successLimit, provider);
  }

  private String text(String value, String path) {
    return template.apply(value, path);
  }

  private @Nullable IntOrString intOrString(@Nullable IntOrString value, String path) {
    if (value == null || !value.isString()) {
      return value;
    }
    return IntOrString.of(text(value.text(), path));
  }

  private ProviderSpec provider(ProviderSpec p, String path) {
    PrometheusMetric prometheus = p.prometheus() == null ? null : prometheus(p.prometheus(), path + ".prometheus");
    WebMetric web = p.web() == null ? null : web(p.web(), path + ".web");
    JobMetric job = p.job() == null ? null : job(p.job(), path + ".job");
    @SuppressWarnings("unchecked")
    Map<String, Object> other = (Map<String, Object>) plain(p.other(), path);
    return new ProviderSpec(prometheus, web, job, other);
  }

  private PrometheusMetric prometheus(PrometheusMetric p, String path) {
    String address = text(p.address(), path + ".address");
    String query = text(p.query(), path + ".query");
    Authentication auth = authentication(p.authentication(), path + ".authentication");
    List<Header> headers = headers(p.headers(), path + ".headers");
    RangeQuery range = p.rangeQuery() == null ? null
        : new RangeQuery(text(p.rangeQuery().start(), path + ".rangeQuery.start"),
            text(p.rangeQuery().end(), path + ".rangeQuery.end"),
            text(p.rangeQuery().step(), path + ".rangeQuery.step"));
    return new PrometheusMetric(address, query, p.timeout(), p.insecure(), headers, auth, range);
  }

  private WebMetric web(WebMetric w, String path) {
    String method = text(w.method(), path + ".method");
    String url = text(w.url(), path + ".url");
    List<Header> headers = headers(w.headers(), path + ".headers");
    String body = text(w.body(), path + ".body");
    String jsonPath = text(w.jsonPath(), path + ".jsonPath");
    @SuppressWarnings("unchecked")
    Map<String, Object> jsonBody = w.jsonBody() == null ? null : (Map<String, Object>) plain(w.jsonBody(),
        path + ".jsonBody");
    Authentication auth = authentication(w.authentication(), path + ".authentication");
    return new WebMetric(url, method, headers, body, jsonBody, w.timeoutSeconds(), jsonPath, w.insecure(), auth);
  }

  @SuppressWarnings("unchecked")
  private JobMetric job(JobMetric j, String path) {
    return new JobMetric((Map<String, Object>) plain(j.metadata(), path + ".metadata"),
        (Map<String, Object>) plain(j.spec(), path + ".spec"));
  }

  private List<Header> headers(List<Header> headers, String path) {
    List<Header> out = new ArrayList<>(headers.size());
    for (int i = 0; i < headers.size(); i++) {
      Header h = headers.get(i);
      out.add(new Header(text(h.key(), path + "[" + i + "].key"), text(h.value(), path + "[" + i + "].value")));
    }
    return out;
  }

  private @Nullable Authentication authentication(@Nullable Authentication a, String path) {
    if (a == null) {
      return null;
    }
    BasicAuth basic = a.basicAuth() == null ? null : new BasicAuth(
        text(a.basicAuth().username(), path + ".basicAuth.username"),
        text(a.basicAuth().password(), path + ".basicAuth.password"));
    OAuth2Config oauth = null;
    if (a.oauth2() != null) {
      OAuth2Config o = a.oauth2();
      List<String> scopes = new ArrayList<>();
      for (int i = 0; i < o.scopes().size(); i++) {
        scopes.add(text(o.scopes().get(i), path + ".oauth2.scopes[" + i + "]"));
      }
      oauth = new OAuth2Config(text(o.tokenUrl(), path + ".oauth2.tokenUrl"), text(o.clientId(),
          path + ".oauth2.clientId"), text(o.clientSecret(), path + ".oauth2.clientSecret"), scopes);
    }
    Sigv4Config sigv4 = a.sigv4() == null ? null : new Sigv4Config(
        text(a.sigv4().region(), path + ".sigv4.region"), text(a.sigv4().profile(), path + ".sigv4.profile"),
        text(a.sigv4().roleArn(), path + ".sigv4.roleArn"));
    return new Authentication(basic, oauth, sigv4);
  }

  /** Substitutes in plain values (maps, lists, strings); keys too, as Argo's textual substitution does. */
  private @Nullable Object plain(@Nullable Object value, String path) {
    if (value instanceof String) {
      return text((String) value, path);
    }
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        String key = String.valueOf(e.getKey());
        String childPath = path + "." + key;
        out.put(text(key, childPath), plain(e.getValue(), childPath));
      }
      return out;
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(plain(list.get(i), path + "[" + i + "]"));
      }
      return java.util.Collections.unmodifiableList(out);
    }
    return value;
  }
}

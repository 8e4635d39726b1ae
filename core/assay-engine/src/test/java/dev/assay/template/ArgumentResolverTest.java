/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.Argument;
import dev.assay.model.Header;
import dev.assay.model.IntOrString;
import dev.assay.model.Metric;
import dev.assay.model.PrometheusMetric;
import dev.assay.model.ProviderSpec;
import dev.assay.model.WebMetric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentResolverTest {
  private static final SecretResolver SECRETS =
      SecretResolver.fromMap(Map.of("prom", Map.of("token", "s3cr3t-token")));

  private static Metric prometheus(String name, String query) {
    return Metric.builder(name).provider(ProviderSpec.of(PrometheusMetric.of("http://prom:9090", query))).build();
  }

  @Test
  void resolve_argsWithAndWithoutSpaces_areSubstituted() {
    Metric metric = prometheus("rate", "sum(rate{service=\"{{args.svc}}\", ns=\"{{ args.ns }}\"})").toBuilder()
        .successCondition("result[0] >= {{args.threshold}}").count(IntOrString.of("{{args.n}}")).build();
    ResolvedMetrics resolved = ArgumentResolver.resolve(List.of(metric), List.of(Argument.of("svc", "checkout"),
        Argument.of("ns", "shop"), Argument.of("threshold", "0.95"), Argument.of("n", "3")), "", SecretResolver.none());
    Metric out = resolved.metrics().get(0);
    assertThat(out.provider().prometheus().query()).isEqualTo("sum(rate{service=\"checkout\", ns=\"shop\"})");
    assertThat(out.successCondition()).isEqualTo("result[0] >= 0.95");
    assertThat(out.effectiveCount()).isEqualTo(3);
    assertThat(resolved.secretValues()).isEmpty();
  }

  @Test
  void resolve_secretArgument_isLookedUpAndRedactedFromToString() {
    Metric metric = prometheus("rate", "up").toBuilder().provider(ProviderSpec.of(new PrometheusMetric(
        "http://prom", "up", null, false, List.of(new Header("Authorization", "Bearer {{args.token}}")), null, null)))
        .build();
    ResolvedMetrics resolved = ArgumentResolver.resolve(
        List.of(metric), List.of(Argument.fromSecret("token", "prom", "token")), "shop", SECRETS);
    assertThat(resolved.metrics().get(0).provider().prometheus().headers().get(0).value())
        .isEqualTo("Bearer s3cr3t-token");
    assertThat(resolved.secretValues()).containsExactly("s3cr3t-token");
    assertThat(resolved.toString()).doesNotContain("s3cr3t").contains("rate");
    assertThat(resolved.redact("token=s3cr3t-token")).isEqualTo("token=*****");
  }

  @Test
  void resolve_secretBeatsSuppliedValue_likeArgo() {
    Argument both = new Argument("token", "from-rollout", Argument.fromSecret("token", "prom", "token").valueFrom());
    ResolvedMetrics resolved = ArgumentResolver.resolve(
        List.of(prometheus("m", "q{{args.token}}")), List.of(both), "", SECRETS);
    assertThat(resolved.metrics().get(0).provider().prometheus().query()).isEqualTo("qs3cr3t-token");
  }

  @Test
  void resolve_missingSecret_throwsArgoMessageWithPath() {
    assertThatThrownBy(() -> ArgumentResolver.resolve(List.of(prometheus("m", "q")),
        List.of(Argument.of("a", "1"), Argument.fromSecret("t", "nope", "k")), "", SECRETS))
        .isInstanceOf(ArgumentResolutionException.class)
        .hasMessage("secrets \"nope\" not found")
        .extracting(e -> ((ArgumentResolutionException) e).fieldPath())
        .isEqualTo("args[1].valueFrom.secretKeyRef");
    assertThatThrownBy(() -> ArgumentResolver.resolve(List.of(prometheus("m", "q")),
        List.of(Argument.fromSecret("t", "prom", "missing")), "", SECRETS))
        .hasMessage("key 'missing' does not exist in secret 'prom'");
  }

  @Test
  void resolve_unusedArgumentWithoutValue_fails() {
    assertThatThrownBy(() -> ArgumentResolver.resolve(
        List.of(prometheus("m", "up")), List.of(Argument.required("unused")), "", SecretResolver.none()))
        .isInstanceOf(ArgumentResolutionException.class)
        .hasMessage("argument \"unused\" was not supplied");
  }

  @Test
  void resolve_severalUnknownTags_reportsLastInArgoFieldOrder() {
    Metric metric = prometheus("m", "{{args.inQuery}}").toBuilder()
        .successCondition("{{args.inSuccess}}").consecutiveSuccessLimit(IntOrString.of("{{args.last}}")).build();
    assertThatThrownBy(() -> ArgumentResolver.resolve(List.of(metric), List.of(), "", SecretResolver.none()))
        .hasMessage("failed to resolve {{args.last}}")
        .extracting(e -> ((ArgumentResolutionException) e).fieldPath())
        .isEqualTo("metrics[0].consecutiveSuccessLimit");
  }

  @Test
  void resolve_tagKeepsItsSpacesInTheMessage() {
    assertThatThrownBy(() -> ArgumentResolver.resolveText("x {{ args.y }}", List.of()))
        .hasMessage("failed to resolve {{ args.y }}");
  }

  @Test
  void resolve_unclosedTag_winsOverUnknownTags() {
    Metric metric = prometheus("m", "{{args.unknown}} and {{args.open").toBuilder().build();
    assertThatThrownBy(() -> ArgumentResolver.resolve(List.of(metric), List.of(), "", SecretResolver.none()))
        .hasMessage("Cannot find end tag=\"}}\" in the template=\"{{args.unknown}} and {{args.open\" "
            + "starting from \"args.open\"");
  }

  @Test
  void resolve_valueContainingBraces_isNotExpandedAgain() {
    ResolvedMetrics resolved = ArgumentResolver.resolve(List.of(prometheus("m", "{{args.a}}")),
        List.of(Argument.of("a", "{{args.b}}")), "", SecretResolver.none());
    assertThat(resolved.metrics().get(0).provider().prometheus().query()).isEqualTo("{{args.b}}");
  }

  @Test
  void resolve_webJsonBodyKeysAndValues_areSubstituted() {
    WebMetric web = new WebMetric("http://svc/{{args.path}}", "POST", List.of(), "",
        Map.of("{{args.key}}", List.of("{{args.value}}", 3)), 0, "{$.ok}", false, null);
    Metric metric = Metric.builder("w").provider(ProviderSpec.of(web)).build();
    ResolvedMetrics resolved = ArgumentResolver.resolve(List.of(metric), List.of(Argument.of("path", "health"),
        Argument.of("key", "k"), Argument.of("value", "v")), "", SecretResolver.none());
    WebMetric out = resolved.metrics().get(0).provider().web();
    assertThat(out.url()).isEqualTo("http://svc/health");
    assertThat(out.jsonBody()).isEqualTo(Map.of("k", List.of("v", 3)));
  }

  @Test
  void resolve_otherProviderBlock_isSubstituted() {
    Metric metric = Metric.builder("dd").provider(ProviderSpec.of("datadog",
        Map.of("query", "avg:{{args.m}}", "apiVersion", "v2"))).build();
    ResolvedMetrics resolved = ArgumentResolver.resolve(
        List.of(metric), List.of(Argument.of("m", "latency")), "", SecretResolver.none());
    assertThat(resolved.metrics().get(0).provider().other().get("datadog"))
        .isEqualTo(Map.of("query", "avg:latency", "apiVersion", "v2"));
  }

  @Test
  void resolve_secretInUnresolvableMessage_isRedacted() {
    SecretResolver weird = (ns, ref) -> "{{oops";
    assertThatThrownBy(() -> ArgumentResolver.resolve(List.of(prometheus("m", "{{args.t}} {{args.x}}")),
        List.of(Argument.fromSecret("t", "s", "k")), "", weird))
        .hasMessage("failed to resolve {{args.x}}");
    assertThatThrownBy(() -> ArgumentResolver.resolve(List.of(prometheus("m", "{{args.t}}")),
        List.of(Argument.fromSecret("t", "s", "k")), "", (ns, ref) -> {
          throw new IllegalStateException("backend down");
        }))
        .isInstanceOf(ArgumentResolutionException.class)
        .hasMessage("backend down");
  }

  @Test
  void resolveWithoutSecrets_usesPlaceholder() {
    List<Metric> out = ArgumentResolver.resolveWithoutSecrets(
        List.of(prometheus("m", "{{args.t}}")), List.of(Argument.fromSecret("t", "s", "k")));
    assertThat(out.get(0).provider().prometheus().query()).isEqualTo(ArgumentResolver.SECRET_PLACEHOLDER);
  }

  @Test
  void resolveQuoted_escapesLikeGoQuote() {
    assertThat(ArgumentResolver.resolveText("{{args.v}}", List.of(Argument.of("v", "a\u0007\u00e9\u200b\ud83d\ude00")),
        true)).isEqualTo("a\\a\u00e9\\u200b\ud83d\ude00");
  }

  @Test
  void resolveText_edgeCases_followFasttemplate() {
    List<Argument> args = List.of(Argument.of("a", "1"), Argument.of("b", "2"));
    assertThat(ArgumentResolver.resolveText("plain text", args)).isEqualTo("plain text");
    assertThat(ArgumentResolver.resolveText("a }} b", args)).isEqualTo("a }} b");
    assertThat(ArgumentResolver.resolveText("{{args.a}}}", args)).isEqualTo("1}");
    assertThat(ArgumentResolver.resolveText("{{args.a}}{{args.b}}", args)).isEqualTo("12");
    assertThat(ArgumentResolver.resolveText("{{\targs.a\n}}", args)).isEqualTo("1");
    assertThat(ArgumentResolver.resolveText("{{ args.a }} and {{args.b }}", args)).isEqualTo("1 and 2");
  }

  @Test
  void resolveText_tripleBrace_isAnUnknownTag() {
    assertThatThrownBy(() -> ArgumentResolver.resolveText("{{{args.a}}", List.of(Argument.of("a", "1"))))
        .hasMessage("failed to resolve {{{args.a}}");
  }
}

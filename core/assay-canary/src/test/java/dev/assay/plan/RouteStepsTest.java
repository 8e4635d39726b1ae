/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.assay.manifest.ManifestException;
import dev.assay.manifest.ManifestProblem;
import dev.assay.manifest.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Header and mirror route steps: reading them from a Rollout with Argo's checks, and the match rules. */
class RouteStepsTest {
  private static String resource(String name) throws IOException {
    try (InputStream in = RouteStepsTest.class.getResourceAsStream("/rollouts/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A Rollout with Istio routing, the given managedRoutes block (may be empty) and steps. */
  private static String rollout(String managedRoutes, String... steps) {
    return String.join("\n",
        "apiVersion: argoproj.io/v1alpha1",
        "kind: Rollout",
        "metadata: {name: checkout}",
        "spec:",
        "  strategy:",
        "    canary:",
        "      canaryService: checkout-canary",
        "      stableService: checkout-stable",
        "      trafficRouting:",
        managedRoutes,
        "        istio: {virtualService: {name: checkout-vsvc}}",
        "      steps:",
        String.join("\n", steps),
        "");
  }

  @Test
  void readsHeaderAndMirrorRoutesFromARealRollout() throws IOException {
    CanaryPlan plan = CanaryPlan.fromRollout(resource("checkout-header-routes.yaml"));

    assertThat(plan.steps()).containsExactly(
        CanaryStep.setWeight(0),
        CanaryStep.setHeaderRoute("canary-testers", HeaderRouteMatch.exact("x-canary", "true"),
            new HeaderRouteMatch("User-Agent", StringMatch.regex(".*Canary-Tester/[0-9]+.*"))),
        CanaryStep.setMirrorRoute("shadow-reads", 35,
            MirrorRouteMatch.of(StringMatch.exact("GET"), StringMatch.prefix("/api/v1/")),
            new MirrorRouteMatch(null, null, Map.of("x-shadow", StringMatch.prefix("yes")))),
        CanaryStep.pause(),
        CanaryStep.removeMirrorRoute("shadow-reads"),
        CanaryStep.setWeight(10),
        CanaryStep.pause(Duration.ofMinutes(5)),
        new CanaryStep.Analysis(List.of("error-rate-analysis"),
            List.of(CanaryStep.StepArgument.of("service-name", "checkout"))),
        CanaryStep.removeHeaderRoute("canary-testers"),
        CanaryStep.setWeight(50),
        CanaryStep.pause(Duration.ofMinutes(10)));
    assertThat(((CanaryStep.SetHeaderRoute) plan.steps().get(1)).describe())
        .isEqualTo("setHeaderRoute canary-testers: x-canary exact true or User-Agent regex .*Canary-Tester/[0-9]+.*");
    assertThat(((CanaryStep.SetMirrorRoute) plan.steps().get(4)).removes()).isTrue();
  }

  @Test
  void mirrorPercentageDefaultsTo100() {
    CanaryPlan plan = CanaryPlan.fromRollout(rollout("        managedRoutes: [{name: shadow}]",
        "        - setMirrorRoute: {name: shadow, match: [{method: {exact: POST}}]}"));

    assertThat(plan.steps()).containsExactly(
        CanaryStep.setMirrorRoute("shadow", 100, MirrorRouteMatch.of(StringMatch.exact("POST"), null)));
  }

  @Test
  void aRouteNotInManagedRoutesIsRefusedWithArgosMessageAndPath() {
    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout("        managedRoutes: [{name: canary-testers}]",
        "        - setWeight: 10",
        "        - setHeaderRoute: {name: testers, match: [{headerName: x-canary, headerValue: {exact: 'true'}}]}")))
        .isInstanceOf(PlanException.class)
        .hasMessage("spec.strategy.canary.steps[1].setHeaderRoute: Invalid value: \"testers\": Steps define a route "
            + "that does not exist in spec.strategy.canary.trafficRouting.managedRoutes");
    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout("        managedRoutes: [{name: canary-testers}]",
        "        - setMirrorRoute: {name: shadow}")))
        .hasMessage("spec.strategy.canary.steps[0].setMirrorRoute: Invalid value: \"shadow\": Steps define a route "
            + "that does not exist in spec.strategy.canary.trafficRouting.managedRoutes");
  }

  @Test
  void routeStepsNeedManagedRoutesAndTrafficRouting() {
    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout("",
        "        - setHeaderRoute: {name: testers}")))
        .hasMessage("spec.strategy.canary.trafficRouting.managedRoutes: Required value: Rollout has missing field "
            + "'spec.strategy.canary.trafficRouting.managedRoutes'");
    String noRouting = "kind: Rollout\nspec:\n  strategy:\n    canary:\n      steps:\n"
        + "        - setMirrorRoute: {name: shadow}\n";
    assertThatThrownBy(() -> CanaryPlan.fromRollout(noRouting))
        .hasMessageStartingWith("spec.strategy.canary.steps[0].setMirrorRoute: SetMirrorRoute requires TrafficRouting");
  }

  @Test
  void stringMatchesNeedExactlyOneOfExactPrefixRegex() {
    String managed = "        managedRoutes: [{name: r}]";
    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout(managed,
        "        - setHeaderRoute: {name: r, match: [{headerName: x, headerValue: {exact: a, prefix: b}}]}")))
        .hasMessageStartingWith("spec.strategy.canary.steps[0].setHeaderRoute.match[0]: Invalid value: ")
        .hasMessageEndingWith(": StringMatch match value must have exactly one of the following: exact, regex, prefix");
    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout(managed,
        "        - setHeaderRoute: {name: r, match: [{headerName: x, headerValue: {exact: ''}}]}")))
        .hasMessageEndingWith(": StringMatch value missed, match value must have one of the following: exact, regex, "
            + "prefix");
    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout(managed,
        "        - setHeaderRoute: {name: r, match: [{headerName: x}]}")))
        .hasMessage("spec.strategy.canary.steps[0].setHeaderRoute.match[0].headerValue: Required value");
    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout(managed,
        "        - setMirrorRoute: {name: r, match: [{headers: {x-shadow: {regex: '(unclosed'}}}]}")))
        .hasMessageStartingWith("spec.strategy.canary.steps[0].setMirrorRoute.match[0].headers.x-shadow.regex: regex "
            + "(unclosed does not compile: ");
    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout(managed,
        "        - setMirrorRoute: {name: r, percentage: 150, match: [{method: {exact: GET}}]}")))
        .hasMessage("spec.strategy.canary.steps[0].setMirrorRoute.percentage: Invalid value: 150: must be between 0 "
            + "and 100 (the share of matching requests mirrored)");
    assertThatThrownBy(() -> CanaryPlan.fromRollout(rollout(managed,
        "        - setHeaderRoute: {name: r, match: []}")))
        .hasMessageStartingWith("spec.strategy.canary.steps[0].setHeaderRoute.match: an empty list would send every "
            + "request to the canary");
  }

  @Test
  void experimentAndPluginStepsAreRefusedWithWhatToDoInstead() {
    String head = "kind: Rollout\nspec:\n  strategy:\n    canary:\n      steps:\n        - setWeight: 5\n";
    assertThatThrownBy(() -> CanaryPlan.fromRollout(head
        + "        - experiment:\n            templates: [{name: baseline, specRef: stable}]\n"))
        .isInstanceOf(PlanException.class)
        .hasMessageStartingWith("spec.strategy.canary.steps[1].experiment: experiment steps are not supported by "
            + "canary plans")
        .hasMessageContaining("run the experiment's analyses as analysis steps instead");
    assertThatThrownBy(() -> CanaryPlan.fromRollout(head + "        - plugin: {name: example}\n"))
        .hasMessageStartingWith("spec.strategy.canary.steps[1].plugin: plugin steps are not supported by canary plans")
        .hasMessageContaining("as an analysis step");
  }

  @Test
  void wrongTypesAndUnknownFieldsInRouteStepsAreReportedWithLineAndColumn() {
    String yaml = rollout("        managedRoutes: [{name: shadow}, {name: 7}]",
        "        - setMirrorRoute:",
        "            name: shadow",
        "            percentage: half",
        "            match:",
        "              - metod: {exact: GET}",
        "                headers: {x-shadow: {exact: [yes]}}");

    PlanException e = catchThrowableOfType(PlanException.class, () -> CanaryPlan.fromRollout(yaml));

    assertThat(e.getCause()).isInstanceOf(ManifestException.class);
    assertThat(((ManifestException) e.getCause()).problems()).containsExactlyInAnyOrder(
        new ManifestProblem("spec.strategy.canary.trafficRouting.managedRoutes[1].name", new SourcePosition(10, 42),
            "expected a string, but was the number 7", "quote it: \"7\""),
        new ManifestProblem("spec.strategy.canary.steps[0].setMirrorRoute.percentage", new SourcePosition(15, 13),
            "expected a 32-bit integer, but was the string \"half\"", ""),
        new ManifestProblem("spec.strategy.canary.steps[0].setMirrorRoute.match[0].metod", new SourcePosition(17, 17),
            "unknown field 'metod'", "did you mean 'method'?"),
        new ManifestProblem("spec.strategy.canary.steps[0].setMirrorRoute.match[0].headers.x-shadow.exact",
            new SourcePosition(18, 38), "expected a string, but was a list", ""));
  }

  @Test
  void stringMatchRules() {
    assertThat(StringMatch.exact("GET").matches("GET")).isTrue();
    assertThat(StringMatch.exact("GET").matches("GETX")).isFalse();
    assertThat(StringMatch.prefix("/api/").matches("/api/v1/version")).isTrue();
    assertThat(StringMatch.prefix("/api/").matches("/health")).isFalse();
    // a regular expression must match the whole value, as Istio and Envoy match
    assertThat(StringMatch.regex("v1\\.[0-9]+").matches("v1.12")).isTrue();
    assertThat(StringMatch.regex("v1\\.[0-9]+").matches("xv1.12")).isFalse();
    assertThatThrownBy(() -> StringMatch.regex("a".repeat(StringMatch.MAX_REGEX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("regex is 1025 characters long; at most 1024 are accepted");
    assertThatThrownBy(() -> StringMatch.exact(""))
        .hasMessageStartingWith("StringMatch value missed");
    assertThat(StringMatch.regex("a+")).isEqualTo(StringMatch.regex("a+")).isNotEqualTo(StringMatch.exact("a+"));
  }

  @Test
  void headerAndMirrorRulesMatchRequests() {
    Map<String, List<String>> headers = Map.of("x-canary", List.of("false", "true"), "x-shadow", List.of("yes-1"));
    HeaderRouteMatch testers = HeaderRouteMatch.exact("x-canary", "true");
    assertThat(testers.matches(n -> headers.getOrDefault(n, List.of()))).isTrue();
    assertThat(testers.matches(n -> List.of())).isFalse();

    MirrorRouteMatch reads = new MirrorRouteMatch(StringMatch.exact("GET"), StringMatch.prefix("/api/"),
        Map.of("x-shadow", StringMatch.prefix("yes")));
    assertThat(reads.matches("GET", "/api/v1/version", n -> headers.getOrDefault(n, List.of()))).isTrue();
    assertThat(reads.matches("POST", "/api/v1/version", n -> headers.getOrDefault(n, List.of()))).isFalse();
    assertThat(reads.matches("GET", "/api/v1/version", n -> List.of())).isFalse();
    assertThat(new MirrorRouteMatch(null, null, Map.of()).matches("DELETE", "/", n -> List.of())).isTrue();
    assertThat(reads.describe()).isEqualTo("method exact GET, path prefix /api/, header x-shadow prefix yes");
  }

  @Test
  void javaFactoriesValidate() {
    assertThatThrownBy(() -> CanaryStep.setHeaderRoute("testers"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("removeHeaderRoute(name)");
    assertThatThrownBy(() -> CanaryStep.setMirrorRoute("shadow", 101, MirrorRouteMatch.of(null, null)))
        .hasMessage("percentage must be between 0 and 100, but was 101");
    assertThatThrownBy(() -> CanaryStep.removeMirrorRoute(" ")).hasMessage("name: Required value");
    assertThat(CanaryStep.removeHeaderRoute("testers").describe()).isEqualTo("setHeaderRoute testers (remove)");
  }
}

/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevisionHistoryTest {
  static Map<String, String> spec(String version) {
    return Map.of("image", "registry.example/checkout:" + version, "env.MODE", "live");
  }

  /** v1 stable, then each version deployed and promoted in turn. */
  static RevisionHistory promoted(String... versions) {
    RevisionHistory h = RevisionHistory.NONE;
    for (String v : versions) {
      h = h.deploy(v, spec(v));
      if (h.canary().isPresent()) {
        h = h.promote();
      }
    }
    return h;
  }

  private static List<Integer> numbers(RevisionHistory h) {
    return h.revisions().stream().map(Revision::number).toList();
  }

  @Test
  void theFirstDeployIsStableAndTheNextIsTheCanary() {
    RevisionHistory h = RevisionHistory.NONE.deploy("v1", spec("v1"));
    assertThat(h.stable().describe()).isEqualTo("revision 1 (v1)");
    assertThat(h.canary()).isEmpty();

    h = h.deploy("v2", spec("v2"));
    assertThat(h.stableRevision()).isEqualTo(1);
    assertThat(h.canary().orElseThrow().describe()).isEqualTo("revision 2 (v2)");
    assertThat(h.listed()).isEqualTo("revisions 1 (v1, stable), 2 (v2, canary)");

    h = h.promote();
    assertThat(h.stableRevision()).isEqualTo(2);
    assertThat(h.canaryRevision()).isZero();
    assertThat(h.currentRevision()).isEqualTo(2);
    assertThatThrownBy(h::promote).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no canary revision to promote; stable is revision 2 (v2)");
  }

  @Test
  void rollingBackRenumbersTheTargetInItsPlaceAndItsOldNumberDisappears() {
    RevisionHistory h = promoted("v1", "v2", "v3");

    RevisionHistory back = h.rollbackTo(1);

    assertThat(numbers(back)).containsExactly(4, 2, 3);
    assertThat(back.stableRevision()).isEqualTo(3);
    Revision canary = back.canary().orElseThrow();
    assertThat(canary.describe()).isEqualTo("revision 4 (v1)");
    assertThat(canary.spec()).isEqualTo(spec("v1"));
    assertThat(canary.podTemplateHash()).isEqualTo(h.find(1).orElseThrow().podTemplateHash());
    assertThat(back.find(1)).isEmpty();
  }

  @Test
  void backToTheStableDropsTheCanary() {
    RevisionHistory h = promoted("v1").deploy("v2", spec("v2"));

    RevisionHistory back = h.rollbackTo(h.target(0).number());

    assertThat(back.stable().describe()).isEqualTo("revision 3 (v1)");
    assertThat(back.canary()).isEmpty();
    assertThat(back.listed()).isEqualTo("revisions 2 (v2), 3 (v1, stable)");
  }

  @Test
  void deployingAKnownSpecReusesItsRevision() {
    RevisionHistory h = promoted("v1", "v2").deploy("v1-again", spec("v1"));

    assertThat(numbers(h)).containsExactly(3, 2);
    assertThat(h.canary().orElseThrow().version()).isEqualTo("v1-again");
  }

  @Test
  void undoTargetsThePreviousOrANamedRevisionAndNamesTheOnesThereAre() {
    RevisionHistory h = promoted("v1", "v2", "v3");

    assertThat(h.target(0).number()).isEqualTo(2);
    assertThat(h.target(1).version()).isEqualTo("v1");
    assertThatThrownBy(() -> h.target(7)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("revision 7 is not in the history (revisionHistoryLimit 10); it has revisions 1 (v1), 2 (v2), "
            + "3 (v3, stable)");
    assertThatThrownBy(() -> h.target(3)).hasMessageStartingWith("revision 3 (v3) is already the current revision");
    assertThatThrownBy(() -> h.target(-1)).hasMessageContaining("0 (the previous) or more");
    assertThatThrownBy(() -> promoted("v1").target(0))
        .hasMessage("there is no previous revision to undo to; the history has revisions 1 (v1, stable)");
  }

  @Test
  void theRollbackWindowCountsTheRevisionsBetweenTheTargetAndTheStable() {
    RevisionHistory h = promoted("v1", "v2", "v3", "v4", "v5");

    // Argo's example: revisions 1..5, window 3: 4 (none between), 3 (one) and 2 (two between) are fast, 1 is not
    assertThat(h.isFastRollback(4, 3)).isTrue();
    assertThat(h.isFastRollback(2, 3)).isTrue();
    assertThat(h.isFastRollback(1, 3)).isFalse();
    assertThat(h.isFastRollback(4, 0)).as("no window").isFalse();
    assertThat(h.isFastRollback(5, 0)).as("the stable itself").isTrue();

    // after going back to v1 (renumbered 6, first in creation order), v5 is newer than the stable: not a rollback
    RevisionHistory back = h.rollbackTo(1).promote();
    assertThat(back.stable().describe()).isEqualTo("revision 6 (v1)");
    assertThat(back.isFastRollback(5, 10)).isFalse();
  }

  @Test
  void theHistoryKeepsAtMostTheLimitBesidesStableAndCanary() {
    RevisionHistory h = promoted("v1", "v2", "v3", "v4", "v5").withLimit(2).deploy("v6", spec("v6"));

    assertThat(numbers(h)).containsExactly(3, 4, 5, 6);
    assertThat(h.stableRevision()).isEqualTo(5);
    assertThat(h.canaryRevision()).isEqualTo(6);
    assertThat(promoted("v1", "v2", "v3").withLimit(0).revisions()).hasSize(1);
    assertThat(promoted("v1", "v2", "v3").limit()).isEqualTo(RevisionHistory.DEFAULT_LIMIT);
  }

  @Test
  void theHashIsStableAndTheSpecIsCopiedSorted() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("image", "x:1");
    a.put("env.A", "1");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("env.A", "1");
    b.put("image", "x:1");
    Revision r = Revision.of(1, "v1", a);

    assertThat(r.podTemplateHash()).matches("[0-9a-f]{10}").isEqualTo(Revision.hashOf(b));
    assertThat(Revision.hashOf(Map.of("image", "x:2"))).isNotEqualTo(r.podTemplateHash());
    assertThat(r.spec().keySet()).containsExactly("env.A", "image");
    a.put("image", "changed");
    assertThat(r.spec().get("image")).isEqualTo("x:1");
    assertThat(new Revision(1, "v1", a, "st4bl3").podTemplateHash()).isEqualTo("st4bl3");

    Map<String, String> withNull = new HashMap<>();
    withNull.put("image", null);
    assertThatThrownBy(() -> Revision.of(1, "v1", withNull)).isInstanceOf(NullPointerException.class)
        .hasMessage("spec value of image");
    assertThatThrownBy(() -> Revision.of(0, "v1", Map.of())).hasMessageContaining("1 or more, but was 0");
    assertThatThrownBy(() -> Revision.of(1, "", Map.of())).hasMessage("revision 1 needs a version");
  }

  @Test
  void inconsistentHistoriesAreRefused() {
    Revision one = Revision.of(1, "v1", spec("v1"));
    assertThatThrownBy(() -> new RevisionHistory(List.of(one, one), 1, 0, 10))
        .hasMessage("revision 1 appears twice in the history");
    assertThatThrownBy(() -> new RevisionHistory(List.of(one), 2, 0, 10))
        .hasMessageContaining("stable revision 2 is not in the history");
    assertThatThrownBy(() -> new RevisionHistory(List.of(one), 1, 1, 10))
        .hasMessageContaining("differ from stable revision 1");
    assertThatThrownBy(() -> new RevisionHistory(List.of(one), 1, 0, -1))
        .hasMessageContaining("revisionHistoryLimit must not be negative");
    assertThatThrownBy(RevisionHistory.NONE::stable).isInstanceOf(IllegalStateException.class);
  }
}

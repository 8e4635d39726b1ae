/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mutated manifests fail only with {@link ManifestException}: never a Jackson, YAML or null-pointer exception. */
class ManifestFuzzTest {
  private static final String ALPHABET = " :-[]{}\"'#&*!|>\n\t0123456789abcxyz.,?%@`~\\";

  @Test
  void parse_mutatedFixtures_failOnlyWithManifestException() throws Exception {
    Random random = new Random(20260301L);
    List<String> unexpected = new ArrayList<>();
    int failures = 0;
    int runs = 0;
    for (Path fixture : FixtureRoundTripTest.fixtures()) {
      String text = Files.readString(fixture, StandardCharsets.UTF_8);
      for (int i = 0; i < 150; i++) {
        String mutated = mutate(text, random);
        runs++;
        try {
          Manifests.parse(mutated).forEach(m -> Manifests.write(m.resource()));
        } catch (ManifestException e) {
          failures++;
          assertThat(e.getMessage()).isNotBlank().doesNotContain("com.fasterxml", "org.yaml");
        } catch (RuntimeException e) {
          unexpected.add(fixture.getFileName() + ": " + e + "\n---\n" + mutated);
        }
      }
    }
    assertThat(unexpected).isEmpty();
    assertThat(failures).isPositive().isLessThan(runs);
  }

  private static String mutate(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && out.length() > 1; e++) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(4)) {
        case 0:
          out.deleteCharAt(at);
          break;
        case 1:
          out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          break;
        case 2:
          out.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          break;
        default:
          int end = out.indexOf("\n", at);
          out.delete(at, end < 0 ? out.length() : end);
          break;
      }
    }
    return out.toString();
  }
}

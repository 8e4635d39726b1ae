/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.model.Resource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture under {@code manifests/} loads without dropping a field and survives load, write, load. */
class FixtureRoundTripTest {

  static List<Path> fixtures() throws IOException, URISyntaxException {
    Path dir = Path.of(FixtureRoundTripTest.class.getResource("/manifests").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void fixtures_atLeastFifteen() throws Exception {
    assertThat(fixtures()).hasSizeGreaterThanOrEqualTo(15);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void fixture_loadsWithoutUnknownFields(Path fixture) {
    List<Manifest> manifests = Manifests.parse(fixture);
    assertThat(manifests).isNotEmpty();
    for (Manifest m : manifests) {
      assertThat(m.unknownFields()).as(fixture.getFileName().toString()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void fixture_yamlRoundTrip_isEqual(Path fixture) {
    List<Resource> loaded = Manifests.read(fixture);
    String yaml = Manifests.write(loaded);
    List<Resource> reloaded = Manifests.read(yaml);
    assertThat(reloaded).as(yaml).isEqualTo(loaded);
    assertThat(Manifests.write(reloaded)).isEqualTo(yaml);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void fixture_jsonRoundTrip_isEqual(Path fixture) {
    List<Resource> loaded = Manifests.read(fixture);
    String json = Manifests.writeJson(loaded);
    assertThat(Manifests.read(json)).as(json).isEqualTo(loaded);
    for (Resource r : loaded) {
      assertThat(Manifests.read(Manifests.writeJson(r))).containsExactly(r);
    }
  }
}

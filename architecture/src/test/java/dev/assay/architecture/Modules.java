/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/** Which jar holds which area (the first package segment below {@code dev.assay}); see docs/architecture.md. */
final class Modules {
  /** One jar and the areas it holds. */
  record Jar(String name, List<String> areas) {}

  /** The jars, lowest layer first: a jar may use only the jars before it (and its own areas). */
  static final List<Jar> JARS = List.of(
      new Jar("assay-gotext", List.of("gotext")),
      new Jar("assay-model", List.of("", "model")),
      new Jar("assay-manifest", List.of("manifest")),
      new Jar("assay-expr", List.of("expr")),
      new Jar("assay-engine", List.of("template", "spi", "engine", "time")),
      new Jar("assay-judge", List.of("stats", "judge")),
      new Jar("assay-canary", List.of("templates", "plan")),
      new Jar("assay-junit", List.of("junit")),
      new Jar("assay-testing", List.of("testing")),
      new Jar("assay-provider-http", List.of("http")),
      new Jar("assay-lint", List.of("lint")),
      new Jar("assay-prometheus-provider", List.of("prometheus")),
      new Jar("assay-web-provider", List.of("web")),
      new Jar("assay-job-provider", List.of("job")),
      new Jar("assay-micrometer", List.of("micrometer")),
      new Jar("assay-controller", List.of("controller")),
      new Jar("assay-cli", List.of("cli")),
      new Jar("assay-samples", List.of("samples")));

  /** The jars that make up the engine core: no HTTP client, no Kubernetes client, no test framework. */
  static final List<String> CORE = List.of("assay-gotext", "assay-model", "assay-manifest", "assay-expr",
      "assay-engine", "assay-judge", "assay-canary", "assay-junit", "assay-testing", "assay-lint");

  static final SliceAssignment ASSIGNMENT = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String module = of(javaClass);
      return module.isEmpty() ? SliceIdentifier.ignore() : SliceIdentifier.of(module);
    }

    @Override
    public String getDescription() {
      return "Assay jars";
    }
  };

  private Modules() {}

  /** The area of a class: {@code engine} for {@code dev.assay.engine.internal.X}, {@code ""} for the root. */
  static String area(JavaClass c) {
    String pkg = c.getPackageName();
    if (pkg.equals("dev.assay")) {
      return "";
    }
    if (!pkg.startsWith("dev.assay.")) {
      return "-";
    }
    String rest = pkg.substring("dev.assay.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /** The jar that holds a class, or {@code ""} when it is not ours. */
  static String of(JavaClass c) {
    String area = area(c);
    return JARS.stream().filter(j -> j.areas().contains(area)).map(Jar::name).findFirst().orElse("");
  }

  /** The position of a jar in {@link #JARS}, lowest first; -1 when not ours. */
  static int layer(String module) {
    return JARS.stream().map(Jar::name).toList().indexOf(module);
  }
}

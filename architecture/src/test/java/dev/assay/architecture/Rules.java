/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.function.BiPredicate;

/** The rules of docs/architecture.md as ArchUnit rules. */
final class Rules {
  private static final List<String> INFRASTRUCTURE = List.of("okhttp3.", "io.fabric8.", "org.junit.", "org.assertj.",
      "org.opentest4j.");
  private static final List<String> TEST_FRAMEWORKS = List.of("org.junit.", "org.assertj.", "org.opentest4j.");

  private Rules() {}

  /** A class may use another area's API packages, never its {@code internal} packages. */
  static ArchRule noCrossAreaInternals() {
    return classes().should(dependOnlyWhere("use no other area's internal package", (from, to) ->
        !(isOurs(to) && to.getPackageName().contains(".internal") && !Modules.area(to).equals(Modules.area(from)))));
  }

  /** The core jars reach no HTTP client, Kubernetes client or test framework (assay-junit and -testing: JUnit only). */
  static ArchRule coreIsFreeOfInfrastructure() {
    return classes().that(inJars(Modules.CORE)).should(dependOnlyWhere(
        "use no HTTP client or Kubernetes client, and no test framework outside assay-junit and assay-testing",
        (from, to) -> {
          String name = to.getName();
          boolean testJar = Modules.of(from).equals("assay-junit") || Modules.of(from).equals("assay-testing");
          return INFRASTRUCTURE.stream().noneMatch(name::startsWith)
              || (testJar && TEST_FRAMEWORKS.stream().anyMatch(name::startsWith));
        }));
  }

  /** JUnit and AssertJ appear only in the jars made for tests. */
  static ArchRule onlyJUnitJarsUseJUnit() {
    return classes().that(inJars(List.of("assay-gotext", "assay-model", "assay-manifest", "assay-expr", "assay-engine",
        "assay-judge", "assay-canary", "assay-lint", "assay-prometheus-provider", "assay-web-provider",
        "assay-job-provider", "assay-provider-http", "assay-micrometer", "assay-controller")))
        .should(dependOnlyWhere("use no test framework",
            (from, to) -> TEST_FRAMEWORKS.stream().noneMatch(to.getName()::startsWith)));
  }

  /** A jar uses only jars below it in {@link Modules#JARS}. */
  static ArchRule layersPointDown() {
    return classes().should(dependOnlyWhere("use only its own jar and the jars below it", (from, to) -> {
      int a = Modules.layer(Modules.of(from));
      int b = Modules.layer(Modules.of(to));
      return a < 0 || b < 0 || b <= a;
    }));
  }

  /** Public methods of API classes neither take nor return a type from an {@code internal} package. */
  static ArchCondition<JavaClass> notExposeInternalTypes() {
    return new ArchCondition<>("expose no internal type in a public method signature") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (JavaMethod m : c.getMethods()) {
          if (!m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
            continue;
          }
          m.getParameterTypes().stream().map(t -> t.toErasure()).filter(Rules::isInternal).forEach(t ->
              events.add(SimpleConditionEvent.violated(m, m.getFullName() + " takes internal " + t.getName())));
          JavaClass ret = m.getRawReturnType();
          if (isInternal(ret)) {
            events.add(SimpleConditionEvent.violated(m, m.getFullName() + " returns internal " + ret.getName()));
          }
        }
      }
    };
  }

  private static boolean isInternal(JavaClass c) {
    return isOurs(c) && c.getPackageName().contains(".internal");
  }

  private static boolean isOurs(JavaClass c) {
    return c.getPackageName().equals("dev.assay") || c.getPackageName().startsWith("dev.assay.");
  }

  private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> inJars(List<String> jars) {
    return com.tngtech.archunit.base.DescribedPredicate.describe("are in " + jars,
        c -> jars.contains(Modules.of(c)));
  }

  private static ArchCondition<JavaClass> dependOnlyWhere(String description,
      BiPredicate<JavaClass, JavaClass> allowed) {
    return new ArchCondition<>(description) {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (Dependency d : c.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass().getBaseComponentType();
          if (!allowed.test(c, target)) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }
}

/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.assay.model.ArchViolations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout rules of docs/architecture.md, checked over the main classes of every jar we ship. Each rule is also run
 * once against a class that breaks it ({@link ArchViolations}), so a rule that cannot fail is noticed.
 */
class ArchitectureTest {
  private static JavaClasses shipped;
  private static JavaClasses withViolations;

  @BeforeAll
  static void importClasses() {
    shipped = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.assay");
    withViolations = new ClassFileImporter().importPackages("dev.assay");
  }

  @Test
  void shippedClassesWereFound() {
    assertThat(shipped.stream().map(Modules::of).distinct())
        .contains("assay-model", "assay-expr", "assay-engine", "assay-judge", "assay-canary",
            "assay-prometheus-provider", "assay-web-provider", "assay-job-provider");
  }

  @Test
  void noAreaUsesAnotherAreasInternals() {
    ArchRule rule = Rules.noCrossAreaInternals();
    rule.check(shipped);
    assertFailsOn(rule, ArchViolations.UsesOtherInternals.class);
  }

  @Test
  void coreJarsSeeNoHttpClientKubernetesOrTestFramework() {
    ArchRule rule = Rules.coreIsFreeOfInfrastructure();
    rule.check(shipped);
    assertFailsOn(rule, ArchViolations.UsesOkHttp.class);
  }

  @Test
  void onlyTheJUnitAndTestingJarsUseJUnit() {
    ArchRule rule = Rules.onlyJUnitJarsUseJUnit();
    rule.check(shipped);
    assertFailsOn(rule, ArchViolations.UsesJUnit.class);
  }

  @Test
  void modulesHaveNoCycles() {
    ArchRule rule = slices().assignedFrom(Modules.ASSIGNMENT).should().beFreeOfCycles();
    rule.check(shipped);
  }

  @Test
  void lowerModulesNeverUseHigherOnes() {
    ArchRule rule = Rules.layersPointDown();
    rule.check(shipped);
    assertFailsOn(rule, ArchViolations.UsesEngine.class);
  }

  @Test
  void samplesUseOnlyPublicApi() {
    ArchRule rule = noClasses().that().resideInAPackage("dev.assay.samples..")
        .should().dependOnClassesThat().resideInAPackage("..internal..")
        .because("the samples show what a user can do, and users get no internal class");
    rule.check(shipped);
  }

  @Test
  void apiPackagesExposeNoInternalTypesInPublicSignatures() {
    ArchRule rule = classes().that().resideOutsideOfPackage("..internal..").and().arePublic()
        .should(Rules.notExposeInternalTypes());
    rule.check(shipped);
  }

  private static void assertFailsOn(ArchRule rule, Class<?> violator) {
    JavaClass bad = withViolations.get(violator);
    EvaluationResult result = rule.evaluate(withViolations.that(new com.tngtech.archunit.base.DescribedPredicate<>(
        "the violation sample") {
      @Override
      public boolean test(JavaClass c) {
        return c.equals(bad) || c.getName().startsWith(bad.getName() + "$");
      }
    }));
    assertThat(result.hasViolation()).as("rule %s must reject %s", rule.getDescription(), violator.getName())
        .isTrue();
  }
}

/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.plan.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.spi.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SplitCheckTest {
  private static final URI URL = URI.create("http://checkout.shop/api/v1/version");
  private static final SplitClassifier VERSION = SplitClassifier.jsonPath(".version", "v2");

  @Test
  void defaults() {
    SplitCheck c = SplitCheck.builder(URL, VERSION).build();

    assertThat(c.requests()).isEqualTo(100);
    assertThat(c.budget()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.concurrency()).isEqualTo(4);
    assertThat(c.alpha()).isEqualTo(0.001);
    assertThat(c.maxFailedShare()).isEqualTo(0.1);
    assertThat(c.headers()).isEmpty();
  }

  @Test
  void headerValuesNeverPrint() {
    SplitCheck c = SplitCheck.builder(URL, VERSION).header("Authorization", "Bearer s3cr3t-t0ken-value")
        .header("X-Api-Key", Secret.of("k3y-k3y-k3y")).build();

    assertThat(c.toString()).contains("Authorization=*****", "X-Api-Key=*****")
        .doesNotContain("s3cr3t-t0ken-value", "k3y-k3y-k3y");
    assertThat(CanaryStepText.of(c)).doesNotContain("s3cr3t-t0ken-value");
    assertThat(c.headers().get("Authorization").reveal()).isEqualTo("Bearer s3cr3t-t0ken-value");
  }

  @Test
  void boundsAreEnforcedWithTheFieldName() {
    assertThatThrownBy(() -> SplitCheck.builder(URL, VERSION).requests(0).build())
        .hasMessage("requests must be between 1 and 10000, but was 0");
    assertThatThrownBy(() -> SplitCheck.builder(URL, VERSION).requests(10_001).build())
        .hasMessageContaining("requests must be between 1 and 10000");
    assertThatThrownBy(() -> SplitCheck.builder(URL, VERSION).concurrency(17).build())
        .hasMessageContaining("concurrency must be between 1 and 16");
    assertThatThrownBy(() -> SplitCheck.builder(URL, VERSION).budget(Duration.ofMinutes(11)).build())
        .hasMessageContaining("budget must be positive and at most 10m");
    assertThatThrownBy(() -> SplitCheck.builder(URL, VERSION).requestTimeout(Duration.ZERO).build())
        .hasMessageContaining("requestTimeout must be positive");
    assertThatThrownBy(() -> SplitCheck.builder(URL, VERSION).alpha(0).build())
        .hasMessageContaining("alpha must be above 0");
    assertThatThrownBy(() -> SplitCheck.builder(URL, VERSION).maxFailedShare(1).build())
        .hasMessageContaining("maxFailedShare must be at least 0 and below 1");
  }

  @Test
  void urlsMustBeHttpWithoutUserInfo() {
    assertThatThrownBy(() -> SplitCheck.builder(URI.create("ftp://x/"), VERSION).build())
        .hasMessageContaining("is not an http or https URL");
    assertThatThrownBy(() -> SplitCheck.builder(URI.create("http://bob:pa55w0rd@x/"), VERSION).build())
        .hasMessageContaining("user info in the URL is not supported")
        .hasMessageNotContaining("pa55w0rd");
  }

  @Test
  void restrictedOrBadHeadersAreRefusedWithoutTheirValue() {
    assertThatThrownBy(() -> SplitCheck.builder(URL, VERSION).header("Host", "evil.example").build())
        .hasMessageStartingWith("header Host cannot be sent").hasMessageNotContaining("evil.example");
    assertThatThrownBy(() -> SplitCheck.builder(URL, VERSION).header("X-Token", "line\nbreak-s3cret").build())
        .hasMessageStartingWith("header X-Token cannot be sent").hasMessageNotContaining("s3cret");
  }

  @Test
  void classifiersValidateTheirInputs() {
    assertThat(SplitClassifier.header(" x-served-by ", " v2 ")).isEqualTo(SplitClassifier.header("x-served-by", "v2"));
    assertThat(SplitClassifier.header("x-served-by", "v2").describe()).isEqualTo("header x-served-by");
    assertThat(VERSION.describe()).isEqualTo(".version");
    assertThatThrownBy(() -> SplitClassifier.jsonPath("version", "v2")).hasMessageContaining("JSON path 'version'");
    assertThatThrownBy(() -> SplitClassifier.header("x served", "v2")).hasMessageContaining("not a valid HTTP header");
    assertThatThrownBy(() -> SplitClassifier.header("x-served-by", " ")).hasMessageContaining("canary value is empty");
  }

  /** What a plan step with the check prints. */
  private static final class CanaryStepText {
    static String of(SplitCheck c) {
      return dev.assay.plan.CanaryStep.verifySplit(c).toString();
    }
  }
}

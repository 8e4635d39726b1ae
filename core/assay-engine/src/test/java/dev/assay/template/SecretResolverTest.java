/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.model.SecretKeyRef;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretResolverTest {

  @Test
  void fromMap_knownKey_returnsValueInAnyNamespace() {
    SecretResolver r = SecretResolver.fromMap(Map.of("db", Map.of("password", "hunter2")));
    assertThat(r.resolve("a", new SecretKeyRef("db", "password"))).isEqualTo("hunter2");
    assertThat(r.resolve("", new SecretKeyRef("db", "password"))).isEqualTo("hunter2");
    assertThat(r.toString()).doesNotContain("hunter2");
  }

  @Test
  void fromMap_missingSecretOrKey_throwsArgoMessages() {
    SecretResolver r = SecretResolver.fromMap(Map.of("db", Map.of("password", "hunter2")));
    assertThatThrownBy(() -> r.resolve("ns", new SecretKeyRef("other", "password")))
        .isInstanceOf(ArgumentResolutionException.class).hasMessage("secrets \"other\" not found");
    assertThatThrownBy(() -> r.resolve("ns", new SecretKeyRef("db", "user")))
        .isInstanceOf(ArgumentResolutionException.class).hasMessage("key 'user' does not exist in secret 'db'");
  }

  @Test
  void environmentVariable_namingScheme() {
    assertThat(SecretResolver.environmentVariable(new SecretKeyRef("datadog", "api-key")))
        .isEqualTo("ASSAY_SECRET_DATADOG__API_KEY");
    assertThat(SecretResolver.environmentVariable(new SecretKeyRef("my.secret", "tls.crt")))
        .isEqualTo("ASSAY_SECRET_MY_SECRET__TLS_CRT");
  }

  @Test
  void fromEnvironment_readsVariablesAndDistinguishesMissingKeyFromMissingSecret() {
    SecretResolver r = SecretResolver.fromEnvironment(Map.of("ASSAY_SECRET_DATADOG__API_KEY", "k-123"));
    assertThat(r.resolve("ns", new SecretKeyRef("datadog", "api-key"))).isEqualTo("k-123");
    assertThatThrownBy(() -> r.resolve("ns", new SecretKeyRef("datadog", "app-key")))
        .hasMessage("key 'app-key' does not exist in secret 'datadog'");
    assertThatThrownBy(() -> r.resolve("ns", new SecretKeyRef("prom", "token")))
        .hasMessage("secrets \"prom\" not found");
    assertThat(r.toString()).doesNotContain("k-123");
  }

  @Test
  void none_knowsNoSecret() {
    assertThatThrownBy(() -> SecretResolver.none().resolve("ns", new SecretKeyRef("s", "k")))
        .hasMessage("secrets \"s\" not found");
  }
}

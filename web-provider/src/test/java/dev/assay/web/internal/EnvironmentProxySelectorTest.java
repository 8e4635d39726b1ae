/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentProxySelectorTest {
  private static final Map<String, String> ENV = Map.of(
      "HTTP_PROXY", "http://proxy.corp:3128",
      "https_proxy", "socks5://socks.corp",
      "NO_PROXY", "internal.corp, .svc.local,exact.example:8443,*.wild.example");

  private static List<Proxy> select(String url) {
    return new EnvironmentProxySelector(ENV::get).select(URI.create(url));
  }

  @ParameterizedTest
  @CsvSource({
      "http://localhost:8080/x", "http://127.0.0.1/x", "http://[::1]:9/x", "http://internal.corp/x",
      "http://api.internal.corp/x", "http://a.svc.local/x", "https://exact.example:8443/x",
      "http://deep.wild.example/x"})
  void directConnections(String url) {
    assertThat(select(url)).containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void httpUsesHttpProxy() {
    assertThat(select("http://service.example/x"))
        .containsExactly(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp", 3128)));
    assertThat(select("http://exact.example/x")).as("NO_PROXY entry with another port")
        .containsExactly(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp", 3128)));
  }

  @Test
  void httpsUsesTheLowerCaseVariableWhenUpperCaseIsUnset() {
    assertThat(select("https://service.example/x"))
        .containsExactly(new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved("socks.corp", 1080)));
  }

  @Test
  void starDisablesProxying() {
    EnvironmentProxySelector selector =
        new EnvironmentProxySelector(Map.of("HTTP_PROXY", "proxy:1", "no_proxy", "*")::get);
    assertThat(selector.select(URI.create("http://anything.example/"))).containsExactly(Proxy.NO_PROXY);
  }
}

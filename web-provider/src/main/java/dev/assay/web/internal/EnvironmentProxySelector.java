/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.web.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Chooses a proxy the way Go's {@code http.ProxyFromEnvironment} does: {@code HTTPS_PROXY} for https URLs,
 * {@code HTTP_PROXY} for http ones (upper case first, then lower case), none for localhost and loopback addresses,
 * none for hosts {@code NO_PROXY} lists ({@code *}, exact hosts, {@code .domain} or {@code domain} suffixes, with an
 * optional port). Proxy credentials in the proxy URL are not supported. Thread-safe.
 */
final class EnvironmentProxySelector extends ProxySelector {
  private static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);

  private final Function<String, @Nullable String> environment;

  EnvironmentProxySelector(Function<String, @Nullable String> environment) {
    this.environment = environment;
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    String proxy = https ? variable("HTTPS_PROXY") : variable("HTTP_PROXY");
    if (proxy.isEmpty() || isLoopback(host) || bypassed(host, uri.getPort() < 0 ? (https ? 443 : 80) : uri.getPort())) {
      return DIRECT;
    }
    URI proxyUri = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
    String scheme = proxyUri.getScheme().toLowerCase(Locale.ROOT);
    boolean socks = scheme.startsWith("socks");
    int port = proxyUri.getPort() >= 0 ? proxyUri.getPort() : (socks ? 1080 : scheme.equals("https") ? 443 : 80);
    return List.of(new Proxy(socks ? Proxy.Type.SOCKS : Proxy.Type.HTTP,
        InetSocketAddress.createUnresolved(proxyUri.getHost(), port)));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // Nothing to remember: Go's client does not fall back to a direct connection either.
  }

  private String variable(String upperName) {
    String value = environment.apply(upperName);
    if (value == null || value.isEmpty()) {
      value = environment.apply(upperName.toLowerCase(Locale.ROOT));
    }
    return value == null ? "" : value.trim();
  }

  private static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    if (!host.isEmpty() && (Character.digit(host.charAt(0), 16) >= 0 || host.startsWith("["))
        && (host.chars().allMatch(c -> c == '.' || Character.isDigit(c)) || host.contains(":"))) {
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (IOException e) {
        return false;
      }
    }
    return false;
  }

  private boolean bypassed(String host, int port) {
    for (String entry : variable("NO_PROXY").split(",")) {
      String rule = entry.trim().toLowerCase(Locale.ROOT);
      if (rule.isEmpty()) {
        continue;
      }
      if (rule.equals("*")) {
        return true;
      }
      int colon = rule.lastIndexOf(':');
      if (colon > 0 && rule.indexOf(':') == colon) {
        if (!rule.substring(colon + 1).equals(Integer.toString(port))) {
          continue;
        }
        rule = rule.substring(0, colon);
      }
      if (rule.startsWith("*.")) {
        rule = rule.substring(1);
      }
      if (rule.startsWith(".") ? host.endsWith(rule) : (host.equals(rule) || host.endsWith("." + rule))) {
        return true;
      }
    }
    return false;
  }
}

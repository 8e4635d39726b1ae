/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge.internal;

import dev.assay.judge.ProviderLookup;
import dev.assay.spi.MetricProvider;
import dev.assay.spi.MetricProviderFactory;
import dev.assay.spi.ProviderSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Series providers created from the {@link MetricProviderFactory} entries of a class loader, each on its first use
 * (so a judge that is never used creates nothing), and closed with the judge. Settings keyed
 * {@code <type>.<key>} go to the factory of {@code <type>} as {@code <key>}. Thread-safe. Not API; may change.
 */
public final class DiscoveredProviders implements ProviderLookup, AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(DiscoveredProviders.class);

  private final ClassLoader loader;
  private final ProviderSettings settings;
  private final String ownType;
  private final Map<String, MetricProvider> created = new HashMap<>();
  private boolean closed;

  /**
   * A lookup over a class loader's factories.
   *
   * @param loader where to look
   * @param settings the judge's settings, holding {@code <type>.<key>} entries for the delegates
   * @param ownType the judge's own type, never created as a delegate
   */
  public DiscoveredProviders(ClassLoader loader, ProviderSettings settings, String ownType) {
    this.loader = loader;
    this.settings = settings;
    this.ownType = ownType;
  }

  @Override
  public synchronized Optional<MetricProvider> find(String type) {
    if (closed || type.equals(ownType)) {
      return Optional.empty();
    }
    MetricProvider existing = created.get(type);
    if (existing != null) {
      return Optional.of(existing);
    }
    for (MetricProviderFactory f : ServiceLoader.load(MetricProviderFactory.class, loader)) {
      if (f.type().equals(type)) {
        MetricProvider p = f.create(settingsFor(type));
        created.put(type, p);
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private ProviderSettings settingsFor(String type) {
    String prefix = type + ".";
    Map<String, String> own = new HashMap<>();
    settings.properties().forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        own.put(k.substring(prefix.length()), v);
      }
    });
    return ProviderSettings.of(own);
  }

  @Override
  public void close() {
    List<MetricProvider> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayList<>(created.values());
      created.clear();
    }
    for (MetricProvider p : toClose) {
      try {
        p.close();
      } catch (RuntimeException e) {
        logger.warn("Closing the judge's {} provider failed: {}", p.type(), e.toString());
      }
    }
  }
}

/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.junit;

import dev.assay.engine.AnalysisEngine;
import dev.assay.engine.AnalysisEngineBuilder;
import dev.assay.engine.AnalysisHandle;
import dev.assay.engine.Reconciler;
import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Argument;
import dev.assay.model.ObjectMeta;
import dev.assay.model.Resource;
import dev.assay.model.TemplateResource;
import dev.assay.spi.ProviderSettings;
import dev.assay.template.AnalysisRuns;
import dev.assay.templates.CanaryTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension behind {@link CanaryGate}, also usable programmatically:
 * <pre>{@code
 * @RegisterExtension
 * static CanaryGateExtension gate = CanaryGateExtension.using(() -> myEngine);
 * ...
 * AnalysisRun run = gate.run("builtin:error-rate-analysis", List.of(Argument.of("service-name", "checkout")),
 *     Duration.ofMinutes(10));
 * CanaryAssertions.assertThat(run).passes();
 * }</pre>
 * Without an engine supplier it builds one per gate with providers discovered on the class path and closes it.
 */
public final class CanaryGateExtension implements BeforeTestExecutionCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(CanaryGateExtension.class);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  private final @Nullable Supplier<AnalysisEngine> engineSupplier;

  /** An extension that discovers providers on the class path (used by {@code @CanaryGate}). */
  public CanaryGateExtension() {
    this.engineSupplier = null;
  }

  private CanaryGateExtension(Supplier<AnalysisEngine> engineSupplier) {
    this.engineSupplier = engineSupplier;
  }

  /**
   * An extension that runs gates on an engine the test owns (and closes).
   *
   * @param engine supplies the engine, called once per gate
   * @return the extension
   */
  public static CanaryGateExtension using(Supplier<AnalysisEngine> engine) {
    return new CanaryGateExtension(Objects.requireNonNull(engine, "engine"));
  }

  /**
   * Runs a template to completion and returns the run; it does not assert (use {@link CanaryAssertions}). Pre-flight
   * checks are on.
   *
   * @param template {@code builtin:<name>}, {@code classpath:<resource>} or a file path
   * @param args the arguments
   * @param timeout the longest to wait, real time
   * @return the completed run
   * @throws AssertionError when the run does not complete in time; the message lists each metric's phase, counts
   *     and last value
   */
  public AnalysisRun run(String template, List<Argument> args, Duration timeout) {
    return run(template, args, timeout, Map.of(), true);
  }

  private AnalysisRun run(String template, List<Argument> args, Duration timeout,
      Map<String, ProviderSettings> settings, boolean preflight) {
    TemplateResource t = loadTemplate(template);
    ObjectMeta meta = new ObjectMeta("gate-" + t.metadata().name(), "default", "", Map.of(),
        Map.of(Reconciler.PREFLIGHT_ANNOTATION, Boolean.toString(preflight)), Map.of());
    AnalysisRun run = AnalysisRuns.fromTemplates(meta, List.of(t), args);
    AnalysisEngine engine = engineSupplier != null ? engineSupplier.get() : ownEngine(settings);
    try {
      AnalysisHandle handle = engine.start(run);
      Optional<AnalysisRun> done = handle.await(timeout);
      if (done.isEmpty()) {
        AnalysisRun current = handle.run();
        handle.terminate();
        throw new AssertionError("analysis " + template + " did not complete within " + timeout + "; "
            + TimeoutReport.describe(current));
      }
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + template, e);
    } finally {
      if (engineSupplier == null) {
        engine.close();
      }
    }
  }

  private static AnalysisEngine ownEngine(Map<String, ProviderSettings> settings) {
    AnalysisEngineBuilder b = AnalysisEngine.builder().discoverProviders(CanaryGateExtension.class.getClassLoader());
    settings.forEach(b::providerSettings);
    return b.build();
  }

  /** Parses {@code <type>.<key>=<value>} entries into settings per provider type. */
  static Map<String, ProviderSettings> providerSettings(String[] entries) {
    Map<String, Map<String, String>> byType = new LinkedHashMap<>();
    for (String e : entries) {
      int eq = e.indexOf('=');
      int dot = e.indexOf('.');
      if (eq <= 0 || dot <= 0 || dot > eq - 2) {
        throw new IllegalArgumentException("@CanaryGate providerSettings must be <provider type>.<key>=<value>, "
            + "for example job.defaultRunner=local, but was \"" + e + "\"");
      }
      byType.computeIfAbsent(e.substring(0, dot), k -> new LinkedHashMap<>())
          .put(e.substring(dot + 1, eq), expand(e.substring(eq + 1)));
    }
    Map<String, ProviderSettings> out = new LinkedHashMap<>();
    byType.forEach((type, props) -> out.put(type, ProviderSettings.of(props)));
    return out;
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    CanaryGate gate = context.getRequiredTestMethod().getAnnotation(CanaryGate.class);
    if (gate == null) {
      return;
    }
    List<Argument> args = new ArrayList<>();
    for (String a : gate.args()) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("@CanaryGate args must be name=value, but was \"" + a + "\"");
      }
      args.add(Argument.of(a.substring(0, eq), expand(a.substring(eq + 1))));
    }
    AnalysisRun run = run(gate.template(), args, Duration.ofSeconds(gate.timeoutSeconds()),
        providerSettings(gate.providerSettings()), gate.preflight());
    context.getStore(NS).put(context.getUniqueId(), run);
    CanaryAssertions.assertThat(run).hasPhase(gate.expect());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AnalysisRun.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    AnalysisRun run = context.getStore(NS).get(context.getUniqueId(), AnalysisRun.class);
    if (run == null) {
      throw new IllegalStateException("an AnalysisRun parameter needs @CanaryGate on the test method");
    }
    return run;
  }

  static TemplateResource loadTemplate(String location) {
    if (location.startsWith("builtin:")) {
      return CanaryTemplates.load(location.substring("builtin:".length()));
    }
    List<Resource> resources;
    if (location.startsWith("classpath:")) {
      String name = location.substring("classpath:".length());
      String resource = name.startsWith("/") ? name : "/" + name;
      try (InputStream in = CanaryGateExtension.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalArgumentException("no class path resource " + resource);
        }
        resources = Manifests.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      resources = Manifests.read(Path.of(location));
    }
    for (Resource r : resources) {
      if (r instanceof TemplateResource) {
        return (TemplateResource) r;
      }
    }
    throw new IllegalArgumentException(location + " holds no AnalysisTemplate or ClusterAnalysisTemplate");
  }

  static String expand(String value) {
    Matcher m = PLACEHOLDER.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String v = System.getProperty(key, System.getenv(key));
      if (v == null) {
        throw new IllegalArgumentException("${" + key + "} is neither a system property nor an environment variable");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }
}

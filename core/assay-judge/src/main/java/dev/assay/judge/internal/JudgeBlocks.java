/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.judge.internal;

import dev.assay.judge.JudgeData;
import dev.assay.judge.JudgeMode;
import dev.assay.judge.JudgeRule;
import dev.assay.judge.JudgeSpec;
import dev.assay.judge.JudgeSpecBuilder;
import dev.assay.judge.JudgeSpecException;
import dev.assay.manifest.Manifests;
import dev.assay.model.ProviderSpec;
import dev.assay.stats.Direction;
import dev.assay.stats.EffectSizeMeasure;
import dev.assay.stats.KayentaJudgeConfig;
import dev.assay.stats.NanStrategy;
import dev.assay.stats.ProportionMargin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the YAML form of a {@link JudgeSpec}. Kayenta's options keep the names of Kayenta's canary
 * config ({@code effectSize.measure}, {@code outliers.strategy}, ...) so configs port by copy. Not API; may change.
 */
public final class JudgeBlocks {
  private static final String ROOT = JudgeSpec.PLUGIN_NAME;
  private static final Set<String> NON_INFERIORITY_ONLY = Set.of("margin", "unit");
  private static final Set<String> KAYENTA_ONLY =
      Set.of("tolerance", "effectSize", "nanStrategy", "outliers", "critical", "mustHaveData");
  private static final Set<String> PROPORTIONS_ONLY = Set.of("marginPoints", "maxRatio");
  private static final Set<String> TOP = union(Set.of("canary", "baseline", "rule", "direction", "confidence",
      "data", "mode", "plannedSize"), NON_INFERIORITY_ONLY, KAYENTA_ONLY, PROPORTIONS_ONLY);
  private static final Set<String> COUNT_SERIES = Set.of("events", "trials");
  private static final Set<String> EFFECT_SIZE =
      Set.of("measure", "allowedIncrease", "criticalIncrease", "allowedDecrease", "criticalDecrease");
  private static final Set<String> OUTLIERS = Set.of("strategy", "outlierFactor");

  private JudgeBlocks() {}

  /**
   * Reads a block.
   *
   * @param block the block's plain values
   * @return the spec
   * @throws JudgeSpecException naming the key when the block is invalid
   */
  public static JudgeSpec read(Map<?, ?> block) {
    BlockReader r = new BlockReader(ROOT, block, TOP);
    JudgeData data = r.has("data") ? parse(r, "data", () -> JudgeData.fromConfigName(r.text("data", "")))
        : JudgeData.VALUES;
    JudgeSpecBuilder b;
    if (data == JudgeData.COUNTS) {
      BlockReader canary = countSeries(r, "canary");
      BlockReader baseline = countSeries(r, "baseline");
      b = JudgeSpec.builder(series(canary, "events"), series(baseline, "events"))
          .counts(series(canary, "trials"), series(baseline, "trials"));
    } else {
      b = JudgeSpec.builder(series(r, "canary"), series(r, "baseline")).data(data);
    }
    JudgeRule rule = JudgeRule.fromConfigName(r.text("rule", JudgeRule.NON_INFERIORITY.configName()));
    JudgeMode mode = r.has("mode") ? parse(r, "mode", () -> JudgeMode.fromConfigName(r.text("mode", "")))
        : JudgeMode.FIXED;
    Set<String> foreign = rule == JudgeRule.KAYENTA ? NON_INFERIORITY_ONLY : KAYENTA_ONLY;
    for (String key : foreign) {
      if (r.has(key)) {
        throw r.invalid(key, "does not apply to rule " + rule.configName());
      }
    }
    for (String key : data.proportions() ? NON_INFERIORITY_ONLY : PROPORTIONS_ONLY) {
      if (r.has(key)) {
        throw r.invalid(key, "does not apply to data " + data.configName() + (data.proportions()
            ? " (use marginPoints or maxRatio)" : " (marginPoints and maxRatio are for flags and counts)"));
      }
    }
    if (r.has("marginPoints") && r.has("maxRatio")) {
      throw r.invalid("maxRatio", "and marginPoints are exclusive: give the margin one way");
    }
    if (r.has("plannedSize") && mode != JudgeMode.SEQUENTIAL) {
      throw r.invalid("plannedSize", "applies to mode sequential only");
    }
    b.mode(mode);
    try {
      if (r.has("maxRatio")) {
        b.proportionMargin(ProportionMargin.ratio(r.number("maxRatio", Double.NaN)));
      } else if (r.has("marginPoints")) {
        b.proportionMargin(ProportionMargin.points(r.number("marginPoints", Double.NaN)));
      }
    } catch (IllegalArgumentException e) {
      throw new JudgeSpecException(ROOT + "." + e.getMessage(), e);
    }
    if (r.has("plannedSize")) {
      b.plannedSize(r.number("plannedSize", Double.NaN));
    }
    if (rule == JudgeRule.KAYENTA) {
      b.kayenta(kayenta(r));
    }
    if (r.has("direction")) {
      b.direction(parse(r, "direction", () -> Direction.fromConfigName(r.text("direction", ""))));
    }
    if (r.has("confidence")) {
      b.confidence(r.number("confidence", Double.NaN));
    }
    b.margin(r.number("margin", 0.2)).unit(r.text("unit", ""));
    return b.build();
  }

  /**
   * Writes a spec as plain values.
   *
   * @param spec the spec
   * @return an unmodifiable, ordered map
   */
  public static Map<String, Object> write(JudgeSpec spec) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("canary", plain(spec.canary()));
    m.put("baseline", plain(spec.baseline()));
    m.put("rule", spec.rule().configName());
    m.put("direction", spec.direction().configName());
    m.put("confidence", spec.confidence());
    if (spec.data() != JudgeData.VALUES) {
      m.put("data", spec.data().configName());
    }
    if (spec.mode() != JudgeMode.FIXED) {
      m.put("mode", spec.mode().configName());
      m.put("plannedSize", spec.plannedSize());
    }
    if (spec.data().proportions()) {
      ProportionMargin pm = spec.proportionMargin();
      m.put(pm.ratio() ? "maxRatio" : "marginPoints", pm.value());
      if (spec.data() == JudgeData.COUNTS) {
        m.put("canary", counts(spec.canary(), spec.canaryTrials().orElseThrow()));
        m.put("baseline", counts(spec.baseline(), spec.baselineTrials().orElseThrow()));
      }
      return Collections.unmodifiableMap(m);
    }
    if (spec.rule() == JudgeRule.NON_INFERIORITY) {
      m.put("margin", spec.margin());
      if (!spec.unit().isEmpty()) {
        m.put("unit", spec.unit());
      }
      return Collections.unmodifiableMap(m);
    }
    KayentaJudgeConfig k = spec.kayenta();
    m.put("tolerance", k.tolerance());
    Map<String, Object> effect = new LinkedHashMap<>();
    effect.put("measure", k.effectSizeMeasure().configName());
    effect.put("allowedIncrease", k.allowedIncrease());
    effect.put("criticalIncrease", k.criticalIncrease());
    effect.put("allowedDecrease", k.allowedDecrease());
    effect.put("criticalDecrease", k.criticalDecrease());
    m.put("effectSize", Collections.unmodifiableMap(effect));
    m.put("nanStrategy", k.nanStrategy().configName());
    m.put("outliers", Map.of("strategy", k.removeOutliers() ? "remove" : "keep", "outlierFactor",
        k.outlierFactor()));
    m.put("critical", k.critical());
    m.put("mustHaveData", k.mustHaveData());
    return Collections.unmodifiableMap(m);
  }

  private static KayentaJudgeConfig kayenta(BlockReader r) {
    KayentaJudgeConfig.Builder k = KayentaJudgeConfig.builder();
    try {
      k.tolerance(r.number("tolerance", 0.25));
      Map<?, ?> effect = r.map("effectSize");
      if (effect != null) {
        BlockReader e = new BlockReader(r.pathOf("effectSize"), effect, EFFECT_SIZE);
        if (e.has("measure")) {
          k.effectSizeMeasure(parse(e, "measure", () -> EffectSizeMeasure.fromConfigName(e.text("measure", ""))));
        }
        k.allowedIncrease(e.number("allowedIncrease", Double.NaN))
            .criticalIncrease(e.number("criticalIncrease", Double.NaN))
            .allowedDecrease(e.number("allowedDecrease", Double.NaN))
            .criticalDecrease(e.number("criticalDecrease", Double.NaN));
      }
      if (r.has("nanStrategy")) {
        k.nanStrategy(parse(r, "nanStrategy", () -> NanStrategy.fromConfigName(r.text("nanStrategy", ""))));
      }
      Map<?, ?> outliers = r.map("outliers");
      if (outliers != null) {
        BlockReader o = new BlockReader(r.pathOf("outliers"), outliers, OUTLIERS);
        String strategy = o.text("strategy", "keep");
        if (!"keep".equalsIgnoreCase(strategy) && !"remove".equalsIgnoreCase(strategy)) {
          throw o.invalid("strategy", "must be keep or remove, but was \"" + strategy + "\"");
        }
        k.removeOutliers("remove".equalsIgnoreCase(strategy)).outlierFactor(o.number("outlierFactor", 3.0));
      }
      k.critical(r.bool("critical", false)).mustHaveData(r.bool("mustHaveData", false));
      return k.build();
    } catch (IllegalArgumentException e) {
      throw new JudgeSpecException(ROOT + "." + e.getMessage(), e);
    }
  }

  private static Map<String, Object> counts(ProviderSpec events, ProviderSpec trials) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("events", plain(events));
    m.put("trials", plain(trials));
    return Collections.unmodifiableMap(m);
  }

  private static BlockReader countSeries(BlockReader r, String key) {
    Map<?, ?> raw = r.map(key);
    if (raw == null) {
      throw r.invalid(key, "is required: {events: <provider block>, trials: <provider block>}");
    }
    return new BlockReader(r.pathOf(key), raw, COUNT_SERIES);
  }

  private static ProviderSpec series(BlockReader r, String key) {
    Map<?, ?> raw = r.map(key);
    if (raw == null) {
      throw r.invalid(key, "is required: the provider block that reads the " + key + " series");
    }
    try {
      return Manifests.convert(raw, ProviderSpec.class);
    } catch (IllegalArgumentException e) {
      throw r.invalid(key, "is not a provider block: " + firstLine(String.valueOf(e.getMessage())));
    }
  }

  private static Map<String, Object> plain(ProviderSpec spec) {
    return Collections.unmodifiableMap(Manifests.toPlainMap(spec));
  }

  private static <T> T parse(BlockReader r, String key, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw r.invalid(key, "is invalid: " + e.getMessage());
    }
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new java.util.HashSet<>();
    for (Set<String> s : sets) {
      all.addAll(s);
    }
    return Set.copyOf(all);
  }
}

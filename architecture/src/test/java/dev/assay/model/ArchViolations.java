/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

/**
 * Classes that each break one architecture rule, placed in the model's package so the rules treat them as part of
 * assay-model. They are test sources: {@code ArchitectureTest} uses them only to show that each rule can fail.
 */
public final class ArchViolations {
  private ArchViolations() {}

  /** The model reaching for an HTTP client. */
  public static final class UsesOkHttp {
    /** @return a class of OkHttp */
    public Object client() {
      return new okhttp3.OkHttpClient();
    }
  }

  /** The model using a test framework. */
  public static final class UsesJUnit {
    /** Fails through JUnit. */
    public void check() {
      org.junit.jupiter.api.Assertions.fail("never in a library jar");
    }
  }

  /** The model using the engine, a higher layer. */
  public static final class UsesEngine {
    /** @return an engine class */
    public Class<?> engine() {
      return dev.assay.engine.AnalysisEngine.class;
    }
  }

  /** The model using the manifest reader's internals. */
  public static final class UsesOtherInternals {
    /** @return an internal class of another area */
    public Class<?> internal() {
      return dev.assay.manifest.internal.ModelMappers.class;
    }
  }
}

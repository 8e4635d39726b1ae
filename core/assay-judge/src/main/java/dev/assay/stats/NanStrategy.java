/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

/** What a judge does with NaN values (Kayenta's {@code nanStrategy}). Infinite values are always dropped. */
public enum NanStrategy {
  /** Drop NaN values (Kayenta's default); a sample left empty means "no data". */
  REMOVE("remove"),
  /** Replace NaN by 0.0, for count or error metrics where "no data" means zero. */
  REPLACE("replace");

  private final String configName;

  NanStrategy(String configName) {
    this.configName = configName;
  }

  /**
   * Kayenta's name in canary configs.
   *
   * @return {@code "remove"} or {@code "replace"}
   */
  public String configName() {
    return configName;
  }

  /**
   * Parses Kayenta's config name, ignoring case.
   *
   * @param name {@code "remove"} or {@code "replace"}
   * @return the constant
   * @throws IllegalArgumentException for any other name
   */
  public static NanStrategy fromConfigName(String name) {
    for (NanStrategy v : values()) {
      if (v.configName.equalsIgnoreCase(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "nanStrategy must be one of remove or replace, but was '" + name + "'");
  }
}

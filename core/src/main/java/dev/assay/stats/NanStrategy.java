/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.stats;

/** What a judge does with NaN values (Kayenta's {@code nanStrategy}). Infinite values are always dropped. */
public enum NanStrategy {
  /** Drop NaN values (Kayenta's default); a sample left empty means "no data". */
  REMOVE,
  /** Replace NaN by 0.0, for count or error metrics where "no data" means zero. */
  REPLACE
}

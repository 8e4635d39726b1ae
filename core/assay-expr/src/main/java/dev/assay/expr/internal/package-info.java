/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** Lexer, parser, checker and evaluation nodes of the condition language. Not API; may change. */
@NullMarked
package dev.assay.expr.internal;

import org.jspecify.annotations.NullMarked;

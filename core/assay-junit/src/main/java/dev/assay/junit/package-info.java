/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * JUnit 5 canary gates and AssertJ assertions on analysis runs. JUnit Jupiter API and AssertJ are optional
 * dependencies of assay-core: add them (test scope) to use this package; nothing else in core needs them.
 */
@org.jspecify.annotations.NullMarked
package dev.assay.junit;

/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * What the HTTP metric providers share: {@link dev.assay.http.OAuth2TokenSource} (client-credentials tokens as Go's
 * oauth2 library fetches them) and {@link dev.assay.http.InsecureTls} (the {@code insecure: true} client variant).
 * Provider authors may use them; the engine core never depends on this package.
 */
@NullMarked
package dev.assay.http;

import org.jspecify.annotations.NullMarked;

/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Provider authentication settings; each block may be absent.
 *
 * @param basicAuth basic authentication, or null
 * @param oauth2 OAuth2 client credentials, or null
 * @param sigv4 AWS SigV4 signing, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Authentication(
    @Nullable BasicAuth basicAuth, @Nullable OAuth2Config oauth2, @Nullable Sigv4Config sigv4) {}

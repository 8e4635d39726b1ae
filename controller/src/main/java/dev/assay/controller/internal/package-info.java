/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
/** Implementation of the controller: informers, work queue, status writes, shard leases. Not an API. */
package dev.assay.controller.internal;

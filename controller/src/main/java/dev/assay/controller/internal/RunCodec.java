/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import dev.assay.manifest.Manifests;
import dev.assay.model.AnalysisRun;
import dev.assay.model.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import java.util.Objects;

/**
 * Converts between fabric8's schemaless resources and Assay's model through JSON. fabric8 serialises with Jackson 3
 * and the model with Jackson 2, so the two meet only as JSON text. Thread-safe.
 */
public final class RunCodec {
  private final KubernetesSerialization serialization;

  /**
   * A codec using a client's serialization.
   *
   * @param serialization the client's serialization
   */
  public RunCodec(KubernetesSerialization serialization) {
    this.serialization = Objects.requireNonNull(serialization, "serialization");
  }

  /**
   * Reads a resource into the model.
   *
   * @param resource the resource
   * @param type the model type
   * @param <T> the model type
   * @return the model object
   * @throws dev.assay.manifest.ManifestException when the resource does not fit the model
   */
  public <T extends Resource> T toModel(GenericKubernetesResource resource, Class<T> type) {
    return Manifests.read(serialization.asJson(resource), type);
  }

  /**
   * A copy of a resource with the status of a model run.
   *
   * @param base the resource as read (its metadata and resource version are kept)
   * @param run the run whose status to write
   * @return the copy
   */
  public GenericKubernetesResource withStatus(GenericKubernetesResource base, AnalysisRun run) {
    GenericKubernetesResource copy = serialization.clone(base);
    copy.setAdditionalProperty("status", part(run, "status"));
    return copy;
  }

  /**
   * A copy of a resource with the spec of a model run.
   *
   * @param base the resource as read
   * @param run the run whose spec to write
   * @return the copy
   */
  public GenericKubernetesResource withSpec(GenericKubernetesResource base, AnalysisRun run) {
    GenericKubernetesResource copy = serialization.clone(base);
    copy.setAdditionalProperty("spec", part(run, "spec"));
    return copy;
  }

  private Object part(AnalysisRun run, String field) {
    Map<?, ?> whole = serialization.unmarshal(Manifests.writeJson(run), Map.class);
    Object value = whole.get(field);
    return value == null ? Map.of() : value;
  }

  /**
   * The raw status of a resource, for comparing versions.
   *
   * @param resource the resource
   * @return the status object, or null when it has none
   */
  public static Object rawStatus(GenericKubernetesResource resource) {
    return resource.getAdditionalProperties().get("status");
  }
}

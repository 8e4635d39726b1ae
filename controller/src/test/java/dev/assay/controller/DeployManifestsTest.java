/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assay.controller.internal.MainOptions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Renders {@code deploy/} with {@code kubectl kustomize} (offline) and checks the output: every document binds to
 * fabric8's typed model of its Kubernetes API kind with no field left over (the model is generated from the
 * Kubernetes OpenAPI schemas, so a misspelt or misplaced field shows up as an unknown one), and the content fits the
 * controller (RBAC for every call it makes, probes on its health paths, settings it accepts). No API server is
 * needed; {@code kubectl apply --dry-run} would need one.
 */
class DeployManifestsTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @Test
  void baseRendersToValidObjectsThatFitTheController() throws Exception {
    List<HasMetadata> objects = render("deploy/base");
    assertThat(objects).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("Namespace", "ServiceAccount",
        "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "ConfigMap", "Deployment");
    for (HasMetadata o : objects) {
      assertThat(o.getMetadata().getLabels()).as(o.getKind())
          .containsEntry("app.kubernetes.io/name", "assay-controller");
      if (!List.of("Namespace", "ClusterRole", "ClusterRoleBinding").contains(o.getKind())) {
        assertThat(o.getMetadata().getNamespace()).as(o.getKind() + " namespace").isEqualTo("assay-system");
      }
    }

    ClusterRole role = one(objects, ClusterRole.class);
    List<String> needed = List.of("argoproj.io analysisruns get", "argoproj.io analysisruns list",
        "argoproj.io analysisruns watch", "argoproj.io analysisruns update", "argoproj.io analysisruns delete",
        "argoproj.io analysisruns/status update", "argoproj.io analysistemplates get",
        "argoproj.io clusteranalysistemplates get", " secrets get", " events create");
    assertThat(grants(role.getRules())).containsAll(needed);
    assertThat(grants(role.getRules())).filteredOn(g -> g.contains("secrets")).containsExactly(" secrets get");
    assertThat(grants(role.getRules())).noneMatch(g -> g.contains("*"));
    assertThat(grants(one(objects, Role.class).getRules())).contains("coordination.k8s.io leases get",
        "coordination.k8s.io leases list", "coordination.k8s.io leases create", "coordination.k8s.io leases update",
        "coordination.k8s.io leases delete");
    ClusterRoleBinding crb = one(objects, ClusterRoleBinding.class);
    assertThat(crb.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(crb.getSubjects()).singleElement().satisfies(s -> {
      assertThat(s.getName()).isEqualTo("assay-controller");
      assertThat(s.getNamespace()).isEqualTo("assay-system");
    });
    assertThat(one(objects, RoleBinding.class).getRoleRef().getName())
        .isEqualTo(one(objects, Role.class).getMetadata().getName());

    Deployment d = one(objects, Deployment.class);
    ConfigMap config = one(objects, ConfigMap.class);
    MainOptions options = optionsOf(d, config);
    assertThat(options.settings().shards()).isEqualTo(1);
    assertThat(d.getSpec().getReplicas()).isEqualTo(1);
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(d.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("assay-controller");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(c.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort())
        .isEqualTo(options.healthPort()));
    assertThat(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
        .isGreaterThan(options.settings().shutdownGrace().toSeconds());
    assertThat(d.getSpec().getSelector().getMatchLabels().entrySet())
        .isSubsetOf(d.getSpec().getTemplate().getMetadata().getLabels().entrySet());
  }

  @Test
  void shardedOverlayRunsThreeReplicasOverThreeShards() throws Exception {
    List<HasMetadata> objects = render("deploy/overlays/sharded");
    Deployment d = one(objects, Deployment.class);
    assertThat(d.getSpec().getReplicas()).isEqualTo(3);
    MainOptions options = optionsOf(d, one(objects, ConfigMap.class));
    assertThat(options.settings().shards()).isEqualTo(3);
    assertThat(options.settings().instanceId()).isEqualTo("assay");
  }

  /** The settings the container would start with: the ConfigMap, plus the pod fields as the kubelet sets them. */
  private static MainOptions optionsOf(Deployment d, ConfigMap config) {
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getEnvFrom()).singleElement().satisfies(e -> assertThat(e.getConfigMapRef().getName())
        .isEqualTo(config.getMetadata().getName()));
    Map<String, String> env = new HashMap<>(config.getData());
    for (EnvVar v : c.getEnv()) {
      env.put(v.getName(), "from-" + v.getValueFrom().getFieldRef().getFieldPath());
    }
    assertThat(env).containsEntry("POD_NAME", "from-metadata.name")
        .containsEntry("POD_NAMESPACE", "from-metadata.namespace");
    return MainOptions.parse(env, List.of());
  }

  private static List<String> grants(List<PolicyRule> rules) {
    List<String> out = new ArrayList<>();
    for (PolicyRule r : rules) {
      for (String g : r.getApiGroups()) {
        for (String res : r.getResources()) {
          for (String v : r.getVerbs()) {
            out.add(g + " " + res + " " + v);
          }
        }
      }
    }
    return out;
  }

  private static <T> T one(List<HasMetadata> objects, Class<T> type) {
    List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).as(type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  static List<HasMetadata> render(String dir) throws Exception {
    String kubectl = kubectl();
    Path err = Files.createTempFile("kustomize", ".err");
    Process p = new ProcessBuilder(kubectl, "kustomize", dir).redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl kustomize " + dir + ": " + Files.readString(err)).isZero();
    List<HasMetadata> objects = new ArrayList<>();
    for (String doc : out.split("(?m)^---$")) {
      if (doc.isBlank()) {
        continue;
      }
      Object o = SERIALIZATION.unmarshal(doc);
      assertThat(o).as("a typed Kubernetes object:\n" + doc).isInstanceOf(HasMetadata.class)
          .isNotInstanceOf(io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
      List<String> problems = new ArrayList<>();
      strict(o, ((HasMetadata) o).getKind(), problems);
      assertThat(problems).as("fields the %s schema does not have", ((HasMetadata) o).getKind()).isEmpty();
      objects.add((HasMetadata) o);
    }
    return objects;
  }

  /** Collects the fields fabric8's typed model did not recognise (its {@code additionalProperties}), recursively. */
  private static void strict(Object o, String path, List<String> problems) throws Exception {
    if (o instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        strict(e.getValue(), path + "." + e.getKey(), problems);
      }
      return;
    }
    if (o instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        strict(l.get(i), path + "[" + i + "]", problems);
      }
      return;
    }
    if (o == null || !o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method m : o.getClass().getMethods()) {
      if (!m.getName().startsWith("get") || m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class) {
        continue;
      }
      Object v = m.invoke(o);
      if (m.getName().equals("getAdditionalProperties")) {
        if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
          problems.add(path + ": " + extra.keySet());
        }
      } else {
        strict(v, path + "." + m.getName().substring(3), problems);
      }
    }
  }

  private static String kubectl() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, "kubectl");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    if (Boolean.getBoolean("assay.requireExternal")) {
      fail("kubectl is missing and assay.requireExternal=true; install the Debian package 'kubernetes-client' "
          + "(apt-get install -y --no-install-recommends kubernetes-client)");
    }
    assumeTrue(false, "skipped: no kubectl on the PATH (install the Debian package 'kubernetes-client')");
    return "";
  }
}

/*
 * Copyright 2026 The Assay Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.assay.controller.internal;

import dev.assay.controller.ControllerSettings;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shard leases of one replica ({@code coordination.k8s.io/v1} Leases). Each {@link #tick()} lists the group's
 * leases once, renews this replica's member lease, computes the desired owners with {@link ShardAssignment} and
 * acquires, renews or hands back shard leases. Every write carries the lease's resource version, so two replicas
 * never both win the same lease. With one shard this is plain leader election.
 *
 * <p>Expiry follows client-go's leader election: a lease is live while its resource version changed less than its
 * {@code leaseDurationSeconds} ago on this replica's clock, so replicas' clocks need not agree. A replica stops
 * working on a shard when it has not renewed the lease for {@code renewDeadline}, before any other replica may take it
 * ({@code leaseDuration} after the last change it saw).
 *
 * <p>Thread-safety: {@link #tick()} and {@link #releaseAll()} are called from one thread; {@link #owns},
 * {@link #mayStart} and {@link #owned} from any.
 */
public final class ShardLeases {
  private static final Logger logger = LoggerFactory.getLogger(ShardLeases.class);
  /** Label with the lease group (the lease name prefix). */
  public static final String GROUP_LABEL = "assay.dev/lease-group";
  /** Label telling shard leases from member leases. */
  public static final String ROLE_LABEL = "assay.dev/lease-role";

  /** Told when ownership changes; called on the lease thread. */
  public interface Changes {
    /**
     * This replica now owns a shard.
     *
     * @param shard the shard
     */
    void gained(int shard);

    /**
     * This replica no longer owns a shard.
     *
     * @param shard the shard
     */
    void lost(int shard);
  }

  private record Observed(String resourceVersion, Instant at) {}

  private final KubernetesClient client;
  private final ControllerSettings settings;
  private final Clock clock;
  private final Changes changes;
  private final IntPredicate busy;
  private final String memberName;
  private final Map<String, Observed> observed = new HashMap<>();
  private final Map<Integer, Instant> renewedAt = new ConcurrentHashMap<>();
  private final Set<Integer> draining = ConcurrentHashMap.newKeySet();
  private Set<Integer> published = Set.of();
  private volatile @Nullable Instant lastListed;
  private volatile boolean stopping;

  /**
   * Leases for one replica.
   *
   * @param client the client
   * @param settings the settings (lease names, timing, identity)
   * @param clock the clock lease expiry is judged on (real time in production)
   * @param changes told when shards are gained or lost
   * @param busy whether a shard still has reconciles in flight (a shard is handed back only when it has none)
   */
  public ShardLeases(KubernetesClient client, ControllerSettings settings, Clock clock, Changes changes,
      IntPredicate busy) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.changes = Objects.requireNonNull(changes, "changes");
    this.busy = Objects.requireNonNull(busy, "busy");
    this.memberName = settings.leaseName() + "-member-" + dnsLabel(settings.identity());
  }

  /**
   * Whether this replica holds a shard's lease and renewed it within the renew deadline (in-flight work may finish).
   *
   * @param shard the shard
   * @return true when owned
   */
  public boolean owns(int shard) {
    Instant renewed = renewedAt.get(shard);
    return renewed != null && clock.instant().isBefore(renewed.plus(settings.renewDeadline()));
  }

  /**
   * Whether new work on a shard may start here: owned, not being handed back, not shutting down.
   *
   * @param shard the shard
   * @return true when new reconciles may start
   */
  public boolean mayStart(int shard) {
    return !stopping && !draining.contains(shard) && owns(shard);
  }

  /**
   * The shards owned now.
   *
   * @return the shards, sorted
   */
  public Set<Integer> owned() {
    Set<Integer> owned = new TreeSet<>();
    for (int s = 0; s < settings.shards(); s++) {
      if (owns(s)) {
        owned.add(s);
      }
    }
    return owned;
  }

  /**
   * When the leases were last listed successfully.
   *
   * @return the time, or null before the first success
   */
  public @Nullable Instant lastListed() {
    return lastListed;
  }

  /** One round: observe, renew, acquire, hand back. Errors are logged; the next round tries again. */
  public synchronized void tick() {
    try {
      round();
    } catch (RuntimeException e) {
      // Never let an error end the periodic task: the next round tries again.
      logger.warn("Lease round failed: {}", e.toString());
    }
    publish();
  }

  private void round() {
    Instant now = clock.instant();
    List<Lease> leases = client.leases().inNamespace(settings.leaseNamespace())
        .withLabel(GROUP_LABEL, settings.leaseName()).list().getItems();
    lastListed = now;
    Map<String, Lease> byName = new HashMap<>();
    for (Lease l : leases) {
      String name = l.getMetadata().getName();
      byName.put(name, l);
      Observed o = observed.get(name);
      String rv = l.getMetadata().getResourceVersion();
      if (o == null || !o.resourceVersion().equals(rv)) {
        observed.put(name, new Observed(rv, now));
      }
    }
    observed.keySet().retainAll(byName.keySet());
    if (!stopping) {
      write(byName.get(memberName), memberName, "member", now, true);
    }
    List<String> live = new ArrayList<>();
    if (!stopping) {
      live.add(settings.identity());
    }
    for (Lease l : leases) {
      String holder = holder(l);
      if ("member".equals(l.getMetadata().getLabels().get(ROLE_LABEL)) && !holder.isEmpty()
          && !holder.equals(settings.identity()) && isLive(l, now)) {
        live.add(holder);
      }
    }
    Map<Integer, String> holders = new HashMap<>();
    for (int s = 0; s < settings.shards(); s++) {
      Lease l = byName.get(shardName(s));
      if (l == null) {
        continue;
      }
      String holder = holder(l);
      if (holder.equals(settings.identity()) ? owns(s) : !holder.isEmpty() && isLive(l, now)) {
        holders.put(s, holder);
      }
    }
    Map<Integer, String> desired = ShardAssignment.assign(settings.shards(), live, holders);
    for (int s = 0; s < settings.shards(); s++) {
      Lease l = byName.get(shardName(s));
      boolean mine = renewedAt.containsKey(s);
      boolean wanted = settings.identity().equals(desired.get(s));
      if (wanted) {
        draining.remove(s);
        if (mine || !holders.containsKey(s)) {
          if (write(l, shardName(s), "shard", now, true)) {
            renewedAt.put(s, now);
          } else if (mine && !owns(s)) {
            renewedAt.remove(s);
          }
        }
      } else if (mine) {
        draining.add(s);
        if (busy.test(s)) {
          if (write(l, shardName(s), "shard", now, true)) {
            renewedAt.put(s, now);
          }
        } else if (write(l, shardName(s), "shard", now, false) || !owns(s)) {
          renewedAt.remove(s);
          draining.remove(s);
          logger.info("Replica {} handed back shard {}", settings.identity(), s);
        }
      }
    }
    collectGarbage(leases, now);
  }

  /** Hands back every shard lease and deletes the member lease, so other replicas take over at once. */
  public synchronized void releaseAll() {
    stopping = true;
    try {
      List<Lease> leases = client.leases().inNamespace(settings.leaseNamespace())
          .withLabel(GROUP_LABEL, settings.leaseName()).list().getItems();
      Instant now = clock.instant();
      for (Lease l : leases) {
        String name = l.getMetadata().getName();
        if (name.startsWith(settings.leaseName() + "-shard-") && settings.identity().equals(holder(l))) {
          write(l, name, "shard", now, false);
        }
      }
      client.leases().inNamespace(settings.leaseNamespace()).withName(memberName).delete();
    } catch (RuntimeException e) {
      logger.warn("Handing back leases failed (they expire by themselves): {}", e.toString());
    }
    renewedAt.clear();
    publish();
  }

  private void publish() {
    Set<Integer> now = owned();
    if (now.equals(published)) {
      return;
    }
    for (Integer s : published) {
      if (!now.contains(s)) {
        changes.lost(s);
      }
    }
    for (Integer s : now) {
      if (!published.contains(s)) {
        changes.gained(s);
      }
    }
    logger.info("Replica {} owns shards {}", settings.identity(), now);
    published = Set.copyOf(now);
  }

  /** Takes, renews (hold) or hands back (release) a lease; true when the write went through. */
  private boolean write(@Nullable Lease current, String name, String role, Instant now, boolean hold) {
    ZonedDateTime time = ZonedDateTime.ofInstant(now.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    int seconds = (int) settings.leaseDuration().toSeconds();
    try {
      Lease written;
      if (current == null) {
        if (!hold) {
          return true;
        }
        written = client.leases().inNamespace(settings.leaseNamespace()).resource(new LeaseBuilder()
            .withNewMetadata().withName(name).withNamespace(settings.leaseNamespace())
            .addToLabels(GROUP_LABEL, settings.leaseName()).addToLabels(ROLE_LABEL, role).endMetadata()
            .withNewSpec().withHolderIdentity(settings.identity()).withLeaseDurationSeconds(seconds)
            .withAcquireTime(time).withRenewTime(time).withLeaseTransitions(0).endSpec().build()).create();
      } else {
        boolean changesHolder = !settings.identity().equals(holder(current));
        LeaseBuilder b = new LeaseBuilder(current);
        if (hold) {
          b.editSpec().withHolderIdentity(settings.identity()).withLeaseDurationSeconds(seconds).withRenewTime(time)
              .endSpec();
          if (changesHolder) {
            int transitions = current.getSpec().getLeaseTransitions() == null
                ? 0 : current.getSpec().getLeaseTransitions();
            b.editSpec().withAcquireTime(time).withLeaseTransitions(transitions + 1).endSpec();
          }
        } else {
          if (changesHolder) {
            return false;
          }
          // client-go's release: no holder and a one-second duration, so others take the lease at once.
          b.editSpec().withHolderIdentity("").withLeaseDurationSeconds(1).withRenewTime(time).endSpec();
        }
        written = client.leases().inNamespace(settings.leaseNamespace()).resource(b.build()).update();
      }
      observed.put(name, new Observed(written.getMetadata().getResourceVersion(), now));
      return true;
    } catch (KubernetesClientException e) {
      logger.debug("Lease {} not written ({}): {}", name, e.getCode(), e.getMessage());
      return false;
    }
  }

  /** Member leases of replicas gone for ten lease durations are deleted, so pod names do not pile up. */
  private void collectGarbage(List<Lease> leases, Instant now) {
    for (Lease l : leases) {
      String name = l.getMetadata().getName();
      Observed o = observed.get(name);
      if ("member".equals(l.getMetadata().getLabels().get(ROLE_LABEL)) && !name.equals(memberName) && o != null
          && now.isAfter(o.at().plus(settings.leaseDuration().multipliedBy(10)))) {
        try {
          client.leases().inNamespace(settings.leaseNamespace()).resource(l).delete();
        } catch (KubernetesClientException e) {
          logger.debug("Stale member lease {} not deleted: {}", name, e.getMessage());
        }
      }
    }
  }

  private boolean isLive(Lease l, Instant now) {
    Observed o = observed.get(l.getMetadata().getName());
    Integer seconds = l.getSpec().getLeaseDurationSeconds();
    Duration d = Duration.ofSeconds(seconds == null ? settings.leaseDuration().toSeconds() : seconds);
    return o != null && now.isBefore(o.at().plus(d));
  }

  private static String holder(Lease l) {
    return l.getSpec() == null || l.getSpec().getHolderIdentity() == null ? "" : l.getSpec().getHolderIdentity();
  }

  private String shardName(int shard) {
    return settings.leaseName() + "-shard-" + shard;
  }

  /** A replica identity as part of an object name: lower case, other characters become '-'. */
  static String dnsLabel(String identity) {
    String s = identity.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    return s.length() > 200 ? s.substring(0, 200) : s;
  }
}

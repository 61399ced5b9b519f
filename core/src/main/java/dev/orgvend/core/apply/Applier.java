package dev.orgvend.core.apply;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.AwsClients;
import dev.orgvend.core.aws.ErrorKind;
import dev.orgvend.core.aws.Parallel;
import dev.orgvend.core.baseline.Baseline;
import dev.orgvend.core.baseline.BaselineRunner;
import dev.orgvend.core.journal.JournalStore;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.plan.Change;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.session.MemberSessions;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.OuPath;
import dev.orgvend.core.time.Ticker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.DuplicateOrganizationalUnitException;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * Carries out a plan: OUs top-down, then every account concurrently — creations limited to the
 * in-flight quota and followed by one shared status poller, then moved into place, tagged,
 * checked usable and given their baseline. Every action is journaled before its call and after
 * it; one failed account does not stop the others.
 */
public final class Applier {
  private final OrganizationsClient orgs;
  private final AwsCaller caller;
  private final JournalStore journal;
  private final Progress progress;
  private final ApplyOptions options;
  private final ExecutorService pool;
  private final MemberSessions sessions;
  private final BaselineRunner baselineRunner;
  private final Map<String, Baseline> baselines;
  private final Ticker ticker;

  /**
   * @param baselineRunner enters member accounts (its sessions also serve the usable check)
   * @param baselines the spec's baselines by name, ready to run
   * @param ticker the time creations are followed and waited for by
   */
  public Applier(AwsClients clients, AwsCaller caller, JournalStore journal, Progress progress,
      ApplyOptions options, ExecutorService pool, BaselineRunner baselineRunner,
      Map<String, Baseline> baselines, Ticker ticker) {
    this.orgs = clients.organizations();
    this.caller = caller;
    this.journal = journal;
    this.progress = progress;
    this.options = options;
    this.pool = pool;
    this.sessions = baselineRunner.sessions();
    this.baselineRunner = baselineRunner;
    this.baselines = Map.copyOf(baselines);
    this.ticker = ticker;
  }

  /** Applies {@code plan} to the organization last read as {@code live}. */
  public List<Outcome> apply(Plan plan, LiveOrganization live, long runId) {
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    Map<String, String> ouIds = new ConcurrentHashMap<>();
    ouIds.put("", live.rootId());
    for (LiveOrganization.Ou ou : live.ous()) {
      List<String> path = live.pathOf(ou.id());
      if (path != null) {
        ouIds.put(String.join("/", path), ou.id());
      }
    }
    createOus(plan, runId, ouIds, outcomes);

    Semaphore slots = new Semaphore(options.concurrency());
    try (CreationTracker tracker = new CreationTracker(orgs, caller, ticker, options.pollMin(),
        options.pollMax())) {
      AccountSteps steps = new AccountSteps(orgs, caller, journal, progress, options, tracker,
          sessions, ticker, slots, new BaselineStep(baselineRunner, baselines, journal, progress,
          runId), live.rootId(), runId);
      List<Future<?>> work = new ArrayList<>();
      for (Change change : plan.changes()) {
        if (change instanceof Change.CreateOu) {
          continue;
        }
        work.add(pool.submit(() -> outcomes.add(steps.run(change, ouIds))));
      }
      await(work);
    }
    return List.copyOf(outcomes);
  }

  private void createOus(Plan plan, long runId, Map<String, String> ouIds,
      List<Outcome> outcomes) {
    Map<Integer, List<Change.CreateOu>> byDepth = plan.changes().stream()
        .filter(Change.CreateOu.class::isInstance).map(Change.CreateOu.class::cast)
        .collect(Collectors.groupingBy(c -> c.path().depth(), TreeMap::new, Collectors.toList()));
    for (List<Change.CreateOu> level : byDepth.values()) {
      List<Future<?>> work = new ArrayList<>();
      for (Change.CreateOu change : level) {
        work.add(pool.submit(() -> outcomes.add(createOu(change.path(), runId, ouIds))));
      }
      await(work);
    }
  }

  private Outcome createOu(OuPath path, long runId, Map<String, String> ouIds) {
    String parentKey = path.parent().map(p -> String.join("/", p.segments())).orElse("");
    String parentId = ouIds.get(parentKey);
    if (parentId == null) {
      return new Outcome("create-ou", path.toString(), false, null,
          "its parent OU could not be created");
    }
    long action = journal.intent(runId, "CreateOrganizationalUnit", path.toString(), null, null);
    try {
      String id;
      try {
        id = caller.call("CreateOrganizationalUnit", () -> orgs.createOrganizationalUnit(
            r -> r.parentId(parentId).name(path.name()))).organizationalUnit().id();
      } catch (DuplicateOrganizationalUnitException e) {
        id = findOu(parentId, path.name());
      }
      ouIds.put(String.join("/", path.segments()), id);
      journal.done(action, null, id);
      progress.event("ou-created", path.toString(), "created OU " + path + " (" + id + ")",
          Map.of("ouId", id));
      return new Outcome("create-ou", path.toString(), true, null, "created " + id);
    } catch (AwsCaller.Interrupted e) {
      throw e;
    } catch (RuntimeException e) {
      String message = "could not create OU " + path + ": " + ErrorKind.code(e) + ": "
          + e.getMessage();
      journal.failed(action, message);
      progress.event("ou-failed", path.toString(), message, Map.of());
      return new Outcome("create-ou", path.toString(), false, null, message);
    }
  }

  /** Another run created the OU between our read and our call: find its id. */
  private String findOu(String parentId, String name) {
    return caller.call("ListOrganizationalUnitsForParent", () -> orgs
        .listOrganizationalUnitsForParentPaginator(r -> r.parentId(parentId)).stream()
        .flatMap(page -> page.organizationalUnits().stream()).toList()).stream()
        .filter(o -> o.name().equals(name))
        .map(OrganizationalUnit::id).findFirst()
        .orElseThrow(() -> new IllegalStateException("OU " + name + " exists but is not listed"));
  }

  static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  static String describe(AccountSpec account) {
    return account.name() + " <" + account.email() + ">";
  }

  private static void await(List<Future<?>> work) {
    Parallel.awaitAll(work);
  }

}

package dev.orgvend.bench;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.orgvend.core.apply.Applier;
import dev.orgvend.core.apply.Recovery;
import dev.orgvend.core.baseline.BaselineRunner;
import dev.orgvend.core.baseline.MemberClients;
import dev.orgvend.core.check.FleetChecker;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.live.OrganizationReader;
import dev.orgvend.core.plan.Planner;
import dev.orgvend.core.session.MemberSessions;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure orgvend as the CLI runs it, so they build it the one way the CLI does,
 * through {@code Engine}: never from its parts. (The seed article's loop, the competitor, uses
 * the SDK clients and a counting caller, which are not the engine.)
 */
class ArchitectureTest {
  private static final JavaClasses BENCH = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.orgvend.bench");

  @Test
  void bench_neverWiresTheEngineFromItsParts() {
    noClasses().should().dependOnClassesThat(belongToAnyOf(Applier.class, Recovery.class,
        OrganizationReader.class, Planner.class, BaselineRunner.class, MemberSessions.class,
        MemberClients.class, FleetChecker.class, Journal.class)).check(BENCH);
  }

  @Test
  void packages_haveNoCycles() {
    slices().matching("dev.orgvend.(**)").should().beFreeOfCycles().check(BENCH);
  }
}

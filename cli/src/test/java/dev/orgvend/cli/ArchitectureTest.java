package dev.orgvend.cli;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The command line drives orgvend through the engine's door ({@code dev.orgvend.core.engine})
 * and otherwise touches only the values the engine takes and hands back, and the renderers of
 * plans and reports: never the parts the engine is wired from (callers, clients, the applier,
 * the reader, sessions, the journal's SQLite class as such). A new core type here is a decision.
 */
class ArchitectureTest {
  private static final JavaClasses CLI = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.orgvend.cli");

  /** Core types outside the engine package that the CLI may use (nested types included). */
  static final Set<String> VALUES = Set.of(
      // what a spec is, and its problems; the starter spec
      "dev.orgvend.core.spec.Spec", "dev.orgvend.core.spec.SpecResult",
      "dev.orgvend.core.spec.Problem", "dev.orgvend.core.spec.Settings",
      "dev.orgvend.core.spec.OrganizationSpec", "dev.orgvend.core.spec.AccountDefaults",
      "dev.orgvend.core.spec.SpecTemplate",
      // the one rule for which input files may be read (policy lint reads files too)
      "dev.orgvend.core.spec.InputFiles",
      // plans: the value, its text and its JSON; the quotas a plan must fit (--limit)
      "dev.orgvend.core.plan.Plan", "dev.orgvend.core.plan.Change",
      "dev.orgvend.core.plan.PlanText", "dev.orgvend.core.plan.PlanJson",
      "dev.orgvend.core.plan.OrganizationLimits",
      // escaping whatever reaches the terminal
      "dev.orgvend.core.output.Printable",
      // what apply reports as it goes and at the end
      "dev.orgvend.core.apply.Progress", "dev.orgvend.core.apply.Outcome",
      "dev.orgvend.core.aws.CallStats",
      // check: the verdict and the reports the flags choose
      "dev.orgvend.core.baseline.Status", "dev.orgvend.core.check.CheckSummary",
      "dev.orgvend.core.check.ReportSet",
      // import's result
      "dev.orgvend.core.imports.SpecImport",
      // history: the journal through its seam, and its rows
      "dev.orgvend.core.journal.JournalSource", "dev.orgvend.core.journal.JournalStore",
      "dev.orgvend.core.journal.Journal",
      // the time the progress line follows
      "dev.orgvend.core.time.Ticker");

  private static JavaClass topLevel(JavaClass c) {
    JavaClass top = c;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }

  @Test
  void cli_usesCoreOnlyThroughTheEnginesDoorAndTheValuesItHandsOut() {
    classes().should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.orgvend.core..")
        .or(resideInAPackage("dev.orgvend.core.engine.."))
        .or(DescribedPredicate.describe("a value or renderer the CLI may use",
            (JavaClass c) -> VALUES.contains(topLevel(c).getName()))))
        .check(CLI);
  }

  @Test
  void packages_haveNoCycles() {
    slices().matching("dev.orgvend.(**)").should().beFreeOfCycles().check(CLI);
  }
}

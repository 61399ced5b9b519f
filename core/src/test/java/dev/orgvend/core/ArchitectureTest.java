package dev.orgvend.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shape of the core: which package may use which. The table below is the intended
 * layering, from the bottom up; a new dependency between packages has to be added here on
 * purpose, and a cycle fails whatever the table says. Only production classes are checked.
 */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.orgvend.core");

  /** Each core package and the core packages it may depend on. */
  static final Map<String, List<String>> ALLOWED = new TreeMap<>(Map.ofEntries(
      // Foundations: no other core package.
      Map.entry("time", List.of()),
      Map.entry("output", List.of()),
      // What a spec says; the journal refuses special files as the spec loader does.
      Map.entry("spec", List.of("output")),
      Map.entry("journal", List.of("spec")),
      // Talking to AWS: paced, retried calls; sessions inside member accounts; reading.
      Map.entry("aws", List.of("time")),
      Map.entry("session", List.of("aws", "time")),
      Map.entry("live", List.of("aws")),
      // What a spec means for an organization and its member accounts.
      Map.entry("baseline", List.of("aws", "output", "session", "spec")),
      Map.entry("plan", List.of("baseline", "live", "output", "spec")),
      Map.entry("imports", List.of("live", "output", "plan", "spec")),
      // Doing it, and checking it.
      Map.entry("apply", List.of("aws", "baseline", "journal", "live", "plan", "session", "spec",
          "time")),
      Map.entry("check", List.of("aws", "baseline", "journal", "live", "output", "spec")),
      // The one door: wires everything above.
      Map.entry("engine", List.of("apply", "aws", "baseline", "check", "imports", "journal",
          "live", "output", "plan", "session", "spec", "time"))));

  @Test
  void packages_haveNoCycles() {
    slices().matching("dev.orgvend.core.(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void packages_dependOnlyOnThePackagesTheTableAllows() {
    for (Map.Entry<String, List<String>> entry : ALLOWED.entrySet()) {
      List<String> packages = new ArrayList<>();
      packages.add("dev.orgvend.core." + entry.getKey() + "..");
      entry.getValue().forEach(p -> packages.add("dev.orgvend.core." + p + ".."));
      classes().that().resideInAPackage("dev.orgvend.core." + entry.getKey() + "..")
          .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.orgvend..")
              .or(resideInAnyPackage(packages.toArray(String[]::new))))
          .check(CORE);
    }
  }

  @Test
  void everyPackage_isInTheTable() {
    classes().should().resideInAnyPackage(ALLOWED.keySet().stream()
        .map(p -> "dev.orgvend.core." + p + "..").toArray(String[]::new)).check(CORE);
  }

  @Test
  void core_neverUsesTheSandbox() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.orgvend.sandbox..")
        .check(CORE);
  }
}

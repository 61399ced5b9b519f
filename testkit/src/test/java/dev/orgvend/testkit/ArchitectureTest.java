package dev.orgvend.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The kit's two parts stand alone: the corpus reader ({@code corpus}) needs nothing of orgvend,
 * and the crash torture ({@code torture}) does not use the corpus. Neither reaches into the
 * command line: the torture drives the packaged CLI as a process, as a user would.
 */
class ArchitectureTest {
  private static final JavaClasses KIT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.orgvend.testkit");

  @Test
  void packages_haveNoCycles() {
    slices().matching("dev.orgvend.testkit.(*)..").should().beFreeOfCycles().check(KIT);
  }

  @Test
  void corpusReader_dependsOnNothingOfOrgvend() {
    noClasses().that().resideInAPackage("dev.orgvend.testkit.corpus..").should()
        .dependOnClassesThat().resideInAnyPackage("dev.orgvend.core..", "dev.orgvend.sandbox..",
            "dev.orgvend.testkit.torture..").check(KIT);
  }

  @Test
  void kit_neverUsesTheCommandLinesClasses() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.orgvend.cli..").check(KIT);
  }
}

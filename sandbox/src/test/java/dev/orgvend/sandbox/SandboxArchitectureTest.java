package dev.orgvend.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's shape, as rules that fail the build: its packages have no cycles, and {@code
 * dev.orgvend.sandbox} is its one public door — the door's public signatures name only the door's
 * own types and the JDK's, nothing inside depends on the door, and callers (the integration tests
 * here, and every other module) use nothing but the door.
 */
class SandboxArchitectureTest {
  private static final String DOOR = "dev.orgvend.sandbox";
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(DOOR);
  private static final JavaClasses TESTS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
      .importPackages(DOOR);

  /** Every package of the sandbox, the door included, is a slice of its own. */
  private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String pkg = javaClass.getPackageName();
      return pkg.equals(DOOR) || pkg.startsWith(DOOR + ".")
          ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the packages of the sandbox";
    }
  };

  @Test
  void packages_ofTheSandbox_haveNoCycles() {
    assertThat(MAIN.size()).as("classes imported").isGreaterThan(100);

    SlicesRuleDefinition.slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles()
        .check(MAIN);
  }

  @Test
  void insidePackages_neverDependOnTheDoor() {
    noClasses().that().resideInAPackage(DOOR + ".(*)..")
        .should().dependOnClassesThat().resideInAPackage(DOOR)
        .because("the door wires the insides; they learn settings through their own narrow"
            + " types (OrgRules, RealismKnobs, admin.Control)")
        .check(MAIN);
  }

  @Test
  void door_publicSignatures_nameOnlyDoorAndJdkTypes() {
    List<String> leaks = new ArrayList<>();
    for (JavaClass type : MAIN) {
      if (!type.getPackageName().equals(DOOR) || !visible(type)) {
        continue;
      }
      type.getRawSuperclass().ifPresent(s -> check(leaks, type.getName() + " extends", s));
      type.getRawInterfaces().forEach(i -> check(leaks, type.getName() + " implements", i));
      for (JavaMember member : type.getMembers()) {
        if (!member.getModifiers().contains(JavaModifier.PUBLIC)
            || member.getModifiers().contains(JavaModifier.SYNTHETIC)) {
          continue;
        }
        String where = member.getFullName();
        if (member instanceof JavaField field) {
          check(leaks, where, field.getType());
        } else if (member instanceof JavaCodeUnit code) {
          check(leaks, where, code.getReturnType());
          code.getParameterTypes().forEach(p -> check(leaks, where, p));
          code.getThrowsClause().getTypes().forEach(t -> check(leaks, where, t));
        }
      }
    }

    assertThat(leaks).as("types from inside the sandbox in the door's public signatures")
        .isEmpty();
  }

  @Test
  void integrationTests_useOnlyTheDoor() {
    noClasses().that().resideInAPackage(DOOR + ".it..")
        .should().dependOnClassesThat().resideInAnyPackage(insidePackages())
        .because("the integration tests drive the sandbox as its callers do")
        .check(TESTS);
  }

  /**
   * Other modules cannot be imported from here (they build after the sandbox), so their sources
   * are read instead: no file in any other module of the build names a package inside the
   * sandbox.
   */
  @Test
  void otherModules_nameOnlyTheDoor() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("pom.xml")).as("the build's root").exists();
    Pattern inside = Pattern.compile("dev\\.orgvend\\.sandbox\\.([a-z][a-z0-9_]*)\\b");
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src"))
          && !m.getFileName().toString().equals("sandbox")).toList()) {
        try (Stream<Path> files = Files.walk(module.resolve("src"))) {
          files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
        }
      }
    }
    assertThat(sources).as("sources of the other modules").isNotEmpty();

    Set<String> reaches = new TreeSet<>();
    for (Path source : sources) {
      Matcher m = inside.matcher(read(source));
      while (m.find()) {
        reaches.add(root.relativize(source) + ": " + m.group());
      }
    }

    assertThat(reaches).as("references into the sandbox's insides").isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] insidePackages() {
    return MAIN.stream().map(JavaClass::getPackageName).filter(p -> !p.equals(DOOR))
        .distinct().toArray(String[]::new);
  }

  /** Public, and public all the way out for a nested type. */
  private static boolean visible(JavaClass type) {
    for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
      if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static void check(List<String> leaks, String where, JavaType type) {
    for (JavaClass raw : type.getAllInvolvedRawTypes()) {
      JavaClass base = raw.isArray() ? raw.getBaseComponentType() : raw;
      String pkg = base.getPackageName();
      if (!(base.isPrimitive() || pkg.equals(DOOR) || pkg.startsWith("java."))) {
        leaks.add(where + " names " + base.getName());
      }
    }
  }
}

package dev.orgvend.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OuPathTest {

  @Test
  void parse_whenRootOrEmpty_givesTheRoot() {
    assertThat(OuPath.parse("Root")).isEqualTo(OuPath.root());
    assertThat(OuPath.parse("")).isEqualTo(OuPath.root());
    assertThat(OuPath.root().segments()).isEmpty();
    assertThat(OuPath.root().isRoot()).isTrue();
    assertThat(OuPath.root().depth()).isZero();
  }

  @Test
  void parse_whenNested_splitsOnSlashAndRoundTrips() {
    OuPath path = OuPath.parse("Workloads/Prod");

    assertThat(path.segments()).containsExactly("Workloads", "Prod");
    assertThat(path.toString()).isEqualTo("Workloads/Prod");
    assertThat(path.name()).isEqualTo("Prod");
    assertThat(path.depth()).isEqualTo(2);
    assertThat(OuPath.parse(path.toString())).isEqualTo(path);
    assertThat(OuPath.parse(OuPath.root().toString())).isEqualTo(OuPath.root());
  }

  @Test
  void childAndParent_walkTheTree() {
    OuPath prod = OuPath.root().child("Workloads").child("Prod");

    assertThat(prod).isEqualTo(OuPath.parse("Workloads/Prod"));
    assertThat(prod.parent()).contains(OuPath.parse("Workloads"));
    assertThat(prod.parent().orElseThrow().parent()).contains(OuPath.root());
    assertThat(OuPath.root().parent()).isEmpty();
    assertThat(OuPath.root().name()).isEqualTo("Root");
  }

  @Test
  void parse_whenNamesHaveSpacesOrDots_keepsThemVerbatim() {
    assertThat(OuPath.parse(" Shared Services /v1.2").segments())
        .containsExactly(" Shared Services ", "v1.2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/Workloads", "Workloads/", "Workloads//Prod", "/"})
  void parse_whenASegmentIsEmpty_throwsIllegalArgument(String text) {
    assertThatThrownBy(() -> OuPath.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid OU path \"" + text + "\": ");
  }

  @Test
  void constructor_whenASegmentHoldsTheSeparator_throws() {
    assertThatThrownBy(() -> new OuPath(List.of("a/b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid OU name in path: \"a/b\"");
  }

  @Test
  void segments_cannotBeChangedFromOutside() {
    assertThatThrownBy(() -> OuPath.parse("A/B").segments().add("C"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}

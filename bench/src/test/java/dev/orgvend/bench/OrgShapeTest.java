package dev.orgvend.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.baseline.ComponentRegistry;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.Spec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrgShapeTest {
  @Test
  void of_hundredAccounts_tenOusTwoLevelsOneAccountInTheRoot() {
    OrgShape shape = OrgShape.of(100);

    assertThat(shape.units()).hasSize(10);
    assertThat(shape.depth()).isEqualTo(2);
    assertThat(shape.members()).hasSize(100);
    assertThat(shape.members().stream().filter(m -> m.unit() < 0)).hasSize(1);
    assertThat(shape.units().get(5).path()).isEqualTo("Unit1/Unit1-1");
  }

  @Test
  void of_fiveThousandAccounts_fiveHundredOusFourLevels() {
    OrgShape shape = OrgShape.of(5000);

    assertThat(shape.units()).hasSize(500);
    assertThat(shape.depth()).isEqualTo(4);
    assertThat(shape.members()).hasSize(5000);
  }

  @Test
  void minimumCallsByParent_thousandAccounts_onePagePerParentAndATagReadPerAccount() {
    Map<String, Long> calls = OrgShape.of(1000).minimumCallsByParent(1000);

    // 101 parents (root and 100 OUs): every OU listing fits one page; so does every account
    // listing, no parent holding more than 20 accounts.
    assertThat(calls).containsExactly(Map.entry("ListRoots", 1L),
        Map.entry("ListOrganizationalUnitsForParent", 101L),
        Map.entry("ListAccountsForParent", 101L), Map.entry("ListTagsForResource", 1000L),
        Map.entry("ListCreateAccountStatus", 1L));
    assertThat(OrgShape.of(1000).minimumCallsWithPaths(1000)).containsEntry("ListAccounts", 51L)
        .doesNotContainKey("ListAccountsForParent");
  }

  @Test
  void minimumCallsByParent_fiveThousandAccounts_someLeavesNeedASecondPage() {
    Map<String, Long> calls = OrgShape.of(5000).minimumCallsByParent(5000);

    assertThat(calls.get("ListAccountsForParent")).isGreaterThan(501L);
  }

  @Test
  void spec_matchingShape_listsEveryAccountInItsOuWithItsTags() {
    OrgShape shape = OrgShape.of(100);

    Spec spec = shape.spec(ComponentRegistry.standard(), null);

    assertThat(spec.accounts()).hasSize(100);
    AccountSpec last = spec.accounts().get(99);
    OrgShape.Member member = shape.members().get(99);
    assertThat(last.email()).isEqualTo(member.email());
    assertThat(last.ouPath().segments())
        .isEqualTo(List.of(shape.units().get(member.unit()).path().split("/")));
    assertThat(last.tags()).isEqualTo(member.tags());
  }

  @Test
  void specWithChanges_thousandAccounts_addsElevenAccountsAndOneOu() {
    OrgShape shape = OrgShape.of(1000);

    Spec spec = shape.specWithChanges(ComponentRegistry.standard(),
        OrgShape.Changes.forSize(1000));

    assertThat(spec.accounts()).hasSize(1011);
    assertThat(OrgShape.Changes.forSize(1000).expected()).containsExactly(
        Map.entry("CreateOu", 1), Map.entry("CreateAccount", 11), Map.entry("MoveAccount", 10),
        Map.entry("RetagAccount", 10));
  }
}

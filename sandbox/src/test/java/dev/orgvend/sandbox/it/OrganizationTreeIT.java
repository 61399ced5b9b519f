package dev.orgvend.sandbox.it;

import static dev.orgvend.sandbox.it.OrgSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.orgvend.sandbox.SandboxSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.Child;
import software.amazon.awssdk.services.organizations.model.ChildNotFoundException;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.DestinationParentNotFoundException;
import software.amazon.awssdk.services.organizations.model.DuplicateAccountException;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.ListChildrenResponse;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.organizations.model.SourceParentNotFoundException;

/** ListChildren, ListParents, List*ForParent, MoveAccount, and paging through long lists. */
class OrganizationTreeIT {
  static SandboxFixture fx;
  static OrganizationsClient orgs;
  static String rootId;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    orgs = fx.organizations();
    rootId = OrgSupport.rootId(orgs);
  }

  @AfterAll
  static void stop() {
    orgs.close();
    fx.close();
  }

  private static String newOu(String parentId) {
    return orgs.createOrganizationalUnit(r -> r.parentId(parentId).name(unique("ou")))
        .organizationalUnit().id();
  }

  private static void move(String account, String from, String to) {
    orgs.moveAccount(r -> r.accountId(account).sourceParentId(from).destinationParentId(to));
  }

  @Test
  void listChildren_ofOu_separatesAccountsFromOus() {
    String ou = newOu(rootId);
    String inner = newOu(ou);
    String account = OrgSupport.newAccount(fx, orgs, "child");
    move(account, rootId, ou);

    assertThat(orgs.listChildren(r -> r.parentId(ou).childType(ChildType.ACCOUNT)).children())
        .containsExactly(Child.builder().id(account).type(ChildType.ACCOUNT).build());
    assertThat(orgs.listChildren(r -> r.parentId(ou).childType(ChildType.ORGANIZATIONAL_UNIT))
        .children())
        .containsExactly(Child.builder().id(inner).type(ChildType.ORGANIZATIONAL_UNIT).build());
  }

  @Test
  void listChildren_unknownChildType_throwsInvalidEnum() {
    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> orgs.listChildren(r -> r.parentId(rootId).childType("POLICY")))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("INVALID_ENUM"));
  }

  @Test
  void listChildren_unknownParent_throwsParentNotFound() {
    String missing = "ou-" + rootId.substring(2) + "-11111111";

    assertThatExceptionOfType(ParentNotFoundException.class)
        .isThrownBy(() -> orgs.listChildren(r -> r.parentId(missing).childType(ChildType.ACCOUNT)));
  }

  @Test
  void listParents_ofOuAndOfAccount_namesTheDirectParent() {
    String ou = newOu(rootId);
    String inner = newOu(ou);
    String account = OrgSupport.newAccount(fx, orgs, "parented");

    assertThat(orgs.listParents(r -> r.childId(inner)).parents())
        .containsExactly(Parent.builder().id(ou).type(ParentType.ORGANIZATIONAL_UNIT).build());
    assertThat(orgs.listParents(r -> r.childId(ou)).parents())
        .containsExactly(Parent.builder().id(rootId).type(ParentType.ROOT).build());
    assertThat(orgs.listParents(r -> r.childId(account)).parents())
        .containsExactly(Parent.builder().id(rootId).type(ParentType.ROOT).build());
  }

  @Test
  void listParents_unknownChild_throwsChildNotFound() {
    assertThatExceptionOfType(ChildNotFoundException.class)
        .isThrownBy(() -> orgs.listParents(r -> r.childId("000000000000")))
        .withMessageContaining("000000000000");
  }

  @Test
  void moveAccount_toOu_changesParentAndPath() {
    String ou = newOu(rootId);
    String account = OrgSupport.newAccount(fx, orgs, "mover");

    move(account, rootId, ou);

    assertThat(orgs.listAccountsForParent(r -> r.parentId(ou)).accounts())
        .extracting(Account::id).containsExactly(account);
    assertThat(orgs.listAccountsForParent(r -> r.parentId(rootId)).accounts())
        .extracting(Account::id).doesNotContain(account);
    assertThat(orgs.listParents(r -> r.childId(account)).parents())
        .extracting(Parent::id).containsExactly(ou);
  }

  @Test
  void moveAccount_intoCurrentParent_throwsDuplicateAccount() {
    String account = OrgSupport.newAccount(fx, orgs, "stay");

    assertThatExceptionOfType(DuplicateAccountException.class)
        .isThrownBy(() -> move(account, rootId, rootId));
  }

  @Test
  void moveAccount_fromParentItIsNotIn_throwsSourceParentNotFound() {
    String elsewhere = newOu(rootId);
    String target = newOu(rootId);
    String account = OrgSupport.newAccount(fx, orgs, "wrong-source");

    assertThatExceptionOfType(SourceParentNotFoundException.class)
        .isThrownBy(() -> move(account, elsewhere, target));
  }

  @Test
  void moveAccount_unknownDestination_throwsDestinationParentNotFound() {
    String account = OrgSupport.newAccount(fx, orgs, "nowhere");
    String missing = "ou-" + rootId.substring(2) + "-22222222";

    assertThatExceptionOfType(DestinationParentNotFoundException.class)
        .isThrownBy(() -> move(account, rootId, missing));
  }

  @Test
  void moveAccount_unknownAccount_throwsAccountNotFound() {
    String ou = newOu(rootId);

    assertThatExceptionOfType(AccountNotFoundException.class)
        .isThrownBy(() -> move("123456789012", rootId, ou));
  }

  @Test
  void listOrganizationalUnitsForParent_moreThanOnePage_paginatorReturnsAll() {
    String parent = newOu(rootId);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      created.add(newOu(parent));
    }

    List<String> listed = new ArrayList<>();
    int pages = 0;
    for (var page : orgs.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent))) {
      page.organizationalUnits().forEach(ou -> listed.add(ou.id()));
      pages++;
    }
    assertThat(listed).containsExactlyElementsOf(created);
    assertThat(pages).isEqualTo(2);

    List<String> children = orgs.listChildrenPaginator(r -> r.parentId(parent)
        .childType(ChildType.ORGANIZATIONAL_UNIT).maxResults(7)).stream()
        .flatMap(page -> page.children().stream()).map(Child::id).collect(Collectors.toList());
    assertThat(children).containsExactlyElementsOf(created);
  }

  @Test
  void listAccounts_moreThanOnePage_paginatorsReturnEveryAccount() {
    fx.sandbox.updateSettings(s -> s.withQuotas(SandboxSettings.OverQuota.SYNC, 10_000, 30));
    String ou = newOu(rootId);
    List<String> created = new ArrayList<>();
    List<String> requests = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      String name = unique("bulk");
      requests.add(orgs.createAccount(r -> r.accountName(name).email(name + "@example.com"))
          .createAccountStatus().id());
    }
    fx.sandbox.advanceClock(Duration.ofSeconds(1));
    for (String request : requests) {
      String id = orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(request))
          .createAccountStatus().accountId();
      move(id, rootId, ou);
      created.add(id);
    }

    List<String> all = orgs.listAccountsPaginator().stream()
        .flatMap(page -> page.accounts().stream()).map(Account::id).toList();
    assertThat(all).containsAll(created).doesNotHaveDuplicates();
    List<String> inOu = orgs.listAccountsForParentPaginator(r -> r.parentId(ou).maxResults(5))
        .stream().flatMap(page -> page.accounts().stream()).map(Account::id).toList();
    assertThat(inOu).containsExactlyElementsOf(created);
  }

  @Test
  void listChildren_tamperedNextToken_throwsInvalidNextToken() {
    String parent = newOu(rootId);
    newOu(parent);
    newOu(parent);
    ListChildrenResponse first = orgs.listChildren(r -> r.parentId(parent)
        .childType(ChildType.ORGANIZATIONAL_UNIT).maxResults(1));
    String token = first.nextToken();
    assertThat(token).isNotNull();
    String tampered = token.substring(0, token.length() - 2) + "xx";

    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> orgs.listChildren(r -> r.parentId(parent)
            .childType(ChildType.ORGANIZATIONAL_UNIT).nextToken(tampered)))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("INVALID_NEXT_TOKEN"));
    assertThatExceptionOfType(InvalidInputException.class)
        .as("a token from another operation")
        .isThrownBy(() -> orgs.listOrganizationalUnitsForParent(r -> r.parentId(parent)
            .nextToken(token)))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("INVALID_NEXT_TOKEN"));
  }

  @Test
  void listChildren_maxResultsAboveTwenty_throwsMaxValueExceeded() {
    assertThatExceptionOfType(InvalidInputException.class)
        .isThrownBy(() -> orgs.listChildren(r -> r.parentId(rootId)
            .childType(ChildType.ACCOUNT).maxResults(21)))
        .satisfies(e -> assertThat(e.reasonAsString()).isEqualTo("MAX_VALUE_EXCEEDED"));
  }
}

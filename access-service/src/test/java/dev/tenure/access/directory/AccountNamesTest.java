package dev.tenure.access.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenure.access.connector.AccountProfile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountNamesTest {

    @Test
    void shouldFoldAccentsAndCaseToAscii() {
        assertThat(AccountNames.candidate(person("José", "García"), 1, 20))
                .isEqualTo(new AccountNames("jgarcia", "jose.garcia"));
    }

    @Test
    void shouldNumberLaterCandidatesFromTwo() {
        assertThat(AccountNames.candidate(person("José", "García"), 2, 20))
                .isEqualTo(new AccountNames("jgarcia2", "jose.garcia2"));
        assertThat(AccountNames.candidate(person("José", "García"), 3, 20).login()).isEqualTo("jgarcia3");
    }

    @Test
    void shouldTransliterateLettersThatDoNotDecompose() {
        assertThat(AccountNames.fold("Łukasz Øster-Straße O'Brien")).isEqualTo("lukaszosterstrasseobrien");
        assertThat(AccountNames.fold("Ægir Þórsson")).isEqualTo("aegirthorsson");
    }

    @Test
    void shouldCutTheNameNeverTheNumberToFitTheLimit() {
        AccountProfile long_ = person("Maximiliana", "Wolfeschlegelsteinhausenbergerdorff");

        assertThat(AccountNames.candidate(long_, 1, 20).login()).isEqualTo("mwolfeschlegelsteinh").hasSize(20)
                .isNotEqualTo(AccountNames.candidate(long_, 1, 21).login());
        assertThat(AccountNames.candidate(long_, 12, 20).login()).isEqualTo("mwolfeschlegelstei12").hasSize(20);
    }

    @Test
    void shouldFallBackWhenNothingOfTheNameIsAscii() {
        assertThat(AccountNames.candidate(person("美咲", "佐藤"), 1, 20)).isEqualTo(new AccountNames("user", "user"));
        assertThat(AccountNames.candidate(person("美咲", "Sato"), 1, 20)).isEqualTo(new AccountNames("sato", "sato"));
    }

    @Test
    void shouldUseTheLegalGivenNameNotThePreferredOne() {
        AccountProfile robert = new AccountProfile("p1", "Robert", "Smith", Optional.of("Bob"), "a", "d", "t",
                Optional.empty());

        assertThat(AccountNames.candidate(robert, 1, 20).login()).isEqualTo("rsmith");
    }

    private static AccountProfile person(String given, String family) {
        return new AccountProfile("p1", given, family, Optional.empty(), "agency", "dept", "title", Optional.empty());
    }
}

package ttlab.grader.serve;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterTest {

    private static final Path FILE = Path.of("roster.csv");

    @Test
    void tokensNameTheirUsers() {
        Roster roster = Roster.parse(List.of("user,role,token", "# the course's staff", "prof, instructor, prof-secret-0001",
                "", "alice,student,alice-secret-01"), FILE);
        assertThat(roster.authenticate("alice-secret-01")).contains(new User("alice", User.Role.STUDENT));
        assertThat(roster.authenticate("prof-secret-0001")).contains(new User("prof", User.Role.INSTRUCTOR));
        assertThat(roster.authenticate("alice-secret-0")).isEmpty();
        assertThat(roster.authenticate("")).isEmpty();
        assertThat(roster.describe()).isEqualTo("roster roster.csv (1 student, 1 instructor)");
    }

    @Test
    void aTokenMayBeGivenByItsSha256() {
        // FIPS 180-2's test vector: SHA-256("abc").
        assertThat(Roster.digest("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String digest = Roster.digest("carol-secret-03");
        Roster roster = Roster.parse(List.of("carol,student,sha256:" + digest.toUpperCase()), FILE);
        assertThat(roster.authenticate("carol-secret-03")).contains(new User("carol", User.Role.STUDENT));
        assertThat(roster.authenticate("sha256:" + digest)).isEmpty();
    }

    @Test
    void problemsAreNamedByLine() {
        assertThatThrownBy(() -> Roster.parse(List.of("alice,student"), FILE))
                .hasMessage("roster.csv line 1: expected user,role,token, found 2 fields");
        assertThatThrownBy(() -> Roster.parse(List.of("alice,teacher,alice-secret-01"), FILE))
                .hasMessageContaining("line 1").hasMessageContaining("student or instructor");
        assertThatThrownBy(() -> Roster.parse(List.of("alice,student,short"), FILE))
                .hasMessageContaining("at least " + Roster.MIN_TOKEN_LENGTH);
        assertThatThrownBy(() -> Roster.parse(List.of("alice,student,alice-secret-01", "alice,student,alice-secret-02"), FILE))
                .hasMessageContaining("line 2").hasMessageContaining("appears twice");
        assertThatThrownBy(() -> Roster.parse(List.of("alice,student,same-secret-001", "bob,student,same-secret-001"), FILE))
                .hasMessageContaining("line 2").hasMessageContaining("also another user's");
        assertThatThrownBy(() -> Roster.parse(List.of("al ice,student,alice-secret-01"), FILE))
                .hasMessageContaining("user name");
        assertThatThrownBy(() -> Roster.parse(List.of("user,role,token"), FILE)).hasMessageContaining("no users");
    }
}

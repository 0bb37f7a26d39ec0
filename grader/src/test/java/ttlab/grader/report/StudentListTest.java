package ttlab.grader.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StudentListTest {

    @Test
    void readsOneNamePerLineSkippingCommentsBlanksAndRepeats() {
        assertThat(StudentList.parse(List.of("student", "# section A", "", "alice", " bob ", "alice")))
                .containsExactly("alice", "bob");
    }

    @Test
    void readsTheServicesRosterKeepingOnlyStudents() {
        assertThat(StudentList.parse(List.of("user,role,token", "prof,instructor,sha256:ab", "carol,student,tok-123456789")))
                .containsExactly("carol");
    }

    @Test
    void aNameThatNoFolderCouldHaveOrAnEmptyListIsAnError() {
        assertThatThrownBy(() -> StudentList.parse(List.of("alice", "../etc")))
                .hasMessageStartingWith("line 2: \"../etc\" is not a student name");
        assertThatThrownBy(() -> StudentList.parse(List.of("# nobody")))
                .hasMessage("it lists no student");
    }
}

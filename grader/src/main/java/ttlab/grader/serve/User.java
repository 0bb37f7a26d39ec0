package ttlab.grader.serve;

import java.util.Locale;
import java.util.Objects;

/**
 * Who is calling: a student sees and submits only their own work; an instructor sees everything,
 * regrades, and reads the gradebook and the audit log.
 *
 * @param name the user's name: the roster's, or the JupyterHub user name
 * @param role what the user may do
 */
public record User(String name, Role role) {

    /** What a user may do. */
    public enum Role {
        STUDENT, INSTRUCTOR;

        /** {@code student} or {@code instructor}, as the roster and the API write it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The role a roster names; IllegalArgumentException for anything else. */
        public static Role parse(String text) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "student": return STUDENT;
                case "instructor": return INSTRUCTOR;
                default: throw new IllegalArgumentException("role must be student or instructor, not \"" + text + "\"");
            }
        }
    }

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    public boolean isInstructor() {
        return role == Role.INSTRUCTOR;
    }
}

package ttlab.grader.serve;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Turns the token a request carries into the user it belongs to. */
interface Authenticator {

    /**
     * The token's user; empty when the token is not valid.
     *
     * @throws IOException when the token could not be checked (JupyterHub unreachable): the
     *                     request fails with 503 instead of being refused as unauthenticated
     */
    Optional<User> authenticate(String token) throws IOException;

    /**
     * The students known before any hands in, sorted: a roster's, for the gradebook to list those
     * who handed nothing in. None when users are only known as they come (JupyterHub's tokens).
     */
    default List<String> students() {
        return List.of();
    }

    /** One line for the start-up message, e.g. "roster roster.csv (3 students, 1 instructor)". */
    String describe();
}

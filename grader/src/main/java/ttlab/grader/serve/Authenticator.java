package ttlab.grader.serve;

import java.io.IOException;
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

    /** One line for the start-up message, e.g. "roster roster.csv (3 students, 1 instructor)". */
    String describe();
}

package ttlab.grader.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The standalone service's users: a CSV file with one line per user, {@code user,role,token}
 * ({@code role} is {@code student} or {@code instructor}). A header line {@code user,role,token},
 * blank lines and lines starting with {@code #} are skipped. A token may be written as
 * {@code sha256:HEX}, its SHA-256 in hex, so that the file holds nothing anyone could sign in with.
 * Tokens are kept only as SHA-256 digests, so the service holds no usable copy of them either.
 */
final class Roster implements Authenticator {

    /** Short tokens can be guessed: a roster token has at least this many characters. */
    static final int MIN_TOKEN_LENGTH = 12;
    static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@+-]{1,64}");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+"); // printable ASCII, no spaces
    private static final Pattern DIGEST = Pattern.compile("sha256:([0-9a-fA-F]{64})");

    private final Path file;
    private final Map<String, User> byTokenDigest;

    private Roster(Path file, Map<String, User> byTokenDigest) {
        this.file = file;
        this.byTokenDigest = Map.copyOf(byTokenDigest);
    }

    /**
     * Reads a roster file.
     *
     * @throws IllegalArgumentException naming the file and line of the first problem: a line that
     *                                  is not three fields, a bad name, role or token, a user or
     *                                  token that appears twice
     */
    static Roster read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file);
    }

    static Roster parse(List<String> lines, Path file) {
        Map<String, User> users = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + " line " + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#") || line.equalsIgnoreCase("user,role,token")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException(where + "expected user,role,token, found " + fields.length
                        + " field" + (fields.length == 1 ? "" : "s"));
            }
            String name = fields[0].strip();
            String token = fields[2].strip();
            if (!USER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + "a user name is 1 to 64 letters, digits or ._@+-, not \""
                        + name + "\"");
            }
            User.Role role;
            try {
                role = User.Role.parse(fields[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
            java.util.regex.Matcher given = DIGEST.matcher(token);
            if (!given.matches() && (token.length() < MIN_TOKEN_LENGTH || !TOKEN.matcher(token).matches())) {
                throw new IllegalArgumentException(where + "the token of " + name + " must be at least "
                        + MIN_TOKEN_LENGTH + " printable characters without spaces, or sha256:HEX");
            }
            String digest = given.matches() ? given.group(1).toLowerCase(java.util.Locale.ROOT) : digest(token);
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + "user " + name + " appears twice");
            }
            if (users.putIfAbsent(digest, new User(name, role)) != null) {
                throw new IllegalArgumentException(where + "the token of " + name + " is also another user's");
            }
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException(file + ": no users (expected lines user,role,token)");
        }
        return new Roster(file, users);
    }

    @Override
    public Optional<User> authenticate(String token) {
        return Optional.ofNullable(byTokenDigest.get(digest(token)));
    }

    @Override
    public List<String> students() {
        return byTokenDigest.values().stream().filter(u -> !u.isInstructor()).map(User::name).sorted().toList();
    }

    @Override
    public String describe() {
        long instructors = byTokenDigest.values().stream().filter(User::isInstructor).count();
        long students = byTokenDigest.size() - instructors;
        return "roster " + file + " (" + students + " student" + (students == 1 ? "" : "s") + ", " + instructors
                + " instructor" + (instructors == 1 ? "" : "s") + ")";
    }

    /** Hex SHA-256 of a token: what the roster keeps, and what lookups compare. */
    static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}

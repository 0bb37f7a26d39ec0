package ttlab.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One command-line argument of the grader's commands, as they all take them: an option with its
 * value ({@code --jobs 2} or {@code --jobs=2}), a flag without one ({@code --no-wait}), or a plain
 * argument such as a notebook ({@code name} is null then, and {@code value} holds it).
 */
public record CommandArg(String name, String value) {

    /** Splits arguments; {@code flags} are the options that take no value. */
    public static List<CommandArg> split(String[] args, Set<String> flags) {
        List<CommandArg> split = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--")) {
                split.add(new CommandArg(null, arg));
            } else if (flags.contains(arg)) {
                split.add(new CommandArg(arg, null));
            } else if (eq > 0) {
                split.add(new CommandArg(arg.substring(0, eq), arg.substring(eq + 1)));
            } else if (i + 1 < args.length) {
                split.add(new CommandArg(arg, args[++i]));
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return split;
    }

    /** Whether this is a plain argument rather than an option. */
    public boolean plain() {
        return name == null;
    }

    /** The error for a value this option cannot take, e.g. a number that does not parse. */
    public IllegalArgumentException invalidValue() {
        return new IllegalArgumentException(name + ": not a valid value: " + value);
    }
}

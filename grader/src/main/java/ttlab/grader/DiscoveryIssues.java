package ttlab.grader;

import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.LauncherDiscoveryListener;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps what JUnit found wrong with the test classes (a private or non-void {@code @Test}
 * method, say). JUnit skips such a method silently apart from a log line; an instructor
 * needs to see it next to the results.
 */
final class DiscoveryIssues implements LauncherDiscoveryListener {

    /**
     * JUnit also logs each issue to standard error. The report carries them now, and in the
     * kernel standard error can end up in the student's notebook, so that logger is switched
     * off. The strong reference keeps the setting: java.util.logging holds loggers weakly.
     */
    private static final Logger JUNIT_ISSUE_LOG = silenced("org.junit.platform.launcher.core.DiscoveryIssueNotifier");

    private final List<String> issues = new ArrayList<>();

    @Override
    public synchronized void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
        issues.add(issue.severity() + ": " + NotebookNames.readable(issue.message()));
    }

    synchronized List<String> issues() {
        return List.copyOf(issues);
    }

    private static Logger silenced(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.OFF);
        return logger;
    }
}

package ttlab.kernel;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code %maven group:artifact:version}: the jars of Maven artifacts and of their runtime
 * dependencies, found with Maven's own resolver. The local repository comes first: when it
 * holds everything, nothing goes over the network; otherwise the rest is fetched from the
 * remote repositories into it. With no remote repository, the local one is all there is.
 *
 * <p>Only {@code %maven} creates this class, so the resolver's classes are loaded the first
 * time a notebook uses it, never at kernel start.
 */
final class MavenArtifacts {

    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    /** The setting that names the remote repositories ({@code none}: the local repository alone). */
    static final String REPOSITORIES_SETTING = "TTLAB_MAVEN_REPOSITORIES";

    private final Path localRepository;
    private final List<RemoteRepository> remotes;
    private final MavenSettings settings;
    private final RepositorySystem system = new RepositorySystemSupplier().get();

    MavenArtifacts(Path localRepository, List<String> remoteUrls) {
        this(localRepository, remoteUrls, MavenSettings.NONE);
    }

    /** With {@code settings}' mirrors, proxies and credentials; their offline mode leaves the local repository alone. */
    MavenArtifacts(Path localRepository, List<String> remoteUrls, MavenSettings settings) {
        this.localRepository = localRepository;
        this.settings = settings;
        List<RemoteRepository> repositories = new ArrayList<>();
        for (int i = 0; i < remoteUrls.size() && !settings.offline(); i++) {
            String id = i == 0 ? "central" : "repository-" + i;
            repositories.add(new RemoteRepository.Builder(id, "default", remoteUrls.get(i)).build());
        }
        this.remotes = List.copyOf(repositories);
    }

    /**
     * The user's local repository ({@code -Dmaven.repo.local}, else the one the Maven settings
     * name, else ~/.m2/repository), the remote repositories of {@value #REPOSITORIES_SETTING}
     * (default: Maven Central), and the Maven settings' mirrors, proxies, credentials and offline mode.
     */
    static MavenArtifacts standard() {
        MavenSettings settings = MavenSettings.standard();
        String configured = System.getProperty("maven.repo.local");
        Path local = configured != null && !configured.isBlank() ? Path.of(configured)
                : settings.localRepository().orElse(Path.of(System.getProperty("user.home"), ".m2", "repository"));
        return new MavenArtifacts(local, remoteUrls(System.getenv(REPOSITORIES_SETTING)), settings);
    }

    /** URLs separated by spaces or commas; unset or blank: Maven Central; {@code none}: no remote repository. */
    static List<String> remoteUrls(String setting) {
        if (setting == null || setting.isBlank()) {
            return List.of(CENTRAL);
        }
        if (setting.trim().equalsIgnoreCase("none")) {
            return List.of();
        }
        return List.of(setting.trim().split("[\\s,]+"));
    }

    /**
     * The jar files of {@code coordinates} ({@code group:artifact[:extension[:classifier]]:version})
     * and their runtime dependencies, each once, in resolution order.
     *
     * @throws IllegalArgumentException for a malformed coordinate
     * @throws IllegalStateException    when something cannot be resolved, saying what and why
     */
    List<Path> resolve(List<String> coordinates) {
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            collect.addDependency(new Dependency(parse(coordinate), JavaScopes.RUNTIME));
        }
        collect.setRepositories(remotes);
        String what = "cannot resolve " + String.join(", ", coordinates);
        try {
            return jars(system.resolveDependencies(session(true), request(collect)).getArtifactResults());
        } catch (DependencyResolutionException notAllLocal) {
            if (remotes.isEmpty()) {
                throw new IllegalStateException(what + ": not all of it is in the local repository "
                        + localRepository + ", and no remote repository is set (" + (settings.offline()
                        ? "the Maven settings say <offline>true</offline>" : REPOSITORIES_SETTING + "=none")
                        + "): " + rootMessage(notAllLocal), notAllLocal);
            }
            DefaultRepositorySystemSession online = session(false);
            // Mirrors, proxies and credentials of the Maven settings, as mvn applies them.
            collect.setRepositories(system.newResolutionRepositories(online, remotes));
            try {
                return jars(system.resolveDependencies(online, request(collect)).getArtifactResults());
            } catch (DependencyResolutionException e) {
                String urls = urls(collect.getRepositories());
                String where = unreachable(e)
                        ? ": not all of it is in the local repository " + localRepository + ", and "
                                + urls + " cannot be reached (offline?): "
                        : ": it is not in the local repository " + localRepository + ", nor in " + urls + ": ";
                throw new IllegalStateException(what + where + rootMessage(e), e);
            }
        }
    }

    private static DependencyRequest request(CollectRequest collect) {
        return new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
    }

    /** True when the failure came from the network (no route, no name, refused, timed out), not from a missing file. */
    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A connect or read time-out is an InterruptedIOException (HttpClient's and the JDK's).
            if (t instanceof SocketException || t instanceof UnknownHostException || t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    private static DefaultArtifact parse(String coordinate) {
        try {
            return new DefaultArtifact(coordinate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Maven coordinate: '" + coordinate
                    + "' (expected group:artifact:version, e.g. org.apache.commons:commons-math3:3.6.1)");
        }
    }

    private DefaultRepositorySystemSession session(boolean offline) {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        // "simple": a jar in the local repository counts, whichever repository it came from.
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile(), "simple")));
        session.setOffline(offline);
        settings.applyTo(session);
        // POMs activate profiles by JDK and OS (Apache's parent POMs do): without these
        // properties their models fail to build.
        session.setSystemProperties(System.getProperties());
        // A POM that is missing or cannot be built (say its parent is not local yet) is an error,
        // not a silent "no dependencies": offline, it sends resolution to the remote repositories.
        session.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(false, false));
        return session;
    }

    private static List<Path> jars(List<ArtifactResult> results) {
        Set<Path> jars = new LinkedHashSet<>();
        for (ArtifactResult result : results) {
            if (result.getArtifact() != null && result.getArtifact().getFile() != null) {
                jars.add(result.getArtifact().getFile().toPath());
            }
        }
        return new ArrayList<>(jars);
    }

    private static String urls(List<RemoteRepository> repositories) {
        List<String> urls = new ArrayList<>();
        repositories.forEach(r -> urls.add(r.getUrl()));
        return String.join(", ", urls);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}

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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code %maven group:artifact:version}: the jars of Maven artifacts and of their runtime
 * dependencies, found with Maven's own resolver. The local repository comes first: when it
 * holds everything, nothing goes over the network; otherwise the rest is fetched from the
 * remote repositories into it.
 */
final class MavenArtifacts {

    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Path localRepository;
    private final List<RemoteRepository> remotes;
    private final RepositorySystem system = new RepositorySystemSupplier().get();

    MavenArtifacts(Path localRepository, List<String> remoteUrls) {
        this.localRepository = localRepository;
        List<RemoteRepository> repositories = new ArrayList<>();
        for (int i = 0; i < remoteUrls.size(); i++) {
            String id = i == 0 ? "central" : "repository-" + i;
            repositories.add(new RemoteRepository.Builder(id, "default", remoteUrls.get(i)).build());
        }
        this.remotes = List.copyOf(repositories);
    }

    /** The user's local repository ({@code -Dmaven.repo.local}, else ~/.m2/repository) and Maven Central. */
    static MavenArtifacts standard() {
        String configured = System.getProperty("maven.repo.local");
        Path local = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new MavenArtifacts(local, List.of(CENTRAL));
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
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try {
            return jars(system.resolveDependencies(session(true), request).getArtifactResults());
        } catch (DependencyResolutionException notAllLocal) {
            try {
                return jars(system.resolveDependencies(session(false), request).getArtifactResults());
            } catch (DependencyResolutionException e) {
                throw new IllegalStateException("cannot resolve " + String.join(", ", coordinates)
                        + ": not all of it is in the local repository " + localRepository
                        + ", and fetching the rest from " + urls() + " failed (offline?): " + rootMessage(e), e);
            }
        }
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

    private String urls() {
        List<String> urls = new ArrayList<>();
        remotes.forEach(r -> urls.add(r.getUrl()));
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

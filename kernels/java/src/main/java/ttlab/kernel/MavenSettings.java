package ttlab.kernel;

import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.MirrorSelector;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the user's Maven settings ({@code ~/.m2/settings.xml}, and the installation's
 * {@code $MAVEN_HOME/conf/settings.xml} beneath it) say about resolving: the local repository,
 * offline mode, mirrors, proxies and the credentials of servers, read with Maven's own settings
 * builder so that {@code %maven} finds artifacts where {@code mvn} on the same machine does (a
 * university's repository mirror, a proxy in front of the internet). Encrypted passwords
 * ({@code settings-security.xml}) are not decrypted.
 */
final class MavenSettings {

    /** No settings file: nothing changes. */
    static final MavenSettings NONE = new MavenSettings(new Settings());

    private final Settings settings;

    private MavenSettings(Settings settings) {
        this.settings = settings;
    }

    /** The user's settings, over the installation's where {@code MAVEN_HOME} names one. */
    static MavenSettings standard() {
        String mavenHome = System.getenv("MAVEN_HOME");
        return read(Path.of(System.getProperty("user.home"), ".m2", "settings.xml"),
                mavenHome == null || mavenHome.isBlank() ? null : Path.of(mavenHome, "conf", "settings.xml"));
    }

    /**
     * Reads the settings; a file that does not exist counts as empty.
     *
     * @throws IllegalStateException when a file exists but cannot be read, saying which and why
     */
    static MavenSettings read(Path user, Path global) {
        boolean userExists = user != null && Files.isRegularFile(user);
        boolean globalExists = global != null && Files.isRegularFile(global);
        if (!userExists && !globalExists) {
            return NONE;
        }
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        if (userExists) {
            request.setUserSettingsFile(user.toFile());
        }
        if (globalExists) {
            request.setGlobalSettingsFile(global.toFile());
        }
        // ${user.home} and ${env.X} in the files are expanded as Maven expands them.
        request.setSystemProperties(System.getProperties());
        try {
            return new MavenSettings(new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings());
        } catch (SettingsBuildingException e) {
            throw new IllegalStateException("the Maven settings (" + (userExists ? user : global)
                    + ") cannot be read: " + e.getMessage().strip(), e);
        }
    }

    /** The local repository the settings name, if any. */
    Optional<Path> localRepository() {
        String local = settings.getLocalRepository();
        return local == null || local.isBlank() ? Optional.empty() : Optional.of(Path.of(local.strip()));
    }

    /** True when the settings say {@code <offline>true</offline>}: only the local repository is used. */
    boolean offline() {
        return settings.isOffline();
    }

    /** Mirrors, proxies and server credentials, as selectors the resolver applies to every remote repository. */
    void applyTo(DefaultRepositorySystemSession session) {
        session.setMirrorSelector(mirrors());
        session.setProxySelector(proxies());
        session.setAuthenticationSelector(credentials());
    }

    private MirrorSelector mirrors() {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (Mirror m : settings.getMirrors()) {
            selector.add(m.getId(), m.getUrl(), m.getLayout(), false, m.isBlocked(), m.getMirrorOf(), m.getMirrorOfLayouts());
        }
        return selector;
    }

    private ProxySelector proxies() {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (Proxy p : settings.getProxies()) {
            if (!p.isActive()) {
                continue;
            }
            AuthenticationBuilder auth = new AuthenticationBuilder().addUsername(p.getUsername()).addPassword(p.getPassword());
            selector.add(new org.eclipse.aether.repository.Proxy(p.getProtocol(), p.getHost(), p.getPort(), auth.build()),
                    p.getNonProxyHosts());
        }
        return selector;
    }

    private AuthenticationSelector credentials() {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (Server s : settings.getServers()) {
            selector.add(s.getId(), new AuthenticationBuilder().addUsername(s.getUsername()).addPassword(s.getPassword())
                    .addPrivateKey(s.getPrivateKey(), s.getPassphrase()).build());
        }
        return selector;
    }
}

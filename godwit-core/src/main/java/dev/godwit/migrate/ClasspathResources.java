package dev.godwit.migrate;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the resources under a class path folder, in directories and in jars (a fat jar included): a class loader
 * can find a resource by name but cannot list a folder, so each root the folder is in is walked as what it is.
 */
final class ClasspathResources {

    /** A resource: its path from the class path root ({@code db/migrations/1_a.sql}), and where it is. */
    record Entry(String path, URL url) {
        String read() {
            try (InputStream in = url.openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Cannot read " + url + ": " + e.getMessage(), e);
            }
        }
    }

    private ClasspathResources() {
    }

    /** Every resource under {@code folder} whose name ends with {@code suffix}, sorted by path, once each. */
    static List<Entry> list(ClassLoader loader, String folder, String suffix) {
        String prefix = folder.replaceAll("^/+|/+$", "");
        TreeMap<String, Entry> found = new TreeMap<>();
        try {
            for (URL root : roots(loader, prefix)) {
                for (Entry e : root.getProtocol().equals("jar") ? inJar(root, prefix) : inDirectory(root, prefix)) {
                    if (e.path().endsWith(suffix)) {
                        // The first root on the class path wins, as for ClassLoader.getResource.
                        found.putIfAbsent(e.path(), e);
                    }
                }
            }
        } catch (IOException | UncheckedIOException | URISyntaxException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Cannot list classpath:" + prefix + ": "
                    + e.getMessage(), e);
        }
        return new ArrayList<>(found.values());
    }

    /**
     * The roots that may hold the folder: those the loader finds it in, and every jar it can name. A jar built
     * without directory entries (common for fat jars and for jars written by tools) holds {@code db/migrations/x.sql}
     * but no entry {@code db/migrations/}, so {@code getResources("db/migrations")} does not find it; its root is
     * found through its manifest or through the URLs of a {@link URLClassLoader}.
     */
    private static List<URL> roots(ClassLoader loader, String prefix) throws IOException {
        LinkedHashMap<String, URL> roots = new LinkedHashMap<>();
        for (URL url : Collections.list(loader.getResources(prefix))) {
            String text = url.toString();
            // A jar's folder URL stands for the jar: its entries are listed from the root.
            URL root = url.getProtocol().equals("jar") ? new URL(text.substring(0, text.indexOf("!/") + 2)) : url;
            roots.putIfAbsent(root.toString(), root);
        }
        for (URL manifest : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
            String text = manifest.toString();
            if (manifest.getProtocol().equals("jar")) {
                URL root = new URL(text.substring(0, text.indexOf("!/") + 2));
                roots.putIfAbsent(root.toString(), root);
            }
        }
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if (url.getProtocol().equals("file") && url.getPath().endsWith(".jar")) {
                        URL root = new URL("jar:" + url + "!/");
                        roots.putIfAbsent(root.toString(), root);
                    }
                }
            }
        }
        return new ArrayList<>(roots.values());
    }

    private static List<Entry> inJar(URL root, String prefix) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        List<Entry> entries = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            String base = root.toString().substring(0, root.toString().indexOf("!/") + 2);
            Enumeration<JarEntry> all = jar.entries();
            while (all.hasMoreElements()) {
                JarEntry e = all.nextElement();
                if (!e.isDirectory() && e.getName().startsWith(prefix + "/")) {
                    entries.add(new Entry(e.getName(), new URL(base + e.getName())));
                }
            }
        }
        return entries;
    }

    private static List<Entry> inDirectory(URL root, String prefix) throws IOException, URISyntaxException {
        if (!root.getProtocol().equals("file")) {
            throw new IOException("the class path root " + root + " is neither a directory nor a jar");
        }
        Path dir = Path.of(root.toURI());
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = dir.relativize(p).toString().replace('\\', '/');
                entries.add(new Entry(prefix + "/" + relative, p.toUri().toURL()));
            }
        }
        return entries;
    }
}

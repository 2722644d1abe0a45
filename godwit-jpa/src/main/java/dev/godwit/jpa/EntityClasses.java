package dev.godwit.jpa;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The {@code @Entity} classes of a package, loaded from a class path of directories and jars. The loader's parent is
 * this module's, so {@code jakarta.persistence} annotations resolve to the classes this module reads them with.
 * Classes are loaded without being initialised: no static initialiser of the user's code runs.
 */
final class EntityClasses implements AutoCloseable {

    private final ClassLoader loader;
    private final URLClassLoader owned;
    private final List<String> names;
    private final String packageName;
    private final List<Path> classpath;

    private EntityClasses(ClassLoader loader, URLClassLoader owned, List<String> names, String packageName,
                          List<Path> classpath) {
        this.loader = loader;
        this.owned = owned;
        this.names = names;
        this.packageName = packageName;
        this.classpath = classpath;
    }

    /** The classes of {@code packageName} on {@code classpath}, or on this module's loader when it is empty. */
    static EntityClasses open(List<Path> classpath, String packageName) {
        String dir = packageName.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        if (classpath.isEmpty()) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : EntityClasses.class.getClassLoader();
            try {
                for (URL url : Collections.list(loader.getResources(dir))) {
                    if (url.getProtocol().equals("file")) {
                        names.addAll(inDirectory(Path.of(url.toURI()), packageName));
                    } else if (url.getProtocol().equals("jar")) {
                        String file = url.getPath().substring("file:".length(), url.getPath().indexOf("!/"));
                        names.addAll(inJar(Path.of(file), dir));
                    }
                }
            } catch (IOException | URISyntaxException e) {
                throw new GodwitException(ErrorCode.CONFIG, "Cannot list the package " + packageName + ": " + e, e);
            }
            return new EntityClasses(loader, null, List.copyOf(names), packageName, classpath);
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            if (!Files.exists(entry)) {
                throw new GodwitException(ErrorCode.CONFIG, "The class path entry " + entry + " does not exist. "
                        + "Give the folder of compiled classes (target/classes) or a jar with --classpath.");
            }
            try {
                urls.add(entry.toUri().toURL());
                names.addAll(Files.isDirectory(entry) ? inDirectory(entry.resolve(dir), packageName)
                        : inJar(entry, dir));
            } catch (MalformedURLException e) {
                throw new GodwitException(ErrorCode.CONFIG, "Cannot read the class path entry " + entry + ": " + e, e);
            }
        }
        URLClassLoader owned = new URLClassLoader(urls.toArray(URL[]::new), EntityClasses.class.getClassLoader());
        return new EntityClasses(owned, owned, List.copyOf(names), packageName, classpath);
    }

    /** The entity classes, sorted by name; fails when there are none, naming where it looked. */
    List<Class<?>> entities() {
        List<Class<?>> out = new ArrayList<>();
        for (String name : names) {
            Class<?> c = load(name);
            if (c.isAnnotationPresent(Entity.class)) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            throw new GodwitException(ErrorCode.CONFIG, "No @Entity class (jakarta.persistence) in the package "
                    + packageName + (classpath.isEmpty() ? " on the class path" : " under " + classpath)
                    + " (" + names.size() + " classes looked at). Check the package name and --classpath "
                    + "(the compiled classes, e.g. target/classes).");
        }
        out.sort(Comparator.comparing(Class::getName));
        return out;
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new GodwitException(ErrorCode.CONFIG, "Cannot load the class " + name + ": " + e
                    + ". Put the classes it uses on --classpath too.", e);
        }
    }

    private static List<String> inDirectory(Path dir, String packageName) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString()
                            .equals("module-info.class"))
                    .map(f -> packageName + "." + dir.relativize(f).toString().replace('\\', '/')
                            .replace('/', '.').replaceAll("\\.class$", ""))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> inJar(Path jar, String dir) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith(dir + "/") && n.endsWith(".class") && !n.endsWith("module-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .toList();
        } catch (IOException e) {
            throw new GodwitException(ErrorCode.CONFIG, "Cannot read the jar " + jar + ": " + e, e);
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

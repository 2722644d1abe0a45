package dev.godwit.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Migration scripts in a class path folder ({@code classpath:db/migrations}), in directories or inside jars (a fat
 * jar included: the jar's entries are listed, since a class loader cannot list a folder). Scripts are named as in a
 * migration directory ({@link DirectoryMigrationSource}); a folder that is nowhere on the class path holds no
 * migrations.
 */
public final class ClasspathMigrationSource implements MigrationSource {

    private final ClassLoader loader;
    private final String folder;

    /**
     * @param loader the class loader whose class path is searched
     * @param folder the folder, with or without {@code classpath:} ({@code db/migrations})
     */
    public ClasspathMigrationSource(ClassLoader loader, String folder) {
        this.loader = loader;
        this.folder = folder.replaceFirst("^classpath:", "").replaceAll("^/+|/+$", "");
    }

    /** The folder on the thread's context class loader (or Godwit's own, when there is none). */
    public ClasspathMigrationSource(String folder) {
        this(defaultLoader(), folder);
    }

    static ClassLoader defaultLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClasspathMigrationSource.class.getClassLoader();
    }

    @Override
    public List<Migration> load() {
        return scripts().migrations;
    }

    @Override
    public List<Callback> callbacks() {
        return scripts().callbacks;
    }

    private ScriptSet scripts() {
        List<ScriptSet.Script> scripts = new ArrayList<>();
        for (ClasspathResources.Entry e : ClasspathResources.list(loader, folder, ".sql")) {
            String relative = e.path().substring(folder.length() + 1);
            if (isHidden(relative)) {
                continue;
            }
            String name = relative.substring(relative.lastIndexOf('/') + 1);
            scripts.add(new ScriptSet.Script(name, "classpath:" + e.path(), e::read));
        }
        return ScriptSet.read(scripts, "classpath:" + folder);
    }

    private static boolean isHidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "classpath:" + folder;
    }
}

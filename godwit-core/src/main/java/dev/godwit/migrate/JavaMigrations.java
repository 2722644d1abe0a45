package dev.godwit.migrate;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sources of {@link JavaMigration}s: classes registered in code, or every concrete {@code JavaMigration} class in a
 * package on the class path (directories and jars alike, sub-packages included).
 */
public final class JavaMigrations {

    private JavaMigrations() {
    }

    /** These instances. */
    public static MigrationSource of(JavaMigration... migrations) {
        List<JavaMigration> list = List.of(migrations);
        return () -> list.stream().map(JavaMigrations::toMigration).toList();
    }

    /** Every concrete {@code JavaMigration} in {@code packageName}, loaded by the thread's context class loader. */
    public static MigrationSource inPackage(String packageName) {
        return inPackage(ClasspathMigrationSource.defaultLoader(), packageName);
    }

    /** Every concrete {@code JavaMigration} in {@code packageName}, loaded by {@code loader}. */
    public static MigrationSource inPackage(ClassLoader loader, String packageName) {
        String path = packageName.replace('.', '/');
        return () -> {
            List<Migration> found = new ArrayList<>();
            for (ClasspathResources.Entry entry : ClasspathResources.list(loader, path, ".class")) {
                String className = entry.path().substring(0, entry.path().length() - ".class".length())
                        .replace('/', '.');
                if (className.contains("$") || className.endsWith("package-info")) {
                    continue;
                }
                instantiate(loader, className).ifPresent(j -> found.add(toMigration(j)));
            }
            return found;
        };
    }

    private static Optional<JavaMigration> instantiate(ClassLoader loader, String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Cannot load the class " + className
                    + " while looking for Java migrations: " + e + ". Check the class path.", e);
        }
        if (!JavaMigration.class.isAssignableFrom(type) || type.isInterface()
                || Modifier.isAbstract(type.getModifiers())) {
            return Optional.empty();
        }
        try {
            return Optional.of((JavaMigration) type.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, "Cannot create the Java migration " + className
                    + ": " + e + ". Give it a public no-argument constructor, or register an instance with "
                    + "JavaMigrations.of(...).", e);
        }
    }

    static Migration toMigration(JavaMigration j) {
        String id = j.id();
        String className = j.getClass().getName();
        MigrationKind kind = j.repeatable() ? MigrationKind.REPEATABLE_JAVA : MigrationKind.JAVA;
        // The checksum is the up text's: this line, so raising version() is what changes it.
        Section up = Section.of("-- java " + className + " version " + j.version());
        Optional<Section> down = j.reversible() ? Optional.of(Section.of("-- java " + className + " down"))
                : Optional.empty();
        return new Migration(MigrationId.of(id), j.description(), kind, "java:" + className, up, down,
                j.dependencies(), j.transactionMode(), Optional.of(j));
    }
}

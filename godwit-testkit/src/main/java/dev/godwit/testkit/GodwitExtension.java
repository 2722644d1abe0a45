package dev.godwit.testkit;

import dev.godwit.Godwit;
import java.lang.reflect.AnnotatedElement;
import java.sql.Connection;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link GodwitTest}: makes and migrates the database before the class
 * ({@link GodwitTest.Scope#CLASS}) or before each test, keeps it in the JUnit store of that class or test, which drops
 * it when JUnit closes the store, and resolves the parameters {@link GodwitTest} lists. A parameter resolved for a
 * test method is the database of that test; for a {@code @BeforeAll} method, the class's database.
 */
public final class GodwitExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(GodwitExtension.class);
    private static final String DATABASE = "database";

    @Override
    public void beforeAll(ExtensionContext context) {
        classSettings(context).filter(s -> s.scope() == GodwitTest.Scope.CLASS)
                .ifPresent(s -> context.getStore(NAMESPACE).put(DATABASE, FreshDatabase.create(s)));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<GodwitTest> onMethod = find(context.getRequiredTestMethod());
        Optional<GodwitTest> settings = onMethod.or(() -> classSettings(context)
                .filter(s -> s.scope() == GodwitTest.Scope.METHOD));
        settings.ifPresent(s -> context.getStore(NAMESPACE).put(DATABASE, FreshDatabase.create(s)));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Connection.class || type == TestDatabase.class || type == Godwit.class
                || type == String.class && parameter.isAnnotated(DatabaseUrl.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // Store lookups fall back to the enclosing contexts: a method without a database of its own gets the class's.
        FreshDatabase fresh = context.getStore(NAMESPACE).get(DATABASE, FreshDatabase.class);
        if (fresh == null) {
            throw new ParameterResolutionException("No Godwit test database for " + parameter.getParameter()
                    + " in " + context.getDisplayName() + ": a @BeforeAll method gets one only with "
                    + "@GodwitTest(scope = Scope.CLASS), a @BeforeEach or test method with the annotation on it or "
                    + "its class.");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == Connection.class) {
            return open(fresh, context);
        }
        if (type == TestDatabase.class) {
            return fresh.database();
        }
        if (type == Godwit.class) {
            return fresh.godwit();
        }
        return fresh.database().url();
    }

    /** A connection closed with the context that asked for it: the test's, or the class's for {@code @BeforeAll}. */
    private static Connection open(FreshDatabase fresh, ExtensionContext context) {
        try {
            Connection connection = fresh.database().connect();
            ExtensionContext.Store.CloseableResource closer = connection::close;
            context.getStore(NAMESPACE).put(closer, closer);
            return connection;
        } catch (java.sql.SQLException e) {
            throw new ParameterResolutionException("Cannot connect to the test database "
                    + fresh.database().url() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<GodwitTest> classSettings(ExtensionContext context) {
        for (Optional<Class<?>> c = context.getTestClass(); c.isPresent(); c = Optional.ofNullable(
                c.get().getEnclosingClass())) {
            Optional<GodwitTest> found = find(c.get());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<GodwitTest> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, GodwitTest.class);
    }
}

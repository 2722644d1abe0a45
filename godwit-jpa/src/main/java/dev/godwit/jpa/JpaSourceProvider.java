package dev.godwit.jpa;

import dev.godwit.model.Catalog;
import dev.godwit.source.SourceProvider;

/**
 * {@code jpa:PACKAGE[?naming=snake&enums=native]}: the schema the {@code @Entity} classes of a package (and its
 * sub-packages) describe, found on the request's class path (or, when that is empty, on this class's loader).
 */
public final class JpaSourceProvider implements SourceProvider {

    @Override
    public String prefix() {
        return "jpa";
    }

    @Override
    public Catalog read(Request request) {
        JpaOptions options = JpaOptions.parse(request.argument());
        try (EntityClasses classes = EntityClasses.open(request.classpath(), options.packageName())) {
            return new JpaCatalogBuilder(request.dialect(), request.schema(), options).build(classes.entities());
        }
    }
}

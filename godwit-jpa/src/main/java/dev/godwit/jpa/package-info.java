/**
 * The desired schema from jakarta.persistence entity classes: {@code jpa:PACKAGE} as a schema source. Annotations
 * are read with plain Java reflection; no JPA provider runs. Imports core's model, source, error; never a dialect
 * module (types are spelled per dialect name in {@link dev.godwit.jpa.JpaTypes}).
 */
package dev.godwit.jpa;

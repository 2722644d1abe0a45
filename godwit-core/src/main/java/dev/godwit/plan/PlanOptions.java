package dev.godwit.plan;

/**
 * How a plan is to be written where a dialect has a choice.
 *
 * @param concurrentIndexes build and drop indexes without blocking writes where the database can (PostgreSQL
 *                          {@code CREATE INDEX CONCURRENTLY}); such statements run outside a transaction
 */
public record PlanOptions(boolean concurrentIndexes) {

    public static PlanOptions defaults() {
        return new PlanOptions(false);
    }
}

package dev.godwit.model;

/** When a constraint is checked. */
public enum Deferrable {
    NOT_DEFERRABLE,
    DEFERRABLE_INITIALLY_IMMEDIATE,
    DEFERRABLE_INITIALLY_DEFERRED
}

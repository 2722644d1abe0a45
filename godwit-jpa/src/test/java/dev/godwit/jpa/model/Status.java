package dev.godwit.jpa.model;

/** Stored by name: {@code @Enumerated(STRING)}. */
public enum Status { ACTIVE, RETIRED, BANNED }

package dev.godwit.jpa.model;

/** Stored by ordinal: JPA's default. */
public enum Format { HARDCOVER, PAPERBACK, EBOOK }

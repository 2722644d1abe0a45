/**
 * The schema model: immutable records describing database objects. Imports nothing else of Godwit's.
 */
package dev.godwit.model;

/**
 * The dialect SPI: what varies between databases (statement splitting, locking, history DDL, session set-up,
 * transactions) and how a dialect is found for a URL. Imports {@code model} and {@code error} only.
 */
package dev.godwit.dialect;

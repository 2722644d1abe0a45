package dev.godwit.jpa.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

@Entity
@Table(name = "books", indexes = @Index(name = "books_title_idx", columnList = "title"),
        uniqueConstraints = @UniqueConstraint(name = "books_isbn_uq", columnNames = "isbn"))
public class Book {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;
    @Column(nullable = false)
    String title;
    @Column(length = 13)
    String isbn;
    @Column(precision = 10, scale = 2)
    BigDecimal price;
    LocalDate published;
    Format format;
    byte[] cover;
    @ManyToOne(optional = false)
    @JoinColumn(name = "author_id")
    Author author;
    @ManyToOne
    Book sequelOf;
    @ManyToMany
    @JoinTable(name = "book_tag", joinColumns = @JoinColumn(name = "book_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    Set<Tag> tags;
    @ManyToMany
    Set<Author> reviewers;
}

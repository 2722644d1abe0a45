package dev.godwit.jpa.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import java.util.Set;

@Entity
public class Tag {
    @Id
    @GeneratedValue
    Long id;
    @Column(nullable = false, unique = true, length = 40)
    String label;
    @ManyToMany(mappedBy = "tags")
    Set<Book> books;
}

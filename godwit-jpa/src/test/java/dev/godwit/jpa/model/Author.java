package dev.godwit.jpa.model;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Entity
public class Author extends Audited {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(nullable = false, length = 100)
    String name;
    @Column(unique = true)
    String email;
    @Embedded
    Address home;
    @Embedded
    @AttributeOverride(name = "street", column = @Column(name = "work_street"))
    @AttributeOverride(name = "city", column = @Column(name = "work_city", length = 80))
    @AttributeOverride(name = "zip", column = @Column(name = "work_zip", length = 10))
    Address work;
    @Enumerated(EnumType.STRING)
    Status status;
    int rating;
    boolean active;
    Double score;
    BigDecimal fee;
    UUID externalId;
    @OneToMany(mappedBy = "author")
    List<Book> books;
    @Transient
    String display;
    transient String cache;
}

package dev.godwit.jpa.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import java.util.UUID;

@Entity
public class Profile {
    @Id
    UUID id;
    @OneToOne
    Author author;
    @Column(columnDefinition = "text")
    String bio;
}

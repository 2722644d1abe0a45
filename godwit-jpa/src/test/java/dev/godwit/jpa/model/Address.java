package dev.godwit.jpa.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
    String street;
    @Column(nullable = false, length = 80)
    String city;
    @Column(name = "zip_code", length = 10)
    String zip;
}

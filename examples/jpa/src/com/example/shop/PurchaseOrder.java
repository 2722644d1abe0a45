package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.LocalDateTime;

@Entity
public class PurchaseOrder {
    public enum State { OPEN, PAID, SHIPPED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @ManyToOne(optional = false)
    Customer customer;
    @Column(precision = 12, scale = 2, nullable = false)
    BigDecimal total;
    @Enumerated(EnumType.STRING)
    State state;
    LocalDateTime placed;
}

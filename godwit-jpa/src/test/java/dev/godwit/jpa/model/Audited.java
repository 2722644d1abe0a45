package dev.godwit.jpa.model;

import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDateTime;

@MappedSuperclass
public abstract class Audited {
    LocalDateTime created;
    Instant updated;
}

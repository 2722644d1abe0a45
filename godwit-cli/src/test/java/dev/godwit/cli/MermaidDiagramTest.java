package dev.godwit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.Deferrable;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.PrimaryKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {

    @Test
    void showsKeyColumnsAndForeignKeysOnly() {
        Column id = new Column("id", DataType.of("bigint"), false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        Table users = new Table(QualifiedName.of("public", "users"), List.of(id,
                Column.of("name", DataType.of("character varying"))), Optional.of(new PrimaryKey("users_pkey",
                List.of("id"))), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Map.of());
        Table posts = new Table(QualifiedName.of("public", "posts"), List.of(id, Column.of("user_id",
                new DataType("numeric", Optional.empty(), Optional.of(10), Optional.of(0), 0, "numeric(10,0)"))),
                Optional.of(new PrimaryKey("posts_pkey", List.of("id"))), List.of(), List.of(),
                List.of(new ForeignKey("posts_user_fk", List.of("user_id"), QualifiedName.of("public", "users"),
                        List.of("id"), null, null, null, Deferrable.NOT_DEFERRABLE)), List.of(), List.of(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), Map.of());
        Catalog catalog = new Catalog("postgres", List.of(new Schema("public", List.of(users, posts), List.of(),
                List.of(), List.of(), List.of(), List.of(), Optional.empty())), List.of());

        assertEquals("""
                erDiagram
                    posts {
                        bigint id PK
                        numeric(10_0) user_id FK
                    }
                    users {
                        bigint id PK
                    }
                    users |o--o{ posts : "posts_user_fk"
                """, MermaidDiagram.of(catalog));
    }
}

package dev.godwit.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.Deferrable;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.PrimaryKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Table;
import dev.godwit.model.UniqueConstraint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MysqlDdlWriterTest {

    private final MysqlDdlWriter writer = new MysqlDdlWriter();

    private static final ForeignKey TO_ACCOUNT = new ForeignKey("order_account", List.of("account_id"),
            QualifiedName.of("shop", "account"), List.of("id"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE,
            ForeignKey.Match.SIMPLE, Deferrable.NOT_DEFERRABLE);
    private static final Index FK_INDEX = new Index("order_account", false, "btree",
            List.of(Index.Key.column("account_id")), List.of(), Optional.empty(),
            "CREATE INDEX `order_account` ON `order` (`account_id`)");
    private static final Index NOTE_INDEX = new Index("order_note", false, "btree",
            List.of(Index.Key.column("note")), List.of(), Optional.empty(),
            "CREATE INDEX `order_note` ON `order` (`note`(10) DESC) COMMENT 'it''s'");

    private static Table order() {
        Column id = new Column("id", DataType.of("bigint"), false, Optional.empty(),
                Optional.of(new Column.Identity(false, Optional.empty())), Optional.empty(), Optional.empty(),
                Optional.empty());
        Column accountId = Column.of("account_id", DataType.of("int"));
        Column note = new Column("note", new DataType("varchar", Optional.of(40), Optional.empty(), Optional.empty(),
                0, "varchar(40)"), true, Optional.of("'n/a'"), Optional.empty(), Optional.empty(),
                Optional.of("utf8mb4_bin"), Optional.of("what `it` is"));
        Column at = new Column("at", DataType.of("timestamp"), false, Optional.of("current_timestamp()"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        Column twice = new Column("twice", DataType.of("bigint"), true, Optional.empty(), Optional.empty(),
                Optional.of("`id` * 2"), Optional.empty(), Optional.empty());
        return new Table(QualifiedName.of("shop", "order"), List.of(id, accountId, note, at, twice),
                Optional.of(new PrimaryKey("PRIMARY", List.of("id"))),
                List.of(new UniqueConstraint("order_note_key", List.of("note", "at"), null)),
                List.of(FK_INDEX, NOTE_INDEX), List.of(TO_ACCOUNT), List.of(new Check("note_set", "`note` <> ''")),
                List.of(), Optional.empty(), Optional.empty(), false, Optional.of("orders"),
                Map.of("engine", "InnoDB", "collation", "utf8mb4_general_ci", "column.at.on_update",
                        "current_timestamp()", "column.twice.storage", "VIRTUAL"));
    }

    @Test
    void createTableWritesColumnsKeysChecksOptionsAndTheForeignKeysIndex() {
        assertEquals(List.of("""
                CREATE TABLE `order` (
                    `id` bigint NOT NULL AUTO_INCREMENT,
                    `account_id` int NULL,
                    `note` varchar(40) COLLATE utf8mb4_bin NULL DEFAULT 'n/a' COMMENT 'what `it` is',
                    `at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
                    `twice` bigint GENERATED ALWAYS AS (`id` * 2) VIRTUAL,
                    PRIMARY KEY (`id`),
                    UNIQUE KEY `order_note_key` (`note`, `at`),
                    KEY `order_account` (`account_id`),
                    CONSTRAINT `note_set` CHECK (`note` <> '')
                ) ENGINE = InnoDB COLLATE = utf8mb4_general_ci COMMENT = 'orders'"""), writer.createTable(order()));
    }

    @Test
    void indexesAreWrittenFromTheirDefinitionExceptTheOneDeclaredWithTheTable() {
        assertEquals(List.of(), writer.createIndex(order(), FK_INDEX));
        assertEquals(List.of(NOTE_INDEX.definition()), writer.createIndex(order(), NOTE_INDEX));
    }

    @Test
    void foreignKeysSpellEveryActionAndQualifyOnlyAnotherDatabase() {
        assertEquals(List.of("ALTER TABLE `order` ADD CONSTRAINT `order_account` FOREIGN KEY (`account_id`) "
                + "REFERENCES `account` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION"),
                writer.addForeignKey(order(), TO_ACCOUNT));
        ForeignKey elsewhere = new ForeignKey("order_region", List.of("region"), QualifiedName.of("geo", "region"),
                List.of("code"), null, null, null, null);
        assertEquals(List.of("ALTER TABLE `order` ADD CONSTRAINT `order_region` FOREIGN KEY (`region`) "
                + "REFERENCES `geo`.`region` (`code`) ON DELETE NO ACTION ON UPDATE NO ACTION"),
                writer.addForeignKey(order(), elsewhere));
    }
}

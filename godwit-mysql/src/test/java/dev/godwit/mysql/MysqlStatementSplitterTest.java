package dev.godwit.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.dialect.ScriptException;
import dev.godwit.dialect.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class MysqlStatementSplitterTest {

    private final MysqlStatementSplitter splitter = new MysqlStatementSplitter();

    private List<String> sql(String script) {
        return splitter.split(script).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void semicolonsInBackquotesStringsAndCommentsDoNotEndAStatement() {
        assertEquals(List.of("CREATE TABLE `a;b` (`c``;` int)", "SELECT 'it\\'s; fine', \"say \\\"hi;\\\"\"",
                        "SELECT 3"),
                sql("CREATE TABLE `a;b` (`c``;` int);\nSELECT 'it\\'s; fine', \"say \\\"hi;\\\"\";\n"
                        + "# it's; a comment\n/* also; */ SELECT 3;"));
    }

    @Test
    void doubleDashIsACommentOnlyWhenWhitespaceFollows() {
        assertEquals(List.of("SELECT 1--1", "SELECT 2"), sql("SELECT 1--1;\nSELECT 2 -- the end; really\n;"));
    }

    @Test
    void executableCommentsRunTheirContent() {
        List<String> statements = sql("/*!40101 SET NAMES utf8mb4 */;\n"
                + "CREATE TABLE t (id int) /*!50100 ENGINE=InnoDB */;\n/*M!100100 SET @x = 1 */;");
        assertEquals(3, statements.size(), statements::toString);
        assertEquals("SET NAMES utf8mb4", statements.get(0));
        assertTrue(statements.get(1).startsWith("CREATE TABLE t (id int)") && statements.get(1)
                .endsWith("ENGINE=InnoDB") && !statements.get(1).contains("/*"), statements.get(1));
        assertEquals("SET @x = 1", statements.get(2));
    }

    @Test
    void storedProgramBodiesKeepTheirSemicolons() {
        String trigger = """
                CREATE DEFINER=`root`@`%` TRIGGER t_bu BEFORE UPDATE ON t FOR EACH ROW BEGIN
                  IF NEW.a IS NULL THEN SET NEW.a = 1; ELSEIF NEW.a < 0 THEN SET NEW.a = 0; END IF;
                  CASE NEW.b WHEN 1 THEN SET NEW.c = 'one'; ELSE SET NEW.c = CASE WHEN 1 THEN 'x' END; END CASE;
                  lbl: WHILE NEW.a > 10 DO SET NEW.a = NEW.a - 1; END WHILE lbl;
                  REPEAT SET NEW.a = NEW.a + 1; UNTIL NEW.a > 3 END REPEAT;
                  BEGIN DECLARE CONTINUE HANDLER FOR 1146 BEGIN END; END;
                END""";
        List<SqlStatement> statements = splitter.split(trigger + ";\nSELECT 1;");
        assertEquals(List.of(trigger, "SELECT 1"), statements.stream().map(SqlStatement::sql).toList());
        assertEquals(8, statements.get(1).line());
    }

    @Test
    void createTableNamedLikeAProgramKeywordIsNotABody() {
        assertEquals(List.of("CREATE TABLE `trigger` (`begin` int)", "SELECT 1"),
                sql("CREATE TABLE `trigger` (`begin` int);\nSELECT 1;"));
    }

    @Test
    void delimiterCommandSetsWhereStatementsEnd() {
        String script = """
                DELIMITER $$
                CREATE PROCEDURE p()
                BEGIN
                  SELECT 1; SELECT 'a$$b';
                END$$
                CREATE FUNCTION f() RETURNS int RETURN 1 $$
                delimiter //
                CREATE PROCEDURE q() SELECT 2//
                DELIMITER ;
                SELECT 3;
                """;
        List<SqlStatement> statements = splitter.split(script);
        assertEquals(List.of("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1; SELECT 'a$$b';\nEND",
                        "CREATE FUNCTION f() RETURNS int RETURN 1", "CREATE PROCEDURE q() SELECT 2", "SELECT 3"),
                statements.stream().map(SqlStatement::sql).toList());
        assertEquals(List.of(2, 6, 8, 10), statements.stream().map(SqlStatement::line).toList());
    }

    @Test
    void essenceIgnoresHashCommentsAndWhitespace() {
        String a = splitter.split("CREATE TABLE a (id int); # first\n").get(0).essence();
        String b = splitter.split("# the table\nCREATE TABLE a (\n  id int -- key\n);").get(0).essence();
        assertEquals(a, b);
        assertFalse(a.contains("#"));
    }

    @Test
    void unterminatedStringNamesTheLineWhereItOpened() {
        ScriptException e = assertThrows(ScriptException.class, () -> splitter.split("SELECT 1;\n# fine\nSELECT 'x;\n"));
        assertEquals(3, e.line());
    }
}

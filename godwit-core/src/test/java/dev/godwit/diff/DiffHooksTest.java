package dev.godwit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiffHooksTest {

    /** What squash did before it scanned by hand: the scan must give the same text for every input. */
    private static String byRegex(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }

    @Test
    void squashCollapsesWhitespaceRunsLikeTheRegexItReplaces() {
        for (String text : List.of("", " ", "a", "a b", "a  b", "a\tb", "a \t\n b", "\n a\r\nb ;", "x ;  ",
                "CREATE INDEX i ON t USING btree (a)", "a\u000Bb\fc", "  lead and trail  ", "a;", "a ; ;",
                "(a  >=\n (0)::numeric)", "tab\t", "\u00a0nbsp\u00a0 kept")) {
            assertEquals(byRegex(text), DiffHooks.squash(text), () -> "'" + text + "'");
        }
    }
}

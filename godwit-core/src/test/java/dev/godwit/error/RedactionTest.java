package dev.godwit.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksPasswordParametersAndUserInfo() {
        assertEquals("jdbc:postgresql://db:5432/app?user=me&password=***&ssl=true",
                Redaction.url("jdbc:postgresql://db:5432/app?user=me&password=hunter2&ssl=true"));
        assertEquals("jdbc:mysql://me:***@db/app", Redaction.url("jdbc:mysql://me:hunter2@db/app"));
        assertEquals("jdbc:sqlite:godwit.db", Redaction.url("jdbc:sqlite:godwit.db"));
    }

    @Test
    void masksAKnownSecretAnywhereInText() {
        assertEquals("login failed for *** at jdbc:x://h/d?password=***",
                Redaction.text("login failed for s3cret at jdbc:x://h/d?password=other", "s3cret"));
    }
}

package io.github.sqlitepragmaagent.statements;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlTextTest {

    @Test
    void theFirstWordIsFoundPastBlanksAndComments() {
        assertTrue(SqlText.startsWithWord("  -- why\n /* what */ drop table x", "DROP"));
        assertFalse(SqlText.startsWithWord("DROPPED", "DROP"));
        assertFalse(SqlText.startsWithWord(null, "DROP"));
        assertEquals('D', SqlText.firstLetter("/* c */ drop table x"));
        assertEquals(' ', SqlText.firstLetter("  -- only a comment"));
    }

    @Test
    void wordsKeepQuotedIdentifiersWhole() {
        assertArrayEquals(new String[] {"DROP", "TABLE", "\"my \"\"odd\"\" table\"", null},
                SqlText.firstWords("DROP TABLE \"my \"\"odd\"\" table\"", 4));
        assertEquals("my \"odd\" table", SqlText.unquote("\"my \"\"odd\"\" table\""));
        assertEquals("x", SqlText.unquote("[x]"));
        assertEquals("\"a\"\"b\"", SqlText.quote("a\"b"));
    }
}

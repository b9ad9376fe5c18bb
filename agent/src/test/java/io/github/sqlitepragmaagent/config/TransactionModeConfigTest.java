package io.github.sqlitepragmaagent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** transaction_mode: modelled, parsed and validated here; what it does to a connection is not config's business. */
class TransactionModeConfigTest {

    private static final Map<String, String> NONE = Map.of();

    @Test
    void immediateByDefaultSoReadThenWriteTransactionsCannotFailHalfWay() {
        LoadedConfig loaded = ConfigLoader.load(null, NONE, NONE);

        assertEquals(TransactionMode.IMMEDIATE, loaded.config().transactionMode());
        assertEquals(TransactionMode.DEFERRED, ConfigLoader.load("transaction_mode=DEFERRED", NONE, NONE).config()
                .transactionMode(), "the driver's begin, restored");
    }

    @Test
    void anyCaseFromEverySourceCanonicalUpperCase() {
        assertEquals(TransactionMode.IMMEDIATE,
                ConfigLoader.load("transaction_mode=immediate", NONE, NONE).config().transactionMode());
        assertEquals(TransactionMode.EXCLUSIVE, ConfigLoader.load(null, Map.of("sqlite.agent.transaction_mode", "Exclusive"),
                NONE).config().transactionMode());
        LoadedConfig fromEnvironment = ConfigLoader.load(null, NONE, Map.of("SQLITE_AGENT_TRANSACTION_MODE", "DEFERRED"));
        assertTrue(fromEnvironment.valid(), fromEnvironment.problems()::toString);
        assertEquals(TransactionMode.DEFERRED, fromEnvironment.config().transactionMode());
        assertEquals("IMMEDIATE", TransactionMode.IMMEDIATE.name());
    }

    @Test
    void anotherWordIsAnErrorNamingTheModes() {
        LoadedConfig loaded = ConfigLoader.load("transaction_mode=eager", NONE, NONE);

        assertEquals(List.of("transaction_mode='eager' from agent argument is not allowed; allowed: DEFERRED, IMMEDIATE,"
                + " EXCLUSIVE"), loaded.problems().stream().map(ConfigProblem::message).toList());
        assertEquals(TransactionMode.IMMEDIATE, loaded.config().transactionMode(), "the word is not taken: the default stays");
    }

    @Test
    void aRuleMaySetItsOwn() {
        AgentConfig config = ConfigLoader.load("transaction_mode=IMMEDIATE,rule.1.match=/srv/queue/*.db,"
                + "rule.1.transaction_mode=exclusive,rule.2.match=/srv/**", NONE, NONE).config();

        assertEquals(TransactionMode.IMMEDIATE, config.transactionMode());
        assertEquals(TransactionMode.EXCLUSIVE, config.ruleFor("/srv/queue/q.db").transactionMode());
        assertNull(config.ruleFor("/srv/app.db").transactionMode(), "a rule that sets none says so");
        assertEquals("exclusive", config.effective().get("rule.1.transaction_mode").value());
    }

    @Test
    void aBadModeInARuleIsAnErrorToo() {
        LoadedConfig loaded = ConfigLoader.load("rule.1.match=/srv/*.db,rule.1.transaction_mode=later", NONE, NONE);

        assertFalse(loaded.valid());
        assertTrue(loaded.problems().get(0).message().startsWith("rule.1.transaction_mode='later' from agent argument"
                + " is not allowed; allowed: DEFERRED, IMMEDIATE, EXCLUSIVE"), loaded.problems()::toString);
    }

    @Test
    void itIsNotAPragma() {
        assertNull(PragmaCatalog.byName("transaction_mode"));
        assertTrue(ConfigLoader.load("transaction_mode=IMMEDIATE", NONE, NONE).config().pragmas().stream()
                .noneMatch(s -> s.spec().name().equals("transaction_mode")));
    }
}

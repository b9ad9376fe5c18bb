package io.github.sqlitepragmaagent.driver;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The URL parameters a sqlite-jdbc takes as pragmas: it moves them out of the file name into its
 * configuration and keeps every other parameter in the name it opens. The list changes with the
 * driver's version, so the driver in use is asked whenever there is one.
 */
public final class DriverPragmas {

    /** sqlite-jdbc 3.54.1.0's list, for callers that have no driver to ask. */
    public static final Set<String> LATEST = Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(
            "application_id", "automatic_index", "busy_timeout", "cache_size", "cache_spill", "case_sensitive_like",
            "count_changes", "date_class", "date_precision", "date_string_format", "default_cache_size",
            "defer_foreign_keys", "empty_result_callback", "enable_load_extension", "encoding", "foreign_keys",
            "full_column_names", "fullsync", "hexkey_mode", "incremental_vacuum", "jdbc.explicit_readonly",
            "jdbc.get_generated_keys", "journal_mode", "journal_size_limit", "legacy_alter_table", "legacy_file_format",
            "limit_attached", "limit_column", "limit_compound_select", "limit_expr_depth", "limit_function_arg",
            "limit_length", "limit_like_pattern_length", "limit_page_count", "limit_sql_length", "limit_trigger_depth",
            "limit_variable_number", "limit_vdbe_op", "limit_worker_threads", "locking_mode", "max_page_count",
            "mmap_size", "open_mode", "page_size", "password", "read_uncommitted", "recursive_triggers",
            "reverse_unordered_selects", "secure_delete", "shared_cache", "short_column_names", "synchronous",
            "temp_store", "temp_store_directory", "transaction_mode", "user_version", "wal_autocheckpoint")));

    private DriverPragmas() {}

    /** The names the driver of {@code connection} takes as pragmas; {@link #LATEST} when it does not say. */
    public static Set<String> of(Object connection) {
        Set<String> names = DriverHandles.of(connection).pragmaNames();
        return names != null ? names : LATEST;
    }
}

package io.cryptofix.config;

/**
 * Where the gateway keeps its record beyond the order journal.
 *
 * @param postgres  the PostgreSQL system of record fed from the journal; null (the default) when there
 *                  is none and the gateway runs on the journal alone.
 */
public record StoreConfig(PostgresConfig postgres)
{
    /** No database: the journal is the gateway's only record (the built-in default). */
    public static final StoreConfig JOURNAL_ONLY = new StoreConfig(null);
}

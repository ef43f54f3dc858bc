package dev.fileserver.server.storage;

/**
 * The quotas as configured: the whole store's, and the one each account's home folder gets.
 */
public record Quotas(Quota global, Quota perHome) {

    public static final Quotas NONE = new Quotas(Quota.NONE, Quota.NONE);
}

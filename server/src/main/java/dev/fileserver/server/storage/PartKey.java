package dev.fileserver.server.storage;

import java.nio.charset.StandardCharsets;

import dev.fileserver.wire.digest.Sha256;

/**
 * What the kept part of an interrupted upload is bound to: who sent it, where it goes, under which
 * name, and the whole file's size. Only the same sender uploading the same name of the same size
 * into the same folder finds it again; what it holds is then checked by digest.
 *
 * @param owner the account that sent it; empty while the server has no accounts
 */
public record PartKey(String owner, StoragePath directory, String name, long size) {

    /** Without accounts every client is the same sender. */
    public static final String NO_ACCOUNT = "";

    /** A name for the part that says nothing of what it is bound to, the same on every backend. */
    public String token() {
        String bound = owner + '\0' + directory + '\0' + name + '\0' + size;
        return Sha256.of(bound.getBytes(StandardCharsets.UTF_8));
    }
}

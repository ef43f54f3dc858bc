package dev.fileserver.server.storage.s3;

/**
 * What a write requires of the object it replaces, checked by the store as it completes the write
 * (S3 conditional writes): nothing, that there is none, or that it is still the version seen.
 */
record Precondition(String ifMatch, String ifNoneMatch) {

    static final Precondition NONE = new Precondition(null, null);

    static Precondition absent() {
        return new Precondition(null, "*");
    }

    static Precondition unchanged(String eTag) {
        return new Precondition(eTag, null);
    }
}

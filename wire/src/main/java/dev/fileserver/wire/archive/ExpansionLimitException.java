package dev.fileserver.wire.archive;

/** The files of a received archive add up to more bytes than the extraction was allowed. */
public class ExpansionLimitException extends UnsafeArchiveException {

    private final long limit;

    public ExpansionLimitException(long limit) {
        super("archive expands past the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}

package dev.fileserver.server.storage;

/**
 * A folder upload whose tarball expands to more than {@code ratio} times the bytes sent for it
 * (beyond a first allowance every upload gets): a small archive must not fill the disk.
 */
public class ExpansionRatioException extends StorageException {

    private final String name;

    private final long sent;

    private final int ratio;

    public ExpansionRatioException(String name, long sent, int ratio, Throwable cause) {
        super("'" + name + "' expands to more than " + ratio + " times its " + sent + " bytes", cause);
        this.name = name;
        this.sent = sent;
        this.ratio = ratio;
    }

    public String name() {
        return name;
    }

    public long sent() {
        return sent;
    }

    public int ratio() {
        return ratio;
    }
}

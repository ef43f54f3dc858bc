package dev.fileserver.server.session;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.fileserver.wire.FileFrameSource;

/**
 * What the server sends for one received frame, in order: text frames and at most one file
 * frame. Empty when the turn needs no answer (a {@code n}, an upload without ack).
 */
public final class Reply {

    private static final Reply NONE = new Reply(List.of());

    private final List<Object> parts;

    private Reply(List<Object> parts) {
        this.parts = parts;
    }

    public static Reply none() {
        return NONE;
    }

    public static Reply ok() {
        return text("ok");
    }

    public static Reply text(String... texts) {
        return new Reply(List.of((Object[]) texts));
    }

    public Reply then(String text) {
        return append(text);
    }

    public Reply then(FileFrameSource download) {
        return append(download);
    }

    public List<Object> parts() {
        return parts;
    }

    /** Closes the downloads of a reply that will not be sent after all. */
    public void release() {
        for (Object part : parts) {
            if (part instanceof FileFrameSource download) {
                try {
                    download.close();
                }
                catch (IOException ignored) {
                    // nothing more to do for a reply that is dropped
                }
            }
        }
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    private Reply append(Object part) {
        List<Object> longer = new ArrayList<>(parts);
        longer.add(part);
        return new Reply(List.copyOf(longer));
    }

    /** For logs: texts cut short, a file by its name and length. */
    @Override
    public String toString() {
        StringBuilder summary = new StringBuilder("[");
        for (Object part : parts) {
            if (summary.length() > 1) {
                summary.append(", ");
            }
            if (part instanceof FileFrameSource download) {
                summary.append("file '").append(download.header().fileName()).append("' ")
                        .append(download.header().fileLen()).append(" bytes");
            }
            else {
                String text = part.toString().replace("\n", "\\n");
                summary.append(text.length() > 60 ? text.substring(0, 60) + "..." : text);
            }
        }
        return summary.append(']').toString();
    }
}

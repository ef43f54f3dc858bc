package dev.fileserver.server.command;

import java.util.OptionalLong;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fileserver.server.session.Outcome;
import dev.fileserver.server.session.Reply;
import dev.fileserver.server.storage.StorageException;
import dev.fileserver.server.storage.UsageLedger;

/**
 * {@code /quota [PATH]} (the {@code quota} extension): what the quota that PATH (the root when
 * absent) falls under holds and allows, in bytes and in files, and the space left on the disk
 * below it: {@code ok}, then one frame of {@code KEY VALUE} lines, {@code none} where there is no
 * limit. A refusal is one error frame instead, as for {@code /mkdir}.
 */
@Component
class QuotaCommand implements Command {

    static final String NO_LIMIT = "none";

    private final V1Errors errors;

    QuotaCommand(V1Errors errors) {
        this.errors = errors;
    }

    @Override
    public Set<String> words() {
        return Set.of("/quota");
    }

    @Override
    public Outcome handle(Request request) {
        try {
            UsageLedger.Report report = request.usage().report(request.path());
            OptionalLong free = request.store().freeBytes(request.path());
            String text = "bytes-used " + report.used().bytes() + '\n'
                    + "bytes-limit " + limit(report.quota().bytes()) + '\n'
                    + "files-used " + report.used().files() + '\n'
                    + "files-limit " + limit(report.quota().files()) + '\n'
                    + "disk-free " + (free.isPresent() ? Long.toString(free.getAsLong()) : NO_LIMIT) + '\n'
                    + "scope " + report.scope() + '\n';
            return Outcome.idle(Reply.ok().then(text));
        }
        catch (StorageException e) {
            return Outcome.idle(Reply.text(errors.render(e, request.displayName())));
        }
    }

    private static String limit(Long limit) {
        return limit == null ? NO_LIMIT : limit.toString();
    }
}

package dev.fileserver.server.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a start-up problem as its one-line message instead of a stack trace. */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the setting named above (command line --fileserver.*, environment FILESERVER_*,"
                        + " or config/application.yml) and start again.",
                cause);
    }
}

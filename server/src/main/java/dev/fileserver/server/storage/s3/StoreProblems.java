package dev.fileserver.server.storage.s3;

import java.io.IOException;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import dev.fileserver.server.storage.StorageFailureException;
import dev.fileserver.server.storage.StorageFailureException.Operation;

/** What went wrong with the object store, in a few words fit for a client: never a key, a host or a request id. */
final class StoreProblems {

    private static final int PRECONDITION_FAILED = 412;

    private StoreProblems() {
    }

    static StorageFailureException failed(Operation operation, String subject, Exception e) {
        return new StorageFailureException(operation, subject, reason(e), e);
    }

    static String reason(Throwable e) {
        Throwable cause = unwrap(e);
        if (cause instanceof S3Exception s3) {
            if (s3.statusCode() == PRECONDITION_FAILED) {
                return "another upload of the same name finished first";
            }
            if (s3.statusCode() == 403) {
                return "the object store refused access";
            }
            String code = s3.awsErrorDetails() != null ? s3.awsErrorDetails().errorCode() : null;
            return "the object store answered " + s3.statusCode() + (code != null ? " " + code : "");
        }
        if (cause instanceof SdkClientException || cause instanceof IOException) {
            return "the object store is unreachable";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    /** True when a conditional write found the object changed since the upload began. */
    static boolean isPreconditionFailed(Throwable e) {
        return unwrap(e) instanceof S3Exception s3 && s3.statusCode() == PRECONDITION_FAILED;
    }

    static boolean isNotFound(Throwable e) {
        return unwrap(e) instanceof S3Exception s3 && s3.statusCode() == 404;
    }

    /** The store's own exception, out of the wrappers that background work and streams put around it. */
    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while (!(current instanceof SdkException) && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current instanceof SdkException ? current : e;
    }
}

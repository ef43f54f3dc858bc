package dev.fileserver.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.fileserver.server.auth.UserCommandLine;

/**
 * Excluded: what the jars on the class path would configure for a server that has no database,
 * no aspects and no HTTP uploads; each is a little of start-up for nothing.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
        "org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration",
        "org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration" })
@ConfigurationPropertiesScan
public class FileServerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("user")) {
            // managing accounts: nothing of the server starts
            System.exit(UserCommandLine.run(args));
        }
        SpringApplication.run(FileServerApplication.class, args);
    }
}

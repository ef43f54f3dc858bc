package dev.fileserver.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.fileserver.server.auth.UserCommandLine;

@SpringBootApplication
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

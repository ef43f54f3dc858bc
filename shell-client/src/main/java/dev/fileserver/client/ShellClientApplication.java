package dev.fileserver.client;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ShellClientApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShellClientApplication.class, args);
    }
}

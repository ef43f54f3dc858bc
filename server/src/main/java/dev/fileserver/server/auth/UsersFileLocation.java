package dev.fileserver.server.auth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the server would find its users file, found the way the server finds it: Boot's own
 * environment (application.yml, profiles, {@code --key=value} arguments, environment variables),
 * with only the {@code fileserver.auth} settings bound, nothing of the server started. Not a
 * configuration class, so the server's own component scan passes it by.
 */
@EnableConfigurationProperties(AuthProperties.class)
class UsersFileLocation {

    /** The configured users file; null when none is set. */
    static Path find(List<String> settings) {
        List<String> arguments = new ArrayList<>(settings);
        // the command's output is the terminal's; only warnings of the start-up are worth showing there
        arguments.add("--logging.level.root=WARN");
        arguments.add("--spring.main.banner-mode=off");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UsersFileLocation.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(arguments.toArray(String[]::new))) {
            return context.getBean(AuthProperties.class).usersFile();
        }
    }
}

package dev.fileserver.testsupport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's command line for a test or a benchmark: a given root, ephemeral TCP and HTTP ports,
 * then any {@code --key=value}, a later value replacing an earlier one of the same key. (Spring
 * reads a property given twice on the command line as both values joined by a comma.)
 */
public final class ServerArguments {

    private ServerArguments() {
    }

    public static List<String> of(Path root, List<String> properties) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("fileserver.root", root.toString());
        values.put("fileserver.port", "0");
        values.put("server.port", "0");
        for (String property : properties) {
            String[] keyValue = property.replaceFirst("^--", "").split("=", 2);
            values.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
        }
        return values.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toList();
    }
}

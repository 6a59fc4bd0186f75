package dev.bookshop.bootstrap;

import dev.bookshop.bootstrap.config.ConfigurationException;
import dev.bookshop.bootstrap.config.Settings;
import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import java.util.HashMap;
import java.util.Map;

/** Starts the shop: configuration from the environment and an optional {@code .env} file, then the server. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.from(variables());
        } catch (ConfigurationException e) {
            System.err.println("bookshop: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (settings.logFormat().equals("json")) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        BookshopServer server;
        try {
            server = BookshopServer.start(settings);
        } catch (ConfigurationException e) {
            System.err.println("bookshop: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "bookshop-shutdown"));
    }

    /** The process environment wins over {@code .env}, so a deployment can always override the file. */
    static Map<String, String> variables() {
        Map<String, String> values = new HashMap<>();
        for (DotenvEntry entry : Dotenv.configure()
                .ignoreIfMissing()
                .ignoreIfMalformed()
                .load()
                .entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
            values.put(entry.getKey(), entry.getValue());
        }
        values.putAll(System.getenv());
        return values;
    }
}

package dev.bookshop.adapters.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The interactive API page: Swagger UI from the swagger-ui webjar on the classpath, rendering this server's
 * /openapi.json. Everything the page loads comes from this server, so its CSP names no other origin and allows no
 * inline script.
 */
public final class DocsPage {

    /** Where the page's assets are served; the CSP for the page covers this prefix too. */
    public static final String PATH = "/docs";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    public static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Bookshop API</title>
              <link rel="stylesheet" href="/docs/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js"></script>
              <script src="/docs/init.js"></script>
            </body>
            </html>
            """;

    private static final String INIT = """
            window.onload = () => {
              window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });
            };
            """;

    /** A file the page loads: its bytes and content type. */
    public record Asset(byte[] bytes, String contentType) {}

    private final Map<String, Asset> assets;

    private DocsPage(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** Reads the webjar's files once; a missing webjar is a packaging error, found at start rather than on a click. */
    public static DocsPage fromClasspath() {
        String root = WEBJAR + version() + "/";
        return new DocsPage(Map.of(
                "swagger-ui.css", new Asset(read(root + "swagger-ui.css"), "text/css; charset=utf-8"),
                "swagger-ui-bundle.js",
                        new Asset(read(root + "swagger-ui-bundle.js"), "text/javascript; charset=utf-8"),
                "init.js", new Asset(INIT.getBytes(StandardCharsets.UTF_8), "text/javascript; charset=utf-8")));
    }

    /** The named asset, or empty for any other name (only these few files are served, never a path). */
    public Optional<Asset> asset(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = resource(WEBJAR_VERSION)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + WEBJAR_VERSION, e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DocsPage.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath: is the swagger-ui webjar there?");
        }
        return in;
    }
}

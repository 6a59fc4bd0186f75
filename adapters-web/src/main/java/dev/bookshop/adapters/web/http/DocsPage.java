package dev.bookshop.adapters.web.http;

/** The interactive API page: Swagger UI from a CDN, rendering this server's /openapi.json. */
public final class DocsPage {

    static final String CDN_ORIGIN = "https://cdn.jsdelivr.net";
    private static final String SWAGGER_UI = CDN_ORIGIN + "/npm/swagger-ui-dist@5";

    public static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Bookshop API</title>
              <link rel="stylesheet" href="%1$s/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="%1$s/swagger-ui-bundle.js"></script>
              <script>
                window.onload = () => {
                  window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });
                };
              </script>
            </body>
            </html>
            """.formatted(SWAGGER_UI);

    private DocsPage() {}
}

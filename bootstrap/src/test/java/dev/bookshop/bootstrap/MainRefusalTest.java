package dev.bookshop.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code main} refusing to start because {@code ADMIN_EMAIL} belongs to someone else's account: one line
 * on standard error, a non-zero exit, no stack trace anywhere in the output.
 */
class MainRefusalTest {

    @TempDir
    Path workingDir;

    @Test
    void anAdminEmailSomeoneElseSignedUpWithStopsStartUpWithOneLine() throws Exception {
        try (TestServer app = TestServer.start()) {
            String email = "squatter-" + UUID.randomUUID() + "@example.com";
            assertThat(app.post(
                                    "/api/v1/auth/signup",
                                    TestServer.json(Map.of("email", email, "password", "the squatter's password")))
                            .status())
                    .isEqualTo(201);

            ProcessBuilder main = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElseThrow(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName())
                    .directory(workingDir.toFile())
                    .redirectOutput(workingDir.resolve("stdout").toFile())
                    .redirectError(workingDir.resolve("stderr").toFile());
            Map<String, String> env = main.environment();
            env.clear();
            env.put("PORT", "0");
            env.put("DATABASE_URL", app.database().jdbcUrl());
            env.put("DATABASE_USER", app.database().user());
            if (app.database().password() != null) {
                env.put("DATABASE_PASSWORD", app.database().password());
            }
            env.put("ALLOW_FAKE_PAYMENTS", "true");
            env.put("BCRYPT_COST", "4");
            env.put("ADMIN_EMAIL", email);
            env.put("ADMIN_PASSWORD", "the operator's password");
            Process process = main.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("main neither started nor stopped");
            }

            List<String> errors = Files.readAllLines(workingDir.resolve("stderr"), StandardCharsets.UTF_8);
            String output = read("stdout") + read("stderr");
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(errors)
                    .containsExactly("bookshop: ADMIN_EMAIL " + email + " belongs to an existing account whose"
                            + " password is not ADMIN_PASSWORD: refusing to make it an administrator; set"
                            + " ADMIN_PASSWORD to that account's password, or choose another ADMIN_EMAIL");
            assertThat(output).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    private String read(String file) throws IOException {
        return Files.readString(workingDir.resolve(file), StandardCharsets.UTF_8);
    }
}

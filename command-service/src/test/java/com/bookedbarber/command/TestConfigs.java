package com.bookedbarber.command;

import io.dropwizard.testing.ResourceHelpers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Variants of test-command-service.yml with one top-level section replaced, for what Dropwizard's
 * config overrides cannot express (they cannot add list items such as reporters or appenders).
 */
public final class TestConfigs {
    private TestConfigs() {
    }

    /** The test configuration with section {@code key} replaced by {@code block} (YAML starting with "key:"). */
    public static String withSection(String key, String block) {
        try {
            List<String> kept = new ArrayList<>();
            boolean skipping = false;
            for (String line : Files.readAllLines(Path.of(ResourceHelpers.resourceFilePath("test-command-service.yml")))) {
                boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#");
                if (topLevel) {
                    skipping = line.startsWith(key + ":");
                }
                if (!skipping) {
                    kept.add(line);
                }
            }
            Path config = Files.createTempFile(key + "-", ".yml");
            Files.writeString(config, String.join("\n", kept) + "\n" + block + "\n");
            config.toFile().deleteOnExit();
            return config.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

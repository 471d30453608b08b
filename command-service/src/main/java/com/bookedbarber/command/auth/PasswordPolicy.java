package com.bookedbarber.command.auth;

import com.bookedbarber.command.core.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** At least 10 characters, at most 256, and not one of the commonly used passwords. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    public static void check(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw DomainException.invalidField("password", "must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw DomainException.invalidField("password", "must have at most " + MAX_LENGTH + " characters");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            throw DomainException.invalidField("password", "is too common; choose another");
        }
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

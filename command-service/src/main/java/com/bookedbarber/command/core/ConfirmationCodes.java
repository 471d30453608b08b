package com.bookedbarber.command.core;

import java.security.SecureRandom;

/** Unguessable booking references: 8 characters of A-Z0-9 (about 41 bits) from a CSPRNG ({@link Ids#random()}). */
public final class ConfirmationCodes {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private ConfirmationCodes() {
    }

    public static String next() {
        SecureRandom random = Ids.random();
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}

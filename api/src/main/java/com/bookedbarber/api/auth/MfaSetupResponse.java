package com.bookedbarber.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Shown once: the TOTP secret (base32), its otpauth:// URI for QR codes, and 10 backup codes. */
public record MfaSetupResponse(
        @JsonProperty("secret") String secret,
        @JsonProperty("otpauth_uri") String otpauthUri,
        @JsonProperty("backup_codes") List<String> backupCodes) {
}

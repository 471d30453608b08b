-- Sessions, refresh tokens and MFA. Access tokens are stateless JWTs naming their session (sid);
-- a session that is revoked here stops every token of it.

CREATE TABLE sessions (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id),
    mfa_verified boolean NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    revoke_reason text
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

-- Opaque refresh tokens, stored as SHA-256 of the token. Each refresh rotates: the presented token
-- gets rotated_at and a new one is issued; presenting a rotated token again revokes the session.
CREATE TABLE refresh_tokens (
    token_hash bytea PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES sessions (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    rotated_at timestamptz
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

ALTER TABLE users
    -- the TOTP secret, AES-GCM encrypted with the configured key (nonce || ciphertext)
    ADD COLUMN mfa_secret_encrypted bytea,
    ADD COLUMN mfa_enabled boolean NOT NULL DEFAULT false,
    ADD COLUMN mfa_failed_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN mfa_locked_until timestamptz,
    -- the last TOTP time step accepted, so a code cannot be replayed within its window
    ADD COLUMN mfa_last_step bigint;

CREATE TABLE mfa_backup_codes (
    user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash bytea NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

package org.trustinsights.warehouse.silver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous keys: a keyed hash (HMAC-SHA-256) of a natural identifier, so a key cannot be
 * turned back into a staff id without the secret. The secret comes from the environment
 * ({@code INSIGHTS_PSEUDONYM_KEY}); on a local run without one, a random secret is made once
 * and kept in {@code var/pseudonym.key}, readable by its owner only.
 */
public final class PseudonymKeys implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final String ENVIRONMENT_VARIABLE = "INSIGHTS_PSEUDONYM_KEY";

    private final byte[] secret;

    public PseudonymKeys(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("pseudonym secret is shorter than 16 bytes");
        }
        this.secret = secret.clone();
    }

    /** From the environment, else from (or into) the local key file under {@code home/var}. */
    public static PseudonymKeys fromEnvironment(Path home) {
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new PseudonymKeys(fromEnvironment.getBytes(StandardCharsets.UTF_8));
        }
        return new PseudonymKeys(localSecret(home.resolve("var").resolve("pseudonym.key")));
    }

    /** A key such as {@code L3f9a0c…}: a prefix naming the kind, and 20 hex digits. */
    public String key(String prefix, String naturalIdentifier) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(naturalIdentifier.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 10);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Registers {@code pseudonym(prefix, identifier)} as a SQL function of the session. */
    public void register(org.apache.spark.sql.SparkSession spark) {
        PseudonymKeys keys = this;
        spark.udf().register("pseudonym",
                (org.apache.spark.sql.api.java.UDF2<String, String, String>) (prefix, identifier) ->
                        identifier == null ? null : keys.key(prefix, identifier),
                org.apache.spark.sql.types.DataTypes.StringType);
    }

    private static byte[] localSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, HexFormat.of().formatHex(random));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the pseudonym secret " + file, e);
        }
    }
}

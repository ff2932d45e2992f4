package io.maap.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Signed bearer tokens for tests, from a key pair made once per JVM: the services under test
 * trust its public key ({@link #properties()}), so a test can act as any role and agency, and
 * can present expired, tampered or foreign tokens.
 */
public final class TestTokens {

    public static final String ISSUER = "http://maap-test-issuer";
    public static final String AUDIENCE = "maap-api";

    private static final RSAKey KEY = generate();
    private static final RSAKey FOREIGN_KEY = generate();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    public static RSAKey key() {
        return KEY;
    }

    /** Properties making a service trust these tokens (and only these). */
    public static synchronized Map<String, String> properties() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("maap-test-issuer", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEY.toRSAPublicKey().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(publicKeyFile, pem);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("maap.security.issuer", ISSUER);
        properties.put("maap.security.jwk-set-uri", "");
        properties.put("maap.security.public-key", publicKeyFile.toUri().toString());
        return properties;
    }

    /** The same properties as command-line arguments ({@code --key=value}). */
    public static String[] arguments() {
        return properties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** The given command-line arguments followed by {@link #arguments()}. */
    public static String[] trusted(String... arguments) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(arguments), java.util.Arrays.stream(arguments()))
                .toArray(String[]::new);
    }

    public static String qaCoordinator() {
        return token("qa.coordinator", null, "QA_COORDINATOR");
    }

    public static String boardMember() {
        return token("board.member", null, "BOARD_MEMBER");
    }

    public static String leadOfficer(String agency) {
        return token("lead." + agency, agency, "LEAD_OFFICER");
    }

    public static String spoc(String agency) {
        return token("spoc." + agency, agency, "AGENCY_SPOC");
    }

    public static String auditor(String agency) {
        return token("auditor." + agency, agency, "AGENCY_AUDITOR");
    }

    /** The lead of one audit (claim {@code audit}), across every agency. */
    public static String auditLead(String auditId) {
        return sign(KEY, claims("lead.audit." + auditId, null, List.of("AUDIT_LEAD"), Instant.now().plus(Duration.ofMinutes(30)))
                .claim("audit", auditId).issuer(ISSUER).build());
    }

    /**
     * The token {@code mint} makes, made once and again every ten minutes (a token lasts thirty):
     * for long runs, where signing a token per request would cost more than the request.
     */
    public static Supplier<String> renewing(Supplier<String> mint) {
        return new Supplier<>() {
            private String token;
            private long mintedAt;

            @Override
            public synchronized String get() {
                if (token == null || System.nanoTime() - mintedAt > Duration.ofMinutes(10).toNanos()) {
                    token = mint.get();
                    mintedAt = System.nanoTime();
                }
                return token;
            }
        };
    }

    /** A valid token for the user, agency (may be null) and roles. */
    public static String token(String subject, String agency, String... roles) {
        return sign(KEY, claims(subject, agency, List.of(roles), Instant.now().plus(Duration.ofMinutes(30)))
                .issuer(ISSUER).build());
    }

    /** A QA coordinator's token that expired an hour ago. */
    public static String expired() {
        return sign(KEY, claims("qa.coordinator", null, List.of("QA_COORDINATOR"), Instant.now().minus(Duration.ofHours(1)))
                .issuer(ISSUER).build());
    }

    /** A QA coordinator's token signed by a key the services do not trust. */
    public static String foreignSignature() {
        return sign(FOREIGN_KEY, claims("qa.coordinator", null, List.of("QA_COORDINATOR"),
                Instant.now().plus(Duration.ofMinutes(30))).issuer(ISSUER).build());
    }

    /** An agency SPOC's valid token whose payload was edited afterwards to claim the QA coordinator role. */
    public static String tampered(String agency) {
        String[] parts = spoc(agency).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace("AGENCY_SPOC", "QA_COORDINATOR");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];
    }

    /** A valid signature but another issuer. */
    public static String wrongIssuer() {
        return sign(KEY, claims("qa.coordinator", null, List.of("QA_COORDINATOR"), Instant.now().plus(Duration.ofMinutes(30)))
                .issuer("http://somewhere-else").build());
    }

    private static JWTClaimsSet.Builder claims(String subject, String agency, List<String> roles, Instant expiry) {
        Instant issuedAt = expiry.minus(Duration.ofMinutes(30));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles);
        if (agency != null) {
            claims.claim("agency", agency);
        }
        return claims;
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

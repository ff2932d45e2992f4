package io.maap.deploycheck.stack;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part of the one substitution ({@link MongoContainer}): mongo-java-server has no authentication,
 * so a connection string that signs in to the substituted {@code mongo} service would be refused
 * there. Its user and password (and {@code authSource}) are taken out; everything else stays as
 * compose gives it. Strings for any other host are left alone.
 */
final class MongoCredentials {

    private static final Pattern URI = Pattern.compile("^(mongodb://)[^@/]+@([^:/?]+)(.*)$");

    private MongoCredentials() {
    }

    static boolean signsInTo(String value, Set<String> mongoServices) {
        Matcher uri = URI.matcher(value);
        return uri.matches() && mongoServices.contains(uri.group(2));
    }

    static String withoutCredentials(String value, Set<String> mongoServices) {
        if (!signsInTo(value, mongoServices)) {
            return value;
        }
        Matcher uri = URI.matcher(value);
        uri.matches();
        String rest = uri.group(3).replaceAll("([?&])authSource=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return uri.group(1) + uri.group(2) + rest;
    }
}

package dev.orderflow.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Where an order is shipped. {@code line2} and {@code region} may be empty; every other part is required.
 * Text is stripped of surrounding white space and length-limited.
 */
public record ShippingAddress(String recipient, String line1, String line2, String postalCode, String city,
                              String region, String country) {

    /** Longest recipient name, street line, city or region accepted. */
    public static final int MAX_TEXT = 200;
    /** Longest postal code accepted. */
    public static final int MAX_POSTAL_CODE = 16;
    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    /** Validates each part; {@code country} must be an ISO 3166-1 alpha-2 code such as {@code "DE"}. */
    public ShippingAddress {
        recipient = Text.required("recipient", recipient, MAX_TEXT);
        line1 = Text.required("line1", line1, MAX_TEXT);
        line2 = Text.optional("line2", line2, MAX_TEXT);
        postalCode = Text.required("postalCode", postalCode, MAX_POSTAL_CODE);
        city = Text.required("city", city, MAX_TEXT);
        region = Text.optional("region", region, MAX_TEXT);
        country = Text.required("country", country, 2);
        if (!COUNTRIES.contains(country)) {
            throw new InvalidValueException("country", "must be an ISO 3166-1 alpha-2 code such as \"DE\"");
        }
    }
}

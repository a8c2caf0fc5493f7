package dev.orderflow.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A non-negative amount of money in one currency, held as a count of the currency's minor units
 * (cents for EUR, yen for JPY). Arithmetic is exact and throws {@link ArithmeticException} instead of
 * overflowing.
 */
public record Money(long minorUnits, Currency currency) {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,19}(\\.\\d{1,4})?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    /** Refuses negative amounts and currencies without minor units defined (such as gold, XAU). */
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (minorUnits < 0) {
            throw new InvalidValueException("amount", "must not be negative");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidValueException("currency", "must be a currency with minor units");
        }
    }

    /** Zero in the given currency. */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a plain decimal such as {@code "12.34"} in the currency with the given ISO 4217 code. The
     * amount may not have more fraction digits than the currency has minor units.
     */
    public static Money parse(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currencyCode, "currencyCode");
        var currency = currency(currencyCode);
        if (!DECIMAL.matcher(amount).matches()) {
            throw new InvalidValueException("amount", "must be a non-negative decimal such as \"12.34\"");
        }
        var decimal = new BigDecimal(amount);
        if (decimal.scale() > currency.getDefaultFractionDigits()) {
            throw new InvalidValueException("amount",
                    "must have at most " + currency.getDefaultFractionDigits() + " decimals in " + currencyCode);
        }
        try {
            return new Money(decimal.movePointRight(currency.getDefaultFractionDigits()).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new InvalidValueException("amount", "is too large");
        }
    }

    private static Currency currency(String code) {
        if (!CURRENCY_CODE.matcher(code).matches()) {
            throw new InvalidValueException("currency", "must be an ISO 4217 code such as \"EUR\"");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "is not a known ISO 4217 currency");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidValueException("currency", "must be a currency with minor units");
        }
        return currency;
    }

    /** The sum of both amounts; throws {@link ArithmeticException} on overflow or a currency mismatch. */
    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new ArithmeticException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /** This amount times a factor; throws {@link ArithmeticException} on overflow. */
    public Money times(int factor) {
        if (factor < 0) {
            throw new ArithmeticException("negative factor");
        }
        return new Money(Math.multiplyExact(minorUnits, factor), currency);
    }

    /** The amount as a plain decimal string with the currency's minor digits, such as {@code "12.30"}. */
    public String toDecimalString() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()).toPlainString();
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency.getCurrencyCode();
    }
}

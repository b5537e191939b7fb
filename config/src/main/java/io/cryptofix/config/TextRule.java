package io.cryptofix.config;

import java.util.function.Predicate;

/**
 * What a text value must look like, and how to say so when it does not:
 * {@code "<value>" is not <what> (allowed: <allowed>)}.
 */
record TextRule(String what, Predicate<String> valid, String allowed)
{
}

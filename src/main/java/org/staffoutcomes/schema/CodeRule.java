package org.staffoutcomes.schema;

/**
 * Maps organisation codes as published to the code the panel uses, e.g. a site code to its trust
 * ({@code R1F1 -> R1F}): every code matching {@code pattern} in full is replaced by
 * {@code replacement} ({@code $1} for the first group). The lake keeps the code as published.
 */
public record CodeRule(String pattern, String replacement, String description) implements java.io.Serializable {}

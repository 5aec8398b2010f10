package org.staffoutcomes.schema;

/**
 * Where a row's period comes from.
 *
 * @param column the lake column holding the period, or null when it comes from the file name
 * @param fileGroup the named group of the descriptor's {@code files} pattern holding it, or null
 * @param format how the period is written
 * @param pattern a {@link java.time.format.DateTimeFormatter} pattern, for {@link PeriodFormat#MONTH}
 */
public record PeriodSpec(String column, String fileGroup, PeriodFormat format, String pattern) implements java.io.Serializable {}

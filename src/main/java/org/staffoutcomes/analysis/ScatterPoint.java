package org.staffoutcomes.analysis;

/** One organisation in a scatter chart: the staff measure (x) against the outcome (y). */
public record ScatterPoint(String orgCode, String trustType, double x, double y) {}

package org.staffoutcomes.ingest;

/** What ingest did with one input file: rows read = rows kept + rows quarantined. */
public record FileReport(
    String dataset, String path, String sha256, long bytes, long rowsRead, long rowsKept, long rowsQuarantined)
    implements java.io.Serializable {}

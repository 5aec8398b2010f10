package org.staffoutcomes.ingest;

import java.io.Serializable;

/**
 * One input file of a dataset.
 *
 * @param relativePath path relative to the input folder, with forward slashes
 * @param uri where to read it (a file: URI, or any Hadoop file system URI)
 * @param sha256 hex digest of its bytes
 * @param bytes its size
 */
public record InputFile(String relativePath, String uri, String sha256, long bytes) implements Serializable {}

package org.staffoutcomes.bundle;

/**
 * A page of the bundle besides its index (e.g. {@code trusts/index.html}), linked from the index
 * page.
 *
 * @param href its path inside the bundle
 * @param title the link's text
 * @param description one sentence after the link
 */
public record BundlePage(String href, String title, String description) {}

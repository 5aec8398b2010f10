package org.staffoutcomes.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Writes a drawn chart as PNG (for documents) and as SVG (for browsers: it stays sharp at any
 * size). The SVG is written the same every time: its internal ids come from the file's name, not
 * the clock, so two runs give byte-identical files.
 */
public final class ChartFiles {

  static {
    // JFreeChart draws rotated text (the y axis label) as glyph outlines by default, a workaround for
    // old Java2D bugs: in SVG that is 12 KB of path per label instead of a <text> element.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private ChartFiles() {}

  /** {@code charts/x.svg} beside {@code charts/x.png}. */
  public static Path svgBeside(Path png) {
    String name = png.getFileName().toString();
    if (!name.endsWith(".png")) {
      throw new IllegalArgumentException("Invalid chart file name '" + name + "': expected a .png");
    }
    return png.resolveSibling(name.substring(0, name.length() - 4) + ".svg");
  }

  /** Coordinates to 2 decimals, transforms to 3: SVG text a fraction of a pixel from the drawing. */
  private static final SvgNumbers GEOMETRY = new SvgNumbers(2);
  private static final SvgNumbers TRANSFORMS = new SvgNumbers(3);

  /** The chart as {@code png} and as the SVG beside it. */
  static void save(JFreeChart chart, Path png, int width, int height) throws IOException {
    ChartStyle.createParent(png);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
    saveSvg(chart, svgBeside(png), width, height);
  }

  /** The chart as SVG only. */
  static void saveSvg(JFreeChart chart, Path svg, int width, int height) throws IOException {
    writeSvg(svg, width, height, g -> chart.draw(g, new Rectangle2D.Double(0, 0, width, height)));
  }

  /** Whatever {@code draw} paints on a white {@code width x height} canvas, as SVG. */
  static void writeSvg(Path svg, int width, int height, Consumer<Graphics2D> draw) throws IOException {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(idPrefix(svg));
    g.setGeomDoubleConverter(GEOMETRY);
    g.setTransformDoubleConverter(TRANSFORMS);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    try {
      draw.accept(g);
    } finally {
      g.dispose();
    }
    String element = g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
    ChartStyle.createParent(svg);
    Files.writeString(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element + "\n", StandardCharsets.UTF_8);
  }

  /** Whatever {@code draw} paints on a white {@code width x height} canvas, as PNG. */
  static void writePng(Path png, int width, int height, Consumer<Graphics2D> draw) throws IOException {
    writePng(png, image(width, height, draw));
  }

  static void writePng(Path png, BufferedImage image) throws IOException {
    ChartStyle.createParent(png);
    if (!ImageIO.write(image, "png", png.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }

  /** A white RGB image with {@code draw} painted on it, antialiased. */
  static BufferedImage image(int width, int height, Consumer<Graphics2D> draw) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      draw.accept(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The file's name as an XML id prefix: letters, digits and {@code _} only. */
  private static String idPrefix(Path svg) {
    String name = svg.getFileName().toString().replaceFirst("\\.svg$", "");
    return "c_" + name.replaceAll("[^A-Za-z0-9_]", "_") + "_";
  }
}

package org.staffoutcomes.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;

/** Shared look of every chart: size, fonts, the Okabe-Ito palette, white background. */
final class ChartStyle {

  static final int WIDTH = 1000;
  static final int HEIGHT = 600;

  /** The logical font: always present, also headless. */
  static final String FONT = Font.SANS_SERIF;

  static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 20);
  static final Font SUBTITLE_FONT = new Font(FONT, Font.PLAIN, 14);
  static final Font AXIS_LABEL_FONT = new Font(FONT, Font.PLAIN, 15);
  static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 13);
  static final Font LEGEND_FONT = new Font(FONT, Font.PLAIN, 13);
  static final Font SMALL_FONT = new Font(FONT, Font.PLAIN, 12);

  static final Color TEXT = new Color(0x22, 0x22, 0x22);
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  static final Color MUTED = new Color(0x55, 0x55, 0x55);

  /**
   * Okabe-Ito colours, ordered so that the first few are the most distinct on white; black is
   * kept for "All organisations" and fitted lines, yellow (weak on white) comes last.
   */
  static final Color[] PALETTE = {
    new Color(0x00, 0x72, 0xB2), // blue
    new Color(0xD5, 0x5E, 0x00), // vermillion
    new Color(0x00, 0x9E, 0x73), // bluish green
    new Color(0xCC, 0x79, 0xA7), // reddish purple
    new Color(0xE6, 0x9F, 0x00), // orange
    new Color(0x56, 0xB4, 0xE9), // sky blue
    new Color(0xF0, 0xE4, 0x42), // yellow
  };

  private ChartStyle() {}

  static Color paletteColour(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  /** Solid for the first round of the palette, dashed after it wraps, so colours never repeat alike. */
  static BasicStroke lineStroke(int i, float width) {
    if (i < PALETTE.length) {
      return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
    return new BasicStroke(
        width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 5f}, 0f);
  }

  static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /**
   * Applies fonts, white background and light grid to a chart with an XY plot. Leaves series
   * paints alone (a JFreeChart theme would reset them).
   */
  static void apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    chart.setPadding(new RectangleInsets(10, 12, 8, 16));
    chart.getTitle().setFont(TITLE_FONT);
    chart.getTitle().setPaint(TEXT);
    chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
    chart.getTitle().setMargin(0, 4, 2, 0);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(LEGEND_FONT);
      legend.setItemPaint(TEXT);
      legend.setBackgroundPaint(Color.WHITE);
      legend.setFrame(BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
    }
    if (chart.getPlot() instanceof XYPlot plot) {
      plot.setBackgroundPaint(Color.WHITE);
      plot.setDomainGridlinePaint(GRID);
      plot.setRangeGridlinePaint(GRID);
      plot.setDomainGridlineStroke(new BasicStroke(1f));
      plot.setRangeGridlineStroke(new BasicStroke(1f));
      plot.setOutlineVisible(false);
      plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
      for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(MUTED);
        axis.setTickMarkPaint(MUTED);
      }
      // Taller tick labels make the auto tick unit coarser: about 10 gridlines, not 20.
      plot.getRangeAxis().setTickLabelInsets(new RectangleInsets(9, 4, 9, 4));
      plot.setNoDataMessageFont(AXIS_LABEL_FONT);
    }
  }

  /**
   * The horizontal axis of a chart by survey year: whole years, from half a year before {@code
   * first} to half a year after {@code last}, a tick every 1, 2 or 5 years (automatic when
   * {@code first > last}, i.e. no data).
   */
  static NumberAxis surveyYearAxis(int first, int last) {
    NumberAxis x = new NumberAxis("Survey year");
    x.setNumberFormatOverride(new DecimalFormat("0"));
    if (first <= last) {
      x.setRange(first - 0.5, last + 0.5);
      int span = last - first;
      x.setTickUnit(new NumberTickUnit(span <= 16 ? 1 : span <= 32 ? 2 : 5));
    }
    return x;
  }

  /**
   * A dashed vertical line between {@code year - 1} and {@code year}, labelled at its top right;
   * labels of markers close together go on rows {@code 0, 1, ...} so they do not cover each other.
   */
  static ValueMarker yearMarker(int year, String label, Color paint, int labelRow) {
    ValueMarker marker = new ValueMarker(year - 0.5);
    marker.setPaint(paint);
    marker.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
        new float[] {7f, 5f}, 0f));
    marker.setLabel(label);
    marker.setLabelFont(SMALL_FONT);
    marker.setLabelPaint(TEXT);
    marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    marker.setLabelOffset(new RectangleInsets(6 + 18 * labelRow, 6, 6, 6));
    return marker;
  }

  /** A grey, left-aligned line of text under the title. */
  static TextTitle subtitle(String text) {
    return new TextTitle(text, SUBTITLE_FONT, MUTED, RectangleEdge.TOP,
        HorizontalAlignment.LEFT, VerticalAlignment.CENTER, new RectangleInsets(2, 4, 2, 0));
  }

  static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }

  /** Three significant digits, no exponent, for texts: 4.52, 0.0123, 1020. */
  static String sig3(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  /** Two decimals with a dot, whatever the default locale. */
  static String fixed2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

}

package org.staffoutcomes.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a labelled grid of coefficients with Java2D (no JFreeChart, so labels can wrap), onto a PNG
 * image or an SVG. Rows may be grouped: each group opens with its label across the grid.
 */
final class HeatmapPainter {

  static final int WIDTH = ChartStyle.WIDTH;
  static final int MIN_HEIGHT = ChartStyle.HEIGHT;
  private static final int MARGIN = 20;
  private static final int LEGEND_WIDTH = 150;
  private static final int MIN_CELL_W = 118;
  /** Height of a group's heading row. */
  static final int GROUP_H = 32;
  private static final Font LABEL = new Font(ChartStyle.FONT, Font.PLAIN, 14);
  private static final Font COLUMN = new Font(ChartStyle.FONT, Font.BOLD, 14);
  private static final Font CELL = new Font(ChartStyle.FONT, Font.BOLD, 16);
  private static final Font GROUP = new Font(ChartStyle.FONT, Font.BOLD, 15);

  /**
   * What to draw: {@code values[row][col]}, NaN for no coefficient.
   *
   * @param rowGroups the group of each row (rows of a group next to each other), or empty for no
   *     groups
   */
  record Grid(String title, String subtitle, String legendTitle, List<String> rowLabels,
      List<String> rowNotes, List<String> rowGroups, List<String> columnLabels, List<String> columnNotes,
      double[][] values) {}

  /** Where the cells ended up, for tests that sample pixels; {@code rowTop[r]} is row r's top. */
  record Layout(int width, int height, int gridX, int gridY, int cellW, int cellH, int[] rowTop) {
    Rectangle cell(int row, int col) {
      return new Rectangle(gridX + col * cellW, rowTop[row], cellW, cellH);
    }
  }

  record Painted(BufferedImage image, Layout layout) {}

  /** The layout and every wrapped text, worked out once for either output. */
  private record Plan(Layout layout, List<String> titleLines, List<String> subLines, List<List<String>> colText,
      List<List<String>> noteText, List<List<String>> rowText, List<List<String>> rowNoteText) {}

  private HeatmapPainter() {}

  static Painted paint(Grid grid) {
    Plan plan = plan(grid);
    BufferedImage image = ChartFiles.image(plan.layout().width(), plan.layout().height(), g -> draw(g, grid, plan));
    return new Painted(image, plan.layout());
  }

  /** The same drawing as {@link #paint}, as SVG. */
  static void writeSvg(Grid grid, Path svg) throws IOException {
    Plan plan = plan(grid);
    ChartFiles.writeSvg(svg, plan.layout().width(), plan.layout().height(), g -> draw(g, grid, plan));
  }

  private static Plan plan(Grid grid) {
    int rows = grid.rowLabels().size();
    int cols = grid.columnLabels().size();
    Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      FontMetrics titleFm = probe.getFontMetrics(ChartStyle.TITLE_FONT);
      FontMetrics subFm = probe.getFontMetrics(ChartStyle.SUBTITLE_FONT);
      FontMetrics labelFm = probe.getFontMetrics(LABEL);
      FontMetrics colFm = probe.getFontMetrics(COLUMN);
      FontMetrics noteFm = probe.getFontMetrics(ChartStyle.SMALL_FONT);

      int textWidth = WIDTH - 2 * MARGIN;
      List<String> titleLines = wrap(grid.title(), titleFm, textWidth);
      List<String> subLines = wrap(grid.subtitle(), subFm, textWidth);
      int y = MARGIN + titleLines.size() * titleFm.getHeight() + 4
          + subLines.size() * subFm.getHeight() + 16;

      int rowLabelW = 12 + Math.min(280, Math.max(
          grid.rowLabels().stream().mapToInt(labelFm::stringWidth).max().orElse(0),
          grid.rowNotes().stream().mapToInt(noteFm::stringWidth).max().orElse(0)));
      int gridX = MARGIN + rowLabelW;
      // Columns never narrower than MIN_CELL_W: with many outcomes the image grows wider instead
      // of squeezing the labels into each other.
      int cellW = cols == 0 ? 0 : Math.max(MIN_CELL_W, (WIDTH - MARGIN - LEGEND_WIDTH - gridX) / cols);
      int width = Math.max(WIDTH, gridX + cols * cellW + LEGEND_WIDTH + MARGIN);
      List<List<String>> colText = new ArrayList<>();
      List<List<String>> noteText = new ArrayList<>();
      int headerH = 0;
      for (int c = 0; c < cols; c++) {
        colText.add(wrap(grid.columnLabels().get(c), colFm, cellW - 10));
        noteText.add(wrap(grid.columnNotes().get(c), noteFm, cellW - 10));
        headerH = Math.max(headerH, colText.get(c).size() * colFm.getHeight()
            + noteText.get(c).size() * noteFm.getHeight());
      }
      int gridY = y + headerH + 8;
      List<List<String>> rowText = new ArrayList<>();
      List<List<String>> rowNoteText = new ArrayList<>();
      int minCellH = 34;
      for (int r = 0; r < rows; r++) {
        List<String> lines = wrap(grid.rowLabels().get(r), labelFm, rowLabelW - 12);
        List<String> notes = wrap(grid.rowNotes().get(r), noteFm, rowLabelW - 12);
        rowText.add(lines);
        rowNoteText.add(notes);
        minCellH = Math.max(minCellH,
            lines.size() * labelFm.getHeight() + notes.size() * noteFm.getHeight() + 8);
      }
      int groups = 0;
      for (int r = 0; r < rows; r++) {
        groups += opensGroup(grid, r) ? 1 : 0;
      }
      int cellH = rows == 0 ? 0
          : Math.max(minCellH, Math.min(64, (MIN_HEIGHT - MARGIN - gridY - groups * GROUP_H) / rows));
      int[] rowTop = new int[rows];
      int top = gridY;
      for (int r = 0; r < rows; r++) {
        top += opensGroup(grid, r) ? GROUP_H : 0;
        rowTop[r] = top;
        top += cellH;
      }
      int legendBottom = gridY + 28 + 220 + 50;
      int height = Math.max(MIN_HEIGHT, Math.max(top, legendBottom) + MARGIN);
      return new Plan(new Layout(width, height, gridX, gridY, cellW, cellH, rowTop), titleLines, subLines, colText,
          noteText, rowText, rowNoteText);
    } finally {
      probe.dispose();
    }
  }

  /** Whether row {@code r} is the first of its group (never without groups). */
  private static boolean opensGroup(Grid grid, int r) {
    return !grid.rowGroups().isEmpty()
        && (r == 0 || !grid.rowGroups().get(r).equals(grid.rowGroups().get(r - 1)));
  }

  private static void draw(Graphics2D g, Grid grid, Plan plan) {
    Layout layout = plan.layout();
    int rows = grid.rowLabels().size();
    int cols = grid.columnLabels().size();
    int gridX = layout.gridX();
    int gridY = layout.gridY();
    int cellW = layout.cellW();
    int cellH = layout.cellH();
    int ty = lines(g, plan.titleLines(), ChartStyle.TITLE_FONT, ChartStyle.TEXT, MARGIN, MARGIN);
    lines(g, plan.subLines(), ChartStyle.SUBTITLE_FONT, ChartStyle.MUTED, MARGIN, ty + 4);
    if (rows == 0 || cols == 0) {
      g.setFont(LABEL);
      g.setColor(ChartStyle.MUTED);
      g.drawString("No correlations to show.", MARGIN, gridY + g.getFontMetrics().getAscent());
      return;
    }
    FontMetrics labelFm = g.getFontMetrics(LABEL);
    FontMetrics colFm = g.getFontMetrics(COLUMN);
    FontMetrics noteFm = g.getFontMetrics(ChartStyle.SMALL_FONT);
    for (int c = 0; c < cols; c++) {
      int cx = gridX + c * cellW + cellW / 2;
      int h = plan.colText().get(c).size() * colFm.getHeight()
          + plan.noteText().get(c).size() * noteFm.getHeight();
      int cy = gridY - 8 - h;
      cy = centred(g, plan.colText().get(c), COLUMN, ChartStyle.TEXT, cx, cy);
      centred(g, plan.noteText().get(c), ChartStyle.SMALL_FONT, ChartStyle.MUTED, cx, cy);
    }
    for (int r = 0; r < rows; r++) {
      int rowY = layout.rowTop()[r];
      if (opensGroup(grid, r)) {
        group(g, grid.rowGroups().get(r), rowY - GROUP_H, gridX + cols * cellW);
      }
      List<String> lines = plan.rowText().get(r);
      List<String> notes = plan.rowNoteText().get(r);
      int ly = rowY + (cellH - lines.size() * labelFm.getHeight()
          - notes.size() * noteFm.getHeight()) / 2;
      ly = rightAligned(g, lines, LABEL, ChartStyle.TEXT, gridX - 10, ly);
      rightAligned(g, notes, ChartStyle.SMALL_FONT, ChartStyle.MUTED, gridX - 10, ly);
      for (int c = 0; c < cols; c++) {
        cell(g, layout.cell(r, c), grid.values()[r][c]);
      }
    }
    legend(g, grid.legendTitle(), gridX + cols * cellW + 28, gridY);
  }

  /** A group's heading: its label in bold at the left margin over a rule across the grid. */
  private static void group(Graphics2D g, String label, int top, int right) {
    g.setFont(GROUP);
    g.setColor(ChartStyle.TEXT);
    int baseline = top + GROUP_H - 9;
    g.drawString(label, MARGIN, baseline);
    g.setColor(ChartStyle.MUTED);
    g.setStroke(new BasicStroke(1.2f));
    g.drawLine(MARGIN, top + GROUP_H - 3, right, top + GROUP_H - 3);
  }

  private static void cell(Graphics2D g, Rectangle box, double r) {
    Color fill = DivergingScale.colour(r);
    g.setColor(fill);
    g.fillRect(box.x + 1, box.y + 1, box.width - 2, box.height - 2);
    String text = Double.isNaN(r) ? "n/a" : ChartStyle.fixed2(r);
    g.setFont(CELL);
    g.setColor(DivergingScale.textOn(fill));
    FontMetrics fm = g.getFontMetrics();
    g.drawString(text, box.x + (box.width - fm.stringWidth(text)) / 2,
        box.y + (box.height - fm.getHeight()) / 2 + fm.getAscent());
  }

  private static void legend(Graphics2D g, String title, int x, int y) {
    g.setFont(COLUMN);
    g.setColor(ChartStyle.TEXT);
    g.drawString(title, x, y + g.getFontMetrics().getAscent());
    int barTop = y + 28;
    int barH = 220;
    int barW = 22;
    for (int i = 0; i < barH; i++) {
      g.setColor(DivergingScale.colour(1 - 2.0 * i / (barH - 1)));
      g.fillRect(x, barTop + i, barW, 1);
    }
    g.setColor(ChartStyle.MUTED);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x, barTop, barW, barH);
    g.setFont(ChartStyle.SMALL_FONT);
    FontMetrics fm = g.getFontMetrics();
    String[] ticks = {"+1", "+0.5", "0", "-0.5", "-1"};
    for (int i = 0; i < ticks.length; i++) {
      int ty = barTop + Math.round(i * barH / 4f);
      g.setColor(ChartStyle.MUTED);
      g.drawLine(x + barW, ty, x + barW + 5, ty);
      g.setColor(ChartStyle.TEXT);
      g.drawString(ticks[i], x + barW + 8, ty + fm.getAscent() / 2 - 1);
    }
    int naY = barTop + barH + 18;
    g.setColor(DivergingScale.MISSING);
    g.fillRect(x, naY, barW, 16);
    g.setColor(ChartStyle.TEXT);
    g.drawString("n/a", x + barW + 8, naY + fm.getAscent());
  }

  private static int lines(Graphics2D g, List<String> lines, Font font, Color colour, int x,
      int y) {
    g.setFont(font);
    g.setColor(colour);
    FontMetrics fm = g.getFontMetrics();
    for (String line : lines) {
      g.drawString(line, x, y + fm.getAscent());
      y += fm.getHeight();
    }
    return y;
  }

  private static int rightAligned(Graphics2D g, List<String> lines, Font font, Color colour,
      int right, int y) {
    g.setFont(font);
    g.setColor(colour);
    FontMetrics fm = g.getFontMetrics();
    for (String line : lines) {
      g.drawString(line, right - fm.stringWidth(line), y + fm.getAscent());
      y += fm.getHeight();
    }
    return y;
  }

  private static int centred(Graphics2D g, List<String> lines, Font font, Color colour, int cx,
      int y) {
    g.setFont(font);
    g.setColor(colour);
    FontMetrics fm = g.getFontMetrics();
    for (String line : lines) {
      g.drawString(line, cx - fm.stringWidth(line) / 2, y + fm.getAscent());
      y += fm.getHeight();
    }
    return y;
  }

  /**
   * Greedy word wrap. A word wider than {@code width} is broken after its hyphens where it has
   * them ({@code (hospital-onset)} -> {@code (hospital-} / {@code onset)}), so it does not run into
   * the next column; one without a hyphen gets a line of its own.
   */
  static List<String> wrap(String text, FontMetrics fm, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String whole : text.trim().split("\\s+")) {
      List<String> parts = fm.stringWidth(whole) > width ? List.of(whole.split("(?<=-)(?=.)")) : List.of(whole);
      for (int i = 0; i < parts.size(); i++) {
        String part = parts.get(i);
        // the first part of a word follows a space; the rest follow their hyphen directly
        String candidate = line.length() == 0 ? part : line + (i == 0 ? " " : "") + part;
        if (line.length() > 0 && fm.stringWidth(candidate) > width) {
          out.add(line.toString());
          line = new StringBuilder(part);
        } else {
          line = new StringBuilder(candidate);
        }
      }
    }
    if (line.length() > 0) {
      out.add(line.toString());
    }
    return out;
  }
}

package org.staffoutcomes.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks shared by the rendering tests. */
final class PngAssertions {

  private PngAssertions() {}

  /** The file decodes as an image of that size, with a white corner and many colours. */
  static BufferedImage assertChartPng(Path png, int width, int height) throws IOException {
    assertTrue(Files.isRegularFile(png), "PNG written: " + png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "decodes as an image");
    assertEquals(width, image.getWidth());
    assertEquals(height, image.getHeight());
    assertEquals(0xFFFFFF, image.getRGB(2, 2) & 0xFFFFFF, "white background");
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    assertTrue(colours.size() > 20, "not blank: " + colours.size() + " colours");
    return image;
  }

  static int red(int rgb) {
    return (rgb >> 16) & 0xFF;
  }

  static int green(int rgb) {
    return (rgb >> 8) & 0xFF;
  }

  static int blue(int rgb) {
    return rgb & 0xFF;
  }
}

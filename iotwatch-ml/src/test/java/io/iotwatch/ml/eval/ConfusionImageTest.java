package io.iotwatch.ml.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.iotwatch.core.taxonomy.AttackClass;
import io.iotwatch.core.taxonomy.Granularity;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionImageTest {

    @TempDir
    Path dir;

    private static double luminance(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
    }

    @Test
    void aPerfectDiagonalIsDarkOnALightBackground() throws IOException {
        List<String> labels = List.of("DDoS-SYN_Flood", "DDoS-SYN_Flood", "Recon-PortScan", "BenignTraffic");
        ConfusionMatrix matrix = ConfusionMatrix.of(labels, labels);
        Path png = dir.resolve("diagonal.png");

        ConfusionImage.write(matrix, Granularity.CLASS, png);

        BufferedImage image = ImageIO.read(png.toFile());
        ConfusionImage.Layout layout = ConfusionImage.layout(matrix, Granularity.CLASS);
        assertThat(image.getWidth()).isEqualTo(layout.width()).isPositive();
        assertThat(image.getHeight()).isEqualTo(layout.height()).isPositive();
        for (int a = 0; a < matrix.size(); a++) {
            for (int p = 0; p < matrix.size(); p++) {
                // A corner of the cell, clear of the count written in its middle.
                double shade = luminance(image, layout.x(p) + 2, layout.y(a) + 2);
                if (a == p) {
                    assertThat(shade).isLessThan(80);
                } else {
                    assertThat(shade).isGreaterThan(240);
                }
            }
        }
    }

    @Test
    void aCellIsAsDarkAsItsShareOfTheRow() {
        List<String> actual = List.of("XSS", "XSS", "XSS", "XSS");
        List<String> predicted = List.of("XSS", "XSS", "XSS", "SqlInjection");
        ConfusionMatrix matrix = ConfusionMatrix.of(actual, predicted);

        BufferedImage image = ConfusionImage.render(matrix, Granularity.CLASS);

        ConfusionImage.Layout layout = ConfusionImage.layout(matrix, Granularity.CLASS);
        int row = matrix.labels().indexOf("XSS");
        int other = matrix.labels().indexOf("SqlInjection");
        double right = luminance(image, layout.x(row) + 2, layout.y(row) + 2);
        double wrong = luminance(image, layout.x(other) + 2, layout.y(row) + 2);
        double empty = luminance(image, layout.x(row) + 2, layout.y(other) + 2);
        assertThat(right).isLessThan(wrong);
        assertThat(wrong).isLessThan(empty);
    }

    @Test
    void thirtySixLabelsFitAReadableImage() {
        Random random = new Random(36);
        List<String> actual = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        AttackClass[] classes = AttackClass.values();
        for (int i = 0; i < 20_000; i++) {
            AttackClass c = classes[random.nextInt(classes.length)];
            actual.add(c.label());
            predicted.add(random.nextInt(10) < 8 ? c.label() : classes[random.nextInt(classes.length)].label());
        }
        ConfusionMatrix matrix = ConfusionMatrix.of(actual, predicted);

        BufferedImage image = ConfusionImage.render(matrix, Granularity.CLASS);

        ConfusionImage.Layout layout = ConfusionImage.layout(matrix, Granularity.CLASS);
        assertThat(matrix.size()).isEqualTo(36);
        assertThat(layout.cell()).isGreaterThanOrEqualTo(30);
        assertThat(image.getWidth()).isBetween(layout.x(36), 2000);
        assertThat(image.getHeight()).isBetween(layout.y(36), 2000);
    }

    @Test
    void shortensCountsTooWideForTheirCell() {
        assertThat(ConfusionImage.shortened(999)).isEqualTo("999");
        assertThat(ConfusionImage.shortened(1_234)).isEqualTo("1.2k");
        assertThat(ConfusionImage.shortened(12_345)).isEqualTo("12k");
        assertThat(ConfusionImage.shortened(999_600)).isEqualTo("1.0M");
        assertThat(ConfusionImage.shortened(123_456_789)).isEqualTo("123M");
    }
}

package io.iotwatch.report.render;

import io.iotwatch.core.alert.ThreatLevel;
import io.iotwatch.report.DetectorRow;
import io.iotwatch.store.LevelBucket;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.ToLongFunction;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import io.iotwatch.report.Report;
import io.iotwatch.report.ReportBuilder;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.w3c.dom.Element;

/**
 * The report's charts (JFreeChart): the timeline of alerts by level and the detectors' confidence distribution. The
 * HTML report shows them as PNG images drawn at twice their size, so that they stay sharp when printed; the PDF
 * draws them as vectors, through openhtmltopdf's replaced {@code <object>} elements of type {@link #OBJECT_TYPE}.
 */
final class ReportCharts {

    /** The type of the {@code <object>} elements the PDF's charts are drawn in; {@code data} names the chart. */
    static final String OBJECT_TYPE = "application/x-iotwatch-chart";
    static final String TIMELINE = "timeline";
    static final String CONFIDENCE = "confidence";

    /** Width and height of a chart on the page, in CSS pixels. */
    static final int WIDTH = 680;
    static final int HEIGHT = 260;

    private static final int SCALE = 2;
    private static final Color GRID = new Color(0xd0, 0xd4, 0xdc);
    // the dashboard's level colors, so that a level looks the same everywhere
    private static final Color[] LEVEL_COLORS = {new Color(0x4aa3ff), new Color(0xf5d90a), new Color(0xff9f1a), new Color(0xff4d4f)};
    private static final Color[] SERIES_COLORS = {new Color(0x2f6fde), new Color(0xe8743b), new Color(0x19a979),
        new Color(0xed4a7b), new Color(0x945ecf), new Color(0x13a4b4), new Color(0x525df4), new Color(0xbf399e),
        new Color(0x6c8893), new Color(0xee6868)};
    private static final List<ToLongFunction<LevelBucket>> LEVEL_COUNTS = List.of(LevelBucket::low, LevelBucket::medium,
            LevelBucket::high, LevelBucket::critical);

    private final Map<String, JFreeChart> charts;

    private ReportCharts(Map<String, JFreeChart> charts) {
        this.charts = charts;
    }

    /** The report's charts; the confidence chart only when a detector raised alerts. */
    static ReportCharts of(Report report) {
        Map<String, JFreeChart> charts = new HashMap<>();
        charts.put(TIMELINE, timeline(report.timeline(), ReportBuilder.timelineStep(report.period().from(), report.period().to())));
        if (!report.detection().isEmpty()) {
            charts.put(CONFIDENCE, confidence(report.detection()));
        }
        return new ReportCharts(charts);
    }

    /** The chart as a PNG image. */
    byte[] png(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ChartUtils.writeScaledChartAsPNG(out, chart(name), WIDTH, HEIGHT, SCALE, SCALE);
        } catch (IOException e) {
            throw new UncheckedIOException("drawing a chart into memory failed", e);
        }
        return out.toByteArray();
    }

    /** Draws the charts of the document's chart objects into the PDF, as vectors. */
    FSObjectDrawerFactory drawers() {
        return new FSObjectDrawerFactory() {
            @Override
            public boolean isReplacedObject(Element element) {
                return OBJECT_TYPE.equals(element.getAttribute("type"));
            }

            @Override
            public FSObjectDrawer createDrawer(Element element) {
                JFreeChart chart = chart(element.getAttribute("data"));
                return (e, x, y, width, height, device, context, dotsPerPixel) -> {
                    float w = (float) width / dotsPerPixel;
                    float h = (float) height / dotsPerPixel;
                    device.drawWithGraphics((float) x, (float) y, w, h, graphics -> chart.draw(graphics, new Rectangle2D.Float(0, 0, w, h)));
                    return null;
                };
            }
        };
    }

    private JFreeChart chart(String name) {
        JFreeChart chart = charts.get(name);
        if (chart == null) {
            throw new IllegalArgumentException("the report has no chart '" + name + "'");
        }
        return chart;
    }

    /** Alerts by level per step of the timeline, stacked, low at the bottom. */
    private static JFreeChart timeline(List<LevelBucket> buckets, Duration step) {
        DefaultTableXYDataset dataset = new DefaultTableXYDataset();
        // each bar spans its step, centred on the step's middle where its x is
        dataset.setIntervalWidth(step.toMillis());
        ThreatLevel[] levels = ThreatLevel.values();
        for (int level = 0; level < levels.length; level++) {
            XYSeries series = new XYSeries(levels[level].name().toLowerCase(Locale.ROOT), false, false);
            for (LevelBucket bucket : buckets) {
                series.add(bucket.start().toEpochMilli() + step.toMillis() / 2.0, LEVEL_COUNTS.get(level).applyAsLong(bucket));
            }
            dataset.addSeries(series);
        }
        StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.15);
        // else the theme replaces the level colors with its own
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        for (int level = 0; level < LEVEL_COLORS.length; level++) {
            renderer.setSeriesPaint(level, LEVEL_COLORS[level]);
        }
        DateAxis time = new DateAxis();
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setLowerMargin(0.01);
        time.setUpperMargin(0.01);
        XYPlot plot = new XYPlot(dataset, time, countAxis("alerts"), renderer);
        return styled(plot);
    }

    /** Each detector's alerts by confidence, in the report's ten bins, stacked by detector. */
    private static JFreeChart confidence(List<DetectorRow> detectors) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (DetectorRow row : detectors) {
            long[] bins = row.confidenceHistogram();
            for (int bin = 0; bin < bins.length; bin++) {
                dataset.addValue(bins[bin], row.detector(), binLabel(bin));
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int series = 0; series < detectors.size(); series++) {
            renderer.setSeriesPaint(series, SERIES_COLORS[series % SERIES_COLORS.length]);
        }
        CategoryAxis bins = new CategoryAxis("confidence");
        bins.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        CategoryPlot plot = new CategoryPlot(dataset, bins, countAxis("alerts"), renderer);
        return styled(plot);
    }

    /** A bin's range as the report names it: {@code 0.7–0.8}, the last {@code 0.9–1.0}. */
    static String binLabel(int bin) {
        return String.format(Locale.ENGLISH, "%.1f–%.1f", bin / 10.0, (bin + 1) / 10.0);
    }

    private static NumberAxis countAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis;
    }

    private static JFreeChart styled(Plot plot) {
        Font regular = ReportFonts.SANS.awt(11);
        StandardChartTheme theme = new StandardChartTheme("report");
        theme.setExtraLargeFont(regular.deriveFont(14f));
        theme.setLargeFont(regular.deriveFont(12f));
        theme.setRegularFont(regular);
        theme.setSmallFont(regular.deriveFont(10f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setShadowVisible(false);
        JFreeChart chart = new JFreeChart(null, regular, plot, true);
        theme.apply(chart);
        chart.setBorderVisible(false);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 12));
        if (plot instanceof XYPlot xy) {
            xy.setRangeGridlineStroke(new BasicStroke(0.5f));
            xy.setDomainGridlinesVisible(false);
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlineStroke(new BasicStroke(0.5f));
        }
        return chart;
    }

}

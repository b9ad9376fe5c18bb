package io.github.sqlitepragmaagent.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as plain SVG text, one panel per measure. Each panel has its own
 * logarithmic scale, because the configurations differ by orders of magnitude (a few hundred reads/s
 * against hundreds of thousands) and a linear scale would show the smaller bars as nothing.
 */
final class BarChartSvg {

    record Bar(String label, double value) {}

    record Panel(String title, List<Bar> bars) {}

    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 140;
    private static final int PLOT_WIDTH = 500;
    private static final int BAR_HEIGHT = 20;
    private static final int BAR_GAP = 6;
    private static final int HEADER = 64;
    /** One colour per bar position, so that a configuration has the same colour in every panel. */
    private static final List<String> COLOURS = List.of("#9e9e9e", "#2e7d32", "#1565c0", "#ef6c00");

    private BarChartSvg() {}

    static String render(String title, String subtitle, List<Panel> panels) {
        StringBuilder body = new StringBuilder();
        int y = HEADER;
        for (Panel panel : panels) {
            y = panel(body, panel, y) + 24;
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, y, WIDTH, y));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, y));
        text(svg, 12, 24, "start", "font-size=\"16\" font-weight=\"bold\"", title);
        text(svg, 12, 44, "start", "fill=\"#555\"", subtitle);
        return svg.append(body).append("</svg>\n").toString();
    }

    /** Draws one panel from {@code top}; returns where it ends. */
    private static int panel(StringBuilder svg, Panel panel, int top) {
        double max = panel.bars().stream().mapToDouble(Bar::value).filter(v -> v > 0).max().orElse(1);
        double min = panel.bars().stream().mapToDouble(Bar::value).filter(v -> v > 0).min().orElse(1);
        int lowDecade = (int) Math.floor(Math.log10(min));
        int highDecade = Math.max(lowDecade + 1, (int) Math.ceil(Math.log10(max)));
        text(svg, 12, top + 14, "start", "font-weight=\"bold\"", panel.title() + " (log scale)");
        int barsTop = top + 24;
        int barsBottom = barsTop + panel.bars().size() * (BAR_HEIGHT + BAR_GAP);
        for (int decade = lowDecade; decade <= highDecade; decade++) {
            double x = LABEL_WIDTH + PLOT_WIDTH * (decade - lowDecade) / (double) (highDecade - lowDecade);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    x, barsTop - 4, x, barsBottom));
            text(svg, x, barsBottom + 14, "middle", "fill=\"#555\" font-size=\"10\"", decadeLabel(decade));
        }
        for (int i = 0; i < panel.bars().size(); i++) {
            Bar bar = panel.bars().get(i);
            int y = barsTop + i * (BAR_HEIGHT + BAR_GAP);
            text(svg, LABEL_WIDTH - 8, y + 14, "end", "", bar.label());
            double width = 0;
            if (bar.value() > 0) {
                width = Math.max(1, PLOT_WIDTH * (Math.log10(bar.value()) - lowDecade) / (highDecade - lowDecade));
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                        LABEL_WIDTH, y, width, BAR_HEIGHT, COLOURS.get(i % COLOURS.size())));
            }
            text(svg, LABEL_WIDTH + width + 6, y + 14, "start", "", String.format(Locale.ROOT, "%,.0f", bar.value()));
        }
        return barsBottom + 18;
    }

    private static String decadeLabel(int decade) {
        String[] suffixes = {"", "k", "M", "G"};
        int thousands = Math.min(Math.max(decade, 0) / 3, suffixes.length - 1);
        return decade < 0 ? String.format(Locale.ROOT, "%s", Math.pow(10, decade))
                : (long) Math.pow(10, decade - 3 * thousands) + suffixes[thousands];
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String attributes, String content) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n", x, y, anchor,
                attributes, content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }
}

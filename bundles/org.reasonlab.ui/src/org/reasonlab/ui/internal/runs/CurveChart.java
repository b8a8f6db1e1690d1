package org.reasonlab.ui.internal.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.LineStyle;

/**
 * Line curves over optimizer steps (SWTChart). Points that are not finite (a diverged loss) cannot be drawn and
 * are left out of the drawn series; {@link #shown} returns what was given.
 */
public final class CurveChart {
    private static final int HEIGHT = 220;
    private static final int[] COLORS = {SWT.COLOR_DARK_BLUE, SWT.COLOR_DARK_RED, SWT.COLOR_DARK_GREEN,
            SWT.COLOR_DARK_MAGENTA, SWT.COLOR_DARK_CYAN, SWT.COLOR_DARK_YELLOW, SWT.COLOR_DARK_GRAY};

    private final Chart chart;
    private final Map<String, double[][]> given = new LinkedHashMap<>();

    public CurveChart(Composite parent, String yTitle, Color background) {
        chart = new Chart(parent, SWT.NONE);
        chart.setBackground(background);
        chart.getTitle().setVisible(false);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.getTitle().setText("Step");
        IAxis y = chart.getAxisSet().getYAxis(0);
        y.getTitle().setText(yTitle);
        Color text = parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND);
        for (IAxis axis : new IAxis[] {x, y}) {
            axis.getTitle().setForeground(text);
            axis.getTitle().setFont(JFaceResources.getDefaultFont());
            axis.getTick().setForeground(text);
            axis.getTick().setFont(JFaceResources.getDefaultFont());
        }
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, HEIGHT).applyTo(chart);
    }

    /**
     * Replaces the curves: name to {@code [x, y]}, drawn in order; a name ending in {@code (raw)} is drawn thin, one
     * ending in {@code (smoothed)} dashed-free and thicker.
     */
    public void setCurves(Map<String, double[][]> curves) {
        for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
            chart.getSeriesSet().deleteSeries(s.getId());
        }
        given.clear();
        int index = 0;
        for (Map.Entry<String, double[][]> c : curves.entrySet()) {
            given.put(c.getKey(), c.getValue());
            double[][] finite = finite(c.getValue());
            ILineSeries<?> line = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, c.getKey());
            line.setXSeries(finite[0]);
            line.setYSeries(finite[1]);
            line.setLineColor(chart.getDisplay().getSystemColor(COLORS[index % COLORS.length]));
            line.setLineStyle(LineStyle.SOLID);
            line.setLineWidth(c.getKey().endsWith("(smoothed)") ? 2 : 1);
            line.setSymbolType(finite[0].length == 1 || c.getKey().endsWith("(raw)") && finite[0].length < 30
                    ? PlotSymbolType.CIRCLE : PlotSymbolType.NONE);
            line.setSymbolSize(2);
            index++;
        }
        chart.getLegend().setVisible(curves.size() > 1);
        if (!curves.isEmpty()) {
            chart.getAxisSet().adjustRange();
        }
        chart.redraw();
    }

    private static double[][] finite(double[][] xy) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < Math.min(xy[0].length, xy[1].length); i++) {
            if (Double.isFinite(xy[0][i]) && Double.isFinite(xy[1][i])) {
                points.add(new double[] {xy[0][i], xy[1][i]});
            }
        }
        double[][] out = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            out[0][i] = points.get(i)[0];
            out[1][i] = points.get(i)[1];
        }
        return out;
    }

    /** The curves given, by name ({@code [x, y]}). */
    public Map<String, double[][]> shown() {
        return new LinkedHashMap<>(given);
    }

    /** The y values SWTChart holds for a series, null when there is none. */
    public double[] drawnY(String name) {
        ISeries<?> s = chart.getSeriesSet().getSeries(name);
        return s == null ? null : s.getYSeries();
    }

    public Chart control() {
        return chart;
    }

    /** An exponential moving average with the weight of the past ({@code 0 <= weight < 1}), skipping non-finite values. */
    public static double[] ema(double[] values, double weight) {
        double[] out = new double[values.length];
        double last = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                out[i] = v;
                continue;
            }
            last = Double.isNaN(last) ? v : weight * last + (1 - weight) * v;
            out[i] = last;
        }
        return out;
    }
}

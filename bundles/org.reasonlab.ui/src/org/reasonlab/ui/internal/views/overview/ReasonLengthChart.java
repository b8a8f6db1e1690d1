package org.reasonlab.ui.internal.views.overview;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IBarSeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.reasonlab.core.stats.Histogram;

/** A bar chart of how many reasons have how many words, one bar per histogram bin. */
public final class ReasonLengthChart {
    private static final String SERIES_ID = "reasons";
    private static final int HEIGHT = 160;
    /** With more bins than this the bin labels are drawn slanted so that they do not overlap. */
    private static final int MAX_UPRIGHT_LABELS = 8;

    private final Chart chart;

    public ReasonLengthChart(Composite parent, FormToolkit toolkit) {
        chart = new Chart(parent, SWT.NONE);
        chart.setBackground(toolkit.getColors().getBackground());
        chart.getTitle().setVisible(false);
        chart.getLegend().setVisible(false);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.getTitle().setText("Words in reason");
        x.enableCategory(true);
        IAxis y = chart.getAxisSet().getYAxis(0);
        y.getTitle().setText("Reasons");
        y.setIntegerDataPointAxis(true);
        Color text = parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND);
        for (IAxis axis : new IAxis[] {x, y}) {
            axis.getTitle().setForeground(text);
            axis.getTitle().setFont(JFaceResources.getDefaultFont());
            axis.getTick().setForeground(text);
            axis.getTick().setFont(JFaceResources.getDefaultFont());
        }
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, HEIGHT).applyTo(chart);
    }

    /** Shows one bar per bin of the histogram, labelled with the bin's range. */
    public void setHistogram(Histogram histogram) {
        if (chart.getSeriesSet().getSeries(SERIES_ID) != null) {
            chart.getSeriesSet().deleteSeries(SERIES_ID);
        }
        String[] categories = new String[histogram.bins()];
        double[] values = new double[histogram.bins()];
        for (int bin = 0; bin < histogram.bins(); bin++) {
            categories[bin] = histogram.label(bin);
            values[bin] = histogram.count(bin);
        }
        IBarSeries<?> bars = (IBarSeries<?>) chart.getSeriesSet().createSeries(SeriesType.BAR, SERIES_ID);
        bars.setBarColor(chart.getDisplay().getSystemColor(SWT.COLOR_LIST_SELECTION));
        bars.setBarPadding(15);
        bars.setYSeries(values);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.setCategorySeries(categories);
        x.getTick().setTickLabelAngle(categories.length > MAX_UPRIGHT_LABELS ? 45 : 0);
        chart.getAxisSet().adjustRange();
        chart.redraw();
    }

    /** The bar heights shown, for tests. */
    public double[] shownCounts() {
        var series = chart.getSeriesSet().getSeries(SERIES_ID);
        return series == null ? new double[0] : series.getYSeries();
    }

    public Chart control() {
        return chart;
    }
}

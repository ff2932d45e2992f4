package io.maap.reporting.report.web;

import io.maap.reporting.report.query.AnnualReport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The annual report as an XLSX workbook (Apache POI): a cover sheet (title, programme year, the day
 * the figures are as of), then one sheet per section: its heading and paragraphs, each table with a
 * header row (numbers as numbers), and each chart's figures with a native bar chart beside them.
 * Text cells are stored as text, never as formulas.
 */
@Component
public class SpreadsheetReport {

    public byte[] render(AnnualReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            XSSFSheet cover = workbook.createSheet("Cover");
            int r = 0;
            text(cover, r++, 0, "Annual audit overview report", styles.heading);
            text(cover, r++, 0, report.title(), styles.heading);
            if (report.partnership() != null) {
                text(cover, r++, 0, report.partnership(), null);
            }
            if (report.periodStart() != null && report.periodEnd() != null) {
                text(cover, r++, 0, "Programme year " + io.maap.reporting.report.query.Cells.day(report.periodStart()) + " to "
                        + io.maap.reporting.report.query.Cells.day(report.periodEnd()), null);
            }
            text(cover, r++, 0, PdfReport.asOfLine(report), styles.bold);
            r++;
            text(cover, r++, 0, "Sections (one sheet each)", styles.bold);
            for (AnnualReport.Section section : report.sections()) {
                text(cover, r++, 0, section.heading(), null);
            }
            cover.setColumnWidth(0, 90 * 256);
            for (AnnualReport.Section section : report.sections()) {
                section(workbook, styles, section);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the annual report as a spreadsheet", e);
        }
    }

    /** A sheet's name: the section's heading, as Excel allows it (31 characters, no []:*?/\). */
    static String sheetName(AnnualReport.Section section) {
        return WorkbookUtil.createSafeSheetName(section.heading());
    }

    private void section(XSSFWorkbook workbook, Styles styles, AnnualReport.Section section) {
        XSSFSheet sheet = workbook.createSheet(sheetName(section));
        int r = 0;
        text(sheet, r++, 0, section.heading(), styles.heading);
        for (String paragraph : section.paragraphs()) {
            text(sheet, r++, 0, paragraph, null);
        }
        int widest = 1;
        for (AnnualReport.Table table : section.tables()) {
            r++;
            text(sheet, r++, 0, table.caption(), styles.bold);
            Row header = sheet.createRow(r++);
            for (int c = 0; c < table.headers().size(); c++) {
                cell(header, c, table.headers().get(c), styles.header);
            }
            widest = Math.max(widest, table.headers().size());
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    cell(row, c, values.get(c), null);
                }
            }
        }
        for (AnnualReport.BarChart chart : section.charts()) {
            r++;
            text(sheet, r++, 0, chart.title(), styles.bold);
            Row header = sheet.createRow(r++);
            cell(header, 0, "", styles.header);
            cell(header, 1, chart.unit(), styles.header);
            int first = r;
            for (AnnualReport.Bar bar : chart.bars()) {
                Row row = sheet.createRow(r++);
                cell(row, 0, bar.label(), null);
                cell(row, 1, bar.value(), null);
            }
            if (!chart.bars().isEmpty()) {
                barChart(sheet, chart, first, r - 1, widest + 1);
            }
            text(sheet, r++, 0, chart.textAlternative(), null);
        }
        sheet.setColumnWidth(0, 45 * 256);
        for (int c = 1; c < widest; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
    }

    private static void barChart(XSSFSheet sheet, AnnualReport.BarChart chart, int firstRow, int lastRow, int column) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column, Math.max(0, firstRow - 2), column + 8,
                firstRow - 2 + Math.max(12, 2 * chart.bars().size()));
        XSSFChart xssfChart = drawing.createChart(anchor);
        xssfChart.setTitleText(chart.title());
        xssfChart.setTitleOverlay(false);
        XDDFCategoryAxis categories = xssfChart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis values = xssfChart.createValueAxis(AxisPosition.BOTTOM);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, 0, 0));
        XDDFNumericalDataSource<Double> numbers = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(firstRow, lastRow, 1, 1));
        XDDFBarChartData data = (XDDFBarChartData) xssfChart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        XDDFChartData.Series series = data.addSeries(labels, numbers);
        series.setTitle(chart.unit(), null);
        xssfChart.plot(data);
    }

    private static void text(XSSFSheet sheet, int rowIndex, int column, String value, CellStyle style) {
        Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
        cell(row, column, value, style);
    }

    private static void cell(Row row, int column, Object value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else {
            // setCellValue(String) stores text; a leading '=' stays text, never a formula.
            cell.setCellValue(value == null ? "" : value.toString());
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static final class Styles {
        final CellStyle heading;
        final CellStyle bold;
        final CellStyle header;

        Styles(XSSFWorkbook workbook) {
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            heading = workbook.createCellStyle();
            heading.setFont(big);
            Font strong = workbook.createFont();
            strong.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(strong);
            header = workbook.createCellStyle();
            header.setFont(strong);
            header.setWrapText(true);
            header.setBorderBottom(org.apache.poi.ss.usermodel.BorderStyle.MEDIUM);
        }
    }
}

package io.clientele.shared.files;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Workbooks written by the export read back cell by cell as the user sees them, workbooks
 * as Excel writes them (shared strings, built-in date formats, formulas) read the same
 * way, and files that only pretend to be workbooks are refused.
 */
class TabularXlsxTests {

	@TempDir
	Path folder;

	@Test
	void a_written_workbook_reads_back_with_its_text_numbers_dates_and_empty_cells_in_place() throws IOException {
		Path file = folder.resolve("export.xlsx");
		try (TabularWriter writer = TabularWriter.xlsx(Files.newOutputStream(file), "Клиенты")) {
			writer.header(List.of("Клиент", "Количество", "Сумма", "Создан", "Комментарий", "Город"));
			writer.row(Arrays.asList("ООО «Ромашка»", 42, new BigDecimal("1234.50"), LocalDate.of(2024, 2, 29),
					"Звонить после 15:00", "Москва"));
			writer.row(Arrays.asList("ИП Ёлкин", 7L, 0.1, null, null, "Тверь"));
			writer.row(Arrays.asList("Без суммы", null, null, LocalDate.of(1999, 12, 31)));
			writer.row(Arrays.asList("Со временем", -3, 1e15, LocalDateTime.of(2025, 1, 2, 3, 4, 5), "", true));
		}

		try (TabularReader reader = TabularFile.open(file, "export.xlsx")) {
			assertThat(reader.detected()).isEqualTo(new TabularReader.Detected(TabularFormat.XLSX, null, null));
			assertThat(reader.header()).containsExactly("Клиент", "Количество", "Сумма", "Создан", "Комментарий",
					"Город");
			assertThat(reader.next()).containsExactly("ООО «Ромашка»", "42", "1234.5", "2024-02-29",
					"Звонить после 15:00", "Москва");
			assertThat(reader.next()).containsExactly("ИП Ёлкин", "7", "0.1", "", "", "Тверь");
			assertThat(reader.next()).containsExactly("Без суммы", "", "", "1999-12-31", "", "");
			assertThat(reader.next()).containsExactly("Со временем", "-3", "1000000000000000", "2025-01-02 03:04:05",
					"", "TRUE");
			assertThat(reader.rowNumber()).isEqualTo(5);
			assertThat(reader.next()).isNull();
		}
	}

	@Test
	void progress_follows_the_rows_of_the_sheet_up_to_one() throws IOException {
		Path file = folder.resolve("rows.xlsx");
		try (TabularWriter writer = TabularWriter.xlsx(Files.newOutputStream(file), "Rows")) {
			writer.header(List.of("n"));
			for (int i = 1; i <= 5000; i++) {
				writer.row(List.of(i));
			}
		}

		try (TabularReader reader = TabularFile.open(file, "rows.xlsx")) {
			double progress = reader.progress();
			assertThat(progress).isLessThan(0.01);
			List<String> row;
			while ((row = reader.next()) != null) {
				assertThat(reader.progress()).isGreaterThanOrEqualTo(progress);
				progress = reader.progress();
				if (row.get(0).equals("2500")) {
					assertThat(progress).isBetween(0.45, 0.55);
				}
			}
			assertThat(reader.rowNumber()).isEqualTo(5001);
			assertThat(reader.progress()).isEqualTo(1.0);
		}
	}

	@Test
	void a_workbook_as_excel_writes_it_reads_as_the_user_sees_it() throws IOException {
		Path file = folder.resolve("excel.xlsx");
		String styles = "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
				+ "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"[$-419]dd\\.mm\\.yyyy;@\"/></numFmts>"
				+ "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
				+ "<xf numFmtId=\"10\"/><xf numFmtId=\"4\"/></cellXfs></styleSheet>";
		String strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4\">"
				+ "<si><t>Дата</t></si><si><t>Доля</t></si><si><r><t>Иванов </t></r><r><t>Иван</t></r></si>"
				+ "<si><t>Итого</t></si></sst>";
		String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
				+ "<dimension ref=\"A1:E4\"/><sheetData>"
				+ "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
				+ "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>3</v></c></row>"
				+ "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>45351</v></c><c r=\"B3\" s=\"3\"><v>0.125</v></c>"
				+ "<c r=\"D3\" s=\"4\"><f>2/3</f><v>0.66666666666666663</v></c><c r=\"E3\" t=\"b\"><v>0</v></c></row>"
				+ "<row r=\"4\"><c r=\"A4\" s=\"2\"><v>36525</v></c><c r=\"B4\" t=\"e\"><v>#DIV/0!</v></c>"
				+ "<c r=\"C4\" t=\"str\"><f>\"=\"&amp;\"x\"</f><v>=x</v></c></row>" + "</sheetData></worksheet>";
		workbook(file, sheet, strings, styles);

		try (TabularReader reader = TabularFile.open(file, "excel.xlsx")) {
			assertThat(reader.header()).containsExactly("Дата", "Доля", "Иванов Иван", "Итого", "Итого");
			assertThat(reader.next()).containsExactly("2024-02-29", "12.5%", "", "0.666666666666667", "FALSE");
			assertThat(reader.rowNumber()).isEqualTo(3);
			assertThat(reader.next()).containsExactly("1999-12-31", "#DIV/0!", "=x", "", "");
			assertThat(reader.rowNumber()).isEqualTo(4);
			assertThat(reader.next()).isNull();
		}
	}

	@Test
	void a_sheet_damaged_half_way_is_refused_at_the_row_where_it_breaks() throws IOException {
		Path file = folder.resolve("damaged.xlsx");
		String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
				+ "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Имя</t></is></c></row>"
				+ "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Анна</t></is></c></row>"
				+ "<row r=\"3\"><c r=\"A3\"><v>1</v></c><row";
		workbook(file, sheet, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>",
				"<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");

		try (TabularReader reader = TabularFile.open(file, "damaged.xlsx")) {
			assertThat(reader.next()).containsExactly("Анна");
			assertThatExceptionOfType(UnreadableFile.class).isThrownBy(reader::next).satisfies(ex -> {
				assertThat(ex.messageKey()).isEqualTo("files.unreadable.damaged");
				assertThat(ex.arguments()).containsExactly("damaged.xlsx", 3L);
			});
		}
	}

	@Test
	void a_text_file_named_xlsx_is_refused() throws IOException {
		Path file = folder.resolve("clients.xlsx");
		Files.writeString(file, "name;phone\nИванов;+7 916 000-00-00\n");

		assertThatExceptionOfType(UnreadableFile.class).isThrownBy(() -> TabularFile.open(file, "clients.xlsx"))
			.satisfies(ex -> {
				assertThat(ex.messageKey()).isEqualTo("files.unreadable.format");
				assertThat(ex.arguments()).containsExactly("clients.xlsx");
			});
	}

	@Test
	void a_zip_that_is_not_a_workbook_is_refused() throws IOException {
		Path file = folder.resolve("archive.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			entry(zip, "readme.txt", "not a workbook");
		}

		assertThatExceptionOfType(UnreadableFile.class).isThrownBy(() -> TabularFile.open(file, "archive.xlsx"))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("files.unreadable.format"));
	}

	@Test
	void an_excel_97_workbook_is_refused_with_its_own_message() throws IOException {
		Path file = folder.resolve("old.xls");
		byte[] ole2 = new byte[512];
		byte[] signature = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(signature, 0, ole2, 0, signature.length);
		Files.write(file, ole2);

		assertThatExceptionOfType(UnreadableFile.class).isThrownBy(() -> TabularFile.open(file, "old.xls"))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("files.unreadable.xls"));
	}

	/** The smallest package Excel accepts: content types, workbook, its relationships. */
	private static void workbook(Path file, String sheet, String strings, String styles) throws IOException {
		String main = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			entry(zip, "[Content_Types].xml",
					"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
							+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
							+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
							+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
							+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
							+ "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
							+ "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
							+ "</Types>");
			entry(zip, "_rels/.rels",
					"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + main
							+ "/officeDocument\" Target=\"xl/workbook.xml\"/>" + "</Relationships>");
			entry(zip, "xl/workbook.xml",
					"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"" + " xmlns:r=\""
							+ main
							+ "\"><sheets><sheet name=\"Лист1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			entry(zip, "xl/_rels/workbook.xml.rels",
					"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
							+ "<Relationship Id=\"rId1\" Type=\"" + main
							+ "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" + "<Relationship Id=\"rId2\" Type=\""
							+ main + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
							+ "<Relationship Id=\"rId3\" Type=\"" + main + "/styles\" Target=\"styles.xml\"/>"
							+ "</Relationships>");
			entry(zip, "xl/worksheets/sheet1.xml", sheet);
			entry(zip, "xl/sharedStrings.xml", strings);
			entry(zip, "xl/styles.xml", styles);
		}
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}

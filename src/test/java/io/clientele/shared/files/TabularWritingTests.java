package io.clientele.shared.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports open correctly in Russian Excel with a double click, and what a client typed
 * into a card is never run as a formula when the export is opened.
 */
class TabularWritingTests {

	private static final List<String> FORMULAS = List.of("=1+1", "+7 495 123-45-67", "-5", "@SUM(A1)", "\t=x", "\r=x");

	@TempDir
	Path folder;

	@Test
	void text_that_a_spreadsheet_would_run_as_a_formula_gets_an_apostrophe() {
		assertThat(FORMULAS.stream().map(Spreadsheets::neutralise)).containsExactly("'=1+1", "'+7 495 123-45-67", "'-5",
				"'@SUM(A1)", "'\t=x", "'\r=x");
	}

	@Test
	void ordinary_text_is_left_alone() {
		assertThat(Spreadsheets.neutralise("")).isEmpty();
		assertThat(Spreadsheets.neutralise("ООО «Ромашка»")).isEqualTo("ООО «Ромашка»");
		assertThat(Spreadsheets.neutralise("8 (495) 123-45-67")).isEqualTo("8 (495) 123-45-67");
		assertThat(Spreadsheets.neutralise("a=b")).isEqualTo("a=b");
		assertThat(Spreadsheets.neutralise(" =1+1")).isEqualTo(" =1+1");
	}

	@Test
	void csv_export_neutralises_text_cells_but_not_numbers() throws IOException {
		Path file = folder.resolve("export.csv");
		try (TabularWriter writer = TabularWriter.csv(Files.newOutputStream(file))) {
			writer.header(List.of("=title", "Сумма"));
			for (String formula : FORMULAS) {
				writer.row(List.of(formula, -5));
			}
			writer.row(List.of("Обычный текст", 42));
		}

		try (TabularReader reader = TabularFile.open(file, "export.csv")) {
			assertThat(reader.header()).containsExactly("'=title", "Сумма");
			for (String formula : FORMULAS) {
				assertThat(reader.next()).containsExactly("'" + formula, "-5");
			}
			assertThat(reader.next()).containsExactly("Обычный текст", "42");
		}
	}

	@Test
	void xlsx_export_neutralises_text_cells_but_not_numbers() throws IOException {
		Path file = folder.resolve("export.xlsx");
		try (TabularWriter writer = TabularWriter.xlsx(Files.newOutputStream(file), "Export")) {
			writer.header(List.of("-title", "Сумма"));
			for (String formula : FORMULAS) {
				writer.row(List.of(formula, -5));
			}
			writer.row(List.of("Обычный текст", 42.5));
		}

		try (TabularReader reader = TabularFile.open(file, "export.xlsx")) {
			assertThat(reader.header()).containsExactly("'-title", "Сумма");
			for (String formula : FORMULAS) {
				assertThat(reader.next()).containsExactly("'" + formula, "-5");
			}
			assertThat(reader.next()).containsExactly("Обычный текст", "42.5");
		}
	}

	@Test
	void csv_for_russian_excel_is_utf8_with_bom_semicolons_decimal_commas_and_crlf() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (TabularWriter writer = TabularWriter.csv(out)) {
			writer.header(List.of("Клиент", "Сумма", "Дата", "Примечание"));
			writer.row(Arrays.asList("ООО \"Ромашка\"", new BigDecimal("1234.50"), LocalDate.of(2024, 3, 15),
					"две;\nстроки"));
			writer.row(Arrays.asList("Без даты", 0.25, null, null));
		}

		byte[] bytes = out.toByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
			.isEqualTo("Клиент;Сумма;Дата;Примечание\r\n"
					+ "\"ООО \"\"Ромашка\"\"\";1234,50;2024-03-15;\"две;\nстроки\"\r\n" + "Без даты;0,25;;\r\n");
	}

	@Test
	void csv_with_commas_writes_decimal_points_and_reads_back_as_written() throws IOException {
		Path file = folder.resolve("comma.csv");
		try (TabularWriter writer = TabularWriter.csv(Files.newOutputStream(file), ',')) {
			writer.header(List.of("name", "amount"));
			writer.row(List.of("Smith, John", 1.5));
		}

		assertThat(Files.readString(file)).isEqualTo("\uFEFFname,amount\r\n\"Smith, John\",1.5\r\n");
		try (TabularReader reader = TabularFile.open(file, "comma.csv")) {
			assertThat(reader.detected().delimiter()).isEqualTo(',');
			assertThat(reader.next()).containsExactly("Smith, John", "1.5");
		}
	}

}

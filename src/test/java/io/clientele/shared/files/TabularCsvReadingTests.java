package io.clientele.shared.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * CSV files read as a spreadsheet would show them, whatever encoding and delimiter the
 * user's program chose: the csv-spectrum edge cases, Russian Excel's Windows-1251 with
 * semicolons, UTF-8 with and without a byte order mark, tab-separated "Unicode text".
 */
class TabularCsvReadingTests {

	private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

	@TempDir
	Path folder;

	static Stream<String> spectrum() throws IOException, URISyntaxException {
		URL csvs = TabularCsvReadingTests.class.getResource("/csv-spectrum/csvs");
		try (Stream<Path> files = Files.list(Path.of(csvs.toURI()))) {
			return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("spectrum")
	void every_csv_spectrum_file_reads_into_exactly_the_rows_of_its_json_twin(String name) throws Exception {
		Path csv = Path.of(getClass().getResource("/csv-spectrum/csvs/" + name).toURI());
		JsonNode expected;
		try (InputStream json = getClass().getResourceAsStream("/csv-spectrum/json/" + name.replace(".csv", ".json"))) {
			expected = JsonMapper.builder().build().readTree(json);
		}
		// the *_crlf files of the shared copy lost their CRs on the way (their bytes are
		// LF only), while the json still expects the CRLF inside the quoted field; the
		// real CRLF case is a_quoted_field_keeps_its_crlf_line_break
		boolean hasCarriageReturns = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8).contains("\r");

		List<String> expectedHeader = new ArrayList<>(expected.get(0).propertyNames());
		List<List<String>> expectedRows = new ArrayList<>();
		for (JsonNode object : expected) {
			List<String> row = new ArrayList<>();
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				String value = property.getValue().asString();
				row.add(hasCarriageReturns ? value : value.replace("\r\n", "\n"));
			}
			expectedRows.add(row);
		}

		try (TabularReader reader = TabularFile.open(csv, name)) {
			assertThat(reader.detected().format()).isEqualTo(TabularFormat.CSV);
			assertThat(reader.detected().delimiter()).isEqualTo(',');
			assertThat(reader.header()).isEqualTo(expectedHeader);
			assertThat(rowsOf(reader)).isEqualTo(expectedRows);
		}
	}

	@Test
	void a_quoted_field_keeps_its_crlf_line_break_and_counts_as_one_row() throws IOException {
		Path csv = write("crlf.csv", "a,b,c\r\n1,2,3\r\n\"Once upon \r\na time\",5,6\r\n7,8,9\r\n",
				StandardCharsets.UTF_8);

		try (TabularReader reader = TabularFile.open(csv, "crlf.csv")) {
			assertThat(reader.next()).containsExactly("1", "2", "3");
			assertThat(reader.next()).containsExactly("Once upon \r\na time", "5", "6");
			assertThat(reader.rowNumber()).isEqualTo(3);
			assertThat(reader.next()).containsExactly("7", "8", "9");
			assertThat(reader.rowNumber()).isEqualTo(4);
			assertThat(reader.next()).isNull();
		}
	}

	@Test
	void russian_excel_csv_in_windows_1251_with_semicolons_is_detected_and_decoded() throws IOException {
		Path csv = write("клиенты.csv",
				"Название;ИНН;Сумма\r\nООО «Ромашка»;7701234567;1234,50\r\nИП Ёлкин Пётр;500100732259;0,5\r\n",
				WINDOWS_1251);

		try (TabularReader reader = TabularFile.open(csv, "клиенты.csv")) {
			assertThat(reader.detected().charset()).isEqualTo(WINDOWS_1251);
			assertThat(reader.detected().delimiter()).isEqualTo(';');
			assertThat(reader.header()).containsExactly("Название", "ИНН", "Сумма");
			assertThat(reader.next()).containsExactly("ООО «Ромашка»", "7701234567", "1234,50");
			assertThat(reader.next()).containsExactly("ИП Ёлкин Пётр", "500100732259", "0,5");
		}
	}

	@Test
	void utf8_with_a_byte_order_mark_is_read_without_it() throws IOException {
		Path csv = folder.resolve("bom.csv");
		Files.write(csv, concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				"Имя;Телефон\r\nАнна;+7 916 000-00-00\r\n".getBytes(StandardCharsets.UTF_8)));

		try (TabularReader reader = TabularFile.open(csv, "bom.csv")) {
			assertThat(reader.detected().charset()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(reader.header()).containsExactly("Имя", "Телефон");
			assertThat(reader.next()).containsExactly("Анна", "+7 916 000-00-00");
		}
	}

	@Test
	void utf8_without_a_byte_order_mark_is_recognised_as_utf8() throws IOException {
		Path csv = write("plain.csv", "name,city\nЖанна,Санкт-Петербург\nZoë,Zürich\n", StandardCharsets.UTF_8);

		try (TabularReader reader = TabularFile.open(csv, "plain.csv")) {
			assertThat(reader.detected().charset()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(reader.next()).containsExactly("Жанна", "Санкт-Петербург");
			assertThat(reader.next()).containsExactly("Zoë", "Zürich");
		}
	}

	@Test
	void excel_unicode_text_in_utf16_with_tabs_is_read() throws IOException {
		Path csv = folder.resolve("unicode.txt");
		Files.write(csv, concat(new byte[] { (byte) 0xFF, (byte) 0xFE },
				"Фамилия\tИмя\r\nПетров\tИван\r\n".getBytes(StandardCharsets.UTF_16LE)));

		try (TabularReader reader = TabularFile.open(csv, "unicode.txt")) {
			assertThat(reader.detected().charset()).isEqualTo(StandardCharsets.UTF_16LE);
			assertThat(reader.detected().delimiter()).isEqualTo('\t');
			assertThat(reader.header()).containsExactly("Фамилия", "Имя");
			assertThat(reader.next()).containsExactly("Петров", "Иван");
		}
	}

	@Test
	void tab_and_pipe_delimiters_are_detected() throws IOException {
		Path tabs = write("tabs.tsv", "a\tb\tc\n1\t2, 3\t4\n5\t6\t7\n", StandardCharsets.UTF_8);
		Path pipes = write("pipes.csv", "a|b\n1|2;3\n", StandardCharsets.UTF_8);

		try (TabularReader reader = TabularFile.open(tabs, "tabs.tsv")) {
			assertThat(reader.detected().delimiter()).isEqualTo('\t');
			assertThat(reader.next()).containsExactly("1", "2, 3", "4");
		}
		try (TabularReader reader = TabularFile.open(pipes, "pipes.csv")) {
			assertThat(reader.detected().delimiter()).isEqualTo('|');
			assertThat(reader.next()).containsExactly("1", "2;3");
		}
	}

	@Test
	void semicolons_inside_quoted_fields_do_not_make_the_semicolon_the_delimiter() throws IOException {
		Path csv = write("quoted.csv", "name,note\n\"Smith\",\"calls; emails; visits\"\n\"Jones\",\"a;b;c;d\"\n",
				StandardCharsets.UTF_8);

		try (TabularReader reader = TabularFile.open(csv, "quoted.csv")) {
			assertThat(reader.detected().delimiter()).isEqualTo(',');
			assertThat(reader.next()).containsExactly("Smith", "calls; emails; visits");
		}
	}

	@Test
	void decimal_commas_do_not_make_the_comma_the_delimiter() throws IOException {
		Path csv = write("amounts.csv", "Клиент;Сумма;Ставка\nА;1,5;2,25\nБ;3,75;4,5\n", StandardCharsets.UTF_8);

		try (TabularReader reader = TabularFile.open(csv, "amounts.csv")) {
			assertThat(reader.detected().delimiter()).isEqualTo(';');
		}
	}

	@Test
	void the_user_may_override_the_detected_encoding_and_delimiter() throws IOException {
		Path csv = write("odd.csv", "a;b,c\n1;2,3\n", StandardCharsets.ISO_8859_1);

		try (TabularReader reader = TabularFile.open(csv, "odd.csv", new CsvSettings(StandardCharsets.UTF_8, ';'))) {
			assertThat(reader.detected().charset()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(reader.detected().delimiter()).isEqualTo(';');
			assertThat(reader.next()).containsExactly("1", "2,3");
		}
	}

	@Test
	void the_last_row_is_read_without_a_trailing_newline() throws IOException {
		Path csv = write("no-newline.csv", "a;b\r\n1;2\r\n3;\"4\"", StandardCharsets.UTF_8);

		try (TabularReader reader = TabularFile.open(csv, "no-newline.csv")) {
			assertThat(rowsOf(reader)).containsExactly(List.of("1", "2"), List.of("3", "4"));
			assertThat(reader.progress()).isEqualTo(1.0);
		}
	}

	@Test
	void blank_lines_are_skipped_but_counted_so_row_numbers_match_the_spreadsheet() throws IOException {
		Path csv = write("gaps.csv", "a;b\n\n1;2\n;\n3;4\n", StandardCharsets.UTF_8);

		try (TabularReader reader = TabularFile.open(csv, "gaps.csv")) {
			assertThat(reader.rowNumber()).isEqualTo(1);
			assertThat(reader.next()).containsExactly("1", "2");
			assertThat(reader.rowNumber()).isEqualTo(3);
			assertThat(reader.next()).containsExactly("3", "4");
			assertThat(reader.rowNumber()).isEqualTo(5);
		}
	}

	@Test
	void text_after_a_closing_quote_is_kept_and_fields_are_not_trimmed() throws IOException {
		Path csv = write("sloppy.csv", "a;b\n\"Иванов\" Иван; x \n", StandardCharsets.UTF_8);

		try (TabularReader reader = TabularFile.open(csv, "sloppy.csv")) {
			assertThat(reader.next()).containsExactly("Иванов Иван", " x ");
		}
	}

	@Test
	void an_unclosed_quote_is_refused_with_its_row() throws IOException {
		Path csv = write("broken.csv", "a;b\n1;2\n3;\"four\n5;6\n", StandardCharsets.UTF_8);

		try (TabularReader reader = TabularFile.open(csv, "broken.csv")) {
			assertThat(reader.next()).containsExactly("1", "2");
			assertThatExceptionOfType(UnreadableFile.class).isThrownBy(reader::next).satisfies(ex -> {
				assertThat(ex.messageKey()).isEqualTo("files.unreadable.quotes");
				assertThat(ex.arguments()).containsExactly("broken.csv", 3L);
			});
		}
	}

	@Test
	void an_empty_file_has_an_empty_header_and_no_rows() throws IOException {
		Path csv = write("empty.csv", "", StandardCharsets.UTF_8);

		try (TabularReader reader = TabularFile.open(csv, "empty.csv")) {
			assertThat(reader.header()).isEmpty();
			assertThat(reader.next()).isNull();
			assertThat(reader.rowNumber()).isZero();
			assertThat(reader.progress()).isEqualTo(1.0);
		}
	}

	@Test
	void a_binary_file_is_refused_whatever_its_name() throws IOException {
		Path png = folder.resolve("photo.csv");
		Files.write(png, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H' });

		assertThatExceptionOfType(UnreadableFile.class).isThrownBy(() -> TabularFile.open(png, "photo.csv"))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("files.unreadable.format"));
	}

	@Test
	void two_hundred_thousand_rows_stream_through_with_growing_progress() throws IOException {
		Path csv = folder.resolve("big.csv");
		int rows = 200_000;
		try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			out.write("Номер;Клиент;Примечание\r\n");
			for (int i = 1; i <= rows; i++) {
				out.write(i + ";Клиент " + i + ";\"строка; с \"\"кавычками\"\"\"\r\n");
			}
		}

		try (TabularReader reader = TabularFile.open(csv, "big.csv")) {
			assertThat(reader.next()).containsExactly("1", "Клиент 1", "строка; с \"кавычками\"");
			// only the first buffers of a ~10 MB file have been read, not the file
			assertThat(reader.progress()).isLessThan(0.01);
			double progress = reader.progress();
			long read = 1;
			List<String> row;
			while ((row = reader.next()) != null) {
				read++;
				assertThat(reader.progress()).isGreaterThanOrEqualTo(progress);
				progress = reader.progress();
				if (read == rows / 2) {
					assertThat(progress).isBetween(0.4, 0.6);
					assertThat(row.get(0)).isEqualTo(String.valueOf(read));
				}
			}
			assertThat(read).isEqualTo(rows);
			assertThat(reader.rowNumber()).isEqualTo(rows + 1);
			assertThat(reader.progress()).isEqualTo(1.0);
		}
	}

	private Path write(String name, String content, Charset charset) throws IOException {
		Path file = folder.resolve(name);
		Files.write(file, content.getBytes(charset));
		return file;
	}

	static List<List<String>> rowsOf(TabularReader reader) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row;
		while ((row = reader.next()) != null) {
			rows.add(row);
		}
		return rows;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = new byte[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}

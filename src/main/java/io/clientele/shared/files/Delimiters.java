package io.clientele.shared.files;

import java.util.ArrayList;
import java.util.List;

/**
 * Guesses the field separator of a CSV file from its first records: the candidate that
 * splits the header into more than one column and splits the most of the following
 * records into as many columns, counting only separators outside quotes. Russian Excel
 * writes {@code ;} (because the comma is its decimal separator), others {@code ,};
 * "Unicode text" is tab-separated.
 */
final class Delimiters {

	static final char FALLBACK = ',';

	private static final char[] CANDIDATES = { ',', ';', '\t', '|' };

	private static final int MAX_RECORDS = 200;

	private Delimiters() {
	}

	/**
	 * @param sample the first characters of the file
	 * @param complete whether the sample is the whole file (otherwise its last record may
	 * be cut and is not counted)
	 * @return the most consistent candidate, or {@code ,} if none splits the header
	 */
	static char detect(String sample, boolean complete) {
		char best = FALLBACK;
		double bestScore = 0;
		int bestColumns = 0;
		for (char candidate : CANDIDATES) {
			List<Integer> columns = columnsPerRecord(sample, candidate, complete);
			if (columns.isEmpty() || columns.get(0) < 2) {
				continue;
			}
			int header = columns.get(0);
			long matching = columns.stream().filter(count -> count == header).count();
			double score = (double) matching / columns.size();
			if (score > bestScore || (score == bestScore && header > bestColumns)) {
				best = candidate;
				bestScore = score;
				bestColumns = header;
			}
		}
		return best;
	}

	/**
	 * Columns of each non-blank record, as RFC 4180 would split it with this separator.
	 */
	private static List<Integer> columnsPerRecord(String sample, char delimiter, boolean complete) {
		List<Integer> columns = new ArrayList<>();
		boolean quoted = false;
		boolean fieldStart = true;
		boolean blank = true;
		int fields = 1;
		for (int i = 0; i < sample.length() && columns.size() < MAX_RECORDS; i++) {
			char c = sample.charAt(i);
			if (quoted) {
				if (c == '"') {
					boolean escaped = i + 1 < sample.length() && sample.charAt(i + 1) == '"';
					quoted = escaped;
					i += escaped ? 1 : 0;
				}
			}
			else if (c == '"' && fieldStart) {
				quoted = true;
				fieldStart = false;
				blank = false;
			}
			else if (c == delimiter) {
				fields++;
				fieldStart = true;
				blank = false;
			}
			else if (c == '\n' || c == '\r') {
				if (!blank) {
					columns.add(fields);
				}
				fields = 1;
				fieldStart = true;
				blank = true;
			}
			else {
				fieldStart = false;
				blank = false;
			}
		}
		if (complete && !blank && !quoted) {
			columns.add(fields);
		}
		return columns;
	}

}

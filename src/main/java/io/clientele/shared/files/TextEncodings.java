package io.clientele.shared.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Guesses the encoding of a text file the way Russian users produce them: a byte order
 * mark says it outright (Excel's "CSV UTF-8", "Unicode text"); otherwise text that is
 * valid UTF-8 is UTF-8, and anything else is Windows-1251, what Russian Excel and Outlook
 * write by default.
 */
public final class TextEncodings {

	/** How many leading bytes are looked at. */
	public static final int SAMPLE_SIZE = 64 * 1024;

	/** Russian Windows' default ANSI code page. */
	public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

	private static final byte[] UTF_8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final byte[] UTF_16LE_BOM = { (byte) 0xFF, (byte) 0xFE };

	private static final byte[] UTF_16BE_BOM = { (byte) 0xFE, (byte) 0xFF };

	private TextEncodings() {
	}

	/**
	 * The encoding of a file from its first bytes.
	 * @param head the first bytes of the file
	 * @param length how many bytes of {@code head} were read
	 * @param wholeFile whether these are all the file's bytes (if not, a multi-byte
	 * character cut at the end of the sample is no evidence against UTF-8)
	 * @return the encoding and the length of its byte order mark, if any
	 */
	public static Encoding detect(byte[] head, int length, boolean wholeFile) {
		Encoding marked = byBom(head, length);
		if (marked != null) {
			return marked;
		}
		return new Encoding(isUtf8(head, length, wholeFile) ? StandardCharsets.UTF_8 : WINDOWS_1251, 0);
	}

	/**
	 * The length of a byte order mark of the given encoding at the start of the bytes.
	 * @param head the first bytes of the file
	 * @param length how many bytes of {@code head} were read
	 * @param charset the encoding chosen for the file
	 * @return the length of the mark to skip, or 0
	 */
	public static int bomLength(byte[] head, int length, Charset charset) {
		Encoding marked = byBom(head, length);
		return (marked != null && marked.charset().equals(charset)) ? marked.bomLength() : 0;
	}

	/**
	 * A reader of a text stream in its detected encoding, its byte order mark skipped.
	 * @param in the stream; closing the reader closes it
	 * @return the reader and the encoding it decodes
	 * @throws IOException if the stream cannot be read
	 */
	public static Decoded decode(InputStream in) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(in, SAMPLE_SIZE);
		buffered.mark(SAMPLE_SIZE);
		byte[] head = new byte[SAMPLE_SIZE];
		int length = buffered.readNBytes(head, 0, SAMPLE_SIZE);
		buffered.reset();
		Encoding encoding = detect(head, length, length < SAMPLE_SIZE);
		buffered.skipNBytes(encoding.bomLength());
		return new Decoded(new InputStreamReader(buffered, encoding.charset()), encoding.charset());
	}

	private static @Nullable Encoding byBom(byte[] head, int length) {
		if (startsWith(head, length, UTF_8_BOM)) {
			return new Encoding(StandardCharsets.UTF_8, UTF_8_BOM.length);
		}
		if (startsWith(head, length, UTF_16LE_BOM)) {
			return new Encoding(StandardCharsets.UTF_16LE, UTF_16LE_BOM.length);
		}
		if (startsWith(head, length, UTF_16BE_BOM)) {
			return new Encoding(StandardCharsets.UTF_16BE, UTF_16BE_BOM.length);
		}
		return null;
	}

	private static boolean startsWith(byte[] head, int length, byte[] prefix) {
		if (length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (head[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean isUtf8(byte[] head, int length, boolean wholeFile) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CoderResult result = decoder.decode(ByteBuffer.wrap(head, 0, length), CharBuffer.allocate(length), wholeFile);
		return !result.isError();
	}

	/**
	 * An encoding and the byte order mark that announced it.
	 *
	 * @param charset the encoding
	 * @param bomLength the number of bytes of its byte order mark, 0 if there is none
	 */
	public record Encoding(Charset charset, int bomLength) {

	}

	/**
	 * A stream being decoded.
	 *
	 * @param reader the text
	 * @param charset the encoding it was detected in
	 */
	public record Decoded(Reader reader, Charset charset) {

	}

}

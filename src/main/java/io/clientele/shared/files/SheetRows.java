package io.clientele.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * Counts the rows of a sheet before it is read, so that reading can tell its progress:
 * the streaming reader does not say how far into the sheet it is, and the sheet's
 * {@code <dimension>} is not to be trusted (streaming writers, fastexcel's among them,
 * write {@code A1}). One pass over the inflated sheet XML looking for {@code <row} tags
 * costs a fraction of parsing it.
 */
final class SheetRows {

	static final long UNKNOWN = -1;

	private static final String WORKBOOK_RELATIONSHIPS = "xl/_rels/workbook.xml.rels";

	private SheetRows() {
	}

	/**
	 * @param file the workbook
	 * @param relationshipId the sheet's {@code r:id} in {@code workbook.xml}
	 * @return the number of {@code <row>} elements, or {@link #UNKNOWN}
	 */
	static long count(Path file, String relationshipId) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			String sheet = sheetEntry(zip, relationshipId);
			ZipEntry entry = (sheet != null) ? entry(zip, sheet) : null;
			if (entry == null) {
				return UNKNOWN;
			}
			try (InputStream in = zip.getInputStream(entry)) {
				return rowTags(in);
			}
		}
		catch (IOException | XMLStreamException | RuntimeException ex) {
			return UNKNOWN;
		}
	}

	private static @Nullable String sheetEntry(ZipFile zip, String relationshipId)
			throws IOException, XMLStreamException {
		ZipEntry relationships = entry(zip, WORKBOOK_RELATIONSHIPS);
		if (relationships == null) {
			return null;
		}
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		try (InputStream in = zip.getInputStream(relationships)) {
			XMLStreamReader xml = factory.createXMLStreamReader(in);
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(xml.getLocalName())
						&& relationshipId.equals(xml.getAttributeValue(null, "Id"))) {
					String target = xml.getAttributeValue(null, "Target");
					return (target == null) ? null : target.startsWith("/") ? target.substring(1) : "xl/" + target;
				}
			}
		}
		return null;
	}

	private static @Nullable ZipEntry entry(ZipFile zip, String name) {
		ZipEntry entry = zip.getEntry(name);
		if (entry != null) {
			return entry;
		}
		Enumeration<? extends ZipEntry> entries = zip.entries();
		while (entries.hasMoreElements()) {
			ZipEntry candidate = entries.nextElement();
			if (candidate.getName().equalsIgnoreCase(name)) {
				return candidate;
			}
		}
		return null;
	}

	/** Start tags named {@code row} with any namespace prefix ({@code <x:row>}). */
	private static long rowTags(InputStream in) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		byte[] name = new byte[16];
		int nameLength = -1;
		long rows = 0;
		int read;
		while ((read = in.read(buffer)) > 0) {
			for (int i = 0; i < read; i++) {
				byte b = buffer[i];
				if (b == '<') {
					nameLength = 0;
				}
				else if (nameLength >= 0) {
					if (isNameByte(b)) {
						nameLength = (nameLength < name.length) ? nameLength : -1;
						if (nameLength >= 0) {
							name[nameLength++] = b;
						}
					}
					else {
						rows += isRow(name, nameLength) ? 1 : 0;
						nameLength = -1;
					}
				}
			}
		}
		return rows;
	}

	private static boolean isNameByte(byte b) {
		return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == ':' || b == '_'
				|| b == '-' || b == '.';
	}

	private static boolean isRow(byte[] name, int length) {
		if (length < 3 || name[length - 3] != 'r' || name[length - 2] != 'o' || name[length - 1] != 'w') {
			return false;
		}
		return length == 3 || name[length - 4] == ':';
	}

}

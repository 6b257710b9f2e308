package io.clientele.shared.customfields;

/**
 * The kinds of values an administrator can give an extra field.
 */
public enum CustomFieldType {

	TEXT, NUMBER, DATE, BOOLEAN, CHOICE, MULTI_CHOICE, LINK;

	public String messageKey() {
		return "custom-field.type." + name();
	}

	public boolean hasOptions() {
		return this == CHOICE || this == MULTI_CHOICE;
	}

}

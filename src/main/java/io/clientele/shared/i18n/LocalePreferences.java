package io.clientele.shared.i18n;

import java.util.Locale;

/**
 * Stores a signed-in user's language choice so that it follows them to other browsers.
 * Implemented by the module that owns users.
 */
public interface LocalePreferences {

	void store(long userId, Locale locale);

}

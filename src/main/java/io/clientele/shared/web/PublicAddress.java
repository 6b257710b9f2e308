package io.clientele.shared.web;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address users open Clientele at ({@code CLIENTELE_BASE_URL}), for links that leave
 * the application: in mail, in calendar feeds.
 */
@Component
public class PublicAddress {

	private final String base;

	PublicAddress(@Value("${clientele.base-url:}") String base) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/** Whether it is configured. */
	public boolean known() {
		return !base.isEmpty();
	}

	/**
	 * A path of the application as a whole address, or the path alone when none is
	 * configured.
	 */
	public String link(@Nullable String path) {
		return path == null ? "" : base + path;
	}

	/** The configured address, or the one the current request came to. */
	public String ofThisRequest() {
		return known() ? base : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}

}

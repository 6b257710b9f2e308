package io.clientele.shared.web;

import java.util.Map;

/**
 * A section that one module adds to another module's page (a client's deals on the client
 * card, open deals on the start page), rendered from the adding module's own template
 * fragment.
 *
 * @param template the template holding the fragment ({@code deals/panels})
 * @param fragment the fragment's name; it reads its data from {@code panel.model()}
 * @param order where it goes among the page's sections
 */
public record PagePanel(String template, String fragment, int order, Map<String, Object> model) {

	public PagePanel {
		model = Map.copyOf(model);
	}

}
